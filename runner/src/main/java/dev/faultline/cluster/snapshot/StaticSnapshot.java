package dev.faultline.cluster.snapshot;

import java.time.Instant;
import java.util.List;

/**
 * A fixed snapshot: for tests, for previews of a saved cluster state, and as the value a live
 * snapshot hands out at one version.
 */
public record StaticSnapshot(
    long version,
    List<String> namespaces,
    List<PodView> pods,
    List<BudgetView> budgets,
    List<NodeView> nodes)
    implements ClusterSnapshot {

  public StaticSnapshot {
    namespaces = List.copyOf(namespaces);
    pods = List.copyOf(pods);
    budgets = List.copyOf(budgets);
    nodes = List.copyOf(nodes);
  }

  @Override
  public SnapshotState state() {
    return new SnapshotState(SnapshotState.Phase.LIVE, Instant.EPOCH, "");
  }

  @Override
  public List<BudgetView> budgets(String namespace) {
    return budgets.stream().filter(b -> b.namespace().equals(namespace)).toList();
  }
}
