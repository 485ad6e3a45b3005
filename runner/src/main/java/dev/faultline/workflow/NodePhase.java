package dev.faultline.workflow;

/** Where a WorkflowNode is, read from its conditions. */
public enum NodePhase {
  /** Started, no final condition yet. */
  RUNNING,
  /** {@code Accomplished}: its children or its check ended well. */
  ACCOMPLISHED,
  /** {@code DeadlineExceed}: its deadline ended it (the normal end of chaos and Suspend nodes). */
  DEADLINE_EXCEEDED,
  /** A StatusCheck that reached its failure threshold without aborting the workflow. */
  FAILED,
  /** {@code Aborted}: a failed status check stopped the workflow. */
  ABORTED;

  public boolean finished() {
    return this != RUNNING;
  }
}
