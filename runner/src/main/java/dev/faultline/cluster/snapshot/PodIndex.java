package dev.faultline.cluster.snapshot;

import java.util.Collection;
import java.util.List;

/**
 * Indexes a live snapshot keeps current with its pods, so that a resolution after a selector or
 * regex change looks only at the pods carrying the selector's label and counts replicas without a
 * pass over every pod. Use it inside {@link ClusterSnapshot#read}, where it agrees with the pods.
 */
public interface PodIndex {
  /**
   * The pods whose label {@code key} has one of {@code values}, sorted by namespace and then name.
   */
  List<PodView> labelled(String key, Collection<String> values);

  /**
   * How many pods of a workload are not terminating; {@code workloadKind} and {@code workloadName}
   * as in {@link PodView}, both empty for the bare pods of a namespace.
   */
  int liveReplicas(String namespace, String workloadKind, String workloadName);
}
