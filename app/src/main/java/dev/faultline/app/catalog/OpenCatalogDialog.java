package dev.faultline.app.catalog;

import dev.faultline.cluster.catalog.CatalogEntry;
import dev.faultline.cluster.catalog.OpenedExperiment;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;

/**
 * File › Open from Cluster Catalog…: a namespace, its experiments in a searchable table (name,
 * description, latest version, who saved it and when), a version chooser, and a status line for
 * progress and errors. Open reads the version in the background and closes on success.
 */
public final class OpenCatalogDialog extends Dialog<Void> {
  static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

  /**
   * @param onOpened receives the opened version on the FX thread
   */
  public OpenCatalogDialog(
      Window owner,
      String clusterLabel,
      OpenCatalogViewModel model,
      Consumer<OpenedExperiment> onOpened) {
    initOwner(owner);
    initModality(Modality.WINDOW_MODAL);
    setTitle("Open from Cluster Catalog");
    setResizable(true);
    getDialogPane().setId("catalog-open");
    getDialogPane().setHeaderText("Experiments shared on cluster " + clusterLabel);

    TextField namespace = new TextField();
    namespace.setId("catalog-namespace");
    namespace.setPromptText("namespace");
    namespace.textProperty().bindBidirectional(model.namespaceProperty());
    namespace.setOnAction(e -> model.load());
    Button list = new Button("List");
    list.setId("catalog-list");
    list.setOnAction(e -> model.load());
    list.disableProperty().bind(model.busyProperty());
    TextField search = new TextField();
    search.setId("catalog-search");
    search.setPromptText("Search name, description, who saved");
    search.textProperty().bindBidirectional(model.searchProperty());
    HBox.setHgrow(search, Priority.ALWAYS);
    HBox top = new HBox(8, new Label("Namespace"), namespace, list, search);
    top.setAlignment(Pos.CENTER_LEFT);

    TableView<CatalogEntry> table = new TableView<>(model.shown());
    table.setId("catalog-table");
    table.setPlaceholder(new Label("No experiments to show"));
    table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
    TableColumn<CatalogEntry, String> description =
        column("Description", 300, e -> e.latest().description());
    table
        .getColumns()
        .setAll(
            column("Name", 240, e -> e.name()),
            column("Version", 80, e -> "v" + e.latest().version()),
            column("Saved by", 170, e -> e.latest().savedBy()),
            column(
                "Saved at",
                150,
                e -> e.latest().savedAt() == null ? "" : WHEN.format(e.latest().savedAt())),
            description);
    // The description takes whatever width the other columns leave.
    description
        .prefWidthProperty()
        .bind(
            table
                .widthProperty()
                .subtract(240 + 80 + 170 + 150 + 18)
                .map(w -> Math.max(200, w.doubleValue())));
    model.selectedProperty().bind(table.getSelectionModel().selectedItemProperty());
    VBox.setVgrow(table, Priority.ALWAYS);

    ComboBox<Integer> version = new ComboBox<>(model.versions());
    version.setId("catalog-version");
    version.valueProperty().bindBidirectional(model.versionProperty());
    version.disableProperty().bind(Bindings.isEmpty(model.versions()));
    ProgressIndicator progress = new ProgressIndicator();
    progress.setPrefSize(18, 18);
    progress.visibleProperty().bind(model.busyProperty());
    Label status = new Label();
    status.setId("catalog-status");
    status.setWrapText(true);
    status.textProperty().bind(model.statusProperty());
    ErrorStyle.follow(status, model.errorProperty());
    HBox.setHgrow(status, Priority.ALWAYS);
    status.setMaxWidth(Double.MAX_VALUE);
    HBox bottom = new HBox(8, new Label("Version"), version, progress, status);
    bottom.setAlignment(Pos.CENTER_LEFT);

    VBox content = new VBox(10, top, table, bottom);
    content.setPadding(new Insets(8, 12, 0, 12));
    content.setPrefSize(980, 380);
    getDialogPane().setContent(content);

    ButtonType openType = new ButtonType("Open", ButtonBar.ButtonData.OK_DONE);
    getDialogPane().getButtonTypes().setAll(openType, ButtonType.CANCEL);
    Button open = (Button) getDialogPane().lookupButton(openType);
    open.setId("catalog-open-button");
    open.disableProperty().bind(model.busyProperty().or(model.selectedProperty().isNull()));
    Runnable doOpen =
        () ->
            model.open(
                opened -> {
                  onOpened.accept(opened);
                  close();
                });
    // Opening reads the cluster: the dialog stays until it is done, and shows a failure.
    open.addEventFilter(
        ActionEvent.ACTION,
        event -> {
          event.consume();
          doOpen.run();
        });
    table.setRowFactory(
        t -> {
          TableRow<CatalogEntry> row = new TableRow<>();
          // The description column cuts long text; the row's tooltip shows all of it.
          row.itemProperty()
              .addListener(
                  (obs, was, entry) ->
                      row.setTooltip(entry == null ? null : new Tooltip(tooltip(entry))));
          row.setOnMouseClicked(
              e -> {
                if (e.getButton() == MouseButton.PRIMARY
                    && e.getClickCount() == 2
                    && !row.isEmpty()
                    && !model.busyProperty().get()) {
                  doOpen.run();
                }
              });
          return row;
        });
    setResultConverter(button -> null);
    setOnHidden(event -> model.cancel());
    // The pane's preferred size is not enough under every theme: size the window itself.
    setWidth(1000);
    setHeight(540);
  }

  static String tooltip(CatalogEntry entry) {
    var latest = entry.latest();
    String text = latest.name() + " v" + latest.version() + " (" + entry.versions() + " versions)";
    if (!latest.description().isEmpty()) {
      text += "\n" + latest.description();
    }
    if (!latest.message().isEmpty()) {
      text += "\nLast change: " + latest.message();
    }
    if (!latest.tags().isEmpty()) {
      text += "\nTags: " + String.join(", ", latest.tags());
    }
    return text;
  }

  private static TableColumn<CatalogEntry, String> column(
      String title, double width, Function<CatalogEntry, String> value) {
    TableColumn<CatalogEntry, String> column = new TableColumn<>(title);
    column.setPrefWidth(width);
    column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
    return column;
  }
}
