package dev.faultline.model;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * Which cluster each part of a multi-cluster experiment acts on. A target names its kubeconfig
 * context with {@code context}; a probe names one itself or reads through its target's; an attack
 * acts where its target lives. Whatever names no context uses the run's own (the one the user
 * picked, or {@code spec.context}).
 */
public final class ClusterContexts {
  private ClusterContexts() {}

  /**
   * The contexts the experiment names, in file order (targets, then steps, then probes), without
   * duplicates. Empty for a single-cluster experiment.
   */
  public static List<String> named(Spec spec) {
    var names = new LinkedHashSet<String>();
    spec.targets().values().forEach(t -> add(names, t.context()));
    for (Step step : spec.steps()) {
      if (step instanceof ProbeStep p) {
        add(names, p.context());
      }
    }
    spec.probes().forEach(p -> add(names, p.context()));
    return List.copyOf(names);
  }

  /**
   * Every context a run started on {@code runContext} talks to: {@code runContext} first, then the
   * others the experiment names.
   */
  public static List<String> used(Spec spec, String runContext) {
    var names = new LinkedHashSet<String>();
    names.add(Objects.requireNonNullElse(runContext, ""));
    names.addAll(named(spec));
    return List.copyOf(names);
  }

  private static void add(LinkedHashSet<String> names, String context) {
    if (context != null) {
      names.add(context);
    }
  }

  /** The context a target names, or {@code null} (the run's) for a missing or unnamed one. */
  public static String ofTarget(Spec spec, String targetName) {
    Target target = targetName == null ? null : spec.targets().get(targetName);
    return target == null ? null : target.context();
  }

  /**
   * The context a step acts on, or {@code null} for the run's: an attack's target's, a probe's own
   * or else its target's; waits and gates none.
   */
  public static String ofStep(Spec spec, Step step) {
    return switch (step) {
      case AttackStep a -> ofTarget(spec, a.target());
      case ProbeStep p -> p.context() != null ? p.context() : ofTarget(spec, p.target());
      case WaitStep w -> null;
      case GateStep g -> null;
    };
  }

  /** The context a continuous probe reads, or {@code null} for the run's. */
  public static String ofProbe(Spec spec, ContinuousProbe probe) {
    return probe.context() != null ? probe.context() : ofTarget(spec, probe.target());
  }

  /** {@code named}, or the run's context when nothing is named. */
  public static String resolve(String named, String runContext) {
    return named == null ? Objects.requireNonNullElse(runContext, "") : named;
  }

  /** Whether the experiment acts on, or reads, any cluster besides the run's own. */
  public static boolean isMultiCluster(Spec spec, String runContext) {
    return used(spec, runContext).size() > 1;
  }
}
