package dev.faultline.model.edit;

import dev.faultline.model.Experiment;
import dev.faultline.model.Position;
import java.util.Map;

/**
 * Moves step nodes on the canvas: one edit per drag, committed on release.
 *
 * @param positions new top-left corners by step id
 */
public record MoveSteps(Map<String, Position> positions) implements Edit {

  public MoveSteps {
    positions = Map.copyOf(positions);
    if (positions.isEmpty()) {
      throw new IllegalArgumentException("nothing to move");
    }
  }

  @Override
  public Experiment apply(Experiment experiment) {
    positions.keySet().forEach(id -> Steps.require(experiment, id));
    return experiment.withLayout(Steps.layoutWith(experiment.layout(), positions));
  }

  @Override
  public String description() {
    return "Move " + Steps.count(positions.size(), "Step");
  }
}
