package dev.faultline.designer.canvas;

import dev.faultline.model.Position;
import dev.faultline.model.Step;

/**
 * What the canvas draws for one step: the step, where its card sits, and its texts, prepared once
 * when the step changes (not every frame).
 *
 * @param order the step's index in the experiment: later cards draw on top
 * @param position top-left corner in canvas units
 * @param placedAutomatically true when the file has no layout entry for the step
 * @param iconId icon set id of the glyph
 * @param texts title, subtitle and summary lines
 */
public record StepCard(
    int order,
    Step step,
    Position position,
    boolean placedAutomatically,
    StepKind kind,
    String iconId,
    StepText.Lines texts) {

  public String id() {
    return step.id();
  }

  public Rect bounds() {
    return StepGeometry.bounds(position);
  }
}
