package dev.faultline.app.run;

import dev.faultline.safety.RunTarget;
import java.util.List;
import java.util.Objects;

/**
 * What a run is about to do, for the confirmation before it starts: where, and which faults on
 * which pods as the live snapshot sees them now.
 *
 * @param experiment the experiment's name
 * @param context the kubeconfig context (or the sandbox's) the run will use
 * @param protectedContext whether the user marked it protected: the name must be typed to run
 * @param dryRun whether no fault will be applied
 * @param attacks every attack step, in the experiment's order
 * @param probes how many probe steps and continuous probes will run
 * @param overlaps one sentence per run in progress that acts on the same objects
 * @param others the other kubeconfig contexts a multi-cluster experiment acts on or reads, in the
 *     order {@link dev.faultline.model.ClusterContexts#used} gives; empty for a single cluster
 */
public record RunPlan(
    String experiment,
    String context,
    boolean protectedContext,
    boolean dryRun,
    List<PlannedAttack> attacks,
    int probes,
    List<String> overlaps,
    List<OtherContext> others) {

  public RunPlan {
    Objects.requireNonNull(experiment, "experiment");
    Objects.requireNonNull(context, "context");
    attacks = List.copyOf(attacks);
    overlaps = overlaps == null ? List.of() : List.copyOf(overlaps);
    others = others == null ? List.of() : List.copyOf(others);
  }

  /** A plan on one cluster. */
  public RunPlan(
      String experiment,
      String context,
      boolean protectedContext,
      boolean dryRun,
      List<PlannedAttack> attacks,
      int probes,
      List<String> overlaps) {
    this(experiment, context, protectedContext, dryRun, attacks, probes, overlaps, null);
  }

  /** A plan with no overlap found (yet). */
  public RunPlan(
      String experiment,
      String context,
      boolean protectedContext,
      boolean dryRun,
      List<PlannedAttack> attacks,
      int probes) {
    this(experiment, context, protectedContext, dryRun, attacks, probes, null, null);
  }

  /** This plan, warning about these overlaps with runs in progress. */
  public RunPlan withOverlaps(List<String> overlaps) {
    return new RunPlan(
        experiment, context, protectedContext, dryRun, attacks, probes, overlaps, others);
  }

  /** Whether the run talks to more than its own cluster. */
  public boolean multiCluster() {
    return !others.isEmpty();
  }

  /**
   * Every protected context the run uses, its own first: a live run needs each name typed, as the
   * CLI needs one {@code --yes-i-mean-<context>} flag each.
   */
  public List<String> protectedContexts() {
    var names = new java.util.ArrayList<String>();
    if (protectedContext) {
      names.add(context);
    }
    others.stream().filter(OtherContext::protectedContext).forEach(o -> names.add(o.name()));
    return List.copyOf(names);
  }

  /** Why contexts the experiment names cannot be opened; a run cannot start while any is. */
  public List<String> missingContexts() {
    return others.stream().map(OtherContext::missing).filter(m -> !m.isEmpty()).toList();
  }

  /**
   * The distinct pods the attacks would hit, each in its own context, as the run's active-run entry
   * records them.
   */
  public List<RunTarget> targets() {
    return attacks.stream()
        .flatMap(a -> a.pods().stream().map(pod -> RunTarget.pod(contextOf(a), pod)))
        .distinct()
        .toList();
  }

  /**
   * The distinct pods all attacks would hit now: two attacks on the same pods hit them once each,
   * so the count is what the user will see disrupted, not a sum per attack.
   */
  public int podsHit() {
    return targets().size();
  }

  private String contextOf(PlannedAttack attack) {
    return attack.context().isEmpty() ? context : attack.context();
  }

  /**
   * Another context a multi-cluster run uses.
   *
   * @param name the kubeconfig context's name
   * @param protectedContext whether the user marked it protected: its name must be typed too
   * @param missing why it cannot be opened (not in the kubeconfig, with a did-you-mean), or empty
   */
  public record OtherContext(String name, boolean protectedContext, String missing) {
    public OtherContext {
      Objects.requireNonNull(name, "name");
      missing = missing == null ? "" : missing;
    }
  }

  /**
   * One attack step as the run would start it now.
   *
   * @param stepId the step's id
   * @param fault what it does, e.g. {@code "Process signal: SIGSTOP java"}
   * @param target the target's name and selector summary, or {@code "no target"}
   * @param pods {@code namespace/name} of the pods it would select now
   * @param problem why its target cannot be resolved, or empty
   * @param context the other context its target names, or empty for the run's own
   */
  public record PlannedAttack(
      String stepId,
      String fault,
      String target,
      List<String> pods,
      String problem,
      String context) {
    public PlannedAttack {
      pods = List.copyOf(pods);
      problem = problem == null ? "" : problem;
      context = context == null ? "" : context;
    }

    /** An attack on the run's own context. */
    public PlannedAttack(
        String stepId, String fault, String target, List<String> pods, String problem) {
      this(stepId, fault, target, pods, problem, "");
    }
  }
}
