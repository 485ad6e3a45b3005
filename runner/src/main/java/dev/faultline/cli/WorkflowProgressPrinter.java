package dev.faultline.cli;

import dev.faultline.workflow.NodePhase;
import dev.faultline.workflow.WorkflowListener;
import dev.faultline.workflow.WorkflowNodeView;
import dev.faultline.workflow.WorkflowOutcome;
import dev.faultline.workflow.WorkflowState;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Prints a Workflow run's progress, one line when a node starts and one when it ends: {@code ▶
 * NetworkChaos workflow-network-chaos (NetworkChaos/workflow-network-chaos-x1y2z)} and {@code ✓ ...
 * deadline exceeded after 20.0 s}.
 */
final class WorkflowProgressPrinter implements WorkflowListener {
  private final PrintWriter out;
  private final Map<String, NodePhase> printed = new HashMap<>();
  private Object lastPhase;

  WorkflowProgressPrinter(PrintWriter out) {
    this.out = out;
  }

  @Override
  public void onState(WorkflowState state) {
    if (state.phase() != lastPhase) {
      lastPhase = state.phase();
      out.println(
          "workflow "
              + state.namespace()
              + "/"
              + state.workflow()
              + ": "
              + state.phase().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
              + (state.message().isEmpty() ? "" : " (" + state.message() + ")"));
    }
    for (WorkflowNodeView node : state.nodes()) {
      NodePhase before = printed.get(node.name());
      if (before == null) {
        out.println(
            "  ".repeat(node.depth() + 1)
                + "▶ "
                + node.type()
                + " "
                + node.template()
                + (node.chaos().isEmpty() ? "" : " (" + node.chaos() + ")"));
      }
      if (node.phase().finished() && before != node.phase()) {
        out.println("  ".repeat(node.depth() + 1) + symbol(node.phase()) + " " + ended(node));
      }
      printed.put(node.name(), node.phase());
    }
    out.flush();
  }

  private static String symbol(NodePhase phase) {
    return switch (phase) {
      case ACCOMPLISHED, DEADLINE_EXCEEDED -> "✓";
      case FAILED, ABORTED -> "✗";
      case RUNNING -> "▶";
    };
  }

  private static String ended(WorkflowNodeView node) {
    String took =
        node.start() != null && node.end() != null
            ? String.format(
                java.util.Locale.ROOT,
                " after %.1f s",
                Duration.between(node.start(), node.end()).toMillis() / 1000.0)
            : "";
    return node.type()
        + " "
        + node.template()
        + " "
        + node.phase().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
        + took
        + (node.message().isEmpty() ? "" : ": " + node.message());
  }

  @Override
  public void onFinished(WorkflowOutcome outcome) {
    out.println(
        outcome.cleanedUp()
            ? "workflow deleted; the chaos objects it created are gone"
            : "left in the cluster: " + outcome.cleanupMessage());
    out.flush();
  }
}
