package dev.faultline.cluster.snapshot;

import java.util.List;
import java.util.Map;

/**
 * A pod as the snapshot keeps it: only the fields selection and the preview read, with shared
 * (interned) strings, so 30,000 pods cost a fraction of full fabric8 {@code Pod} objects.
 *
 * @param phase {@code Pending}, {@code Running}, {@code Succeeded}, {@code Failed}, {@code Unknown}
 * @param ready the pod's Ready condition
 * @param terminating a deletion timestamp is set
 * @param node the node it is bound to, empty while unscheduled
 * @param ownerKind kind of the controlling owner ({@code ReplicaSet}, {@code StatefulSet}, {@code
 *     DaemonSet}, {@code Job}), empty for a bare pod
 * @param workloadKind the workload a person thinks of: {@code Deployment} for a ReplicaSet made by
 *     a Deployment, otherwise the owner kind
 * @param workloadName that workload's name
 */
public record PodView(
    String namespace,
    String name,
    String uid,
    Map<String, String> labels,
    Map<String, String> annotations,
    String phase,
    boolean ready,
    boolean terminating,
    String node,
    String ownerKind,
    String ownerName,
    String workloadKind,
    String workloadName,
    List<ContainerView> containers) {

  /** {@code namespace/name}, unique in a cluster. */
  public String key() {
    return namespace + "/" + name;
  }
}
