package dev.faultline.cluster.snapshot;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

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

  /**
   * Runs {@code reader} on a consistent view: no change is applied while it runs, so its {@link
   * #version()}, pods, budgets, nodes and {@link #podChangesSince} agree. Readers must be quick (a
   * resolution, not a network call): a live snapshot holds its changes back meanwhile. Immutable
   * snapshots just run it.
   */
  default <R> R read(Function<? super ClusterSnapshot, R> reader) {
    return reader.apply(this);
  }

  /**
   * The pod changes after {@code version} up to {@link #version()}, oldest first, when every change
   * since then was a single pod's and the snapshot still remembers them; empty otherwise (after a
   * relist, a budget, node or state change, or too long ago), and then a consumer resolves from
   * scratch. Call it inside {@link #read} to line the changes up with the rest.
   */
  default Optional<List<PodChange>> podChangesSince(long version) {
    return version == version() ? Optional.of(List.of()) : Optional.empty();
  }

  /** The pod index this snapshot keeps current, if it keeps one; use it inside {@link #read}. */
  default Optional<PodIndex> index() {
    return Optional.empty();
  }
}
