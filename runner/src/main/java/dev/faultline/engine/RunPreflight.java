package dev.faultline.engine;

import dev.faultline.attack.AttackContext;
import dev.faultline.attack.AttackExecutor;
import dev.faultline.catalog.ParamValues;
import dev.faultline.cluster.AccessCheck;
import dev.faultline.cluster.snapshot.ClusterSnapshot;
import dev.faultline.cluster.snapshot.StaticSnapshot;
import dev.faultline.model.AttackStep;
import dev.faultline.model.ContinuousProbe;
import dev.faultline.model.Experiment;
import dev.faultline.model.ProbeStep;
import dev.faultline.model.Step;
import dev.faultline.model.Target;
import dev.faultline.model.TargetKind;
import dev.faultline.probe.PreparedProbe;
import dev.faultline.probe.ProbeContext;
import dev.faultline.probe.ProbeException;
import dev.faultline.probe.ProbeExecutor;
import dev.faultline.probe.ProbeRequest;
import dev.faultline.target.SnapshotScope;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * What a run checks before it applies anything: every attack and probe has an executor, the cluster
 * can be read, every probe can be set up, and every permission the attacks need is granted.
 */
final class RunPreflight {
  private RunPreflight() {}

  static List<String> staticChecks(Experiment experiment, RunEnvironment env) {
    var problems = new ArrayList<String>();
    for (Step step : experiment.spec().steps()) {
      switch (step) {
        case AttackStep a -> {
          if (env.attacks().find(a.attack()).isEmpty()
              || env.catalog().find(a.attack()).isEmpty()) {
            problems.add("step '" + a.id() + "': this version cannot run attack " + a.attack());
          }
          checkTarget(experiment, a.id(), a.target(), problems);
        }
        case ProbeStep p -> {
          if (env.probes().find(p.probe()).isEmpty() || env.catalog().find(p.probe()).isEmpty()) {
            problems.add("step '" + p.id() + "': this version cannot run probe " + p.probe());
          }
          checkTarget(experiment, p.id(), p.target(), problems);
        }
        default -> {}
      }
    }
    for (ContinuousProbe p : experiment.spec().probes()) {
      if (env.probes().find(p.probe()).isEmpty() || env.catalog().find(p.probe()).isEmpty()) {
        problems.add("probe '" + p.id() + "': this version cannot run probe " + p.probe());
      }
      checkTarget(experiment, p.id(), p.target(), problems);
    }
    return problems;
  }

  private static void checkTarget(
      Experiment experiment, String id, String target, List<String> problems) {
    if (target != null && !experiment.spec().targets().containsKey(target)) {
      problems.add("'" + id + "' names target '" + target + "', which is not defined");
    }
  }

  /** The snapshot Pod targets resolve against; an empty one when no attack targets pods. */
  static ClusterSnapshot openSnapshot(Experiment experiment, RunEnvironment env, RunOptions options)
      throws Run.PreflightFailure {
    List<Target> podTargets = List.copyOf(podTargets(experiment).values());
    if (podTargets.isEmpty()) {
      return new StaticSnapshot(0, List.of(), List.of(), List.of(), List.of());
    }
    try {
      return env.snapshots().open(SnapshotScope.namespaces(podTargets), options.syncTimeout());
    } catch (Exception e) {
      throw new Run.PreflightFailure(
          "cannot read the pods of context '" + env.contextName() + "': " + FaultLedger.message(e));
    }
  }

  /** The Pod targets attack steps name, by target name, in step order. */
  static Map<String, Target> podTargets(Experiment experiment) {
    var podTargets = new LinkedHashMap<String, Target>();
    for (Step step : experiment.spec().steps()) {
      if (step instanceof AttackStep a && a.target() != null) {
        Target t = experiment.spec().targets().get(a.target());
        if (t != null && t.effectiveKind() == TargetKind.POD) {
          podTargets.put(a.target(), t);
        }
      }
    }
    return podTargets;
  }

