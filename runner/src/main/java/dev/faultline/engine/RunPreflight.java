package dev.faultline.engine;

import dev.faultline.attack.AttackExecutor;
import dev.faultline.catalog.ParamValues;
import dev.faultline.cluster.AccessCheck;
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

  /** Prepares every probe in the cluster it reads (its own context, its target's or the run's). */
  static Map<String, PreparedProbe> prepareProbes(Experiment experiment, RunClusters clusters)
      throws Run.PreflightFailure {
    var prepared = new LinkedHashMap<String, PreparedProbe>();
    var policy = experiment.spec().effectiveSafety().effectiveNamespaces();
    try {
      for (Step step : experiment.spec().steps()) {
        if (step instanceof ProbeStep p) {
          RunEnvironment env = clusters.forStep(p).env();
          prepared.put(
              p.id(),
              prepare(
                  experiment,
                  env,
                  probeContext(env),
                  policy,
                  p.id(),
                  p.probe(),
                  p.target(),
                  p.with()));
        }
      }
      for (ContinuousProbe p : experiment.spec().probes()) {
        RunEnvironment env = clusters.forProbe(p).env();
        prepared.put(
            p.id(),
            prepare(
                experiment,
                env,
                probeContext(env),
                policy,
                p.id(),
                p.probe(),
                p.target(),
                p.with()));
      }
    } catch (ProbeException e) {
      prepared.values().forEach(PreparedProbe::close);
      throw new Run.PreflightFailure(e.getMessage());
    }
    return prepared;
  }

  private static ProbeContext probeContext(RunEnvironment env) {
    return new ProbeContext(env.client(), env.contextName(), env.environment());
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
      Experiment experiment, RunEnvironment env, StepRunner runner, RunClusters clusters)
      throws Run.PreflightFailure {
    var problems = new ArrayList<String>();
    for (Step step : experiment.spec().steps()) {
      if (step instanceof AttackStep a) {
        AttackExecutor executor = env.attacks().find(a.attack()).orElseThrow();
        try {
          executor
              .prerequisites(runner.request(a, false), clusters.forStep(a).attacks())
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

  /**
   * Asks each cluster for every permission the attacks there need; fails naming the missing ones
   * and their context.
   */
  static void checkAccess(
      Experiment experiment, RunEnvironment env, StepRunner runner, RunClusters clusters)
      throws Run.PreflightFailure {
    var needs = new LinkedHashMap<RunClusters.Side, LinkedHashSet<AccessCheck>>();
    for (Step step : experiment.spec().steps()) {
      if (step instanceof AttackStep a) {
        AttackExecutor executor = env.attacks().find(a.attack()).orElseThrow();
        needs
            .computeIfAbsent(clusters.forStep(a), k -> new LinkedHashSet<>())
            .addAll(executor.accessNeeds(runner.request(a, false)));
      }
    }
    var problems = new ArrayList<String>();
    needs.forEach(
        (side, checks) -> {
          if (!checks.isEmpty()) {
            denied(side, checks).ifPresent(problems::add);
          }
        });
    if (!problems.isEmpty()) {
      throw new Run.PreflightFailure(String.join("; ", problems));
    }
  }

  private static java.util.Optional<String> denied(
      RunClusters.Side side, LinkedHashSet<AccessCheck> checks) {
    List<String> denied;
    try {
      denied = side.env().access().denied(List.copyOf(checks));
    } catch (Exception e) {
      return java.util.Optional.of(
          "cannot check permissions on context '"
              + side.context()
              + "': "
              + FaultLedger.message(e));
    }
    return denied.isEmpty()
        ? java.util.Optional.empty()
        : java.util.Optional.of(
            "missing permissions on context '"
                + side.context()
                + "', nothing was applied: "
                + String.join("; ", denied));
  }
}
