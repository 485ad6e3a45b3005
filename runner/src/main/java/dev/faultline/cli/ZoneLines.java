package dev.faultline.cli;

import dev.faultline.model.Topology;
import dev.faultline.target.TargetResolution;
import dev.faultline.target.ZoneGroup;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The zone → node grouping of a topology blast radius, as preview table lines and JSON/YAML. */
final class ZoneLines {
  private ZoneLines() {}

  /**
   * Prints, for a resolution with zones, a heading and one line per zone and node:
   *
   * <pre>
   *   zones (1 node in each of 2 zones):
   *     zone-a: 1 of 2 nodes, 3 pods
   *       * sandbox-node-1  3/3 pods
   *         sandbox-node-4  0/2 pods
   * </pre>
   *
   * A star marks a chosen node; pod counts are selected/matched.
   */
  static void print(Topology topology, TargetResolution r, PrintWriter out) {
    if (r.zones().isEmpty()) {
      return;
    }
    out.println(
        "  zones ("
            + topology.describe()
            + (topology.key() == null ? ", by " + topology.effectiveKey() : "")
            + "):");
    for (ZoneGroup zone : r.zones()) {
      out.println("    " + zone.summary() + (zone.unknown() ? ", never chosen" : ""));
      int width = zone.nodes().stream().mapToInt(n -> nodeName(n).length()).max().orElse(0);
      for (ZoneGroup.NodeGroup node : zone.nodes()) {
        out.println(
            "      "
                + (node.chosen() ? "* " : "  ")
                + String.format("%-" + width + "s", nodeName(node))
                + "  "
                + node.selected()
                + "/"
                + node.matched()
                + " pods");
      }
    }
  }

  private static String nodeName(ZoneGroup.NodeGroup node) {
    return node.node().isEmpty() ? "unscheduled" : node.node();
  }

  /** The grouping for JSON and YAML output. */
  static List<Object> tree(TargetResolution r) {
    var zones = new ArrayList<Object>();
    for (ZoneGroup zone : r.zones()) {
      var z = new LinkedHashMap<String, Object>();
      z.put("zone", zone.zone());
      z.put("chosen", zone.chosen());
      var nodes = new ArrayList<Object>();
      for (ZoneGroup.NodeGroup node : zone.nodes()) {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("node", node.node());
        n.put("chosen", node.chosen());
        n.put("matched", (long) node.matched());
        n.put("selected", (long) node.selected());
        nodes.add(n);
      }
      z.put("nodes", nodes);
      zones.add(z);
    }
    return zones;
  }

  /** Matched pods on chosen nodes: what the pod-level mode counts from. */
  static int candidates(TargetResolution r) {
    return r.zones().stream()
        .flatMap(z -> z.nodes().stream())
        .filter(ZoneGroup.NodeGroup::chosen)
        .mapToInt(ZoneGroup.NodeGroup::matched)
        .sum();
  }
}
