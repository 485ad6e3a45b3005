package dev.faultline.engine;

import dev.faultline.attack.AttackContext;
import dev.faultline.cluster.snapshot.ClusterSnapshot;
import dev.faultline.cluster.snapshot.StaticSnapshot;
import dev.faultline.model.ClusterContexts;
import dev.faultline.model.ContinuousProbe;
import dev.faultline.model.Experiment;
import dev.faultline.model.Step;
import dev.faultline.model.Target;
import dev.faultline.target.SnapshotScope;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The clusters one run talks to: the run's own context and every other one the experiment's targets
 * and probes name, each with its environment, the snapshot its Pod targets resolve against and the
 * context its attacks act in. A single-cluster run has one side. Closes what it opened: the
 * snapshots, and the clients of the other contexts (the run's own client belongs to its caller).
 */
final class RunClusters implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(RunClusters.class.getName());

  /** One cluster of the run. */
  record Side(RunEnvironment env, ClusterSnapshot snapshot, AttackContext attacks) {
    String context() {
      return env.contextName();
    }
  }

  private final Experiment experiment;
  private final String runContext;
  private final Map<String, Side> sides = new LinkedHashMap<>();
  private final List<RunEnvironment> opened = new ArrayList<>();

  private RunClusters(Experiment experiment, String runContext) {
    this.experiment = experiment;
    this.runContext = runContext;
  }

  /** A run that reads no cluster yet (before preflight), with the run's context only. */
  static RunClusters none(Experiment experiment, RunEnvironment env, RunOptions options) {
    var clusters = new RunClusters(experiment, env.contextName());
    clusters.sides.put(
        env.contextName(), new Side(env, emptySnapshot(), attackContext(env, options)));
    return clusters;
  }

  /**
   * Opens every context the experiment uses and lists the pods of its Pod targets there.
   *
   * @throws Run.PreflightFailure naming the context that cannot be opened or read; whatever was
   *     opened before is closed
   */
  static RunClusters open(Experiment experiment, RunEnvironment env, RunOptions options)
      throws Run.PreflightFailure {
    var clusters = new RunClusters(experiment, env.contextName());
    try {
      for (String context : ClusterContexts.used(experiment.spec(), env.contextName())) {
        RunEnvironment sideEnv =
            context.equals(env.contextName()) ? env : clusters.other(env, context);
        clusters.sides.put(
            context,
            new Side(
                sideEnv,
                clusters.snapshot(sideEnv, context, options),
                attackContext(sideEnv, options)));
      }
    } catch (Run.PreflightFailure e) {
      clusters.close();
      throw e;
    }
    return clusters;
  }

  private RunEnvironment other(RunEnvironment env, String context) throws Run.PreflightFailure {
    RunEnvironment other;
    try {
      other = env.others().open(context);
    } catch (Exception e) {
      throw new Run.PreflightFailure(
          "cannot connect to context '"
              + context
              + "', which the experiment names: "
              + FaultLedger.message(e));
    }
    opened.add(other);
    return other;
  }

  private ClusterSnapshot snapshot(RunEnvironment env, String context, RunOptions options)
      throws Run.PreflightFailure {
    List<Target> podTargets =
        RunPreflight.podTargets(experiment).values().stream()
            .filter(t -> ClusterContexts.resolve(t.context(), runContext).equals(context))
            .toList();
    if (podTargets.isEmpty()) {
      return emptySnapshot();
    }
    try {
      return env.snapshots().open(SnapshotScope.namespaces(podTargets), options.syncTimeout());
    } catch (Exception e) {
      throw new Run.PreflightFailure(
          "cannot read the pods of context '" + context + "': " + FaultLedger.message(e));
    }
  }

  private static AttackContext attackContext(RunEnvironment env, RunOptions options) {
    return new AttackContext(env.client(), env.contextName(), options.runId(), null);
  }

  private static ClusterSnapshot emptySnapshot() {
    return new StaticSnapshot(0, List.of(), List.of(), List.of(), List.of());
  }

  /** The run's own context. */
  Side main() {
    return sides.get(runContext);
  }

  /** The side of a context name as the file gives it; {@code null}: the run's own. */
  Side of(String named) {
    Side side = sides.get(ClusterContexts.resolve(named, runContext));
    return side == null ? main() : side;
  }

  Side forStep(Step step) {
    return of(ClusterContexts.ofStep(experiment.spec(), step));
  }

  Side forProbe(ContinuousProbe probe) {
    return of(ClusterContexts.ofProbe(experiment.spec(), probe));
  }

  /** The attack context a fault was made in, to apply, check and roll it back there. */
  AttackContext attacksFor(String faultContext) {
    Side side = sides.get(faultContext);
    return side == null ? main().attacks() : side.attacks();
  }

  Collection<Side> all() {
    return sides.values();
  }

  /** Whether the run talks to more than one cluster. */
  boolean isMultiCluster() {
    return sides.size() > 1;
  }

  @Override
  public void close() {
    for (Side side : sides.values()) {
      if (side.snapshot() instanceof AutoCloseable c) {
        try {
          c.close();
        } catch (Exception e) {
          LOG.log(Level.FINE, "closing the snapshot of " + side.context(), e);
        }
      }
    }
    for (RunEnvironment env : opened) {
      if (env.client() != null) {
        try {
          env.client().close();
        } catch (RuntimeException e) {
          LOG.log(Level.FINE, "closing the client of " + env.contextName(), e);
        }
      }
    }
  }
}
