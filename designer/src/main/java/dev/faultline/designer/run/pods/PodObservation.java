package dev.faultline.designer.run.pods;

import dev.faultline.cluster.snapshot.ContainerView;
import dev.faultline.cluster.snapshot.PodView;

/**
 * One pod as one sample saw it: just what the strip draws.
 *
 * @param workload {@code namespace/Kind/name} of the workload that owns it, empty for a bare pod
 * @param restarts the sum of its containers' restart counts
 */
public record PodObservation(
    String key, String workload, boolean ready, boolean terminating, String phase, int restarts) {

  /** What the snapshot says of {@code pod}. */
  public static PodObservation of(PodView pod) {
    int restarts = 0;
    for (ContainerView container : pod.containers()) {
      restarts += container.restarts();
    }
    String workload =
        pod.workloadName() == null || pod.workloadName().isEmpty()
            ? ""
            : pod.namespace() + "/" + pod.workloadKind() + "/" + pod.workloadName();
    return new PodObservation(
        pod.key(), workload, pod.ready(), pod.terminating(), pod.phase(), restarts);
  }

  /** Ready only when the pod says so and is not on its way out. */
  public PodState state() {
    return ready && !terminating ? PodState.READY : PodState.NOT_READY;
  }
}
