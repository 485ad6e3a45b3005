package dev.faultline.target;

import static dev.faultline.target.PodBuilder.pod;
import static dev.faultline.target.TargetBuilder.target;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.cluster.snapshot.NodeView;
import dev.faultline.cluster.snapshot.PodView;
import dev.faultline.cluster.snapshot.StaticSnapshot;
import dev.faultline.model.BlastRadius;
import dev.faultline.model.NamespacePolicy;
import dev.faultline.model.Target;
import dev.faultline.model.Topology;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TopologyResolutionTest {
  private static final String ZONE = Topology.ZONE_KEY;

  /** Three zones of three nodes (a-1..c-3), two pods per node, and node x-1 without a zone. */
  private static StaticSnapshot cluster() {
    var nodes = new ArrayList<NodeView>();
    var pods = new ArrayList<PodView>();
    for (String zone : List.of("a", "b", "c")) {
      for (int n = 1; n <= 3; n++) {
        String node = zone + "-" + n;
        nodes.add(new NodeView(node, Map.of(ZONE, "zone-" + zone, "rack", "r" + n), false, true));
        for (int p = 0; p < 2; p++) {
          pods.add(pod("shop", "web-" + node + "-" + p).label("app", "web").node(node).build());
        }
      }
    }
    nodes.add(new NodeView("x-1", Map.of(), false, true));
    pods.add(pod("shop", "web-x-1-0").label("app", "web").node("x-1").build());
    return new StaticSnapshot(7, List.of(), pods, List.of(), nodes);
  }

  private static TargetResolution resolve(BlastRadius radius, long seed) {
    Target t = target("shop").labels("app=web").build().toBuilder().blastRadius(radius).build();
    return TargetResolver.resolve(t, cluster(), NamespacePolicy.DEFAULT, seed);
  }

  private static TargetResolution resolve(Topology topology, long seed) {
    return resolve(BlastRadius.ALL.withTopology(topology), seed);
  }

  private static Set<String> nodes(TargetResolution r) {
    return r.selectedPods().stream().map(PodView::node).collect(Collectors.toSet());
  }

  private static String zoneOf(String node) {
    return "zone-" + node.charAt(0);
  }

  @Test
  void oneNodeInEachOfTwoZonesHitsEveryPodOnTwoNodesInDifferentZones() {
    TargetResolution r = resolve(Topology.zones(2, 1), 5);

    Set<String> hit = nodes(r);
    assertThat(hit).hasSize(2);
    assertThat(hit.stream().map(TopologyResolutionTest::zoneOf).distinct()).hasSize(2);
    assertThat(r.selected()).hasSize(4);
    assertThat(r.zones().stream().filter(ZoneGroup::chosen))
        .hasSize(2)
        .allSatisfy(
            z -> {
              assertThat(z.chosenNodes()).isEqualTo(1);
              assertThat(z.summary()).isEqualTo(z.zone() + ": 1 of 3 nodes, 2 pods");
            });
  }

  @Test
  void aWholeZoneHitsEveryNodeOfOneZoneOnly() {
    TargetResolution r = resolve(Topology.wholeZones(1), 9);

    Set<String> hit = nodes(r);
    assertThat(hit).hasSize(3);
    assertThat(hit.stream().map(TopologyResolutionTest::zoneOf).distinct()).hasSize(1);
    assertThat(r.selected()).hasSize(6);
    assertThat(r.zones().getFirst().summary()).endsWith(": 3 of 3 nodes, 6 pods");
  }

  @Test
  void aNamedZoneChoosesNodesOnlyThere() {
    TargetResolution r = resolve(Topology.inZone("zone-b", 2), 3);

    assertThat(nodes(r)).hasSize(2).allMatch(n -> n.startsWith("b-"));
    assertThat(r.zones().getFirst().zone()).isEqualTo("zone-b");
    assertThat(r.zones().getFirst().chosen()).isTrue();
  }

  @Test
  void anUnknownNamedZoneSelectsNothingAndSaysWhichZonesExist() {
    TargetResolution r = resolve(Topology.inZone("zone-q", 1), 3);

    assertThat(r.selected()).isEmpty();
    assertThat(r.warnings())
        .filteredOn(w -> w.type() == TargetWarning.Type.ZONE_NOT_FOUND)
        .singleElement()
        .satisfies(
            w ->
                assertThat(w.message())
                    .contains("zone zone-q", "zone-a, zone-b, zone-c")
                    .doesNotContain("zone-q;"));
  }

  @Test
  void podsOnNodesWithoutTheLabelAreGroupedAsUnknownWarnedAboutAndNeverHit() {
    for (long seed = 0; seed < 20; seed++) {
      TargetResolution r = resolve(Topology.wholeZones(3), seed);

      assertThat(nodes(r)).doesNotContain("x-1").hasSize(9);
      ZoneGroup last = r.zones().getLast();
      assertThat(last.unknown()).isTrue();
      assertThat(last.chosen()).isFalse();
      assertThat(last.nodes()).extracting(ZoneGroup.NodeGroup::node).containsExactly("x-1");
      assertThat(r.warnings())
          .filteredOn(w -> w.type() == TargetWarning.Type.UNKNOWN_ZONE)
          .singleElement()
          .satisfies(w -> assertThat(w.message()).contains("1 pod", "x-1", ZONE));
    }
  }

  @Test
  void askingForMoreZonesThanHostMatchesWarnsAndTakesThemAll() {
    TargetResolution r = resolve(Topology.zones(5, 1), 1);

    assertThat(nodes(r)).hasSize(3);
    assertThat(r.has(TargetWarning.Type.FEWER_ZONES)).isTrue();
  }

  @Test
  void aCustomKeyGroupsByThatLabel() {
    TargetResolution r = resolve(Topology.wholeZones(1).key("rack"), 4);

    Set<String> hit = nodes(r);
    assertThat(hit).hasSize(3);
    assertThat(hit.stream().map(n -> n.substring(2)).distinct()).hasSize(1); // one rack r1..r3
  }

  @Test
  void thePodLevelModeAppliesWithinTheChosenNodes() {
    TargetResolution r =
        resolve(
            BlastRadius.of(BlastRadius.Mode.ONE, null)
                .withTopology(Topology.inZone("zone-c", null)),
            2);

    assertThat(r.selected()).hasSize(1);
    assertThat(nodes(r)).allMatch(n -> n.startsWith("c-"));
  }

  @Test
  void theSameSeedChoosesTheSameNodesAndSeedsSpreadTheChoice() {
    Set<Set<String>> choices = new HashSet<>();
    for (long seed = 0; seed < 40; seed++) {
      Set<String> first = nodes(resolve(Topology.zones(2, 1), seed));
      assertThat(nodes(resolve(Topology.zones(2, 1), seed))).isEqualTo(first);
      choices.add(new TreeSet<>(first));
    }
    assertThat(choices).hasSizeGreaterThan(10);
  }

  @Test
  void podsArrivingInAnotherOrderDoNotChangeTheChoice() {
    StaticSnapshot snapshot = cluster();
    var reversed = new ArrayList<>(snapshot.pods());
    java.util.Collections.reverse(reversed);
    Target t =
        target("shop").labels("app=web").build().toBuilder().topology(Topology.zones(2, 2)).build();
    var a = TargetResolver.resolve(t, snapshot, NamespacePolicy.DEFAULT, 77);
    var b =
        TargetResolver.resolve(
            t,
            new StaticSnapshot(7, List.of(), reversed, List.of(), List.copyOf(snapshot.nodes())),
            NamespacePolicy.DEFAULT,
            77);

    assertThat(b.selected()).isEqualTo(a.selected());
    assertThat(b.zones()).isEqualTo(a.zones());
  }

  @Test
  void liveAndStaticResolutionAgreeForTopologyTargets() {
    Target t =
        target("shop").labels("app=web").build().toBuilder().topology(Topology.zones(2, 1)).build();
    var live = new LivePreview(t, NamespacePolicy.DEFAULT, 8).resolve(cluster());

    assertThat(live).isEqualTo(TargetResolver.resolve(t, cluster(), NamespacePolicy.DEFAULT, 8));
  }
}
