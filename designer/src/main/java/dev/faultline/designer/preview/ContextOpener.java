package dev.faultline.designer.preview;

import dev.faultline.cluster.snapshot.ClusterSnapshot;
import java.util.Objects;

/**
 * Opens a live view of another kubeconfig context's cluster, for the targets of a multi-cluster
 * experiment that live there. The preview calls it on a background thread, never on the FX thread:
 * it may read the kubeconfig and connect.
 */
@FunctionalInterface
public interface ContextOpener {

  /**
   * Opens {@code context}'s cluster.
   *
   * @throws Exception with a message to show under the context's heading ({@code no kubeconfig
   *     context 'wset'; did you mean 'west'?})
   */
  Opened open(String context) throws Exception;

  /**
   * An opened context: its snapshot, and how to let go of it (the snapshot and its client).
   *
   * @param snapshot what targets in the context resolve against
   * @param close called once, off the FX thread, when no target names the context any more
   */
  record Opened(ClusterSnapshot snapshot, Runnable close) {
    public Opened {
      Objects.requireNonNull(snapshot, "snapshot");
      Objects.requireNonNull(close, "close");
    }
  }
}
