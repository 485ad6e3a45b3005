package dev.faultline.model.edit;

import dev.faultline.model.Experiment;
import dev.faultline.model.Position;
import dev.faultline.model.Step;
import java.util.ArrayList;
import java.util.Map;
import java.util.Objects;

/**
 * Adds a step at a canvas position (a drop from the palette).
 *
 * @param step the new step; its id must not be taken
 * @param position where its node goes; {@code null}: no layout entry
 */
public record AddStep(Step step, Position position) implements Edit {

  public AddStep {
    Objects.requireNonNull(step, "step");
  }

  @Override
  public Experiment apply(Experiment experiment) {
    if (experiment.spec().step(step.id()).isPresent()) {
      throw new EditRefused("A step named \u201c" + step.id() + "\u201d already exists.");
    }
    for (String before : step.after()) {
      Steps.require(experiment, before);
    }
    var steps = new ArrayList<>(experiment.spec().steps());
    steps.add(step);
    Experiment added = Steps.withSteps(experiment, steps);
    return position == null
        ? added
        : added.withLayout(Steps.layoutWith(added.layout(), Map.of(step.id(), position)));
  }

  @Override
  public String description() {
    return "Add " + Character.toUpperCase(step.kindWord().charAt(0)) + step.kindWord().substring(1);
  }
}
