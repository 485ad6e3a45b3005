package dev.faultline.workflow;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Reads a {@link WorkflowState} from the Workflow and WorkflowNode objects as Chaos Mesh writes
 * them: the node tree from the {@code chaos-mesh.org/controlled-by} label, each node's phase from
 * its conditions, the run's phase from the Workflow's conditions and its entry node.
 */
public final class WorkflowStates {
  static final String CONTROLLED_BY = "chaos-mesh.org/controlled-by";

  private WorkflowStates() {}

  /**
   * @param workflow the Workflow object; {@code null} when it is gone
   * @param nodes its WorkflowNode objects
   * @param name the Workflow's name (for a workflow that is gone)
   */
  public static WorkflowState from(
      JsonNode workflow, Collection<? extends JsonNode> nodes, String name, String namespace) {
    Map<String, List<JsonNode>> byParent = new HashMap<>();
    for (JsonNode node : nodes) {
      String parent = node.path("metadata").path("labels").path(CONTROLLED_BY).asString("");
      byParent.computeIfAbsent(parent, p -> new ArrayList<>()).add(node);
    }
    byParent.values().forEach(list -> list.sort(Comparator.comparing(WorkflowStates::startKey)));
    List<WorkflowNodeView> views = new ArrayList<>();
    Map<String, Boolean> named = new HashMap<>();
    nodes.forEach(n -> named.put(n.path("metadata").path("name").asString(), true));
    // Roots: the entry node, and any node whose parent is not (yet) seen.
    List<JsonNode> roots = new ArrayList<>();
    byParent.forEach(
        (parent, children) -> {
          if (parent.isEmpty() || !named.containsKey(parent)) {
            roots.addAll(children);
          }
        });
    roots.sort(Comparator.comparing(WorkflowStates::startKey));
    for (JsonNode root : roots) {
      walk(root, 0, byParent, views);
    }
    if (workflow == null) {
      return new WorkflowState(name, namespace, WorkflowPhase.STOPPED, "", null, null, views);
    }
    JsonNode status = workflow.path("status");
    String entry = status.path("entryNode").asString("");
    WorkflowPhase phase;
    String message = "";
    if (isTrue(status, "Aborted")) {
      phase = WorkflowPhase.ABORTED;
      message = reason(status, "Aborted");
    } else if (isTrue(status, "Accomplished")) {
      boolean deadline =
          views.stream()
              .anyMatch(v -> v.name().equals(entry) && v.phase() == NodePhase.DEADLINE_EXCEEDED);
      phase = deadline ? WorkflowPhase.DEADLINE_EXCEEDED : WorkflowPhase.ACCOMPLISHED;
    } else if (!entry.isEmpty() || isTrue(status, "Scheduled")) {
      phase = WorkflowPhase.RUNNING;
    } else {
      phase = WorkflowPhase.PENDING;
    }
    return new WorkflowState(
        name,
        namespace,
        phase,
        message,
        instant(status.path("startTime")),
        instant(status.path("endTime")),
        views);
  }

  private static void walk(
      JsonNode node, int depth, Map<String, List<JsonNode>> byParent, List<WorkflowNodeView> out) {
    out.add(view(node, depth));
    if (depth > 50) {
      return;
    }
    for (JsonNode child :
        byParent.getOrDefault(node.path("metadata").path("name").asString(), List.of())) {
      walk(child, depth + 1, byParent, out);
    }
  }

  /** One node's view. */
  static WorkflowNodeView view(JsonNode node, int depth) {
    JsonNode spec = node.path("spec");
    JsonNode status = node.path("status");
    NodePhase phase = NodePhase.RUNNING;
    String finalType = null;
    if (isTrue(status, "Aborted")) {
      phase = NodePhase.ABORTED;
      finalType = "Aborted";
    } else if (isTrue(status, "DeadlineExceed")) {
      phase = NodePhase.DEADLINE_EXCEEDED;
      finalType = "DeadlineExceed";
    } else if (isTrue(status, "Accomplished")) {
      finalType = "Accomplished";
      phase =
          reason(status, "Accomplished").startsWith("FailureThresholdExceed")
              ? NodePhase.FAILED
              : NodePhase.ACCOMPLISHED;
    }
    JsonNode chaos = status.path("chaosResource");
    return new WorkflowNodeView(
        node.path("metadata").path("name").asString(),
        spec.path("templateName").asString(""),
        spec.path("type").asString(""),
        node.path("metadata").path("labels").path(CONTROLLED_BY).asString(""),
        depth,
        phase,
        instant(spec.path("startTime")),
        finalType == null ? null : transition(status, finalType),
        chaos.isObject()
            ? chaos.path("kind").asString("") + "/" + chaos.path("name").asString("")
            : "",
        finalType == null ? "" : reason(status, finalType));
  }

  private static Instant startKey(JsonNode node) {
    Instant start = instant(node.path("spec").path("startTime"));
    return start == null ? Instant.EPOCH : start;
  }

  private static JsonNode condition(JsonNode status, String type) {
    for (JsonNode c : status.path("conditions")) {
      if (c.path("type").asString("").equals(type)) {
        return c;
      }
    }
    return null;
  }

  static boolean isTrue(JsonNode status, String type) {
    JsonNode c = condition(status, type);
    return c != null && c.path("status").asString("").equals("True");
  }

  private static String reason(JsonNode status, String type) {
    JsonNode c = condition(status, type);
    return c == null ? "" : c.path("reason").asString("");
  }

  private static Instant transition(JsonNode status, String type) {
    JsonNode c = condition(status, type);
    return c == null ? null : instant(c.path("lastTransitionTime"));
  }

  private static Instant instant(JsonNode text) {
    try {
      return text.isString() ? Instant.parse(text.asString()) : null;
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
