package dev.faultline.designer.inspector;

import dev.faultline.model.BlastRadius;
import dev.faultline.model.Target;
import dev.faultline.model.Topology;

/**
 * The blast radius's topology as the inspector's two short text fields: "zones" takes a number of
 * zones or one zone's name, "nodes per zone" a number or {@code all}; both empty means no topology.
 * Numbers that are out of range are kept as typed, so the validator's problem shows at the field
 * rather than the text silently snapping back.
 */
final class TopologyFields {
  private TopologyFields() {}

  /** "2", "eu-west-1a", or null without a topology (or with neither set). */
  static String zonesText(Target t) {
    Topology topology = topology(t);
    if (topology == null) {
      return null;
    }
    if (topology.zone() != null) {
      return topology.zone();
    }
    return topology.zones() == null ? null : String.valueOf(topology.zones());
  }

  /** "1", "all", or null without a topology. */
  static String nodesText(Target t) {
    Topology topology = topology(t);
    if (topology == null) {
      return null;
    }
    return topology.wholeZone() ? Topology.ALL_NODES : String.valueOf(topology.nodesPerZone());
  }

  /** The label key when one other than the default is set. */
  static String keyText(Target t) {
    Topology topology = topology(t);
    return topology == null ? null : topology.key();
  }

  /** A digits-only text is a number of zones; any other text names a zone; empty clears both. */
  static Target withZones(Target t, String text) {
    Topology old = topology(t);
    String value = blankToNull(text);
    Integer zones = null;
    String zone = null;
    if (value != null && value.chars().allMatch(Character::isDigit)) {
      zones = parse(value);
    } else {
      zone = value;
    }
    if (value == null && (old == null || old.wholeZone())) {
      return with(t, null);
    }
    return with(
        t,
        new Topology(
            old == null ? null : old.key(),
            zones,
            zone,
            old == null ? null : old.nodesPerZone(),
            old == null ? null : old.extras()));
  }

  /** A number of nodes, or {@code all} (also when empty, the default). */
  static Target withNodes(Target t, String text) {
    Topology old = topology(t);
    String value = blankToNull(text);
    boolean all = value == null || value.equalsIgnoreCase(Topology.ALL_NODES);
    if (old == null && all) {
      return t; // "all" nodes of no chosen zone is no topology at all
    }
    Integer nodes = all ? null : parse(value);
    Topology base = old == null ? Topology.wholeZones(1) : old;
    return with(t, new Topology(base.key(), base.zones(), base.zone(), nodes, base.extras()));
  }

  /** Another zone label; empty means the default. Without a topology nothing changes. */
  static Target withKey(Target t, String text) {
    Topology old = topology(t);
    return old == null ? t : with(t, old.key(blankToNull(text)));
  }

  private static Topology topology(Target t) {
    return t.blastRadius() == null ? null : t.blastRadius().topology();
  }

  private static Target with(Target t, Topology topology) {
    BlastRadius radius = t.effectiveBlastRadius().withTopology(topology);
    boolean plainAll =
        radius.mode() == BlastRadius.Mode.ALL
            && radius.seed() == null
            && radius.extras().isEmpty()
            && topology == null;
    return TargetCopy.withBlastRadius(t, plainAll ? null : radius);
  }

  /** Keeps unparseable or huge numbers as 0, which the validator reports at the field. */
  private static Integer parse(String digits) {
    try {
      return Integer.valueOf(digits);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
