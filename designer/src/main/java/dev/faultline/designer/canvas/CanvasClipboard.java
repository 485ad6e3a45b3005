package dev.faultline.designer.canvas;

import dev.faultline.model.Experiment;
import dev.faultline.model.Position;
import dev.faultline.model.Step;
import dev.faultline.model.edit.PasteSteps;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The canvas's own clipboard: copied steps with where they were. Each paste of the same copy lands
 * one more offset down and right, so repeated pastes fan out instead of piling up on one spot.
 */
public final class CanvasClipboard {

  /** How far a paste lands from the originals: two grid steps, so the copy is clearly apart. */
  public static final double OFFSET = 2 * StepGeometry.GRID;

  private List<Step> steps = List.of();
  private Map<String, Position> positions = Map.of();
  private int pastes;

  public void copy(List<Step> copied, Map<String, Position> at) {
    steps = List.copyOf(copied);
    positions = new LinkedHashMap<>(at);
    pastes = 0;
  }

  public boolean isEmpty() {
    return steps.isEmpty();
  }

  public List<Step> steps() {
    return steps;
  }

  /** The next paste into {@code experiment}: fresh ids, offset one more step than the last. */
  public PasteSteps nextPaste(Experiment experiment) {
    pastes++;
    double offset = OFFSET * pastes;
    return PasteSteps.of(experiment, steps, positions, offset, offset, "Paste");
  }

  /** Copies of {@code selected} right next to them, without touching the clipboard. */
  public static PasteSteps duplicate(
      Experiment experiment, List<Step> selected, Map<String, Position> at) {
    return PasteSteps.of(experiment, selected, at, OFFSET, OFFSET, "Duplicate");
  }
}
