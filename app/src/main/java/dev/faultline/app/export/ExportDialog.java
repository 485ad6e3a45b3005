package dev.faultline.app.export;

import atlantafx.base.theme.Styles;
import dev.faultline.export.ConversionWarning;
import dev.faultline.export.ExportFormat;
import dev.faultline.validate.Problem;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * File › Export: the format and its options on top, a live read-only preview of the exported text,
 * what the format could not carry over (a click on one that names a step selects it), and Copy and
 * Save. The export itself runs in the {@link ExportViewModel}, off the FX thread.
 */
public final class ExportDialog extends BorderPane {

  /** Asks where to save; a {@link FileChooser} in the app, a fixed path in tests. */
  @FunctionalInterface
  public interface SaveTarget {
    Optional<Path> choose(Window owner, ExportFormat format, String fileName, Path folder);
  }

  /** One line of the issues list: a warning or an error, with the path it names. */
  record Issue(String path, String text) {
    @Override
    public String toString() {
      return text;
    }
  }

  private final ExportViewModel model;
  private final SaveTarget saveTarget;
  private final ObjectProperty<Path> lastFolder;
  private final Consumer<String> revealStep;
  private final Label status = new Label();

  /**
   * @param lastFolder where Save starts; updated after each save, so the next one starts there
   * @param revealStep selects a step on the canvas by id
   */
  public ExportDialog(
      ExportViewModel model,
      SaveTarget saveTarget,
      ObjectProperty<Path> lastFolder,
      Consumer<String> revealStep) {
    this.model = model;
    this.saveTarget = saveTarget;
    this.lastFolder = lastFolder;
    this.revealStep = revealStep;
    setId("export-dialog");
    setPadding(new Insets(14));
    setTop(options());
    setCenter(preview());
    setBottom(new VBox(8, issues(), buttons()));
    BorderPane.setMargin(getCenter(), new Insets(10, 0, 10, 0));
  }

  /** Opens the dialog next to {@code owner}; it follows the document until it is closed. */
  public static Stage show(Window owner, ExportDialog dialog) {
    Stage stage = new Stage();
    stage.initOwner(owner);
    stage.setTitle("Export Experiment");
    Scene scene = new Scene(dialog, 780, 640);
    if (owner != null && owner.getScene() != null) {
      scene.getStylesheets().setAll(owner.getScene().getStylesheets());
    }
    stage.setScene(scene);
    dialog.model.attach();
    stage.setOnHidden(event -> dialog.model.detach());
    stage.show();
    return stage;
  }

