package dev.faultline.designer.run;

import dev.faultline.workflow.WorkflowListener;
import dev.faultline.workflow.WorkflowNodeView;
import dev.faultline.workflow.WorkflowOutcome;
import dev.faultline.workflow.WorkflowPhase;
import dev.faultline.workflow.WorkflowState;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The state of a Chaos Mesh Workflow run for its view: the node tree, the phase and a status line.
 * The run's thread hands over states through {@link #listener()}; only the latest is kept, and it
 * is applied once per frame pulse, so a burst of node updates costs one UI update. FX thread,
 * except {@link #listener()}'s callbacks.
 */
public final class WorkflowRunViewModel {
  private final FramePulse pulse;
  private final AtomicReference<WorkflowState> latest = new AtomicReference<>();
  private final AtomicReference<WorkflowOutcome> outcome = new AtomicReference<>();
  private final AtomicReference<String> failure = new AtomicReference<>();
  private final ObservableList<WorkflowNodeView> nodes = FXCollections.observableArrayList();
  private final ReadOnlyObjectWrapper<WorkflowPhase> phase =
      new ReadOnlyObjectWrapper<>(this, "phase", WorkflowPhase.PENDING);
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
  private final ReadOnlyStringWrapper exportWarnings =
      new ReadOnlyStringWrapper(this, "exportWarnings", "");
  private final ReadOnlyBooleanWrapper finished = new ReadOnlyBooleanWrapper(this, "finished");
  private final ReadOnlyBooleanWrapper stopping = new ReadOnlyBooleanWrapper(this, "stopping");
  private final String title;
  private Runnable stopAction = () -> {};
  private int applied;

  /**
   * @param title what runs, for the header ({@code Workflow shop/checkout-chaos on kind-dev})
   */
  public WorkflowRunViewModel(String title) {
    this(title, FramePulse.animationTimer());
  }

  WorkflowRunViewModel(String title, FramePulse pulse) {
    this.title = Objects.requireNonNull(title, "title");
    this.pulse = Objects.requireNonNull(pulse, "pulse");
    status.set("Starting\u2026");
    pulse.start(this::drain);
  }

  /** Receives the run's states and outcome; safe on any thread. */
  public WorkflowListener listener() {
    return new WorkflowListener() {
      @Override
      public void onState(WorkflowState state) {
        latest.set(state);
      }

      @Override
      public void onFinished(WorkflowOutcome result) {
        outcome.set(result);
      }
    };
  }

  /** The run could not start or failed; safe on any thread. */
  public void fail(String message) {
    failure.set(message);
  }

  /** What the Stop button does: delete the Workflow (set by whoever started the run). */
  public void setStopAction(Runnable action) {
    this.stopAction = Objects.requireNonNull(action, "action");
  }

  /** Asks the run to delete the Workflow; once. */
  public void stop() {
    if (finished.get() || stopping.get()) {
      return;
    }
    stopping.set(true);
    status.set("Stopping: deleting the Workflow and its chaos objects\u2026");
    stopAction.run();
  }

  /** Applies what arrived since the last frame. Package-visible for tests. */
  void drain() {
    String failed = failure.getAndSet(null);
    if (failed != null) {
      finish();
      status.set("Failed: " + failed);
      return;
    }
    WorkflowState state = latest.getAndSet(null);
    if (state != null) {
      applied++;
      nodes.setAll(state.nodes());
      phase.set(state.phase());
      if (!stopping.get()) {
        status.set(describe(state));
      }
    }
    WorkflowOutcome result = outcome.getAndSet(null);
    if (result != null) {
      nodes.setAll(result.state().nodes());
      phase.set(result.state().phase());
      finish();
      status.set(
          describe(result.state())
              + (result.cleanedUp()
                  ? " \u2014 Workflow deleted, its chaos objects are gone"
                  : " \u2014 " + result.cleanupMessage()));
    }
  }

  private void finish() {
    finished.set(true);
    stopping.set(false);
    pulse.stop();
  }

  static String describe(WorkflowState state) {
    String word = state.phase().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    long done = state.nodes().stream().filter(n -> n.phase().finished()).count();
    String text =
        Character.toUpperCase(word.charAt(0))
            + word.substring(1)
            + " \u00b7 "
            + done
            + " of "
            + state.nodes().size()
            + " nodes ended";
    return state.message().isEmpty() ? text : text + " \u00b7 " + state.message();
  }

  /** How long a node ran (or runs, until {@code now}); empty before it started. */
  public static String elapsed(WorkflowNodeView node, Instant now) {
    if (node.start() == null) {
      return "";
    }
    Instant end = node.end() != null ? node.end() : now;
    Duration d = Duration.between(node.start(), end);
    return String.format(Locale.ROOT, "%.1f s", Math.max(0, d.toMillis()) / 1000.0);
  }

  public String title() {
    return title;
  }

  public ObservableList<WorkflowNodeView> nodes() {
    return FXCollections.unmodifiableObservableList(nodes);
  }

  public ReadOnlyObjectProperty<WorkflowPhase> phaseProperty() {
    return phase.getReadOnlyProperty();
  }

  /**
   * Shows what the Chaos Mesh export of the experiment could not express, one line each, so the
   * user knows which steps run differently on Chaos Mesh. Call on the FX thread.
   */
  public void showExportWarnings(java.util.List<dev.faultline.export.ConversionWarning> warnings) {
    exportWarnings.set(
        warnings.isEmpty()
            ? ""
            : (warnings.size() == 1
                    ? "1 thing runs differently on Chaos Mesh:"
                    : warnings.size() + " things run differently on Chaos Mesh:")
                + warnings.stream().map(w -> "\n\u2022 " + w).collect(Collectors.joining()));
  }

  /** What the export could not express, as shown text; empty when nothing was lost. */
  public ReadOnlyStringProperty exportWarningsProperty() {
    return exportWarnings.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty finishedProperty() {
    return finished.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty stoppingProperty() {
    return stopping.getReadOnlyProperty();
  }

  /** How many states reached the view (not how many the run sent): for tests of coalescing. */
  int appliedStates() {
    return applied;
  }

  /** Stops the pulse of a view that is replaced. */
  public void dispose() {
    pulse.stop();
  }
}
