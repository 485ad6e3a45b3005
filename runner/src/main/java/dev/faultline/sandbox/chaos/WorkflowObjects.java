package dev.faultline.sandbox.chaos;

import dev.faultline.sandbox.world.ClusterView;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The objects a Chaos Mesh workflow controller writes, shaped as Chaos Mesh writes them: {@code
 * WorkflowNode}s labelled with their workflow and parent node and owned by the Workflow, and the
 * chaos, Schedule and StatusCheck objects a node creates, labelled with the node that controls
 * them.
 */
final class WorkflowObjects {
  static final String API_VERSION = "chaos-mesh.org/v1alpha1";
  static final String WORKFLOW_LABEL = "chaos-mesh.org/workflow";
  static final String CONTROLLED_BY_LABEL = "chaos-mesh.org/controlled-by";

  /** Chaos kinds the sandbox simulates, with their plural and the template's embed key. */
  static final Map<String, String> CHAOS_PLURALS =
      Map.of(
          "PodChaos", "podchaos",
          "NetworkChaos", "networkchaos",
          "StressChaos", "stresschaos",
          "HTTPChaos", "httpchaos",
          "IOChaos", "iochaos",
          "DNSChaos", "dnschaos",
          "TimeChaos", "timechaos");

  private WorkflowObjects() {}

  /** The template's embed key of a kind: {@code NetworkChaos -> networkChaos}. */
  static String embedKey(String kind) {
    return switch (kind) {
      case "HTTPChaos" -> "httpChaos";
      case "IOChaos" -> "ioChaos";
      case "DNSChaos" -> "dnsChaos";
      default -> Character.toLowerCase(kind.charAt(0)) + kind.substring(1);
    };
  }

  /** A new WorkflowNode for one template instance, without status. */
  static ObjectNode node(
      JsonNode workflow,
      String nodeName,
      String parentNode,
      JsonNode template,
      Instant start,
      Instant deadline) {
    String workflowName = workflow.path("metadata").path("name").asString();
    ObjectNode node = ClusterView.JSON.createObjectNode();
    node.put("apiVersion", API_VERSION);
    node.put("kind", "WorkflowNode");
    ObjectNode meta = node.putObject("metadata");
    meta.put("name", nodeName);
    meta.put("namespace", workflow.path("metadata").path("namespace").asString());
    ObjectNode labels = meta.putObject("labels");
    labels.put(WORKFLOW_LABEL, workflowName);
    if (parentNode != null) {
      labels.put(CONTROLLED_BY_LABEL, parentNode);
    }
    ownedBy(meta, workflow, "Workflow");
    ObjectNode spec = node.putObject("spec");
    String type = template.path("templateType").asString();
    spec.put("templateName", template.path("name").asString());
    spec.put("workflowName", workflowName);
    spec.put("type", type);
    spec.put("startTime", start.toString());
    if (deadline != null) {
      spec.put("deadline", deadline.toString());
    }
    if (CHAOS_PLURALS.containsKey(type) && template.has(embedKey(type))) {
      spec.putObject("embedChaos").set(embedKey(type), template.path(embedKey(type)).deepCopy());
    }
    for (String key : java.util.List.of("statusCheck", "schedule", "abortWithStatusCheck")) {
      if (template.has(key)) {
        spec.set(key, template.path(key).deepCopy());
      }
    }
    ObjectNode status = node.putObject("status");
    status.putArray("conditions");
    return node;
  }

  /** A chaos, Schedule or StatusCheck object created by a node. */
  static ObjectNode controlled(
      JsonNode node, String kind, String name, JsonNode spec, String workflowName) {
    ObjectNode object = ClusterView.JSON.createObjectNode();
    object.put("apiVersion", API_VERSION);
    object.put("kind", kind);
    ObjectNode meta = object.putObject("metadata");
    meta.put("name", name.toLowerCase(Locale.ROOT));
    meta.put("namespace", node.path("metadata").path("namespace").asString());
    ObjectNode labels = meta.putObject("labels");
    labels.put(WORKFLOW_LABEL, workflowName);
    labels.put(CONTROLLED_BY_LABEL, node.path("metadata").path("name").asString());
    ownedBy(meta, node, "WorkflowNode");
    object.set("spec", spec.isObject() ? spec.deepCopy() : object.objectNode());
    return object;
  }

  private static void ownedBy(ObjectNode meta, JsonNode owner, String kind) {
    ObjectNode ref = meta.putArray("ownerReferences").addObject();
    ref.put("apiVersion", API_VERSION);
    ref.put("kind", kind);
    ref.put("name", owner.path("metadata").path("name").asString());
    ref.put("uid", owner.path("metadata").path("uid").asString());
    ref.put("controller", true);
    ref.put("blockOwnerDeletion", true);
  }

  /** Sets a condition in {@code status.conditions}, replacing one of the same type. */
  static void condition(ObjectNode status, String type, boolean value, String reason, Instant now) {
    ArrayNode conditions = status.withArrayProperty("conditions");
    ObjectNode condition = null;
    for (JsonNode c : conditions) {
      if (c.path("type").asString().equals(type)) {
        condition = (ObjectNode) c;
      }
    }
    if (condition == null) {
      condition = conditions.addObject();
      condition.put("type", type);
    }
    condition.put("status", value ? "True" : "False");
    condition.put("reason", reason == null ? "" : reason);
    condition.put("lastTransitionTime", now.toString());
  }

  /** Replaces {@code field} (activeChildren, finishedChildren) with the names given. */
  static void children(ObjectNode status, String field, Iterable<String> names) {
    ArrayNode list = status.putArray(field);
    names.forEach(n -> list.addObject().put("name", n));
  }
}
