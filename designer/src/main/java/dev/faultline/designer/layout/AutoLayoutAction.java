package dev.faultline.designer.layout;

import dev.faultline.designer.document.ExperimentDocument;
import dev.faultline.designer.fx.UiTaskExecutor;
import dev.faultline.layout.AutoLayout;
import dev.faultline.layout.LayeredLayout;
import dev.faultline.layout.NodeSize;
import dev.faultline.model.Experiment;
import dev.faultline.model.edit.ArrangeSteps;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * Arrange › Auto-Layout: lays the document's steps out in the background and applies the result as
 * one undoable {@link ArrangeSteps} edit ("Undo Auto-Layout").
 *
 * <p>The layout is computed from a snapshot of the experiment. If the document changed while it ran
 * (the user kept editing), the result is dropped rather than applied over newer work: it would
 * describe a graph that no longer exists. Call from the FX thread.
 */
public final class AutoLayoutAction {

  /** How a run ended. */
  public enum Kind {
    /** The new positions were applied as one edit. */
    APPLIED,
    /** There was nothing to arrange. */
    NO_STEPS,
    /** The document changed while the layout ran; nothing was applied. */
    OUTDATED,
    /** The document refused the edit (the text view has changes that do not parse). */
    REFUSED,
    /** The layout threw; a bug, reported rather than lost. */
    FAILED
  }

  /**
   * How a run ended, with a sentence for the status bar.
   *
   * @param message what to tell the user; the document's own words when it refused
   */
  public record Outcome(Kind kind, String message) {}

  private final ExperimentDocument document;
  private final UiTaskExecutor tasks;
  private final AutoLayout layout;
  private final NodeSize size;
  private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");

  /** The real thing: {@link LayeredLayout} with the canvas's standard node size. */
  public AutoLayoutAction(ExperimentDocument document, UiTaskExecutor tasks) {
    this(document, tasks, new LayeredLayout(), NodeSize.STANDARD);
  }

  public AutoLayoutAction(
      ExperimentDocument document, UiTaskExecutor tasks, AutoLayout layout, NodeSize size) {
    this.document = Objects.requireNonNull(document, "document");
    this.tasks = Objects.requireNonNull(tasks, "tasks");
    this.layout = Objects.requireNonNull(layout, "layout");
    this.size = Objects.requireNonNull(size, "size");
  }

  /** Runs the layout; see {@link #run(Consumer)}. */
  public void run() {
    run(outcome -> {});
  }

  /**
   * Lays out the steps off the FX thread and applies the result, unless the document changed
   * meanwhile. Ignored while a previous run is still busy.
   *
   * @param whenDone told on the FX thread how the run ended (not called when ignored)
   */
  public void run(Consumer<Outcome> whenDone) {
    Objects.requireNonNull(whenDone, "whenDone");
    if (running.get()) {
      return;
    }
    Experiment snapshot = document.experiment();
    if (snapshot.spec().steps().isEmpty()) {
      whenDone.accept(new Outcome(Kind.NO_STEPS, "There are no steps to arrange."));
      return;
    }
    long revision = document.revisionProperty().get();
    running.set(true);
    tasks.execute(
        () -> layout.layout(snapshot, size),
        positions -> {
          running.set(false);
          if (document.revisionProperty().get() != revision) {
            whenDone.accept(
                new Outcome(
                    Kind.OUTDATED,
                    "The experiment changed during Auto-Layout; nothing was moved."));
            return;
          }
          Optional<String> refusal = document.edit(new ArrangeSteps(positions));
          whenDone.accept(
              refusal
                  .map(reason -> new Outcome(Kind.REFUSED, reason))
                  .orElseGet(() -> new Outcome(Kind.APPLIED, "Steps arranged.")));
        },
        failure -> {
          running.set(false);
          whenDone.accept(new Outcome(Kind.FAILED, "Auto-Layout failed: " + failure));
        });
  }

  /** True while a layout is being computed; bind the menu item's disable state to it. */
  public ReadOnlyBooleanProperty runningProperty() {
    return running.getReadOnlyProperty();
  }
}
