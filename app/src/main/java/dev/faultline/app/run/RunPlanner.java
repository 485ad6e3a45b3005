package dev.faultline.app.run;

import dev.faultline.catalog.Catalog;
import dev.faultline.catalog.Descriptor;
import dev.faultline.cluster.snapshot.ClusterSnapshot;
import dev.faultline.cluster.snapshot.PodView;
import dev.faultline.model.AttackStep;
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

  /** The plan for running {@code experiment} on {@code context} now. */
  public RunPlan plan(
      Experiment experiment,
      ClusterSnapshot snapshot,
      String context,
      boolean protectedContext,
      boolean dryRun) {
    List<RunPlan.PlannedAttack> attacks = new ArrayList<>();
    int probes = experiment.spec().probes().size();
    for (Step step : experiment.spec().steps()) {
      if (step instanceof AttackStep attack) {
        attacks.add(planned(experiment, attack, snapshot));
      } else if (step instanceof ProbeStep) {
        probes++;
      }
    }
    return new RunPlan(
        experiment.metadata().name(), context, protectedContext, dryRun, attacks, probes);
  }

  private RunPlan.PlannedAttack planned(
      Experiment experiment, AttackStep step, ClusterSnapshot snapshot) {
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
