package dev.faultline.engine;

import dev.faultline.cluster.snapshot.ClusterSnapshot;
import java.time.Duration;
import java.util.Set;

/**
 * Opens the cluster snapshot a run resolves its Pod targets against, scoped to the namespaces the
 * experiment can touch (empty: all). The CLI and app pass {@link
 * dev.faultline.cluster.snapshot.LiveSnapshot}, the same one the preview uses, so a run selects
 * what the preview showed; tests may pass a fixed snapshot.
 */
@FunctionalInterface
public interface SnapshotSource {
  /**
   * @return a synced snapshot; the engine closes it at the end of the run when it is {@link
   *     AutoCloseable}
   * @throws Exception when the cluster cannot be read within {@code timeout}
   */
  ClusterSnapshot open(Set<String> namespaces, Duration timeout) throws Exception;
}
