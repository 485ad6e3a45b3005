package dev.faultline.validate;

import dev.faultline.model.Target;
import dev.faultline.model.TargetKind;
import dev.faultline.model.Topology;

/**
 * A blast radius's {@code topology}: counts of 1 or more, a zone named or counted but not both, a
 * non-blank label key, and a target kind whose objects live on nodes. Whether a named zone exists
 * is the cluster's business: the preview warns about it, the file does not.
 */
final class TopologyRule {
  private TopologyRule() {}

  static void check(String name, Target target, ProblemSink sink) {
    if (target.blastRadius() == null || target.blastRadius().topology() == null) {
      return;
    }
    Topology topology = target.blastRadius().topology();
    String path = Paths.child(StepPaths.target(name, "blastRadius"), "topology");
    TargetKind kind = target.effectiveKind();
    if (kind != TargetKind.POD && kind != TargetKind.NODE) {
      sink.error(
          path,
          "topology chooses nodes, so it applies to Pod and Node targets, not "
              + kind.keyword()
              + " targets");
    }
    if (topology.key() != null && topology.key().isBlank()) {
      sink.error(
          Paths.child(path, "key"),
          "'key' names a node label; leave it out for " + Topology.ZONE_KEY);
    }
    if (topology.zone() != null && topology.zone().isBlank()) {
      sink.error(Paths.child(path, "zone"), "'zone' is empty; name a zone or leave it out");
    }
    if (topology.zone() != null && topology.zones() != null) {
      sink.error(
          Paths.child(path, "zones"),
          "name one zone with 'zone' or give a number of 'zones', not both");
    }
    atLeastOne(topology.zones(), Paths.child(path, "zones"), "zones", sink);
    atLeastOne(topology.nodesPerZone(), Paths.child(path, "nodesPerZone"), "nodesPerZone", sink);
  }

  private static void atLeastOne(Integer value, String path, String field, ProblemSink sink) {
    if (value != null && value < 1) {
      sink.error(
          path,
          "'"
              + field
              + "' is "
              + value
              + "; use 1 or more"
              + (field.equals("nodesPerZone") ? ", or 'all' for every node of the zone" : ""));
    }
  }
}
