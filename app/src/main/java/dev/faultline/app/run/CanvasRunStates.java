package dev.faultline.app.run;

import dev.faultline.designer.canvas.CanvasView;
import dev.faultline.designer.canvas.StepRunState;
import dev.faultline.designer.run.RunViewModel;
import javafx.beans.value.ObservableValue;
import javafx.collections.MapChangeListener;

/**
 * Shows the current run's step states on the canvas cards, and keeps showing the last run's until
 * the next one starts (so the outcome stays on the graph while the user reads it). The run's model
 * changes its map once per pulse; the canvas repaints once per pulse.
 */
public final class CanvasRunStates {
  private final CanvasView canvas;
  private final MapChangeListener<String, StepRunState> copy = this::copy;
  private RunViewModel shown;

  public CanvasRunStates(CanvasView canvas, ObservableValue<RunViewModel> current) {
    this.canvas = canvas;
    current.subscribe(this::show);
  }

  private void show(RunViewModel run) {
    if (shown != null) {
      shown.stepStates().removeListener(copy);
    }
    shown = run;
    canvas.stepRunStates().clear();
    if (run != null) {
      canvas.stepRunStates().putAll(run.stepStates());
      run.stepStates().addListener(copy);
    }
  }

  private void copy(MapChangeListener.Change<? extends String, ? extends StepRunState> change) {
    if (change.wasAdded()) {
      canvas.stepRunStates().put(change.getKey(), change.getValueAdded());
    } else if (change.wasRemoved()) {
      canvas.stepRunStates().remove(change.getKey());
    }
  }

  /** Removes the states from the canvas: the graph is being designed again. */
  public void clear() {
    show(null);
  }
}
