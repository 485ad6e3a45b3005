package dev.faultline.cluster.snapshot;

import java.util.Collection;
import java.util.List;

/**
 * A consistent, read-only view of the pods (and budgets) in the namespaces an experiment can touch.
 * Implementations are thread-safe; every change increments {@link #version()}, so a UI polls the
 * version once per frame and recomputes only when it moved.
 */
public interface ClusterSnapshot {
  /** Increases with every change; equal versions mean equal content. */
  long version();

  SnapshotState state();

  /** Namespaces this snapshot covers; empty means every namespace. */
  Collection<String> namespaces();

  /** All pods, in no particular order. */
  Collection<PodView> pods();

  /** Budgets in one namespace. */
  List<BudgetView> budgets(String namespace);

  /** All nodes (cluster-wide, few). */
  Collection<NodeView> nodes();
}
