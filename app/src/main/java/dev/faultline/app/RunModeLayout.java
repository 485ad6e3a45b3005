package dev.faultline.app;

import dev.faultline.app.run.RunArea;
import dev.faultline.app.run.RunController;
import dev.faultline.designer.run.log.EventLogView;
import java.util.List;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * How the window makes room for a run ("run mode"): a new run selects the Run tab and raises the
 * bottom panel; while the run is active the palette steps aside and the side panel (shown, a little
 * wider) holds the run's event log instead of the inspector and preview. The design layout comes
 * back when the user turns to the design again after the run: selects a step or edits.
 */
final class RunModeLayout {

  /** Where the bottom panel's divider goes when a run starts: the run view needs room. */
  static final double RUN_BOTTOM = 0.22;

  /** Where the right divider goes in run mode: the event log reads better a little wider. */
  static final double RUN_RIGHT = 0.66;

  /** The inspector's share of the side panel in the design layout. */
  static final double DESIGN_SPLIT = 0.5;

  private final PanelLayout panels;
  private final SplitPane side;
  private final List<Node> designSide;
  private final RunController runs;
  private boolean paletteBeforeRun;

  RunModeLayout(
      PanelLayout panels,
      SplitPane side,
      TabPane bottomTabs,
      Tab runTab,
      RunController runs,
      RunArea runArea) {
    this.panels = panels;
    this.side = side;
    this.designSide = List.copyOf(side.getItems());
    this.runs = runs;
    runs.currentProperty()
        .subscribe(
            run -> {
              if (run != null) {
                panels.bottomShown.set(true);
                bottomTabs.getSelectionModel().select(runTab);
                panels.showBottomAtLeast(RUN_BOTTOM);
              }
            });
    runs.activeBinding()
        .addListener(
            (obs, was, active) -> {
              if (active) {
                enter(runArea.eventLogProperty().get());
              } else if (paletteBeforeRun) {
                panels.leftShown.set(true);
              }
            });
  }

  private void enter(EventLogView log) {
    paletteBeforeRun = panels.leftShown.get();
    panels.leftShown.set(false);
    if (log != null) {
      side.getItems().setAll(log);
      panels.rightShown.set(true); // a hidden side panel would hide the log
      panels.widenRightTo(RUN_RIGHT);
    }
  }

  /** Goes back to the design layout when any of {@code changes} changes after the run. */
  RunModeLayout backToDesignOn(ObservableValue<?>... changes) {
    for (ObservableValue<?> change : changes) {
      change.addListener((obs, old, now) -> backToDesign());
    }
    return this;
  }

  private void backToDesign() {
    if (!runs.activeBinding().get() && !side.getItems().equals(designSide)) {
      side.getItems().setAll(designSide);
      side.setDividerPositions(DESIGN_SPLIT);
      panels.restoreRight();
    }
  }
}
