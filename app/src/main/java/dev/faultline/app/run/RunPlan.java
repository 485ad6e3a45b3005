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
 */
public record RunPlan(
    String experiment,
    String context,
    boolean protectedContext,
    boolean dryRun,
    List<PlannedAttack> attacks,
    int probes,
    List<String> overlaps) {

  public RunPlan {
    Objects.requireNonNull(experiment, "experiment");
    Objects.requireNonNull(context, "context");
    attacks = List.copyOf(attacks);
    overlaps = overlaps == null ? List.of() : List.copyOf(overlaps);
  }

  /** A plan with no overlap found (yet). */
  public RunPlan(
      String experiment,
      String context,
      boolean protectedContext,
      boolean dryRun,
      List<PlannedAttack> attacks,
      int probes) {
    this(experiment, context, protectedContext, dryRun, attacks, probes, null);
  }

  /** This plan, warning about these overlaps with runs in progress. */
  public RunPlan withOverlaps(List<String> overlaps) {
    return new RunPlan(experiment, context, protectedContext, dryRun, attacks, probes, overlaps);
  }

  /** The distinct pods the attacks would hit, as the run's active-run entry records them. */
  public List<RunTarget> targets() {
    return attacks.stream()
        .flatMap(a -> a.pods().stream())
        .distinct()
        .map(pod -> RunTarget.pod(context, pod))
        .toList();
  }

  /**
   * The distinct pods all attacks would hit now: two attacks on the same pods hit them once each,
   * so the count is what the user will see disrupted, not a sum per attack.
   */
  public int podsHit() {
    return (int) attacks.stream().flatMap(a -> a.pods().stream()).distinct().count();
  }

  /**
   * One attack step as the run would start it now.
   *
   * @param stepId the step's id
   * @param fault what it does, e.g. {@code "Process signal: SIGSTOP java"}
   * @param target the target's name and selector summary, or {@code "no target"}
   * @param pods {@code namespace/name} of the pods it would select now
   * @param problem why its target cannot be resolved, or empty
   */
  public record PlannedAttack(
      String stepId, String fault, String target, List<String> pods, String problem) {
    public PlannedAttack {
      pods = List.copyOf(pods);
      problem = problem == null ? "" : problem;
    }
  }
}
