package dev.faultline.sandbox.world;

import dev.faultline.sandbox.world.WorldSpec.App;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a {@link WorldSpec} into the objects a real cluster would hold after it settled: nodes with
 * zones, namespaces, Deployments with ReplicaSets and running Pods (owner references, template
 * hashes), a StatefulSet with ordinal pods, Services and PodDisruptionBudgets. The same seed gives
 * the same names, uids and placements.
 */
public final class WorldBuilder {
  private static final String[] ZONES = {"zone-a", "zone-b", "zone-c"};

  private final RandomGenerator random;
  private final LongSupplier resourceVersions;
  private final Instant created;
  private final List<ObjectNode> objects = new ArrayList<>();
  private final List<String> nodeNames = new ArrayList<>();
  private final Map<String, Integer> podsPerNode = new LinkedHashMap<>();
  private int serviceIp = 10;

  public WorldBuilder(RandomGenerator random, LongSupplier resourceVersions, Instant created) {
    this.random = random;
    this.resourceVersions = resourceVersions;
    this.created = created;
  }

  public List<ObjectNode> build(WorldSpec spec) {
    spec.namespaces().forEach(this::namespace);
    for (int i = 1; i <= spec.nodes(); i++) {
      node(i);
    }
    spec.apps().forEach(this::app);
    return List.copyOf(objects);
  }

  private ObjectNode add(ObjectNode object) {
    Objects.stamp(object, random, resourceVersions.getAsLong(), created);
    objects.add(object);
    return object;
  }

  private void namespace(String name) {
    ObjectNode ns = Objects.object("v1", "Namespace", null, name);
    Objects.labels(ns, Map.of("kubernetes.io/metadata.name", name));
    ns.putObject("spec").putArray("finalizers").add("kubernetes");
    ns.putObject("status").put("phase", "Active");
    add(ns);
  }

  private void node(int index) {
    String name = "sandbox-node-" + index;
    String zone = ZONES[(index - 1) % ZONES.length];
    ObjectNode node = Objects.object("v1", "Node", null, name);
    var labels = new LinkedHashMap<String, String>();
    labels.put("kubernetes.io/hostname", name);
    labels.put("kubernetes.io/os", "linux");
    labels.put("kubernetes.io/arch", "amd64");
    labels.put("topology.kubernetes.io/zone", zone);
    labels.put("topology.kubernetes.io/region", "sandbox-1");
    labels.put("node-role.kubernetes.io/worker", "");
    Objects.labels(node, labels);
    node.putObject("spec").put("podCIDR", "10.244." + index + ".0/24");
    ObjectNode status = node.putObject("status");
    ObjectNode capacity = status.putObject("capacity");
    capacity.put("cpu", "8");
    capacity.put("memory", "32Gi");
    capacity.put("pods", "110");
    status.set("allocatable", capacity.deepCopy());
    ObjectNode ready = status.putArray("conditions").addObject();
    ready.put("type", "Ready");
    ready.put("status", "True");
    ready.put("reason", "KubeletReady");
    ready.put("message", "kubelet is posting ready status");
    ready.put("lastHeartbeatTime", created.toString());
    ready.put("lastTransitionTime", created.toString());
    ArrayNode addresses = status.putArray("addresses");
    addresses.addObject().put("type", "InternalIP").put("address", "10.0.0." + (10 + index));
    addresses.addObject().put("type", "Hostname").put("address", name);
    ObjectNode info = status.putObject("nodeInfo");
    info.put("kubeletVersion", "v1.35.0");
    info.put("kubeProxyVersion", "v1.35.0");
    info.put("osImage", "Faultline Sandbox Linux");
    info.put("kernelVersion", "6.12.0-sandbox");
    info.put("containerRuntimeVersion", "containerd://2.1.0");
    info.put("operatingSystem", "linux");
    info.put("architecture", "amd64");
    add(node);
    nodeNames.add(name);
    podsPerNode.put(name, 0);
  }

  private void app(App app) {
    var labels = new LinkedHashMap<String, String>();
    labels.put("app", app.name());
    labels.put("tier", app.tier());
    labels.put("version", app.version());
    ObjectNode template = template(app, labels);
    ObjectNode workload;
    if (app.stateful()) {
      workload = workload(app, "StatefulSet", template);
      workload.withObjectProperty("spec").put("serviceName", app.name());
      add(workload);
      for (int i = 0; i < app.replicas(); i++) {
        pod(workload, app.name() + "-" + i, template);
      }
    } else {
      workload = add(workload(app, "Deployment", template));
      String hash = TemplateHash.of(template);
      ObjectNode rs = workload(app, "ReplicaSet", template.deepCopy());
      rs.withObjectProperty("metadata").put("name", app.name() + "-" + hash);
      rs.withObjectProperty("metadata").withObjectProperty("labels").put("pod-template-hash", hash);
      rs.withObjectProperty("spec")
          .withObjectProperty("selector")
          .withObjectProperty("matchLabels")
          .put("pod-template-hash", hash);
      ObjectNode rsTemplate = rs.withObjectProperty("spec").withObjectProperty("template");
      rsTemplate
          .withObjectProperty("metadata")
          .withObjectProperty("labels")
          .put("pod-template-hash", hash);
      rs.withObjectProperty("metadata")
          .putObject("annotations")
          .put("deployment.kubernetes.io/revision", "1");
      Objects.stamp(rs, random, resourceVersions.getAsLong(), created);
      Objects.ownedBy(rs, workload);
      objects.add(rs);
      for (int i = 0; i < app.replicas(); i++) {
        pod(
            rs,
            rs.path("metadata").path("name").asString() + "-" + Objects.suffix(random, 5),
            rsTemplate);
      }
    }
    service(app, labels);
    if (app.minAvailable() > 0) {
      pdb(app);
    }
  }

