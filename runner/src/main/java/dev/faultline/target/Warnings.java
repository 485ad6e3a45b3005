package dev.faultline.target;

import dev.faultline.cluster.snapshot.PodView;
import dev.faultline.model.BlastRadius;
import dev.faultline.model.Topology;
import dev.faultline.target.TargetWarning.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Works out the warnings of a resolution, at most one per type, in the order of the types. */
final class Warnings {
  static final int NAMES_SHOWN = 3;

  private final List<TargetWarning> warnings = new ArrayList<>();

  List<TargetWarning> list() {
    return warnings.stream().sorted(Comparator.comparing(TargetWarning::type)).toList();
  }

  void add(Type type, String message) {
    warnings.add(new TargetWarning(type, message));
  }

  void noMatch(int matched, int eligible) {
    if (eligible > 0) {
      return;
    }
    add(
        Type.NO_MATCH,
        matched == 0
            ? "no pod matches the target"
            : "every matching pod is terminating, so no pod would be hit");
  }

  void roundsToZero(BlastRadius radius, int eligible, int count) {
    if (radius.mode() == BlastRadius.Mode.MAX_PERCENT && eligible > 0 && count == 0) {
      add(
          Type.PERCENT_ROUNDS_TO_ZERO,
          "maxPercent "
              + radius.value()
              + " of "
              + pods(eligible)
              + " rounds down to 0, so no pod would be hit; raise the percentage or use percent,"
              + " which rounds up");
    }
  }

  void wholeWorkloads(List<WorkloadCount> workloads) {
    var whole = new ArrayList<WorkloadCount>();
    for (WorkloadCount w : workloads) {
      if (w.wholeWorkload()) {
        whole.add(w);
      }
    }
    wholeWorkloads(whole, whole.size());
  }

  /**
   * As {@link #wholeWorkloads(List)}, given the first whole workloads in order (at least {@link
   * #NAMES_SHOWN} when there are that many) and how many there are.
   */
  void wholeWorkloads(Iterable<WorkloadCount> first, int total) {
    if (total == 0) {
      return;
    }
    var whole = new ArrayList<String>();
    for (WorkloadCount w : first) {
      if (whole.size() == NAMES_SHOWN) {
        break;
      }
      whole.add(
          w.kind()
              + " "
              + w.namespace()
              + "/"
              + w.name()
              + " ("
              + count(w.replicas(), "replica", "replicas")
              + ")");
    }
    add(
        Type.WHOLE_WORKLOAD,
        "every live pod of " + names(whole, total) + " would be hit: an outage, not a degradation");
  }

  void budgets(List<String> violations) {
    if (!violations.isEmpty()) {
      add(Type.BUDGET_VIOLATION, "the selection breaks PodDisruptionBudget " + names(violations));
    }
  }

  void denied(int denied, Iterable<String> namespaces) {
    if (denied > 0) {
      add(
          Type.DENIED_NAMESPACE,
          pods(denied)
              + " in "
              + String.join(", ", namespaces)
              + " would match but are left out: spec.safety does not permit those namespaces");
    }
  }

  void notReady(List<PodView> selected) {
    var names = new ArrayList<String>();
    for (PodView pod : selected) {
      if (!pod.ready()) {
        names.add(pod.key());
      }
    }
    notReady(names, names.size());
  }

  /** As {@link #notReady(List)}, given the first not-ready selected pods' keys and how many. */
  void notReady(List<String> first, int total) {
    if (total > 0) {
      add(
          Type.NOT_READY,
          total
              + " of the selected pods "
              + (total == 1 ? "is" : "are")
              + " not ready already: "
              + names(first, total));
    }
  }

  void terminating(int terminating) {
    if (terminating > 0) {
      add(
          Type.TERMINATING,
          pods(terminating)
              + " matching the target "
              + (terminating == 1 ? "is" : "are")
              + " terminating and will not be hit");
    }
  }

  void unknownZone(Topology topology, int pods, java.util.Set<String> nodes) {
    if (pods == 0) {
      return;
    }
    var named = new ArrayList<String>();
    for (String node : nodes) {
      named.add(node.isEmpty() ? "not scheduled" : node);
    }
    add(
        Type.UNKNOWN_ZONE,
        pods(pods)
            + " on nodes without label "
            + topology.effectiveKey()
            + " ("
            + names(named)
            + ") "
            + (pods == 1 ? "is" : "are")
            + " in no zone and will not be hit");
  }

  void topologyShort(Topology topology, TopologyChoice choice) {
    List<String> known = choice.knownZones();
    String zones = known.isEmpty() ? "none" : names(known);
    if (topology.zone() != null && choice.chosenZones().isEmpty()) {
      add(
          Type.ZONE_NOT_FOUND,
          "no matching pod runs in zone "
              + topology.zone()
              + " ("
              + topology.effectiveKey()
              + "); zones with matching pods: "
              + zones);
    } else if (topology.zone() == null && known.size() < topology.effectiveZones()) {
      add(
          Type.FEWER_ZONES,
          count(topology.effectiveZones(), "zone", "zones")
              + " asked for, but matching pods run in "
              + (known.isEmpty() ? "none" : "only " + known.size() + ": " + zones));
    }
  }

  /** "a, b, c and 4 more". */
  static String names(List<String> names) {
    return names(names, names.size());
  }

  /** "a, b, c and 4 more" from the first names (at least three, when there are) and the total. */
  static String names(List<String> first, int total) {
    if (total <= NAMES_SHOWN) {
      return String.join(", ", first.subList(0, total));
    }
    return String.join(", ", first.subList(0, NAMES_SHOWN))
        + " and "
        + (total - NAMES_SHOWN)
        + " more";
  }

  private static String pods(int count) {
    return count(count, "pod", "pods");
  }

  static String count(int count, String one, String many) {
    return count + " " + (count == 1 ? one : many);
  }
}
