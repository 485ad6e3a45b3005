package dev.faultline.workflow;

import java.time.Instant;
import java.util.Objects;

/**
 * One WorkflowNode as a run shows it.
 *
 * @param name the node object's name ({@code the-entry-x7k2p})
 * @param template the template it instantiates
 * @param type the template type ({@code Serial}, {@code NetworkChaos}, {@code StatusCheck}, ...)
 * @param parent the parent node's name; empty for the entry node
 * @param depth 0 for the entry node, 1 for its children, ...
 * @param phase from the node's conditions
 * @param start when it started; {@code null} when the node does not say
 * @param end when its final condition was set; {@code null} while running
 * @param chaos the object it created ({@code NetworkChaos/wf-delay-ab12c}); empty for none
 * @param message the reason of its final condition, or empty
 */
public record WorkflowNodeView(
    String name,
    String template,
    String type,
    String parent,
    int depth,
    NodePhase phase,
    Instant start,
    Instant end,
    String chaos,
    String message) {
  public WorkflowNodeView {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(phase, "phase");
    template = template == null ? "" : template;
    type = type == null ? "" : type;
    parent = parent == null ? "" : parent;
    chaos = chaos == null ? "" : chaos;
    message = message == null ? "" : message;
  }
}
