package dev.faultline.target;

import java.util.List;

/**
 * One zone of a topology blast radius as the preview shows it: its nodes hosting matching pods,
 * which of them were chosen, and the pods matched and selected on each.
 *
 * @param zone the zone label's value; empty for the unknown zone (nodes without the label, and pods
 *     not on a node), which is never chosen
 * @param chosen whether the zone was chosen
 * @param nodes by node name
 */
public record ZoneGroup(String zone, boolean chosen, List<NodeGroup> nodes) {
  public ZoneGroup {
    nodes = List.copyOf(nodes);
  }

  /** Whether this is the group of pods whose node has no zone label. */
  public boolean unknown() {
    return zone.isEmpty();
  }

  /** How many of its nodes were chosen. */
  public int chosenNodes() {
    return (int) nodes.stream().filter(NodeGroup::chosen).count();
  }

  public int matched() {
    return nodes.stream().mapToInt(NodeGroup::matched).sum();
  }

  public int selected() {
    return nodes.stream().mapToInt(NodeGroup::selected).sum();
  }

  /** "zone-a: 1 of 2 nodes, 4 pods" ("(no zone label)" for the unknown zone). */
  public String summary() {
    return (unknown() ? "(no zone label)" : zone)
        + ": "
        + chosenNodes()
        + " of "
        + Warnings.count(nodes.size(), "node", "nodes")
        + ", "
        + Warnings.count(selected(), "pod", "pods");
  }

  /**
   * A node in a zone group.
   *
   * @param node the node's name; empty for pods not on a node
   * @param chosen whether the topology chose the node
   * @param matched matching pods on it, terminating ones included
   * @param selected pods the blast radius selects on it
   */
  public record NodeGroup(String node, boolean chosen, int matched, int selected) {}
}
