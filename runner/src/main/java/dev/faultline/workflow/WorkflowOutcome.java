package dev.faultline.workflow;

import java.util.Objects;

/**
 * How a Workflow run ended.
 *
 * @param state the last state seen (its phase is final)
 * @param cleanedUp whether the Workflow and every chaos object it created are gone and the journal
 *     marked done; {@code false} leaves them to {@code faultline cleanup}
 * @param cleanupMessage what was left and why, when not cleaned up
 */
public record WorkflowOutcome(WorkflowState state, boolean cleanedUp, String cleanupMessage) {
  public WorkflowOutcome {
    Objects.requireNonNull(state, "state");
    cleanupMessage = cleanupMessage == null ? "" : cleanupMessage;
  }

  /** Whether the workflow ran to its end with no failed or aborted node. */
  public boolean succeeded() {
    return (state.phase() == WorkflowPhase.ACCOMPLISHED
            || state.phase() == WorkflowPhase.DEADLINE_EXCEEDED)
        && state.nodes().stream()
            .noneMatch(n -> n.phase() == NodePhase.FAILED || n.phase() == NodePhase.ABORTED);
  }
}
