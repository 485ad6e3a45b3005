package dev.faultline.target;

import dev.faultline.cluster.snapshot.PodView;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Matched and selected counts per workload and per node. Workloads are looked up by namespace, then
 * name, then kind, so counting tens of thousands of pods builds no key objects, and the same
 * workload name in hundreds of namespaces does not make a lookup scan them all.
 */
final class Tallies {
  private static final Comparator<WorkloadCount> WORKLOAD_ORDER =
      Comparator.comparing(WorkloadCount::namespace)
          .thenComparing(WorkloadCount::kind)
          .thenComparing(WorkloadCount::name);

  private static final class Workload {
    final String namespace;
    final String kind;
    final String name;
    int replicas;
    int matched;
    int selected;

    Workload(PodView pod) {
      namespace = pod.namespace();
      kind = orEmpty(pod.workloadKind());
      name = orEmpty(pod.workloadName());
    }

    boolean owns(PodView pod) {
      return namespace.equals(pod.namespace()) && kind.equals(orEmpty(pod.workloadKind()));
    }
  }

  private Tallies() {}

  /**
   * Counts per workload that has matched pods; replicas are counted over {@code allPods}.
   *
   * @param selected whether each matched pod, by position, is selected
   */
  static List<WorkloadCount> workloads(
      List<PodView> matched, boolean[] selected, Collection<PodView> allPods) {
    Map<String, Map<String, List<Workload>>> byName = group(matched, selected);
    for (PodView pod : allPods) {
      Workload workload = pod.terminating() ? null : find(byName, pod);
      if (workload != null) {
        workload.replicas++;
      }
    }
    return counts(byName);
  }

  /** Live pods of a workload, as {@link dev.faultline.cluster.snapshot.PodIndex#liveReplicas}. */
  @FunctionalInterface
  interface Replicas {
    int of(String namespace, String kind, String name);
  }

  /** Counts per workload that has matched pods, with replicas looked up. */
  static List<WorkloadCount> workloads(
      List<PodView> matched, boolean[] selected, Replicas replicas) {
    Map<String, Map<String, List<Workload>>> byName = group(matched, selected);
    for (Map<String, List<Workload>> inNamespace : byName.values()) {
      for (List<Workload> workloads : inNamespace.values()) {
        for (Workload w : workloads) {
          w.replicas = replicas.of(w.namespace, w.kind, w.name);
        }
      }
    }
    return counts(byName);
  }

  /** A workload as replicas are counted: namespace, kind and name, empty for bare pods. */
  record WorkloadKey(String namespace, String kind, String name) {}

  /** The workload a pod counts towards. */
  static WorkloadKey key(PodView pod) {
    return new WorkloadKey(
        pod.namespace(), orEmpty(pod.workloadKind()), orEmpty(pod.workloadName()));
  }

  private static Map<String, Map<String, List<Workload>>> group(
      List<PodView> matched, boolean[] selected) {
    Map<String, Map<String, List<Workload>>> byName = new HashMap<>();
    for (int i = 0; i < matched.size(); i++) {
      PodView pod = matched.get(i);
      Workload workload = find(byName, pod);
      if (workload == null) {
        workload = new Workload(pod);
        byName
            .computeIfAbsent(workload.namespace, n -> new HashMap<>())
            .computeIfAbsent(workload.name, n -> new ArrayList<>(1))
            .add(workload);
      }
      workload.matched++;
      workload.selected += selected[i] ? 1 : 0;
    }
    return byName;
  }

  private static List<WorkloadCount> counts(Map<String, Map<String, List<Workload>>> byName) {
    var result = new ArrayList<WorkloadCount>();
    for (Map<String, List<Workload>> inNamespace : byName.values()) {
      for (List<Workload> workloads : inNamespace.values()) {
        for (Workload w : workloads) {
          result.add(
              new WorkloadCount(w.namespace, w.kind, w.name, w.replicas, w.matched, w.selected));
        }
      }
    }
    result.sort(WORKLOAD_ORDER);
    return result;
  }

  private static Workload find(Map<String, Map<String, List<Workload>>> byName, PodView pod) {
    Map<String, List<Workload>> inNamespace = byName.get(pod.namespace());
    List<Workload> sameName =
        inNamespace == null ? null : inNamespace.get(orEmpty(pod.workloadName()));
    if (sameName != null) {
      for (int i = 0; i < sameName.size(); i++) {
        if (sameName.get(i).owns(pod)) {
          return sameName.get(i);
        }
      }
    }
    return null;
  }

  /** Counts per node that runs matched pods, sorted by node name. */
  static List<NodeCount> nodes(List<PodView> matched, boolean[] selected) {
    Map<String, int[]> counts = new HashMap<>();
    for (int i = 0; i < matched.size(); i++) {
      int[] count = counts.computeIfAbsent(orEmpty(matched.get(i).node()), n -> new int[2]);
      count[0]++;
      count[1] += selected[i] ? 1 : 0;
    }
    var result = new ArrayList<NodeCount>(counts.size());
    counts.forEach((node, c) -> result.add(new NodeCount(node, c[0], c[1])));
    result.sort(Comparator.comparing(NodeCount::node));
    return result;
  }

  static String orEmpty(String text) {
    return text == null ? "" : text;
  }
}
