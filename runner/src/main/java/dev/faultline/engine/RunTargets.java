package dev.faultline.engine;

import dev.faultline.cluster.snapshot.ClusterSnapshot;
import dev.faultline.cluster.snapshot.PodView;
import dev.faultline.model.ClusterContexts;
import dev.faultline.model.Experiment;
import dev.faultline.model.Target;
import dev.faultline.safety.RunTarget;
import dev.faultline.target.InvalidTargetException;
import dev.faultline.target.Seeds;
import dev.faultline.target.SnapshotScope;
import dev.faultline.target.TargetResolver;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The objects a run is about to act on, resolved before it starts the way the engine resolves them
 * at each attack (same snapshot source, namespace policy and seed), for the overlap check against
 * the runs in progress. Pod targets resolve to their pods; objects of other kinds (Deployments,
 * Nodes, mesh and Chaos Mesh objects) join the run's entry as its faults are applied.
 */
public final class RunTargets {
  private RunTargets() {}

  /**
   * Resolves the Pod targets of {@code experiment}'s attacks against the cluster of {@code env},
   * and those naming another context against that context's cluster.
   *
   * @throws Exception when a cluster cannot be read
   */
  public static List<RunTarget> resolve(Experiment experiment, RunEnvironment env, Duration timeout)
      throws Exception {
    var byContext = new java.util.LinkedHashMap<String, List<Target>>();
    RunPreflight.podTargets(experiment)
        .values()
        .forEach(
            t ->
                byContext
                    .computeIfAbsent(
                        ClusterContexts.resolve(t.context(), env.contextName()),
                        k -> new java.util.ArrayList<>())
                    .add(t));
    var pods = new java.util.ArrayList<RunTarget>();
    for (var entry : byContext.entrySet()) {
      boolean own = entry.getKey().equals(env.contextName());
      RunEnvironment side = own ? env : env.others().open(entry.getKey());
      try {
        ClusterSnapshot snapshot =
            side.snapshots().open(SnapshotScope.namespaces(entry.getValue()), timeout);
        try {
          pods.addAll(of(experiment, snapshot, entry.getKey(), env.contextName()));
        } finally {
          if (snapshot instanceof AutoCloseable closeable) {
            closeable.close();
          }
        }
      } finally {
        if (!own && side.client() != null) {
          side.client().close();
        }
      }
    }
    return List.copyOf(pods);
  }

  /** The pods the attacks' Pod targets select in {@code snapshot}; invalid targets select none. */
  public static List<RunTarget> of(
      Experiment experiment, ClusterSnapshot snapshot, String context) {
    return of(experiment, snapshot, context, context);
  }

  /**
   * The pods the Pod targets living in {@code context} select in {@code snapshot}, that context's
   * cluster, for a run on {@code runContext}.
   */
  static List<RunTarget> of(
      Experiment experiment, ClusterSnapshot snapshot, String context, String runContext) {
    Set<RunTarget> pods = new LinkedHashSet<>();
    var policy = experiment.spec().effectiveSafety().effectiveNamespaces();
    RunPreflight.podTargets(experiment)
        .forEach(
            (name, target) -> {
              if (!ClusterContexts.resolve(target.context(), runContext).equals(context)) {
                return;
              }
              try {
                TargetResolver.resolve(
                        target,
                        snapshot,
                        policy,
                        Seeds.forTarget(experiment.metadata().name(), name))
                    .selectedPods()
                    .stream()
                    .map(PodView::key)
                    .forEach(key -> pods.add(RunTarget.pod(context, key)));
              } catch (InvalidTargetException e) {
                // the run's preflight reports it; nothing is hit through this target
              }
            });
    return List.copyOf(pods);
  }
}
