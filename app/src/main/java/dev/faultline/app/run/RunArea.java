package dev.faultline.app.run;

import dev.faultline.cluster.snapshot.ClusterSnapshot;
import dev.faultline.designer.fx.UiTaskExecutor;
import dev.faultline.designer.run.RunView;
import dev.faultline.designer.run.RunViewModel;
import dev.faultline.designer.run.log.EventLogView;
import dev.faultline.designer.run.pods.PodStatusStrip;
import dev.faultline.designer.run.timeline.RunTimeline;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;

/**
 * The Run tab's content: the live run view of the current (or last) run, with its timeline and pod
 * strip fed from the run's batches, and its event log for the side panel; a short explanation
 * before the first run.
 */
public final class RunArea extends StackPane {
  private final UiTaskExecutor tasks;
  private final Function<String, ClusterSnapshot> snapshots;
  private final Label placeholder =
      new Label(
          "No run yet. Run (F5) runs the experiment on the connected cluster and shows it here:"
              + " live probe charts, the timeline, the targeted pods and every event. Dry Run"
              + " (Shift+F5) checks targets, permissions and probes without applying a fault.");
  private RunView view;
  private final ReadOnlyObjectWrapper<EventLogView> eventLog =
      new ReadOnlyObjectWrapper<>(this, "eventLog");

  /**
   * @param snapshots the snapshot the pod strip samples for each context of the run (null while
   *     there is none); called on background threads
   */
  public RunArea(
      RunController runs, UiTaskExecutor tasks, Function<String, ClusterSnapshot> snapshots) {
    this.tasks = tasks;
    this.snapshots = snapshots;
    setId("run-area");
    placeholder.setWrapText(true);
    placeholder.setMaxWidth(560);
    placeholder.getStyleClass().add("run-placeholder");
    StackPane.setAlignment(placeholder, Pos.CENTER);
    getChildren().setAll(placeholder);
    runs.currentProperty().subscribe((old, now) -> show(old, now));
  }

  private void show(RunViewModel old, RunViewModel run) {
    if (old != null) {
      old.dispose();
    }
    if (run == null) {
      view = null;
      eventLog.set(null);
      getChildren().setAll(placeholder);
      return;
    }
    RunTimeline timeline = new RunTimeline();
    PodStatusStrip pods = PodStatusStrip.perContext(snapshots, tasks);
    EventLogView log = new EventLogView();
    run.addSink(timeline);
    run.addSink(pods);
    run.addSink(log);
    // The log is tall and narrow reading: the window shows it in the side panel during a run.
    eventLog.set(log);
    view = new RunView(run, timeline, pods, null);
    getChildren().setAll(view);
  }

  /** Shows a Chaos Mesh Workflow run's node view in place of the run view. */
  public void showWorkflow(dev.faultline.designer.run.WorkflowRunViewModel workflow) {
    if (view != null) {
      view = null;
      eventLog.set(null);
    }
    getChildren().setAll(new dev.faultline.designer.run.WorkflowRunView(workflow));
  }

  /** The event log of the run shown, for the window to place; null before the first run. */
  public ReadOnlyObjectProperty<EventLogView> eventLogProperty() {
    return eventLog.getReadOnlyProperty();
  }

  /** The run view shown, or null before the first run. */
  public RunView view() {
    return view;
  }
}
