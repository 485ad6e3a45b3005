package dev.faultline.cluster.snapshot;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The snapshot's compact views of objects from a one-off LIST, for callers that read the cluster
 * once instead of keeping a {@link LiveSnapshot} (a probe checking readiness every second). The
 * views are the same as a live snapshot's, so {@code dev.faultline.target} matches them alike.
 */
public final class SnapshotViews {
  private SnapshotViews() {}

  /** Views of {@code pods}, in the same order. */
  public static List<PodView> pods(Collection<Pod> pods) {
    var views = new Views();
    var out = new ArrayList<PodView>(pods.size());
    for (Pod pod : pods) {
      out.add(views.pod(pod));
    }
    return out;
  }

  /** Views of {@code nodes}, in the same order. */
  public static List<NodeView> nodes(Collection<Node> nodes) {
    var views = new Views();
    var out = new ArrayList<NodeView>(nodes.size());
    for (Node node : nodes) {
      out.add(views.node(node));
    }
    return out;
  }
}
