package dev.faultline.cli;

import dev.faultline.cluster.ClusterConnector;
import dev.faultline.cluster.ClusterTarget;
import dev.faultline.cluster.ContextRef;
import dev.faultline.cluster.KubeconfigException;
import dev.faultline.cluster.snapshot.LiveSnapshot;
import dev.faultline.model.ClusterContexts;
import dev.faultline.model.Target;
import dev.faultline.target.SnapshotScope;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The clusters one preview reads: the run's context and every other context its targets name, each
 * with its own client and live snapshot of the namespaces its targets need. A single-cluster
 * preview has one side, the run's. Closes every snapshot and client it opened.
 */
final class PreviewClusters implements AutoCloseable {
  /**
   * One context and what lives there.
   *
   * @param context the kubeconfig context name
   * @param label how messages name it (the run's: the cluster's label, e.g. "Embedded sandbox")
   * @param run whether it is the run's own context
   * @param targets the previewed targets that live in it, in file order
   */
  record Side(
      String context,
      String label,
      boolean run,
      KubernetesClient client,
      LiveSnapshot snapshot,
      Map<String, Target> targets) {}

  private final List<Side> sides = new ArrayList<>();

  private PreviewClusters() {}

  /**
   * The previewed targets by context, the run's first; a context none of them lives in is left out.
   */
  static Map<String, Map<String, Target>> byContext(
      Map<String, Target> targets, String runContext) {
    var groups = new LinkedHashMap<String, Map<String, Target>>();
    groups.put(runContext, new LinkedHashMap<>());
    targets.forEach(
        (name, target) ->
            groups
                .computeIfAbsent(
                    ClusterContexts.resolve(target.context(), runContext),
                    k -> new LinkedHashMap<>())
                .put(name, target));
    groups.values().removeIf(Map::isEmpty);
    return groups;
  }

  /**
   * Connects to every context {@code targets} live in and starts a snapshot there. The other
   * contexts go through {@code connector} as the run's does, so the same kubeconfig files and
   * credentials apply.
   *
   * @param others the kubeconfig's contexts, to find the other contexts by name (checked before)
   */
  static PreviewClusters open(
      ClusterConnector connector,
      ClusterTarget run,
      List<ContextRef> others,
      Map<String, Target> targets,
      PrintWriter err)
      throws KubeconfigException {
    var clusters = new PreviewClusters();
    try {
      for (var group : byContext(targets, run.contextName()).entrySet()) {
        String context = group.getKey();
        boolean isRun = context.equals(run.contextName());
        ClusterTarget target =
            isRun
                ? run
                : new ClusterTarget.KubeContext(
                    others.stream()
                        .filter(c -> c.name().equals(context))
                        .findFirst()
                        .orElseThrow());
        err.println("preview: connecting to " + target.label() + " …");
        KubernetesClient client = connector.connect(target);
        LiveSnapshot snapshot;
        try {
          snapshot =
              LiveSnapshot.start(
                  client, SnapshotScope.namespaces(group.getValue().values()), Clock.systemUTC());
        } catch (RuntimeException e) {
          client.close();
          throw e;
        }
        clusters.sides.add(
            new Side(context, target.label(), isRun, client, snapshot, group.getValue()));
      }
    } catch (KubeconfigException | RuntimeException e) {
      clusters.close();
      throw e;
    }
    return clusters;
  }

  /** Every side, the run's first (when one of the targets lives there). */
  List<Side> sides() {
    return List.copyOf(sides);
  }

  /** The snapshot each target is resolved against, by target name. */
  Map<String, LiveSnapshot> snapshotOfTarget() {
    var map = new LinkedHashMap<String, LiveSnapshot>();
    sides.forEach(s -> s.targets().keySet().forEach(t -> map.put(t, s.snapshot())));
    return map;
  }

  /** The snapshots by context, the run's first. */
  Map<String, LiveSnapshot> snapshots() {
    var map = new LinkedHashMap<String, LiveSnapshot>();
    sides.forEach(s -> map.put(s.context(), s.snapshot()));
    return map;
  }

  /** Changes when any side's snapshot changes. */
  long version() {
    long sum = 0;
    for (Side s : sides) {
      sum += s.snapshot().version();
    }
    return sum;
  }

  @Override
  public void close() {
    for (Side side : sides.reversed()) {
      side.snapshot().close();
      side.client().close();
    }
  }
}
