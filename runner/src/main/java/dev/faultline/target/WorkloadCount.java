package dev.faultline.target;

/**
 * How a target touches one workload. Pods without a workload (bare pods) are counted together under
 * an empty kind and name per namespace.
 *
 * @param kind {@code Deployment}, {@code StatefulSet}, {@code DaemonSet}, {@code Job}, ... as in
 *     {@link dev.faultline.cluster.snapshot.PodView#workloadKind()}
 * @param replicas the workload's pods in the snapshot that are not terminating, whether the target
 *     matches them or not
 * @param matched how many of its pods the target matches
 * @param selected how many of its pods the blast radius selects
 */
public record WorkloadCount(
    String namespace, String kind, String name, int replicas, int matched, int selected) {

  /** Whether every live replica is selected: an outage of the workload, not a degradation. */
  public boolean wholeWorkload() {
    return !name.isEmpty() && replicas > 0 && selected >= replicas;
  }
}
