package dev.faultline.sandbox.world;

import dev.faultline.sandbox.api.SandboxStore;
import dev.faultline.sandbox.api.StoreEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The control loops of the sandbox: Deployment → ReplicaSet → Pods, StatefulSet → ordinal Pods, a
 * scheduler that binds pending pods to schedulable nodes, and a kubelet that starts them. They
 * react to store events on one thread, so reconciles never race each other, and they are level
 * based: each reconcile compares desired and actual state and writes only the difference.
 */
public final class SimulatedControllers implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(SimulatedControllers.class.getName());

  private final ClusterView cluster;
  private final DisruptionBudgets budgets;
  private final SandboxStore store;
  private final Clock clock;
  private final ControllerTimings timings;
  private final RandomGenerator random;
  private final ScheduledExecutorService loop =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().daemon().name("sandbox-controllers").factory());
  private final java.util.function.Consumer<StoreEvent> listener = this::onEvent;

  public SimulatedControllers(
      SandboxStore store, Clock clock, ControllerTimings timings, RandomGenerator random) {
    this.store = store;
    this.cluster = new ClusterView(store);
    this.budgets = new DisruptionBudgets(cluster);
    this.clock = clock;
    this.timings = timings;
    this.random = random;
  }

  public void start() {
    store.addListener(listener);
  }

  /** Runs {@code task} on the controller thread after {@code delay}. */
  void later(Duration delay, Runnable task) {
    loop.schedule(
        () -> {
          try {
            task.run();
          } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "sandbox controller failed", e);
          }
        },
        delay.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  private void onEvent(StoreEvent event) {
    // Runs inside the store's write: only hand the work to the controller thread.
    later(Duration.ZERO, () -> react(event));
  }

  private void react(StoreEvent event) {
    JsonNode object = ClusterView.JSON.readTree(event.json());
    String kind = object.path("kind").asString();
    String namespace = object.path("metadata").path("namespace").asString(null);
    String name = object.path("metadata").path("name").asString();
    switch (kind) {
      case "Deployment" -> {
        if (!event.type().equals("DELETED")) reconcileDeployment(namespace, name);
      }
      case "ReplicaSet" -> {
        if (!event.type().equals("DELETED")) reconcileReplicaSet(namespace, name);
        ownerName(object, "Deployment").ifPresent(d -> reconcileDeploymentStatus(namespace, d));
      }
      case "StatefulSet" -> {
        if (!event.type().equals("DELETED")) reconcileStatefulSet(namespace, name);
      }
      case "Pod" -> onPod(event.type(), object, namespace);
      default -> {}
    }
  }

  private void onPod(String type, JsonNode pod, String namespace) {
    if (type.equals("DELETED")) {
      budgets.refresh(namespace);
      ownerName(pod, "ReplicaSet")
          .ifPresent(rs -> later(timings.replace(), () -> reconcileReplicaSet(namespace, rs)));
      ownerName(pod, "StatefulSet")
          .ifPresent(sts -> later(timings.replace(), () -> reconcileStatefulSet(namespace, sts)));
      return;
    }
    String name = pod.path("metadata").path("name").asString();
    if (pod.path("spec").path("nodeName").asString("").isEmpty()) {
      later(timings.schedule(), () -> schedule(namespace, name));
    } else if (pod.path("status").path("phase").asString("Pending").equals("Pending")) {
      later(timings.start(), () -> startPod(namespace, name));
    }
    ownerName(pod, "ReplicaSet").ifPresent(rs -> reconcileReplicaSetStatus(namespace, rs));
    ownerName(pod, "StatefulSet")
        .ifPresent(sts -> reconcileWorkloadStatus("statefulsets", namespace, sts));
    budgets.refresh(namespace);
  }

  // --- Deployments -------------------------------------------------------------------------

  private void reconcileDeployment(String namespace, String name) {
    Optional<ObjectNode> found = cluster.get("apps/v1", "deployments", namespace, name);
    if (found.isEmpty()) {
      return;
    }
    ObjectNode deployment = found.get();
    JsonNode template = deployment.path("spec").path("template");
    String hash = TemplateHash.of(template);
    int replicas = deployment.path("spec").path("replicas").asInt(1);
    List<ObjectNode> owned = ownedReplicaSets(deployment);
    boolean current = false;
    for (ObjectNode rs : owned) {
      boolean isCurrent =
          hash.equals(rs.path("metadata").path("labels").path("pod-template-hash").asString());
      current |= isCurrent;
      int want = isCurrent ? replicas : 0; // a changed template rolls over at once
      if (rs.path("spec").path("replicas").asInt() != want) {
        rs.withObjectProperty("spec").put("replicas", want);
        cluster.update("replicasets", rs);
      }
    }
    if (!current) {
      createReplicaSet(deployment, hash, replicas);
    }
    reconcileDeploymentStatus(namespace, name);
  }

  private List<ObjectNode> ownedReplicaSets(JsonNode deployment) {
    String namespace = deployment.path("metadata").path("namespace").asString();
    return cluster
        .list("apps/v1", "replicasets", namespace, ClusterView.matchLabels(deployment))
        .stream()
        .filter(rs -> ClusterView.ownedBy(rs, deployment))
        .toList();
  }

  private void createReplicaSet(ObjectNode deployment, String hash, int replicas) {
    String namespace = deployment.path("metadata").path("namespace").asString();
    String name = deployment.path("metadata").path("name").asString() + "-" + hash;
    ObjectNode rs = Objects.object("apps/v1", "ReplicaSet", namespace, name);
    ObjectNode labels = rs.withObjectProperty("metadata").putObject("labels");
    deployment
        .path("spec")
        .path("template")
        .path("metadata")
        .path("labels")
        .properties()
        .forEach(e -> labels.set(e.getKey(), e.getValue()));
    labels.put("pod-template-hash", hash);
    rs.withObjectProperty("metadata")
        .putObject("annotations")
        .put(
            "deployment.kubernetes.io/revision",
            String.valueOf(ownedReplicaSets(deployment).size() + 1));
    Objects.ownedBy(rs, deployment);
    ObjectNode spec = rs.putObject("spec");
    spec.put("replicas", replicas);
    ObjectNode selector = spec.putObject("selector").putObject("matchLabels");
    ClusterView.matchLabels(deployment).forEach(selector::put);
    selector.put("pod-template-hash", hash);
    ObjectNode template = (ObjectNode) deployment.path("spec").path("template").deepCopy();
    template
        .withObjectProperty("metadata")
        .withObjectProperty("labels")
        .put("pod-template-hash", hash);
    spec.set("template", template);
    cluster.create("replicasets", rs);
  }

  private void reconcileDeploymentStatus(String namespace, String name) {
    cluster
        .get("apps/v1", "deployments", namespace, name)
        .ifPresent(
            deployment -> {
              int replicas = 0;
              int ready = 0;
              int updated = 0;
              String hash = TemplateHash.of(deployment.path("spec").path("template"));
              for (ObjectNode rs : ownedReplicaSets(deployment)) {
                int rsReplicas = rs.path("status").path("replicas").asInt();
                replicas += rsReplicas;
                ready += rs.path("status").path("readyReplicas").asInt();
                if (hash.equals(
                    rs.path("metadata").path("labels").path("pod-template-hash").asString())) {
                  updated += rsReplicas;
                }
              }
              writeStatus(
                  "deployments", deployment, replicas, ready, Map.of("updatedReplicas", updated));
            });
  }

  // --- ReplicaSets ---------------------------------------------------------------------------

  private void reconcileReplicaSet(String namespace, String name) {
    Optional<ObjectNode> found = cluster.get("apps/v1", "replicasets", namespace, name);
    if (found.isEmpty()) {
      return;
    }
    ObjectNode rs = found.get();
    int want = rs.path("spec").path("replicas").asInt(1);
    List<ObjectNode> pods = ownedPods(rs);
    if (pods.size() < want) {
      for (int i = pods.size(); i < want; i++) {
        String podName = name + "-" + Objects.suffix(random, 5);
        cluster.create("pods", Pods.fromTemplate(rs, podName, rs.path("spec").path("template")));
      }
    } else if (pods.size() > want) {
      pods.stream()
          .sorted(
              Comparator.comparing(
                      (ObjectNode p) -> p.path("metadata").path("creationTimestamp").asString())
                  .reversed()
                  .thenComparing(p -> p.path("metadata").path("name").asString()))
          .limit(pods.size() - want)
          .forEach(
              p ->
                  cluster.delete(
                      "v1", "pods", namespace, p.path("metadata").path("name").asString()));
    }
    reconcileReplicaSetStatus(namespace, name);
  }

  private List<ObjectNode> ownedPods(JsonNode owner) {
    String namespace = owner.path("metadata").path("namespace").asString();
    return cluster.list("v1", "pods", namespace, ClusterView.matchLabels(owner)).stream()
        .filter(p -> ClusterView.ownedBy(p, owner) && !Pods.isTerminating(p))
        .toList();
  }

  private void reconcileReplicaSetStatus(String namespace, String name) {
    reconcileWorkloadStatus("replicasets", namespace, name);
  }

  private void reconcileWorkloadStatus(String plural, String namespace, String name) {
    cluster
        .get("apps/v1", plural, namespace, name)
        .ifPresent(
            workload -> {
              List<ObjectNode> pods = ownedPods(workload);
              int ready = (int) pods.stream().filter(Pods::isReady).count();
              writeStatus(plural, workload, pods.size(), ready, Map.of());
            });
  }

  private void writeStatus(
      String plural, ObjectNode workload, int replicas, int ready, Map<String, Integer> extra) {
    ObjectNode status = workload.withObjectProperty("status");
    boolean changed =
        status.path("replicas").asInt(-1) != replicas
            || status.path("readyReplicas").asInt(-1) != ready;
    for (var e : extra.entrySet()) {
      changed |= status.path(e.getKey()).asInt(-1) != e.getValue();
    }
    if (!changed) {
      return;
    }
    status.put("replicas", replicas);
    status.put("readyReplicas", ready);
    status.put("availableReplicas", ready);
    status.put("observedGeneration", workload.path("metadata").path("generation").asInt(1));
    extra.forEach(status::put);
    cluster.update(plural, workload);
  }

  // --- StatefulSets --------------------------------------------------------------------------

  private void reconcileStatefulSet(String namespace, String name) {
    cluster
        .get("apps/v1", "statefulsets", namespace, name)
        .ifPresent(
            sts -> {
              int want = sts.path("spec").path("replicas").asInt(1);
              List<ObjectNode> pods = ownedPods(sts);
              var names =
                  pods.stream().map(p -> p.path("metadata").path("name").asString()).toList();
              for (int i = 0; i < want; i++) {
                String podName = name + "-" + i;
                if (!names.contains(podName)) {
                  cluster.create(
                      "pods", Pods.fromTemplate(sts, podName, sts.path("spec").path("template")));
                  return; // ordered: one pod at a time, as the StatefulSet controller does
                }
              }
              for (ObjectNode pod : pods) {
                String podName = pod.path("metadata").path("name").asString();
                int ordinal = Integer.parseInt(podName.substring(podName.lastIndexOf('-') + 1));
                if (ordinal >= want) {
                  cluster.delete("v1", "pods", namespace, podName);
                }
              }
              reconcileWorkloadStatus("statefulsets", namespace, name);
            });
  }

  // --- Scheduler and kubelet -----------------------------------------------------------------

  private void schedule(String namespace, String name) {
    cluster
        .get("v1", "pods", namespace, name)
        .ifPresent(
            pod -> {
              if (!pod.path("spec").path("nodeName").asString("").isEmpty()) {
                return;
              }
              List<ObjectNode> nodes =
                  cluster.list("v1", "nodes", null, null).stream()
                      .filter(n -> !n.path("spec").path("unschedulable").asBoolean(false))
                      .toList();
              if (nodes.isEmpty()) {
                return; // stays Pending, like a real pod with no schedulable node
              }
              var counts = new java.util.HashMap<String, Integer>();
              for (ObjectNode p : cluster.list("v1", "pods", null, null)) {
                counts.merge(p.path("spec").path("nodeName").asString(""), 1, Integer::sum);
              }
              ObjectNode node =
                  nodes.stream()
                      .min(
                          Comparator.comparingInt(
                                  (ObjectNode n) ->
                                      counts.getOrDefault(
                                          n.path("metadata").path("name").asString(), 0))
                              .thenComparing(n -> n.path("metadata").path("name").asString()))
                      .orElseThrow();
              String hostIp = "";
              for (JsonNode address : node.path("status").path("addresses")) {
                if (address.path("type").asString().equals("InternalIP"))
                  hostIp = address.path("address").asString();
              }
              Pods.schedule(
                  pod, node.path("metadata").path("name").asString(), hostIp, clock.instant());
              cluster.update("pods", pod);
            });
  }

  private void startPod(String namespace, String name) {
    cluster
        .get("v1", "pods", namespace, name)
        .ifPresent(
            pod -> {
              if (!pod.path("status").path("phase").asString("Pending").equals("Pending")
                  || Pods.isTerminating(pod)) {
                return;
              }
              String cidr = pod.path("status").path("hostIP").asString("10.0.0.10");
              int nodeIndex =
                  Math.max(1, Integer.parseInt(cidr.substring(cidr.lastIndexOf('.') + 1)) - 10);
              Pods.run(
                  pod, "10.244." + nodeIndex + "." + (2 + random.nextInt(250)), clock.instant());
              cluster.update("pods", pod);
            });
  }

  private static Optional<String> ownerName(JsonNode object, String kind) {
    for (JsonNode ref : object.path("metadata").path("ownerReferences")) {
      if (ref.path("kind").asString().equals(kind)) {
        return Optional.of(ref.path("name").asString());
      }
    }
    return Optional.empty();
  }

  @Override
  public void close() {
    store.removeListener(listener);
    loop.shutdownNow();
  }
}
