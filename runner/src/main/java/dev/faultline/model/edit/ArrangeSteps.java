package dev.faultline.model.edit;

import dev.faultline.model.Experiment;
import dev.faultline.model.Position;
import java.util.Map;

/**
 * Places many steps at once, as computed by the auto-layout: one undo step for the whole layout.
 *
 * @param positions new top-left corners by step id; steps that no longer exist are ignored, since
 *     the layout was computed in the background and the user may have deleted one meanwhile
 */
public record ArrangeSteps(Map<String, Position> positions) implements Edit {

  public ArrangeSteps {
    positions = Map.copyOf(positions);
  }

  @Override
  public Experiment apply(Experiment experiment) {
    var existing = new java.util.HashMap<String, Position>();
    positions.forEach(
        (id, position) -> {
          if (experiment.spec().step(id).isPresent()) {
            existing.put(id, position);
          }
        });
    if (existing.isEmpty()) {
      throw new EditRefused("There are no steps to arrange.");
    }
    return experiment.withLayout(Steps.layoutWith(experiment.layout(), existing));
  }

  @Override
  public String description() {
    return "Auto-Layout";
  }
}
