package dev.faultline.model;

/**
 * Narrows a blast radius to whole nodes grouped by a node label, so "lose one node" and "lose one
 * data centre" are one setting: the attack hits pods only on {@code nodesPerZone} nodes in each of
 * {@code zones} zones (or in the zone named by {@code zone}); the radius's pod-level mode then
 * applies to the pods on those nodes. Zones and nodes are only chosen among nodes that host
 * matching pods, by a seeded ranking, so the same pods and seed choose the same nodes.
 *
 * <p>In a file: {@code topology: {zones: 2, nodesPerZone: 1}} (one node in each of two zones),
 * {@code topology: {zones: 1, nodesPerZone: all}} (a whole zone), {@code topology: {zone:
 * eu-west-1a, nodesPerZone: 1}} (one node of a named zone).
 *
 * @param key the node label that names a node's zone; {@code null}: {@link #ZONE_KEY}
 * @param zones how many zones to choose, 1 or more; {@code null}: 1, or the named zone
 * @param zone the one zone to choose by its label value; {@code null}: choose {@code zones} zones
 * @param nodesPerZone how many nodes to choose in each chosen zone, 1 or more; {@code null}: every
 *     node of the zone ({@code all} in a file)
 */
public record Topology(
    String key, Integer zones, String zone, Integer nodesPerZone, Extras extras) {
  /** The well-known zone label, used when a topology names no key. */
  public static final String ZONE_KEY = "topology.kubernetes.io/zone";

  /** The word for every node of a zone in {@code nodesPerZone}. */
  public static final String ALL_NODES = "all";

  public Topology {
    extras = extras == null ? Extras.NONE : extras;
  }

  /** {@code nodesPerZone} nodes in each of {@code zones} zones. */
  public static Topology zones(int zones, int nodesPerZone) {
    return new Topology(null, zones, null, nodesPerZone, Extras.NONE);
  }

  /** Every node of {@code zones} zones: losing whole data centres. */
  public static Topology wholeZones(int zones) {
    return new Topology(null, zones, null, null, Extras.NONE);
  }

  /** {@code nodesPerZone} nodes of the named zone; {@code null}: all of its nodes. */
  public static Topology inZone(String zone, Integer nodesPerZone) {
    return new Topology(null, null, zone, nodesPerZone, Extras.NONE);
  }

  /** A copy grouping nodes by another label ({@code topology.kubernetes.io/region}). */
  public Topology key(String value) {
    return new Topology(value, zones, zone, nodesPerZone, extras);
  }

  public String effectiveKey() {
    return key == null ? ZONE_KEY : key;
  }

  /** How many zones are chosen: 1 for a named zone, else {@code zones} (1 when not given). */
  public int effectiveZones() {
    return zone != null || zones == null ? 1 : zones;
  }

  /** Whether every node of each chosen zone is chosen. */
  public boolean wholeZone() {
    return nodesPerZone == null;
  }

  /** "1 node in each of 2 zones", "all nodes of zone eu-a": for previews and messages. */
  public String describe() {
    String nodes =
        wholeZone() ? "all nodes" : nodesPerZone + (nodesPerZone == 1 ? " node" : " nodes");
    String where;
    if (zone != null) {
      where = (wholeZone() ? " of zone " : " in zone ") + zone;
    } else {
      int m = effectiveZones();
      where =
          wholeZone()
              ? (m == 1 ? " of 1 zone" : " of " + m + " zones")
              : (m == 1 ? " in 1 zone" : " in each of " + m + " zones");
    }
    return nodes + where + (key == null ? "" : " (by " + key + ")");
  }
}
