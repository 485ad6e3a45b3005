package dev.faultline.sandbox.chaos;

import dev.faultline.sandbox.api.SandboxStore;
import dev.faultline.sandbox.api.StoreEvent;
import dev.faultline.sandbox.world.ClusterView;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs Chaos Mesh Workflows in the sandbox: Serial and Parallel templates order their children,
 * Suspend waits its deadline, and each chaos template creates its chaos object (named {@code
 * WORKFLOW-TEMPLATE}) with the template's deadline as duration, which the simulated Chaos Mesh
 * controller then injects and recovers. Schedule, Task and StatusCheck nodes are recorded as
 * skipped. The status lists every node with its phase and ends with {@code WorkflowAccomplished}.
 */
public final class WorkflowController implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(WorkflowController.class.getName());
  private static final List<String> CHAOS =
      List.of("PodChaos", "NetworkChaos", "StressChaos", "HTTPChaos");

  private final SandboxStore store;
  private final ClusterView cluster;
  private final Clock clock;
  private final ScheduledExecutorService loop =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().daemon().name("sandbox-workflows").factory());
  private final Consumer<StoreEvent> listener = e -> loop.execute(() -> react(e));

  public WorkflowController(SandboxStore store, Clock clock) {
    this.store = store;
    this.cluster = new ClusterView(store);
    this.clock = clock;
  }

  public void start() {
    store.addListener(listener);
  }

  private void react(StoreEvent event) {
    if (!event.type().equals("ADDED")) {
      return;
    }
    JsonNode wf = ClusterView.JSON.readTree(event.json());
    if (!wf.path("kind").asString().equals("Workflow")
        || !wf.path("apiVersion").asString().startsWith("chaos-mesh.org/")) {
      return;
    }
    try {
      run(wf);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "simulated workflow failed", e);
    }
  }

  private record Node(
      String template, String type, long startMillis, long endMillis, String phase) {}

  private void run(JsonNode wf) {
    Map<String, JsonNode> templates = new HashMap<>();
    wf.path("spec").path("templates").forEach(t -> templates.put(t.path("name").asString(), t));
    String namespace = wf.path("metadata").path("namespace").asString();
    String name = wf.path("metadata").path("name").asString();
    List<Node> nodes = new ArrayList<>();
    long total = plan(wf.path("spec").path("entry").asString(), templates, 0, nodes, 0);
    for (Node node : nodes) {
      if (CHAOS.contains(node.type())) {
        JsonNode template = templates.get(node.template());
        loop.schedule(
            () -> createChaos(namespace, name, template),
            node.startMillis(),
            TimeUnit.MILLISECONDS);
      }
    }
    status(namespace, name, nodes, false);
    loop.schedule(() -> status(namespace, name, nodes, true), total, TimeUnit.MILLISECONDS);
  }

  /** Lays out the template tree on a timeline; returns when {@code template} ends. */
  private long plan(
      String template, Map<String, JsonNode> templates, long start, List<Node> nodes, int depth) {
    JsonNode t = templates.get(template);
    if (t == null || depth > 20) {
      return start;
    }
    String type = t.path("templateType").asString();
    long deadline =
        GoDuration.parse(t.path("deadline").asString(null)).map(Duration::toMillis).orElse(0L);
    long end;
    switch (type) {
      case "Serial" -> {
        long at = start;
        for (JsonNode child : t.path("children")) {
          at = plan(child.asString(), templates, at, nodes, depth + 1);
        }
        end = deadline > 0 ? Math.min(at, start + deadline) : at;
      }
      case "Parallel" -> {
        long latest = start;
        for (JsonNode child : t.path("children")) {
          latest = Math.max(latest, plan(child.asString(), templates, start, nodes, depth + 1));
        }
        end = deadline > 0 ? Math.min(latest, start + deadline) : latest;
      }
      default -> end = start + deadline;
    }
    String phase =
        CHAOS.contains(type)
                || type.equals("Suspend")
                || type.equals("Serial")
                || type.equals("Parallel")
            ? "Succeeded"
            : "Skipped";
    nodes.add(new Node(template, type, start, end, phase));
    return end;
  }

  private void createChaos(String namespace, String workflow, JsonNode template) {
    String type = template.path("templateType").asString();
    String field = Character.toLowerCase(type.charAt(0)) + type.substring(1);
    field = field.equals("hTTPChaos") ? "httpChaos" : field;
    ObjectNode chaos = ClusterView.JSON.createObjectNode();
    chaos.put("apiVersion", "chaos-mesh.org/v1alpha1");
    chaos.put("kind", type);
    ObjectNode meta = chaos.putObject("metadata");
    meta.put("name", (workflow + "-" + template.path("name").asString()).toLowerCase(Locale.ROOT));
    meta.put("namespace", namespace);
    meta.putObject("labels").put("chaos-mesh.org/workflow", workflow);
    ObjectNode spec =
        template.path(field).isObject()
            ? (ObjectNode) template.path(field).deepCopy()
            : chaos.objectNode();
    if (template.has("deadline")) {
      spec.put("duration", template.path("deadline").asString());
    }
    chaos.set("spec", spec);
    cluster.create(type.toLowerCase(Locale.ROOT), chaos);
  }

  private void status(String namespace, String name, List<Node> nodes, boolean done) {
    cluster
        .get("chaos-mesh.org/v1alpha1", "workflows", namespace, name)
        .ifPresent(
            wf -> {
              ObjectNode status = wf.putObject("status");
              status.put("entryNode", name + "-" + wf.path("spec").path("entry").asString());
              status.put(done ? "endTime" : "startTime", clock.instant().toString());
              ArrayNode conditions = status.putArray("conditions");
              ObjectNode scheduled = conditions.addObject();
              scheduled.put("type", "Scheduled");
              scheduled.put("status", "True");
              ObjectNode accomplished = conditions.addObject();
              accomplished.put("type", "Accomplished");
              accomplished.put("status", done ? "True" : "False");
              ArrayNode list = status.putArray("nodes");
              for (Node node : nodes) {
                ObjectNode n = list.addObject();
                n.put("name", node.template());
                n.put("templateType", node.type());
                n.put("phase", done ? node.phase() : "Running");
              }
              cluster.update("workflows", wf);
            });
  }

  @Override
  public void close() {
    store.removeListener(listener);
    loop.shutdownNow();
  }
}
