package dev.faultline.app.run;

import atlantafx.base.theme.Styles;
import dev.faultline.app.connection.ConnectionViewModel;
import dev.faultline.designer.run.RunView;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/**
 * The run commands in the window's top bar: Run and Dry Run while nothing runs, and while a run is
 * under way a red Emergency Stop that is always in sight, whatever tab or panel is shown.
 */
public final class RunButtons extends HBox {

  public RunButtons(RunController runs, ConnectionViewModel connection) {
    super(6);
    setId("run-buttons");
    getStyleClass().add("run-buttons");
    setAlignment(Pos.CENTER_RIGHT);

    Button run = new Button("\u25b6 Run");
    run.setId("run-button");
    run.getStyleClass().addAll(Styles.SMALL, Styles.SUCCESS);
    run.setTooltip(new Tooltip("Run the experiment on the connected cluster (F5)"));
    run.setOnAction(event -> runs.run(false));

    Button dryRun = new Button("Dry Run");
    dryRun.setId("dry-run-button");
    dryRun.getStyleClass().add(Styles.SMALL);
    dryRun.setTooltip(
        new Tooltip(
            "Resolve targets, check permissions and run each probe once; apply no fault"
                + " (Shift+F5)"));
    dryRun.setOnAction(event -> runs.run(true));

    var unavailable = runs.activeBinding().or(connection.liveClusterProperty().isNull());
    run.disableProperty().bind(unavailable);
    dryRun.disableProperty().bind(unavailable);

    Button stop = new Button("\u25a0 Emergency Stop");
    stop.setId("toolbar-emergency-stop");
    stop.getStyleClass().addAll(Styles.SMALL, Styles.DANGER, "toolbar-emergency-stop");
    stop.setTooltip(
        new Tooltip(
            "Stop the run now and roll back every fault ("
                + RunView.EMERGENCY_STOP.getDisplayText()
                + ")"));
    stop.setOnAction(event -> runs.emergencyStop());
    stop.visibleProperty().bind(runs.activeBinding());
    stop.managedProperty().bind(stop.visibleProperty());
    run.visibleProperty().bind(runs.activeBinding().not());
    run.managedProperty().bind(run.visibleProperty());
    dryRun.visibleProperty().bind(run.visibleProperty());
    dryRun.managedProperty().bind(run.visibleProperty());

    getChildren().addAll(run, dryRun, stop);
  }
}
