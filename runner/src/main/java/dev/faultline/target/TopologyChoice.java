package dev.faultline.target;

import dev.faultline.model.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The zones and nodes a {@link Topology} chooses among the nodes that host candidates. Zones are
 * the values of the topology's label on those nodes; nodes without the label (and pods not
 * scheduled yet) form the unknown zone, shown but never chosen. The named zone, or {@code zones}
 * zones by a seeded ranking of their names; then {@code nodesPerZone} nodes of each (all when not
 * limited), ranked by name the same way. Pod targets and Node targets choose alike.
 *
 * @param nodesByZone every candidate node by zone, both sorted; the unknown zone is {@code ""}
 * @param chosenZones the chosen zones, sorted
 * @param chosenNodes the chosen nodes
 */
public record TopologyChoice(
    SortedMap<String, TreeSet<String>> nodesByZone,
    List<String> chosenZones,
    Set<String> chosenNodes) {
  /** The unknown zone's name: nodes without the label, and pods not on a node. */
  public static final String UNKNOWN_ZONE = "";

  // Separate salts keep the zone ranking and the node ranking independent of each other.
  private static final long ZONE_SALT = 0x3c6ef372fe94f82bL;
  private static final long NODE_SALT = 0xa54ff53a5f1d36f1L;

  /**
   * Chooses zones and nodes.
   *
   * @param zoneByNode the zone of each node that hosts candidates ({@link #UNKNOWN_ZONE} without
   *     the label)
   */
  public static TopologyChoice choose(
      Topology topology, Map<String, String> zoneByNode, long seed) {
    var nodesByZone = new TreeMap<String, TreeSet<String>>();
    zoneByNode.forEach(
        (node, zone) -> nodesByZone.computeIfAbsent(zone, z -> new TreeSet<>()).add(node));
    var known = new ArrayList<String>(nodesByZone.keySet());
    known.remove(UNKNOWN_ZONE);
    List<String> zones;
    if (topology.zone() != null) {
      zones = known.contains(topology.zone()) ? List.of(topology.zone()) : List.of();
    } else {
      zones = BlastRadiusSampler.chooseNames(known, topology.effectiveZones(), seed, ZONE_SALT);
    }
    var nodes = new TreeSet<String>();
    for (String zone : zones) {
      var inZone = List.copyOf(nodesByZone.get(zone));
      nodes.addAll(
          topology.wholeZone()
              ? inZone
              : BlastRadiusSampler.chooseNames(inZone, topology.nodesPerZone(), seed, NODE_SALT));
    }
    return new TopologyChoice(nodesByZone, zones, nodes);
  }

  /** The zones a pod could be chosen in, without the unknown one, sorted. */
  public List<String> knownZones() {
    return nodesByZone.keySet().stream().filter(z -> !z.equals(UNKNOWN_ZONE)).toList();
  }

  /** Nodes in the unknown zone. */
  public Set<String> unknownNodes() {
    return nodesByZone.getOrDefault(UNKNOWN_ZONE, new TreeSet<>());
  }
}
