package dev.faultline.model.edit;

import dev.faultline.model.Experiment;
import dev.faultline.model.Layout;
import dev.faultline.model.Position;
import dev.faultline.model.Step;
import dev.faultline.model.StepId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Gives a step a new id and rewrites every {@code after} that names it and its layout entry.
 *
 * @param oldId the current id
 * @param newId the new id: valid and not taken
 */
public record RenameStep(String oldId, String newId) implements Edit {

  @Override
  public Experiment apply(Experiment experiment) {
    Step renamed = Steps.require(experiment, oldId);
    if (!StepId.isValid(newId)) {
      throw new EditRefused(
          "\u201c"
              + newId
              + "\u201d is not a valid step id: use letters, digits, '-', '_' or '.', starting"
              + " and ending with a letter or digit, at most 63 characters.");
    }
    if (!newId.equals(oldId) && experiment.spec().step(newId).isPresent()) {
      throw new EditRefused("A step named \u201c" + newId + "\u201d already exists.");
    }
    Step copy = StepCopies.withId(renamed, newId);
    Experiment changed =
        Steps.mapSteps(
            experiment,
            step -> {
              Step current = step.id().equals(oldId) ? copy : step;
              return current.after().contains(oldId)
                  ? current.withAfter(
                      current.after().stream().map(id -> id.equals(oldId) ? newId : id).toList())
                  : current;
            });
    Map<String, Position> positions = new LinkedHashMap<>();
    experiment
        .layout()
        .positions()
        .forEach((id, position) -> positions.put(id.equals(oldId) ? newId : id, position));
    return changed.withLayout(new Layout(positions));
  }

  @Override
  public String description() {
    return "Rename " + oldId + " to " + newId;
  }
}
