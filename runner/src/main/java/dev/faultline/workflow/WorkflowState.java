package dev.faultline.workflow;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Workflow run at one moment: its phase and its node tree, parents before their children in start
 * order (depth-first), so a table can indent by {@link WorkflowNodeView#depth()}.
 *
 * @param workflow the Workflow's name
 * @param namespace its namespace
 * @param phase where the run is
 * @param message why it ended, when it did (an abort's reason); empty otherwise
 * @param start the Workflow's {@code status.startTime}, {@code null} before
 * @param end its {@code status.endTime}, {@code null} before
 * @param nodes the node tree
 */
public record WorkflowState(
    String workflow,
    String namespace,
    WorkflowPhase phase,
    String message,
    Instant start,
    Instant end,
    List<WorkflowNodeView> nodes) {
  public WorkflowState {
    Objects.requireNonNull(workflow, "workflow");
    Objects.requireNonNull(phase, "phase");
    namespace = namespace == null ? "" : namespace;
    message = message == null ? "" : message;
    nodes = List.copyOf(nodes);
  }

  /** The state of a workflow just applied. */
  public static WorkflowState pending(String workflow, String namespace) {
    return new WorkflowState(workflow, namespace, WorkflowPhase.PENDING, "", null, null, List.of());
  }

  public WorkflowState withPhase(WorkflowPhase newPhase, String newMessage) {
    return new WorkflowState(workflow, namespace, newPhase, newMessage, start, end, nodes);
  }

  public Optional<WorkflowNodeView> node(String name) {
    return nodes.stream().filter(n -> n.name().equals(name)).findFirst();
  }

  /** The first node of a template, if it started. */
  public Optional<WorkflowNodeView> nodeOfTemplate(String template) {
    return nodes.stream().filter(n -> n.template().equals(template)).findFirst();
  }
}
