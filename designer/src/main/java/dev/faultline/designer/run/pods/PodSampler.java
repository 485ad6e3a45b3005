package dev.faultline.designer.run.pods;

import dev.faultline.cluster.snapshot.ClusterSnapshot;
import dev.faultline.cluster.snapshot.PodView;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads the pods the strip tracks out of a cluster snapshot. Runs off the FX thread: one pass over
 * the snapshot's pods inside {@link ClusterSnapshot#read}, so a sample is consistent and costs
 * O(pods) however many rows there are.
 */
final class PodSampler {

  private PodSampler() {}

  /**
   * The tracked pods still present, plus every pod of a tracked workload (replacements), keyed by
   * {@code namespace/name}. A tracked pod missing from the result is gone.
   */
  static Map<String, PodObservation> sample(
      ClusterSnapshot snapshot, Set<String> keys, Set<String> workloads) {
    return snapshot.read(
        s -> {
          Map<String, PodObservation> seen = new HashMap<>();
          for (PodView pod : s.pods()) {
            String key = pod.key();
            if (keys.contains(key)) {
              seen.put(key, PodObservation.of(pod));
            } else if (!workloads.isEmpty()) {
              PodObservation observation = PodObservation.of(pod);
              if (workloads.contains(observation.workload())) {
                seen.put(key, observation);
              }
            }
          }
          return seen;
        });
  }
}
