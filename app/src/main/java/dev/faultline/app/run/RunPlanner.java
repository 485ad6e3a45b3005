package dev.faultline.app.run;

import dev.faultline.catalog.Catalog;
import dev.faultline.catalog.Descriptor;
import dev.faultline.cluster.snapshot.ClusterSnapshot;
import dev.faultline.cluster.snapshot.PodView;
import dev.faultline.model.AttackStep;
import dev.faultline.model.ClusterContexts;
import dev.faultline.model.Experiment;
import dev.faultline.model.ProbeStep;
import dev.faultline.model.Step;
import dev.faultline.model.Target;
import dev.faultline.target.InvalidTargetException;
import dev.faultline.target.Seeds;
import dev.faultline.target.TargetResolution;
import dev.faultline.target.TargetResolver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Works out a {@link RunPlan} from the experiment and the live snapshot, the way the engine will
 * resolve targets at start (same namespace policy, same seed), so the confirmation lists the pods
 * the run is about to hit. Reads the snapshot: call it off the FX thread.
 */
public final class RunPlanner {
  private static final int SHOWN_PARAMS = 4;

  private final Catalog catalog;

  public RunPlanner(Catalog catalog) {
    this.catalog = catalog;
  }

  /** The plan for running {@code experiment} on {@code context} now, on that cluster only. */
  public RunPlan plan(
      Experiment experiment,
      ClusterSnapshot snapshot,
      String context,
      boolean protectedContext,
      boolean dryRun) {
    return plan(experiment, snapshot, context, protectedContext, dryRun, Others.NONE);
  }

  /**
   * What the planner knows of the other contexts a multi-cluster experiment names.
   *
   * @param protectedNames the contexts the user marked protected
   * @param missing why each context the kubeconfig lacks cannot be opened, by name
   */
  public record Others(Set<String> protectedNames, Map<String, String> missing) {
    /** Nothing protected, nothing missing. */
    public static final Others NONE = new Others(Set.of(), Map.of());

    public Others {
      protectedNames = Set.copyOf(protectedNames);
      missing = Map.copyOf(missing);
    }
  }

  /**
   * The plan for running {@code experiment} on {@code context} now. Attacks whose target names
   * another context are listed with it; their pods are resolved there when the run starts (the live
   * snapshot is the run's own cluster's).
   */
  public RunPlan plan(
      Experiment experiment,
      ClusterSnapshot snapshot,
      String context,
      boolean protectedContext,
      boolean dryRun,
      Others others) {
    List<RunPlan.PlannedAttack> attacks = new ArrayList<>();
    int probes = experiment.spec().probes().size();
    for (Step step : experiment.spec().steps()) {
      if (step instanceof AttackStep attack) {
        attacks.add(planned(experiment, attack, snapshot, context));
      } else if (step instanceof ProbeStep) {
        probes++;
      }
    }
    List<String> used = ClusterContexts.used(experiment.spec(), context);
    List<RunPlan.OtherContext> otherContexts =
        used.subList(1, used.size()).stream()
            .map(
                name ->
                    new RunPlan.OtherContext(
                        name, others.protectedNames().contains(name), others.missing().get(name)))
            .toList();
    return new RunPlan(
        experiment.metadata().name(),
        context,
        protectedContext,
        dryRun,
        attacks,
        probes,
        null,
        otherContexts);
  }

  private RunPlan.PlannedAttack planned(
      Experiment experiment, AttackStep step, ClusterSnapshot snapshot, String runContext) {
    String fault = fault(step);
    if (step.target() == null) {
      return new RunPlan.PlannedAttack(step.id(), fault, "no target", List.of(), "");
    }
    Target target = experiment.spec().targets().get(step.target());
    if (target == null) {
      return new RunPlan.PlannedAttack(
          step.id(), fault, step.target(), List.of(), "target '" + step.target() + "' is missing");
    }
    String shown =
        step.target() + (target.labelSelector() == null ? "" : " (" + target.labelSelector() + ")");
    String other = ClusterContexts.resolve(target.context(), runContext);
    if (!other.equals(runContext)) {
      // Only the run's own cluster is watched before the run: the engine resolves these pods in
      // their context at start, and the run view lists them under it.
      return new RunPlan.PlannedAttack(step.id(), fault, shown, List.of(), "", other);
    }
    try {
      TargetResolution resolution =
          TargetResolver.resolve(
              target,
              snapshot,
              experiment.spec().effectiveSafety().effectiveNamespaces(),
              Seeds.forTarget(experiment.metadata().name(), step.target()));
      List<String> pods = resolution.selectedPods().stream().map(PodView::key).toList();
      String problem = pods.isEmpty() ? "selects no pod now" : "";
      return new RunPlan.PlannedAttack(step.id(), fault, shown, pods, problem);
    } catch (InvalidTargetException e) {
      return new RunPlan.PlannedAttack(step.id(), fault, shown, List.of(), e.getMessage());
    }
  }

  /** {@code "Process signal: signal=SIGSTOP, process=java for 30s"}. */
  private String fault(AttackStep step) {
    String title =
        step.attack() == null
            ? "attack"
            : catalog.find(step.attack()).map(Descriptor::title).orElse(step.attack());
    String params =
        step.with().values().entrySet().stream()
            .filter(e -> !(e.getValue() instanceof Map<?, ?> || e.getValue() instanceof List<?>))
            .limit(SHOWN_PARAMS)
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(", "));
    String duration = step.duration() == null ? "" : " for " + step.duration();
    return title + (params.isEmpty() ? "" : ": " + params) + duration;
  }
}
