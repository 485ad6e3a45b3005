package dev.faultline.designer.problems;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.faultline.designer.document.DocumentProblems;
import dev.faultline.designer.document.StepSelection;
import dev.faultline.designer.fx.FullTextCell;
import dev.faultline.designer.inspector.Glyphs;
import dev.faultline.validate.Problem;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The problems panel: a summary with severity filters over a table of every problem. Clicking a
 * row, or Enter on it, selects its step and reveals the problem in the text view.
 *
 * <p>Add {@link #stylesheet()} to the scene.
 */
public final class ProblemsView extends VBox {

  private final ProblemsViewModel model;
  private final TableView<Problem> table = new TableView<>();

  public ProblemsView(
      DocumentProblems problems, StepSelection selection, Consumer<Problem> reveal) {
    this(new ProblemsViewModel(problems, selection, reveal));
  }

  public ProblemsView(ProblemsViewModel model) {
    this.model = model;
    getStyleClass().add("problems-view");
    getChildren().addAll(header(), table);
    VBox.setVgrow(table, Priority.ALWAYS);
    buildTable();
  }

  public ProblemsViewModel model() {
    return model;
  }

  /** The stylesheet the app adds to the scene for this view. */
  public static String stylesheet() {
    return Objects.requireNonNull(ProblemsView.class.getResource("problems.css"), "problems.css")
        .toExternalForm();
  }

  private HBox header() {
    Label summary = new Label();
    summary.getStyleClass().add("problems-summary");
    summary.textProperty().bind(model.summaryProperty());
    Region spring = new Region();
    HBox.setHgrow(spring, Priority.ALWAYS);
    ToggleButton errors = filter(Glyphs.severity(true), model.showErrorsProperty());
    errors.textProperty().bind(model.errorCountProperty().asString("Errors %d"));
    errors.setId("problems-filter-errors");
    ToggleButton warnings = filter(Glyphs.severity(false), model.showWarningsProperty());
    warnings.textProperty().bind(model.warningCountProperty().asString("Warnings %d"));
    warnings.setId("problems-filter-warnings");
    HBox header = new HBox(8, summary, spring, errors, warnings);
    header.setAlignment(Pos.CENTER_LEFT);
    header.getStyleClass().add("problems-header");
    return header;
  }

  private static ToggleButton filter(
      javafx.scene.Node glyph, javafx.beans.property.BooleanProperty shown) {
    ToggleButton button = new ToggleButton();
    button.setGraphic(glyph);
    button.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
    button.selectedProperty().bindBidirectional(shown);
    return button;
  }

  private void buildTable() {
    table.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE, "problems-table");
    table.setPlaceholder(new Label("No problems"));
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

    TableColumn<Problem, Problem> severity = new TableColumn<>("");
    severity.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
    severity.setCellFactory(column -> new SeverityCell());
    severity.setMinWidth(28);
    severity.setMaxWidth(28);
    severity.setSortable(false);

    TableColumn<Problem, String> where = new TableColumn<>("Step / path");
    where.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(model.where(c.getValue())));
    where.setCellFactory(column -> new FullTextCell<>());
    where.setPrefWidth(150);
    where.setMinWidth(90);

    TableColumn<Problem, String> location = new TableColumn<>("Line");
    location.setCellValueFactory(
        c -> new ReadOnlyObjectWrapper<>(ProblemsViewModel.location(c.getValue())));
    location.setPrefWidth(64);
    location.setMinWidth(56);
    location.setMaxWidth(90);

    TableColumn<Problem, String> message = new TableColumn<>("Problem");
    message.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().message()));
    message.setCellFactory(column -> new FullTextCell<>());
    message.setPrefWidth(420);
    message.setMinWidth(160);

    table.getColumns().add(severity);
    table.getColumns().add(message);
    table.getColumns().add(where);
    table.getColumns().add(location);
    table.getItems().setAll(model.rows());
    model.rowsProperty().addListener((obs, old, now) -> table.getItems().setAll(now));

    table.setRowFactory(
        view -> {
          TableRow<Problem> row = new TableRow<>();
          row.setOnMouseClicked(
              click -> {
                if (click.getButton() == MouseButton.PRIMARY && !row.isEmpty()) {
                  model.activate(row.getItem());
                }
              });
          return row;
        });
    table.setOnKeyPressed(
        key -> {
          Problem selected = table.getSelectionModel().getSelectedItem();
          if (key.getCode() == KeyCode.ENTER && selected != null) {
            model.activate(selected);
            key.consume();
          }
        });
  }

  /** The severity as a coloured glyph, with the word for screen readers. */
  private static final class SeverityCell extends TableCell<Problem, Problem> {
    @Override
    protected void updateItem(Problem item, boolean empty) {
      super.updateItem(item, empty);
      if (empty || item == null) {
        setGraphic(null);
        setAccessibleText(null);
      } else {
        setGraphic(Glyphs.severity(item.isError()));
        setAccessibleText(item.severity().word());
      }
      setAlignment(Pos.CENTER);
    }
  }
}