  static Map<String, PreparedProbe> prepareProbes(Experiment experiment, RunEnvironment env)
      throws Run.PreflightFailure {
    var prepared = new LinkedHashMap<String, PreparedProbe>();
    var context = new ProbeContext(env.client(), env.contextName(), env.environment());
    var policy = experiment.spec().effectiveSafety().effectiveNamespaces();
    try {
      for (Step step : experiment.spec().steps()) {
        if (step instanceof ProbeStep p) {
          prepared.put(
              p.id(),
              prepare(experiment, env, context, policy, p.id(), p.probe(), p.target(), p.with()));
        }
      }
      for (ContinuousProbe p : experiment.spec().probes()) {
        prepared.put(
            p.id(),
            prepare(experiment, env, context, policy, p.id(), p.probe(), p.target(), p.with()));
      }
    } catch (ProbeException e) {
      prepared.values().forEach(PreparedProbe::close);
      throw new Run.PreflightFailure(e.getMessage());
    }
    return prepared;
  }

  private static PreparedProbe prepare(
      Experiment experiment,
      RunEnvironment env,
      ProbeContext context,
      dev.faultline.model.NamespacePolicy policy,
      String id,
      String probeId,
      String targetName,
      dev.faultline.model.Params with)
      throws ProbeException {
    ProbeExecutor executor = env.probes().find(probeId).orElseThrow();
    var params = ParamValues.of(env.catalog().find(probeId).orElseThrow(), with);
    Target target = targetName == null ? null : experiment.spec().targets().get(targetName);
    try {
      return executor.prepare(new ProbeRequest(id, params, targetName, target, policy), context);
    } catch (ProbeException e) {
      throw new ProbeException("probe '" + id + "': " + e.getMessage(), e);
    }
  }

  /**
   * Asks every attack step's executor for its {@linkplain AttackExecutor#prerequisites
   * prerequisites} (an operator installed, parameters that fit together); fails naming each unmet
   * one with its step.
   */
  static void checkPrerequisites(
      Experiment experiment, RunEnvironment env, StepRunner runner, AttackContext context)
      throws Run.PreflightFailure {
    var problems = new ArrayList<String>();
    for (Step step : experiment.spec().steps()) {
      if (step instanceof AttackStep a) {
        AttackExecutor executor = env.attacks().find(a.attack()).orElseThrow();
        try {
          executor
              .prerequisites(runner.request(a, false), context)
              .forEach(p -> problems.add("step '" + a.id() + "': " + p));
        } catch (RuntimeException e) {
          problems.add(
              "step '"
                  + a.id()
                  + "': cannot check what "
                  + a.attack()
                  + " needs: "
                  + FaultLedger.message(e));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new Run.PreflightFailure(String.join("; ", problems));
    }
  }

  /** Asks the cluster for every permission the attacks need; fails naming the missing ones. */
  static void checkAccess(Experiment experiment, RunEnvironment env, StepRunner runner)
      throws Run.PreflightFailure {
    var needs = new LinkedHashSet<AccessCheck>();
    for (Step step : experiment.spec().steps()) {
      if (step instanceof AttackStep a) {
        AttackExecutor executor = env.attacks().find(a.attack()).orElseThrow();
        needs.addAll(executor.accessNeeds(runner.request(a, false)));
      }
    }
    if (needs.isEmpty()) {
      return;
    }
    List<String> denied;
    try {
      denied = env.access().denied(List.copyOf(needs));
    } catch (Exception e) {
      throw new Run.PreflightFailure(
          "cannot check permissions on context '"
              + env.contextName()
              + "': "
              + FaultLedger.message(e));
    }
    if (!denied.isEmpty()) {
      throw new Run.PreflightFailure(
          "missing permissions on context '"
              + env.contextName()
              + "', nothing was applied: "
              + String.join("; ", denied));
    }
  }
}
