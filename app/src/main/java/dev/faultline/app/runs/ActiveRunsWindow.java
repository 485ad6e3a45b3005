package dev.faultline.app.runs;

import atlantafx.base.theme.Styles;
import dev.faultline.app.runs.ActiveRunsViewModel.Row;
import java.util.function.Function;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * Run › Runs on This Machine: a small window listing every run in progress on this machine (this
 * app's, other app windows', terminals'), polled about once a second while it is shown, each with
 * its state and a Stop that asks for confirmation first.
 */
public final class ActiveRunsWindow extends Stage {
  private static final ButtonType STOP = new ButtonType("Stop Run", ButtonBar.ButtonData.OK_DONE);

  private final ActiveRunsViewModel model;
  private final Timeline poll;

  public ActiveRunsWindow(Window owner, ActiveRunsViewModel model) {
    this.model = model;
    initOwner(owner);
    setTitle("Runs on This Machine");

    TableView<Row> table = new TableView<>(model.rows());
    table.setId("active-runs");
    table.setPlaceholder(new Label("No runs in progress on this machine."));
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table
        .getColumns()
        .addAll(
            column("Run", 300, Row::runId),
            column("Experiment", 150, Row::experiment),
            column("Context", 130, Row::context),
            sinceColumn(),
            column("State", 110, Row::state),
            column("Faults", 60, r -> String.valueOf(r.faults())),
            stopColumn());

    Label message = new Label();
    message.setId("active-runs-message");
    message.textProperty().bind(model.messageProperty());
    message.getStyleClass().add(Styles.TEXT_MUTED);
    message.setWrapText(true);
    BorderPane root = new BorderPane(table);
    root.setBottom(message);
    BorderPane.setMargin(message, new Insets(6, 8, 6, 8));
    Scene scene = new Scene(root, 1080, 280);
    if (owner != null && owner.getScene() != null) {
      scene.getStylesheets().setAll(owner.getScene().getStylesheets());
    }
    setScene(scene);

    poll = new Timeline(new KeyFrame(Duration.seconds(1), event -> model.refresh()));
    poll.setCycleCount(Animation.INDEFINITE);
    // The registry is read only while someone looks at it.
    setOnShown(
        event -> {
          model.refresh();
          poll.play();
        });
    setOnHidden(event -> poll.stop());
  }

  /** Whether the registry is being polled (only while the window is shown). */
  public boolean polling() {
    return poll.getStatus() == Animation.Status.RUNNING;
  }

  private static TableColumn<Row, String> column(
      String title, double width, Function<Row, String> value) {
    TableColumn<Row, String> column = new TableColumn<>(title);
    column.setPrefWidth(width);
    column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
    return column;
  }

  /** Worded from the model's last poll, so the rows themselves stay put while time passes. */
  private TableColumn<Row, String> sinceColumn() {
    TableColumn<Row, String> column = new TableColumn<>("Since");
    column.setPrefWidth(230);
    column.setCellValueFactory(
        cell ->
            Bindings.createStringBinding(() -> model.since(cell.getValue()), model.nowProperty()));
    return column;
  }

  private TableColumn<Row, Row> stopColumn() {
    TableColumn<Row, Row> column = new TableColumn<>("");
    column.setPrefWidth(80);
    column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
    column.setCellFactory(
        c ->
            new TableCell<>() {
              private final Button stop = new Button("Stop");

              {
                stop.getStyleClass().addAll(Styles.DANGER, Styles.SMALL);
                stop.setOnAction(event -> confirmStop(getItem()));
              }

              @Override
              protected void updateItem(Row row, boolean empty) {
                super.updateItem(row, empty);
                if (empty || row == null) {
                  setGraphic(null);
                  return;
                }
                stop.setId("stop-" + row.runId());
                stop.setDisable(!row.stoppable() || row.state().equals("stopping"));
                setGraphic(stop);
              }
            });
    return column;
  }

  /** Asks before stopping: a stop rolls back every fault of a run someone else may be watching. */
  private void confirmStop(Row row) {
    if (row == null) {
      return;
    }
    Alert confirm = new Alert(Alert.AlertType.CONFIRMATION);
    confirm.initOwner(this);
    confirm.setTitle("Stop Run");
    confirm.setHeaderText("Stop run " + row.runId() + " (" + row.experiment() + ")?");
    confirm.setContentText(
        "It stops its steps and rolls back its "
            + row.faults()
            + (row.faults() == 1 ? " fault" : " faults")
            + " on "
            + row.context()
            + ", wherever it was started. Other runs go on.");
    confirm.getDialogPane().setId("stop-run-confirm");
    confirm.getButtonTypes().setAll(STOP, ButtonType.CANCEL);
    confirm.setOnHidden(
        event -> {
          if (confirm.getResult() == STOP) {
            model.stop(row.runId());
          }
        });
    confirm.show();
  }
}
