package dev.faultline.model.edit;

import dev.faultline.model.Experiment;
import java.util.Objects;

/**
 * Replaces the whole experiment: the YAML view's edits once its text parses, and changes of
 * metadata or safety settings made in the inspector.
 *
 * @param replacement the new experiment
 * @param description e.g. {@code Edit YAML}
 * @param mergeKey successive edits with the same key merge (typing); {@code null}: never
 */
public record ReplaceExperiment(Experiment replacement, String description, String mergeKey)
    implements Edit {

  public ReplaceExperiment {
    Objects.requireNonNull(replacement, "replacement");
    Objects.requireNonNull(description, "description");
  }

  @Override
  public Experiment apply(Experiment experiment) {
    return replacement;
  }
}
