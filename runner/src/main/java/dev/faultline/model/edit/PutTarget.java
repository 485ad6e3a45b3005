package dev.faultline.model.edit;

import dev.faultline.model.Experiment;
import dev.faultline.model.Spec;
import dev.faultline.model.Target;
import java.util.LinkedHashMap;
import java.util.Objects;

/**
 * Adds a named target or replaces it, keeping its place in the file.
 *
 * @param name the target's name in {@code spec.targets}
 * @param target the new selection
 * @param description e.g. {@code Edit label selector}
 * @param mergeKey successive edits of the same field merge; {@code null}: never
 */
public record PutTarget(String name, Target target, String description, String mergeKey)
    implements Edit {

  public PutTarget {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(description, "description");
  }

  @Override
  public Experiment apply(Experiment experiment) {
    if (name.isBlank()) {
      throw new EditRefused("A target needs a name.");
    }
    Spec spec = experiment.spec();
    var targets = new LinkedHashMap<>(spec.targets());
    targets.put(name, target);
    return experiment.withSpec(spec.withTargets(targets));
  }
}