  private ObjectNode workload(App app, String kind, ObjectNode template) {
    ObjectNode workload = Objects.object("apps/v1", kind, app.namespace(), app.name());
    Objects.labels(workload, Map.of("app", app.name(), "tier", app.tier()));
    ObjectNode spec = workload.putObject("spec");
    spec.put("replicas", app.replicas());
    spec.putObject("selector").putObject("matchLabels").put("app", app.name());
    spec.set("template", template);
    ObjectNode status = workload.putObject("status");
    status.put("observedGeneration", 1);
    status.put("replicas", app.replicas());
    status.put("readyReplicas", app.replicas());
    status.put("availableReplicas", app.replicas());
    status.put(
        kind.equals("StatefulSet") ? "currentReplicas" : "fullyLabeledReplicas", app.replicas());
    if (kind.equals("Deployment")) {
      status.put("updatedReplicas", app.replicas());
      ObjectNode available = status.putArray("conditions").addObject();
      available.put("type", "Available");
      available.put("status", "True");
      available.put("reason", "MinimumReplicasAvailable");
    }
    return workload;
  }

  private static ObjectNode template(App app, Map<String, String> labels) {
    ObjectNode template = Objects.JSON.objectNode();
    ObjectNode labelNode = template.putObject("metadata").putObject("labels");
    labels.forEach(labelNode::put);
    ObjectNode spec = template.putObject("spec");
    ArrayNode containers = spec.putArray("containers");
    ObjectNode main = containers.addObject();
    main.put("name", "app");
    main.put("image", "registry.faultline.dev/" + app.name() + ":" + app.version());
    main.putArray("ports").addObject().put("containerPort", 8080).put("protocol", "TCP");
    main.putArray("command").add("/usr/bin/java").add("-jar").add("/app/" + app.name() + ".jar");
    ObjectNode sidecar = containers.addObject();
    sidecar.put("name", app.sidecar());
    sidecar.put("image", "registry.faultline.dev/" + app.sidecar() + ":1.0");
    spec.put("restartPolicy", "Always");
    spec.put("terminationGracePeriodSeconds", 30);
    return template;
  }

  private void pod(ObjectNode owner, String name, ObjectNode template) {
    ObjectNode pod = Pods.fromTemplate(owner, name, template);
    String node = leastLoadedNode();
    int nodeIndex = nodeNames.indexOf(node) + 1;
    int slot = podsPerNode.merge(node, 1, Integer::sum);
    Pods.schedule(pod, node, "10.0.0." + (10 + nodeIndex), created);
    Pods.run(
        pod, "10.244." + nodeIndex + "." + (slot % 250 + 2) + (slot >= 250 ? "" : ""), created);
    add(pod);
  }

  private String leastLoadedNode() {
    String best = nodeNames.getFirst();
    for (String node : nodeNames) {
      if (podsPerNode.get(node) < podsPerNode.get(best)) {
        best = node;
      }
    }
    return best;
  }

  private void service(App app, Map<String, String> labels) {
    ObjectNode svc = Objects.object("v1", "Service", app.namespace(), app.name());
    Objects.labels(svc, Map.of("app", app.name()));
    ObjectNode spec = svc.putObject("spec");
    spec.put("type", "ClusterIP");
    String ip = "10.96." + (serviceIp / 250) + "." + (serviceIp % 250 + 1);
    serviceIp++;
    spec.put("clusterIP", ip);
    spec.putArray("clusterIPs").add(ip);
    spec.putObject("selector").put("app", labels.get("app"));
    ObjectNode port = spec.putArray("ports").addObject();
    port.put("name", "http");
    port.put("port", 80);
    port.put("targetPort", 8080);
    port.put("protocol", "TCP");
    svc.putObject("status").putObject("loadBalancer");
    add(svc);
  }

  private void pdb(App app) {
    ObjectNode pdb =
        Objects.object("policy/v1", "PodDisruptionBudget", app.namespace(), app.name());
    ObjectNode spec = pdb.putObject("spec");
    spec.put("minAvailable", app.minAvailable());
    spec.putObject("selector").putObject("matchLabels").put("app", app.name());
    ObjectNode status = pdb.putObject("status");
    status.put("currentHealthy", app.replicas());
    status.put("desiredHealthy", app.minAvailable());
    status.put("disruptionsAllowed", Math.max(0, app.replicas() - app.minAvailable()));
    status.put("expectedPods", app.replicas());
    add(pdb);
  }
}
