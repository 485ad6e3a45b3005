package dev.faultline.model;

import java.util.Objects;

/**
 * A chaos experiment: the root of an experiment file ({@code kind: Experiment}).
 *
 * @param extras unknown top-level fields, kept for round trips
 */
public record Experiment(Metadata metadata, Spec spec, Layout layout, Extras extras) {
  /** The file format version this model corresponds to. */
  public static final String API_VERSION = "faultline.dev/v1alpha1";

  public static final String KIND = "Experiment";

  public Experiment {
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(spec, "spec");
    layout = layout == null ? Layout.EMPTY : layout;
    extras = extras == null ? Extras.NONE : extras;
  }

  /**
   * Starts building an experiment in Java ("chaos as code"); see {@link ExperimentBuilder}.
   *
   * @param name the experiment's name ({@code metadata.name}): lower-case words and dashes
   */
  public static ExperimentBuilder named(String name) {
    return new ExperimentBuilder(name);
  }

  public Experiment withSpec(Spec newSpec) {
    return new Experiment(metadata, newSpec, layout, extras);
  }

  public Experiment withLayout(Layout newLayout) {
    return new Experiment(metadata, spec, newLayout, extras);
  }
}
