package dev.faultline.target;

import dev.faultline.cluster.snapshot.NodeView;
import dev.faultline.cluster.snapshot.PodView;
import dev.faultline.model.Topology;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Applies a {@link Topology} to a resolution's eligible pods: which of them are candidates for the
 * pod-level mode (those on chosen nodes), and afterwards the zone → node grouping the preview
 * shows.
 */
final class TopologyGroups {
  private final Topology topology;
  private final Map<String, String> zoneOfNode = new HashMap<>();
  final TopologyChoice choice;
  int unknownPods;

  /**
   * @param eligible the matches that may be hit (not terminating)
   */
  TopologyGroups(Topology topology, List<PodView> eligible, Collection<NodeView> nodes, long seed) {
    this.topology = topology;
    String key = topology.effectiveKey();
    for (NodeView node : nodes) {
      String zone = node.labels().get(key);
      zoneOfNode.put(node.name(), zone == null ? TopologyChoice.UNKNOWN_ZONE : zone);
    }
    var hosting = new LinkedHashMap<String, String>();
    for (PodView pod : eligible) {
      String zone = zoneOf(pod.node());
      hosting.put(Tallies.orEmpty(pod.node()), zone);
      if (zone.equals(TopologyChoice.UNKNOWN_ZONE)) {
        unknownPods++;
      }
    }
    choice = TopologyChoice.choose(topology, hosting, seed);
  }

  private String zoneOf(String node) {
    return node == null || node.isEmpty()
        ? TopologyChoice.UNKNOWN_ZONE
        : zoneOfNode.getOrDefault(node, TopologyChoice.UNKNOWN_ZONE);
  }

  /** Whether the pod runs on a chosen node. */
  boolean candidate(PodView pod) {
    return choice.chosenNodes().contains(Tallies.orEmpty(pod.node()));
  }

  /** Zone groups from the per-node counts: chosen zones first, the unknown zone last. */
  List<ZoneGroup> groups(List<NodeCount> nodeCounts) {
    var byZone = new TreeMap<String, List<ZoneGroup.NodeGroup>>();
    for (NodeCount count : nodeCounts) {
      byZone
          .computeIfAbsent(zoneOf(count.node()), z -> new ArrayList<>())
          .add(
              new ZoneGroup.NodeGroup(
                  count.node(),
                  choice.chosenNodes().contains(count.node()),
                  count.matched(),
                  count.selected()));
    }
    var chosen = new ArrayList<ZoneGroup>();
    var others = new ArrayList<ZoneGroup>();
    ZoneGroup unknown = null;
    for (var entry : byZone.entrySet()) {
      var group =
          new ZoneGroup(
              entry.getKey(), choice.chosenZones().contains(entry.getKey()), entry.getValue());
      if (group.unknown()) {
        unknown = group;
      } else {
        (group.chosen() ? chosen : others).add(group);
      }
    }
    chosen.addAll(others);
    if (unknown != null) {
      chosen.add(unknown);
    }
    return chosen;
  }

  /** The topology's warnings: pods without a zone, a named zone not found, fewer zones. */
  void warn(Warnings warnings) {
    warnings.unknownZone(topology, unknownPods, choice.unknownNodes());
    warnings.topologyShort(topology, choice);
  }
}
