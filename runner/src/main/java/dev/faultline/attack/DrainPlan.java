package dev.faultline.attack;

import dev.faultline.model.NamespacePolicy;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Volume;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which pods on a node a drain evicts, as {@code kubectl drain} decides: mirror (static) pods and
 * pods already terminating stay; DaemonSet pods stay when ignored and otherwise block; pods with
 * {@code emptyDir} volumes block unless their data may be deleted. Pods in namespaces the
 * experiment's namespace policy does not permit are never evicted.
 *
 * @param evict the pods to evict
 * @param blockedByDaemonSets DaemonSet pods that stop the drain ({@code ignoreDaemonSets: false})
 * @param blockedByEmptyDir pods with local data that stop the drain ({@code deleteEmptyDirData:
 *     false})
 * @param kept pods left in place without blocking (DaemonSet, mirror, denied namespace)
 */
record DrainPlan(
    List<Pod> evict, List<Pod> blockedByDaemonSets, List<Pod> blockedByEmptyDir, List<Pod> kept) {
  private static final String MIRROR = "kubernetes.io/config.mirror";

  static DrainPlan of(
      List<Pod> pods, NamespacePolicy policy, boolean ignoreDaemonSets, boolean deleteEmptyDir) {
    var evict = new ArrayList<Pod>();
    var daemonSets = new ArrayList<Pod>();
    var emptyDir = new ArrayList<Pod>();
    var kept = new ArrayList<Pod>();
    for (Pod pod : pods) {
      if (pod.getMetadata().getDeletionTimestamp() != null) {
        continue;
      }
      Map<String, String> annotations = pod.getMetadata().getAnnotations();
      if (!policy.permits(pod.getMetadata().getNamespace())
          || (annotations != null && annotations.containsKey(MIRROR))) {
        kept.add(pod);
      } else if (ownedByDaemonSet(pod)) {
        (ignoreDaemonSets ? kept : daemonSets).add(pod);
      } else if (!deleteEmptyDir && usesEmptyDir(pod)) {
        emptyDir.add(pod);
      } else {
        evict.add(pod);
      }
    }
    return new DrainPlan(List.copyOf(evict), List.copyOf(daemonSets), List.copyOf(emptyDir), kept);
  }

  /** What stops the drain, as a sentence; empty when nothing does. */
  String blockers(String node) {
    var parts = new ArrayList<String>();
    if (!blockedByDaemonSets.isEmpty()) {
      parts.add(
          "DaemonSet pods "
              + names(blockedByDaemonSets)
              + " are on it (set ignoreDaemonSets: true to leave them)");
    }
    if (!blockedByEmptyDir.isEmpty()) {
      parts.add(
          "pods "
              + names(blockedByEmptyDir)
              + " use emptyDir volumes whose data an eviction deletes (set deleteEmptyDirData: true"
              + " to evict them)");
    }
    return parts.isEmpty() ? "" : "cannot drain Node " + node + ": " + String.join("; ", parts);
  }

  static String names(List<Pod> pods) {
    return String.join(
        ", ",
        pods.stream()
            .map(p -> p.getMetadata().getNamespace() + "/" + p.getMetadata().getName())
            .toList());
  }

  private static boolean ownedByDaemonSet(Pod pod) {
    List<OwnerReference> owners = pod.getMetadata().getOwnerReferences();
    return owners != null && owners.stream().anyMatch(o -> "DaemonSet".equals(o.getKind()));
  }

  private static boolean usesEmptyDir(Pod pod) {
    List<Volume> volumes = pod.getSpec() == null ? null : pod.getSpec().getVolumes();
    return volumes != null && volumes.stream().anyMatch(v -> v.getEmptyDir() != null);
  }
}
