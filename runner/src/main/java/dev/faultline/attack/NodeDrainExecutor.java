package dev.faultline.attack;

import dev.faultline.cluster.AccessCheck;
import dev.faultline.model.NamespacePolicy;
import io.fabric8.kubernetes.api.model.DeleteOptionsBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.policy.v1.Eviction;
import io.fabric8.kubernetes.api.model.policy.v1.EvictionBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code k8s.node.drain}: cordons each selected node and evicts its pods through the eviction API,
 * so PodDisruptionBudgets are honoured; rollback uncordons. Which pods are evicted follows {@code
 * kubectl drain} ({@link DrainPlan}): prepare refuses nodes with DaemonSet pods (unless {@code
 * ignoreDaemonSets}) or emptyDir data (unless {@code deleteEmptyDirData}), and pods in namespaces
 * the experiment does not permit stay where they are.
 *
 * <p>Evictions a budget refuses (429) are retried until {@link #evictionTimeout}; pods still there
 * then stay, the node stays cordoned and {@link #status} names them. A node that was cordoned
 * before the attack stays cordoned on rollback. While drained, the node carries the fault in its
 * {@link FaultMarks annotations}.
 */
public final class NodeDrainExecutor implements AttackExecutor {
  public static final String ID = "k8s.node.drain";
  private static final String WAS_CORDONED = "wasCordoned";
  private static final String GRACE = "gracePeriodSeconds";
  private static final String IGNORE_DAEMON_SETS = "ignoreDaemonSets";
  private static final String DELETE_EMPTY_DIR = "deleteEmptyDirData";
  private static final String NAMESPACE_ALLOW = "namespaceAllow";
  private static final String NAMESPACE_DENY = "namespaceDeny";

  private final Duration evictionTimeout;
  private final Duration retryInterval;

  /** Retries evictions a budget refuses for up to a minute, every second. */
  public NodeDrainExecutor() {
    this(Duration.ofMinutes(1), Duration.ofSeconds(1));
  }

  /**
   * @param evictionTimeout how long apply retries evictions that a disruption budget refuses
   * @param retryInterval the pause between rounds of retries
   */
  public NodeDrainExecutor(Duration evictionTimeout, Duration retryInterval) {
    this.evictionTimeout = evictionTimeout;
    this.retryInterval = retryInterval;
  }

  @Override
  public String attackId() {
    return ID;
  }

  @Override
  public List<AccessCheck> accessNeeds(AttackRequest request) {
    return List.of(
        AccessCheck.of("list", "", "nodes", ""),
        AccessCheck.of("get", "", "nodes", ""),
        AccessCheck.of("patch", "", "nodes", ""),
        AccessCheck.of("list", "", "pods", ""),
        new AccessCheck("create", "", "pods", "eviction", ""));
  }

  @Override
  public List<Fault> prepare(AttackRequest request, AttackContext context) throws AttackException {
    var params = request.params();
    boolean ignoreDaemonSets = params.optionalBoolean(IGNORE_DAEMON_SETS).orElse(true);
    boolean deleteEmptyDir = params.optionalBoolean(DELETE_EMPTY_DIR).orElse(false);
    String grace =
        params.optionalDuration("gracePeriod").map(d -> String.valueOf(d.toSeconds())).orElse("");
    var maker = new FaultMaker(request, context, ID);
    var faults = new ArrayList<Fault>();
    for (HasMetadata object : ObjectTargets.resolve(request, context)) {
      Node node = (Node) object;
      ObjectRef ref = new ObjectRef("v1", "Node", "", node.getMetadata().getName(), "");
      DrainPlan plan =
          DrainPlan.of(
              podsOn(context, ref), request.namespaces(), ignoreDaemonSets, deleteEmptyDir);
      String blockers = plan.blockers(ref.name());
      if (!blockers.isEmpty()) {
        throw new AttackException(blockers);
      }
      boolean cordoned = Boolean.TRUE.equals(node.getSpec().getUnschedulable());
      faults.add(
          maker.make(
              ref,
              (cordoned ? "drain already cordoned " : "cordon and drain ")
                  + ref.display()
                  + ": evict "
                  + plan.evict().size()
                  + " pods"
                  + (plan.kept().isEmpty() ? "" : ", leave " + plan.kept().size()),
              true,
              Map.of(
                  PodLookup.UID,
                  node.getMetadata().getUid(),
                  WAS_CORDONED,
                  String.valueOf(cordoned),
                  GRACE,
                  grace,
                  IGNORE_DAEMON_SETS,
                  String.valueOf(ignoreDaemonSets),
                  DELETE_EMPTY_DIR,
                  String.valueOf(deleteEmptyDir),
                  NAMESPACE_ALLOW,
                  String.join(",", request.namespaces().allow()),
                  NAMESPACE_DENY,
                  String.join(",", request.namespaces().effectiveDeny()))));
    }
    return faults;
  }

  @Override
  public void apply(Fault fault, AttackContext context) throws AttackException {
    String uid = fault.data(PodLookup.UID, "");
    FaultMarks.add(context, fault, uid);
    try {
      cordon(context, fault, true);
      evictAll(context, fault);
    } catch (AttackException e) {
      undoQuietly(context, fault);
      throw e;
    }
  }

  @Override
  public FaultStatus status(Fault fault, AttackContext context) {
    return SafeStatus.of(
        fault,
        () -> {
          Optional<Node> node = current(context, fault);
          if (node.isEmpty()) {
            return FaultStatus.gone(fault.object().display() + " is gone");
          }
          if (!Boolean.TRUE.equals(node.get().getSpec().getUnschedulable())) {
            return new FaultStatus(
                FaultStatus.State.RECOVERED, fault.object().display() + " was uncordoned");
          }
          List<Pod> left = plan(context, fault).evict();
          return FaultStatus.active(
              "cordoned; "
                  + (left.isEmpty()
                      ? "no pods left to evict"
                      : left.size() + " pods still on it: " + DrainPlan.names(left)));
        });
  }

  @Override
  public void rollback(Fault fault, AttackContext context) throws AttackException {
    if (!Boolean.parseBoolean(fault.data(WAS_CORDONED, "false"))) {
      try {
        cordon(context, fault, false);
      } catch (TargetGoneException gone) {
        return;
      }
    }
    FaultMarks.remove(context, fault, fault.data(PodLookup.UID, ""));
  }

  private void evictAll(AttackContext context, Fault fault) throws AttackException {
    long deadline = System.nanoTime() + evictionTimeout.toNanos();
    List<Pod> pending = plan(context, fault).evict();
    while (!pending.isEmpty()) {
      var refused = new ArrayList<Pod>();
      for (Pod pod : pending) {
        if (!evict(context, pod, fault.data(GRACE, ""))) {
          refused.add(pod);
        }
      }
      if (refused.isEmpty() || System.nanoTime() > deadline) {
        return; // what a budget still refuses stays; status names it
      }
      try {
        Thread.sleep(retryInterval);
      } catch (InterruptedException e) {
        throw ClusterCalls.interrupted("drain", fault.object(), e);
      }
      pending = refused;
    }
  }

  /** Evicts one pod; false when a disruption budget refuses (429). A pod that is gone is done. */
  private static boolean evict(AttackContext context, Pod pod, String grace)
      throws AttackException {
    String namespace = pod.getMetadata().getNamespace();
    String name = pod.getMetadata().getName();
    var eviction =
        new EvictionBuilder()
            .withNewMetadata()
            .withName(name)
            .withNamespace(namespace)
            .endMetadata();
    if (!grace.isEmpty()) {
      eviction.withDeleteOptions(
          new DeleteOptionsBuilder().withGracePeriodSeconds(Long.parseLong(grace)).build());
    }
    Eviction built = eviction.build();
    try {
      return context.client().pods().inNamespace(namespace).withName(name).evict(built);
    } catch (KubernetesClientException e) {
      if (ClusterCalls.notFound(e)) {
        return true;
      }
      throw ClusterCalls.failure(context, "evict", ObjectRef.pod(namespace, name), e);
    }
  }

  private static void cordon(AttackContext context, Fault fault, boolean on)
      throws AttackException {
    String uid = fault.data(PodLookup.UID, "");
    String patch =
        "{\"metadata\":{"
            + (uid.isEmpty() ? "" : "\"uid\":\"" + uid + "\"")
            + "},\"spec\":{\"unschedulable\":"
            + (on ? "true" : "null")
            + "}}";
    ObjectRef ref = fault.object();
    try {
      context
          .client()
          .nodes()
          .withName(ref.name())
          .patch(PatchContext.of(PatchType.JSON_MERGE), patch);
    } catch (KubernetesClientException e) {
      int code = ClusterCalls.code(e);
      if (code == ClusterCalls.NOT_FOUND) {
        throw new TargetGoneException(ref, "deleted");
      }
      if ((code == ClusterCalls.CONFLICT || code == 422) && current(context, fault).isEmpty()) {
        throw new TargetGoneException(ref, "replaced by a new node of the same name");
      }
      throw ClusterCalls.failure(context, on ? "cordon" : "uncordon", ref, e);
    }
  }

  private static DrainPlan plan(AttackContext context, Fault fault) throws AttackException {
    var policy =
        new NamespacePolicy(
            split(fault.data(NAMESPACE_ALLOW, "")), split(fault.data(NAMESPACE_DENY, "")), null);
    return DrainPlan.of(
        podsOn(context, fault.object()),
        policy,
        Boolean.parseBoolean(fault.data(IGNORE_DAEMON_SETS, "true")),
        Boolean.parseBoolean(fault.data(DELETE_EMPTY_DIR, "false")));
  }

  private static List<String> split(String text) {
    return text.isEmpty() ? List.of() : List.of(text.split(","));
  }

  private static List<Pod> podsOn(AttackContext context, ObjectRef node) throws AttackException {
    try {
      return context
          .client()
          .pods()
          .inAnyNamespace()
          .withField("spec.nodeName", node.name())
          .list()
          .getItems();
    } catch (KubernetesClientException e) {
      throw ClusterCalls.failure(context, "list the pods on", node, e);
    }
  }

  private static Optional<Node> current(AttackContext context, Fault fault) throws AttackException {
    Node node;
    try {
      node = context.client().nodes().withName(fault.object().name()).get();
    } catch (KubernetesClientException e) {
      throw ClusterCalls.failure(context, "read", fault.object(), e);
    }
    String uid = fault.data(PodLookup.UID, "");
    if (node == null || (!uid.isEmpty() && !uid.equals(node.getMetadata().getUid()))) {
      return Optional.empty();
    }
    return Optional.of(node);
  }

  private void undoQuietly(AttackContext context, Fault fault) {
    try {
      rollback(fault, context);
    } catch (AttackException ignored) {
      // Best effort: the journal keeps the fault for a later rollback.
    }
  }
}
