package dev.faultline.attack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.model.Topology;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Node targets choose nodes per zone as pod targets do: the nodes an attack such as a drain hits.
 */
class NodeTopologyTest {
  private static final String ZONE = Topology.ZONE_KEY;

  /** a-1..a-3, b-1..b-3, c-1..c-3, and x-1 without a zone label. */
  private static List<HasMetadata> nodes() {
    var nodes = new ArrayList<HasMetadata>();
    for (String zone : List.of("a", "b", "c")) {
      for (int i = 1; i <= 3; i++) {
        nodes.add(
            new NodeBuilder()
                .withNewMetadata()
                .withName(zone + "-" + i)
                .withLabels(Map.of(ZONE, "zone-" + zone))
                .endMetadata()
                .build());
      }
    }
    nodes.add(new NodeBuilder().withNewMetadata().withName("x-1").endMetadata().build());
    return nodes;
  }

  private static Set<String> names(List<HasMetadata> chosen) {
    return chosen.stream().map(n -> n.getMetadata().getName()).collect(Collectors.toSet());
  }

  @Test
  void oneNodeInEachOfTwoZonesIsTwoNodesInTwoZonesAndTheSameForTheSameSeed() {
    Set<Set<String>> seen = new HashSet<>();
    for (long seed = 0; seed < 30; seed++) {
      Set<String> chosen = names(ObjectTargets.onChosenNodes(Topology.zones(2, 1), nodes(), seed));
      assertThat(chosen).hasSize(2).doesNotContain("x-1");
      assertThat(chosen.stream().map(n -> n.charAt(0)).distinct()).hasSize(2);
      assertThat(names(ObjectTargets.onChosenNodes(Topology.zones(2, 1), nodes(), seed)))
          .isEqualTo(chosen);
      seen.add(chosen);
    }
    assertThat(seen).hasSizeGreaterThan(5);
  }

  @Test
  void aNamedWholeZoneIsEveryNodeOfIt() {
    assertThat(names(ObjectTargets.onChosenNodes(Topology.inZone("zone-b", null), nodes(), 1)))
        .containsExactlyInAnyOrder("b-1", "b-2", "b-3");
    assertThat(ObjectTargets.onChosenNodes(Topology.inZone("zone-q", null), nodes(), 1)).isEmpty();
  }
}