  private VBox options() {
    ChoiceBox<ExportFormat> format =
        new ChoiceBox<>(FXCollections.observableArrayList(ExportFormat.values()));
    format.setId("export-format");
    format.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(ExportFormat value) {
            return value == null ? "" : value.title();
          }

          @Override
          public ExportFormat fromString(String text) {
            return null;
          }
        });
    format.valueProperty().bindBidirectional(model.formatProperty());

    TextField namespace = new TextField();
    namespace.setId("export-namespace");
    namespace.setPromptText("first namespace the safety policy allows, else default");
    namespace.textProperty().bindBidirectional(model.namespaceProperty());
    HBox namespaceRow = row("Namespace", namespace);
    showOnlyFor(namespaceRow, ExportFormat.CHAOS_MESH);

    TextField className = new TextField();
    className.setId("export-class");
    className.setPromptText("from the experiment's name, e.g. com.acme.CheckoutChaosTest");
    className.textProperty().bindBidirectional(model.classNameProperty());
    HBox classRow = row("Class name", className);
    showOnlyFor(classRow, ExportFormat.JAVA);

    CheckBox k3s = new CheckBox("Start a disposable K3s cluster (Testcontainers; needs Docker)");
    k3s.setId("export-k3s");
    k3s.selectedProperty().bindBidirectional(model.k3sProperty());
    HBox k3sRow = row("Cluster", k3s);
    showOnlyFor(k3sRow, ExportFormat.JAVA);

    TextField manifests = new TextField();
    manifests.setId("export-k3s-manifests");
    manifests.setPromptText("system under test, e.g. k8s/namespace.yaml, k8s/shop.yaml");
    manifests.textProperty().bindBidirectional(model.k3sManifestsProperty());
    HBox manifestsRow = row("Set-up", manifests);
    var shown = model.formatProperty().isEqualTo(ExportFormat.JAVA).and(model.k3sProperty());
    manifestsRow.visibleProperty().bind(shown);
    manifestsRow.managedProperty().bind(shown);

    return new VBox(8, row("Format", format), namespaceRow, classRow, k3sRow, manifestsRow);
  }

  private static HBox row(String label, javafx.scene.Node field) {
    Label name = new Label(label);
    name.setMinWidth(90);
    HBox.setHgrow(field, Priority.ALWAYS);
    if (field instanceof Region region) {
      region.setMaxWidth(Double.MAX_VALUE);
    }
    HBox row = new HBox(10, name, field);
    row.setAlignment(Pos.CENTER_LEFT);
    return row;
  }

  private void showOnlyFor(HBox row, ExportFormat format) {
    var shown = model.formatProperty().isEqualTo(format);
    row.visibleProperty().bind(shown);
    row.managedProperty().bind(shown);
  }

  private TextArea preview() {
    TextArea text = new TextArea();
    text.setId("export-preview");
    text.setEditable(false);
    text.setWrapText(false);
    text.getStyleClass().add("monospace");
    // JavaFX CSS takes one family, no fallback list: the logical "Monospaced" maps to the
    // platform's monospace font (DejaVu Sans Mono, Menlo, Consolas).
    text.setStyle("-fx-font-family: 'Monospaced';");
    text.textProperty().bind(model.textProperty());
    text.setPrefRowCount(20);
    return text;
  }

  private VBox issues() {
    Label message = new Label();
    message.setId("export-message");
    message.setWrapText(true);
    message.textProperty().bind(model.messageProperty());
    model
        .stateProperty()
        .addListener(
            (obs, old, now) -> {
              boolean bad =
                  now == ExportViewModel.State.INVALID || now == ExportViewModel.State.REFUSED;
              if (bad) {
                message.getStyleClass().add(Styles.DANGER);
              } else {
                message.getStyleClass().remove(Styles.DANGER);
              }
            });

    ListView<Issue> list = new ListView<>();
    list.setId("export-issues");
    list.setPrefHeight(132);
    list.setPlaceholder(new Label("Nothing lost in this format."));
    list.setCellFactory(view -> new IssueCell(view));
    Runnable fill =
        () ->
            list.getItems()
                .setAll(issues(model.warningsProperty().get(), model.errorsProperty().get()));
    model.warningsProperty().addListener(obs -> fill.run());
    model.errorsProperty().addListener(obs -> fill.run());
    fill.run();
    list.setOnMouseClicked(
        event -> {
          Issue issue = list.getSelectionModel().getSelectedItem();
          if (issue != null) {
            model.stepOf(issue.path()).ifPresent(revealStep);
          }
        });
    VBox.setVgrow(list, Priority.SOMETIMES);
    return new VBox(6, message, list);
  }

  /** One issue, wrapped to the list's width: the messages say what was lost and what instead. */
  private static final class IssueCell extends javafx.scene.control.ListCell<Issue> {
    private final Label label = new Label();

    IssueCell(ListView<Issue> view) {
      label.setWrapText(true);
      label.maxWidthProperty().bind(view.widthProperty().subtract(36));
      setPrefWidth(0); // let the list's width, not the text's, decide: no horizontal scrolling
    }

    @Override
    protected void updateItem(Issue issue, boolean empty) {
      super.updateItem(issue, empty);
      setText(null);
      if (empty || issue == null) {
        setGraphic(null);
      } else {
        label.setText(issue.text());
        setGraphic(label);
      }
    }
  }

  static List<Issue> issues(List<ConversionWarning> warnings, List<Problem> errors) {
    List<Issue> items = new ArrayList<>();
    for (Problem p : errors) {
      String where = p.hasPosition() ? "line " + p.line() + ": " : "";
      items.add(
          new Issue(
              p.path(),
              "\u2716 "
                  + where
                  + p.message()
                  + (p.path().isEmpty() ? "" : "  [" + p.path() + "]")));
    }
    for (ConversionWarning w : warnings) {
      items.add(
          new Issue(
              w.path(), "\u26a0 " + (w.path().isEmpty() ? "" : w.path() + ": ") + w.message()));
    }
    return items;
  }

  private HBox buttons() {
    var notReady = model.stateProperty().isNotEqualTo(ExportViewModel.State.READY);
    Button copy = new Button("Copy to Clipboard");
    copy.setId("export-copy");
    copy.disableProperty().bind(notReady);
    copy.setOnAction(event -> copy());

    Button save = new Button("Save\u2026");
    save.setId("export-save");
    save.getStyleClass().add(Styles.ACCENT);
    save.disableProperty().bind(notReady);
    save.setOnAction(event -> save());

    Button close = new Button("Close");
    close.setId("export-close");
    close.setCancelButton(true);
    close.setOnAction(event -> getScene().getWindow().hide());

    status.setId("export-status");
    status.getStyleClass().add(Styles.TEXT_MUTED);
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    HBox row = new HBox(8, status, spacer, copy, save, close);
    row.setAlignment(Pos.CENTER_RIGHT);
    // A new export makes an earlier "Copied" or "Saved" message stale.
    model.textProperty().addListener(obs -> status.setText(""));
    return row;
  }

  private void copy() {
    ClipboardContent content = new ClipboardContent();
    content.putString(model.textProperty().get());
    Clipboard.getSystemClipboard().setContent(content);
    showStatus("Copied " + model.formatProperty().get().title() + " to the clipboard.", false);
  }

  private void save() {
    ExportFormat format = model.formatProperty().get();
    Window owner = getScene() == null ? null : getScene().getWindow();
    saveTarget
        .choose(owner, format, model.suggestedFileName(), lastFolder.get())
        .ifPresent(
            file ->
                model.save(
                    file,
                    (message, failed) -> {
                      if (!failed && file.toAbsolutePath().getParent() != null) {
                        lastFolder.set(file.toAbsolutePath().getParent());
                      }
                      showStatus(message, failed);
                    }));
  }

  private void showStatus(String text, boolean failed) {
    status.setText(text);
    status.getStyleClass().removeAll(Styles.TEXT_MUTED, Styles.DANGER);
    status.getStyleClass().add(failed ? Styles.DANGER : Styles.TEXT_MUTED);
  }

  /**
   * The app's Save chooser: a file chooser for the format's extension, starting in {@code folder}.
   */
  public static Optional<Path> chooseFile(
      Window owner, ExportFormat format, String fileName, Path folder) {
    FileChooser chooser = new FileChooser();
    chooser.setTitle("Save " + format.title());
    chooser
        .getExtensionFilters()
        .addAll(
            new FileChooser.ExtensionFilter(
                format.title() + " (*." + format.extension() + ")", "*." + format.extension()),
            new FileChooser.ExtensionFilter("All files", "*"));
    chooser.setInitialFileName(fileName);
    if (folder != null && folder.toFile().isDirectory()) {
      chooser.setInitialDirectory(folder.toFile());
    }
    File chosen = chooser.showSaveDialog(owner);
    return Optional.ofNullable(chosen).map(File::toPath);
  }
}
