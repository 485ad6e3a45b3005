package dev.faultline.designer.document;

import dev.faultline.catalog.Catalog;
import dev.faultline.catalog.Descriptor;
import dev.faultline.catalog.Param;
import dev.faultline.catalog.TargetUse;
import dev.faultline.model.AttackStep;
import dev.faultline.model.Experiment;
import dev.faultline.model.GateStep;
import dev.faultline.model.Params;
import dev.faultline.model.ProbeStep;
import dev.faultline.model.Step;
import dev.faultline.model.StepId;
import dev.faultline.model.Target;
import dev.faultline.model.TimeSpan;
import dev.faultline.model.WaitStep;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Makes the step a palette entry stands for, ready to drop: a free id, the descriptor's required
 * parameters at their defaults, and the first target of a kind it accepts. What has no sensible
 * default stays empty and shows up as a problem, so the user sees what to fill in.
 */
public final class StepFactory {

  /** How long a new wait lasts; short enough not to surprise, long enough to be visible. */
  static final TimeSpan NEW_WAIT = TimeSpan.of("10s");

  private final Catalog catalog;

  public StepFactory(Catalog catalog) {
    this.catalog = catalog;
  }

  /**
   * A new step for {@code template}, with an id not used in {@code experiment}.
   *
   * @throws IllegalArgumentException when the template names an attack or probe the catalog does
   *     not know
   */
  public Step create(Experiment experiment, StepTemplate template) {
    Set<String> taken = new HashSet<>();
    experiment.spec().steps().forEach(step -> taken.add(step.id()));
    return switch (template.kind()) {
      case WAIT -> new WaitStep(StepId.unique("wait", taken), List.of(), NEW_WAIT, null);
      case GATE ->
          new GateStep(StepId.unique("gate", taken), List.of(), "Continue?", null, null, null);
      case ATTACK -> {
        Descriptor d = descriptor(template);
        yield new AttackStep(
            StepId.unique(baseId(d), taken),
            List.of(),
            d.id(),
            target(experiment, d),
            defaults(d),
            null,
            null);
      }
      case PROBE -> {
        Descriptor d = descriptor(template);
        yield new ProbeStep(
            StepId.unique(baseId(d), taken),
            List.of(),
            d.id(),
            target(experiment, d),
            defaults(d),
            null,
            null,
            null,
            null,
            null,
            null);
      }
    };
  }

  private Descriptor descriptor(StepTemplate template) {
    return catalog
        .find(template.descriptorId())
        .orElseThrow(
            () -> new IllegalArgumentException("unknown descriptor " + template.descriptorId()));
  }

  /** {@code k8s.pod.delete} → {@code pod-delete}; {@code http.check} → {@code http-check}. */
  static String baseId(Descriptor descriptor) {
    String id = descriptor.id().startsWith("k8s.") ? descriptor.id().substring(4) : descriptor.id();
    return id.replace('.', '-');
  }

  /** Required parameters with a default; optional ones stay out so the file stays short. */
  private static Params defaults(Descriptor descriptor) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (Param param : descriptor.params()) {
      if (param.required() && param.defaultValue() != null) {
        values.put(param.name(), param.defaultValue());
      }
    }
    return Params.of(values);
  }

  /** The first target of a kind the descriptor accepts, or none. */
  private static String target(Experiment experiment, Descriptor descriptor) {
    if (descriptor.targetUse() != TargetUse.REQUIRED) {
      return null;
    }
    for (Map.Entry<String, Target> entry : experiment.spec().targets().entrySet()) {
      if (descriptor.targetKinds().contains(entry.getValue().effectiveKind())) {
        return entry.getKey();
      }
    }
    return null;
  }
}
