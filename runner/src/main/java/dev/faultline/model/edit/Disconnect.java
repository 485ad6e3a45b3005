package dev.faultline.model.edit;

import dev.faultline.model.Experiment;

/**
 * Removes an edge: {@code to} no longer waits for {@code from}.
 *
 * @param from the step that ran first
 * @param to the step that waited for it
 */
public record Disconnect(String from, String to) implements Edit {

  @Override
  public Experiment apply(Experiment experiment) {
    if (!Steps.require(experiment, to).after().contains(from)) {
      throw new EditRefused("\u201c" + to + "\u201d does not run after \u201c" + from + "\u201d.");
    }
    return Steps.mapSteps(
        experiment,
        step ->
            step.id().equals(to)
                ? step.withAfter(step.after().stream().filter(id -> !id.equals(from)).toList())
                : step);
  }

  @Override
  public String description() {
    return "Disconnect " + from + " \u2192 " + to;
  }
}
