package dev.faultline.cluster.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The live index, changed pod by pod, agrees with one computed from scratch. */
class LivePodIndexTest {
  private static final List<String> NAMESPACES = List.of("a", "b", "team-a", "team");
  private static final List<String> VALUES = List.of("web", "db", "api");

  @Test
  void agreesWithAFreshCountAfterRandomChanges() {
    var random = new SplittableRandom(3);
    Map<String, PodView> pods = new LinkedHashMap<>();
    var index = new LivePodIndex(new Object(), pods::values);
    for (int step = 0; step < 5_000; step++) {
      if (step % 1_000 == 500) {
        index.reset(); // a relist
      }
      var keys = new ArrayList<>(pods.keySet());
      if (!keys.isEmpty() && random.nextInt(3) == 0) {
        PodView before = pods.remove(keys.get(random.nextInt(keys.size())));
        index.changed(before, null);
      } else {
        PodView after = pod(random);
        index.changed(pods.put(after.key(), after), after);
      }
      if (step % 50 == 0) {
        for (String key : List.of("tier", "app")) {
          for (Set<String> values : List.of(Set.of("web"), Set.of("db", "api"))) {
            var expected =
                pods.values().stream()
                    .filter(
                        p -> p.labels().get(key) != null && values.contains(p.labels().get(key)))
                    .sorted(LivePodIndex.ORDER)
                    .toList();
            assertThat(index.labelled(key, values)).isEqualTo(expected);
          }
        }
        for (PodView pod : pods.values()) {
          long live =
              pods.values().stream()
                  .filter(
                      p ->
                          !p.terminating()
                              && p.namespace().equals(pod.namespace())
                              && p.workloadKind().equals(pod.workloadKind())
                              && p.workloadName().equals(pod.workloadName()))
                  .count();
          assertThat(index.liveReplicas(pod.namespace(), pod.workloadKind(), pod.workloadName()))
              .isEqualTo((int) live);
        }
      }
    }
  }

  private static PodView pod(SplittableRandom random) {
    var labels = new LinkedHashMap<String, String>();
    if (random.nextBoolean()) labels.put("tier", VALUES.get(random.nextInt(3)));
    if (random.nextBoolean()) labels.put("app", VALUES.get(random.nextInt(3)));
    String workload = random.nextInt(4) == 0 ? "" : "wl-" + random.nextInt(3);
    return new PodView(
        NAMESPACES.get(random.nextInt(NAMESPACES.size())),
        "p-" + random.nextInt(60),
        "",
        labels,
        Map.of(),
        "Running",
        true,
        random.nextInt(5) == 0,
        "",
        "",
        "",
        workload.isEmpty() ? "" : "Deployment",
        workload,
        List.of());
  }
}
