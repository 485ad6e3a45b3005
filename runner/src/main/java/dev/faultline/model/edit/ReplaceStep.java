package dev.faultline.model.edit;

import dev.faultline.model.Experiment;
import java.util.Objects;

/**
 * Replaces one step by an edited copy with the same id: the inspector's edits of parameters,
 * target, timeouts. Renaming is {@link RenameStep}, which also rewrites references.
 *
 * @param replacement the edited step; its id names the step replaced
 * @param description e.g. {@code Edit url}
 * @param mergeKey successive edits of the same field merge; {@code null}: never
 */
public record ReplaceStep(dev.faultline.model.Step replacement, String description, String mergeKey)
    implements Edit {

  public ReplaceStep {
    Objects.requireNonNull(replacement, "replacement");
    Objects.requireNonNull(description, "description");
  }

  @Override
  public Experiment apply(Experiment experiment) {
    var old = Steps.require(experiment, replacement.id());
    if (!old.after().equals(replacement.after())) {
      // Edges change through Connect/Disconnect, which refuse cycles; not behind their back.
      for (String before : replacement.after()) {
        Steps.require(experiment, before);
      }
    }
    return Steps.mapSteps(
        experiment, step -> step.id().equals(replacement.id()) ? replacement : step);
  }
}
