package dev.faultline.cluster.snapshot;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Turns fabric8 objects into the snapshot's compact views, sharing strings. */
final class Views {
  private final Interner interner = new Interner();
  private final PodJson json = new PodJson(interner);

  /** Reads pod JSON into views sharing this instance's strings. */
  PodJson json() {
    return json;
  }

  PodView pod(Pod pod) {
    var meta = pod.getMetadata();
    var spec = pod.getSpec();
    var status = pod.getStatus();
    OwnerReference owner = controller(meta.getOwnerReferences());
    String ownerKind = owner == null ? "" : owner.getKind();
    String ownerName = owner == null ? "" : owner.getName();
    String workloadKind = ownerKind;
    String workloadName = ownerName;
    Map<String, String> labels = meta.getLabels() == null ? Map.of() : meta.getLabels();
    String hash = labels.get("pod-template-hash");
    if ("ReplicaSet".equals(ownerKind) && hash != null && ownerName.endsWith("-" + hash)) {
      // A ReplicaSet named DEPLOYMENT-HASH was made by that Deployment: the workload people know.
      workloadKind = "Deployment";
      workloadName = ownerName.substring(0, ownerName.length() - hash.length() - 1);
    }
    Map<String, ContainerStatus> statuses = new HashMap<>();
    if (status != null && status.getContainerStatuses() != null) {
      status.getContainerStatuses().forEach(cs -> statuses.put(cs.getName(), cs));
    }
    var containers = new ArrayList<ContainerView>();
    if (spec != null && spec.getContainers() != null) {
      for (var c : spec.getContainers()) {
        ContainerStatus cs = statuses.get(c.getName());
        containers.add(
            new ContainerView(
                interner.of(c.getName()),
                cs != null && Boolean.TRUE.equals(cs.getReady()),
                state(cs),
                cs == null || cs.getRestartCount() == null ? 0 : cs.getRestartCount()));
      }
    }
    return new PodView(
        interner.of(meta.getNamespace()),
        meta.getName(),
        meta.getUid() == null ? "" : meta.getUid(),
        interner.of(labels),
        interner.of(meta.getAnnotations()),
        interner.of(status == null || status.getPhase() == null ? "Pending" : status.getPhase()),
        ready(status == null ? null : status.getConditions()),
        meta.getDeletionTimestamp() != null,
        interner.of(spec == null ? "" : spec.getNodeName()),
        interner.of(ownerKind),
        interner.of(ownerName),
        interner.of(workloadKind),
        interner.of(workloadName),
        interner.list(containers));
  }

  NodeView node(Node node) {
    boolean ready = false;
    if (node.getStatus() != null && node.getStatus().getConditions() != null) {
      for (NodeCondition c : node.getStatus().getConditions()) {
        if ("Ready".equals(c.getType())) ready = "True".equals(c.getStatus());
      }
    }
    return new NodeView(
        interner.of(node.getMetadata().getName()),
        interner.of(node.getMetadata().getLabels()),
        node.getSpec() != null && Boolean.TRUE.equals(node.getSpec().getUnschedulable()),
        ready);
  }

  BudgetView budget(PodDisruptionBudget pdb) {
    Map<String, String> match =
        pdb.getSpec() == null || pdb.getSpec().getSelector() == null
            ? Map.of()
            : pdb.getSpec().getSelector().getMatchLabels();
    int allowed =
        pdb.getStatus() == null || pdb.getStatus().getDisruptionsAllowed() == null
            ? 0
            : pdb.getStatus().getDisruptionsAllowed();
    return new BudgetView(
        interner.of(pdb.getMetadata().getNamespace()),
        interner.of(pdb.getMetadata().getName()),
        interner.of(match),
        allowed);
  }

  private static OwnerReference controller(List<OwnerReference> owners) {
    if (owners == null) {
      return null;
    }
    for (OwnerReference o : owners) {
      if (Boolean.TRUE.equals(o.getController())) return o;
    }
    return owners.isEmpty() ? null : owners.getFirst();
  }

  private static boolean ready(List<PodCondition> conditions) {
    if (conditions == null) return false;
    for (PodCondition c : conditions) {
      if ("Ready".equals(c.getType())) return "True".equals(c.getStatus());
    }
    return false;
  }

  private static String state(ContainerStatus cs) {
    if (cs == null || cs.getState() == null) return "waiting";
    if (cs.getState().getRunning() != null) return "running";
    if (cs.getState().getTerminated() != null) return "terminated";
    return "waiting";
  }
}
