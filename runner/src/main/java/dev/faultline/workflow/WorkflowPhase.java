package dev.faultline.workflow;

/** Where a Workflow run is. The last four are final. */
public enum WorkflowPhase {
  /** Applied, the controller has not started it yet. */
  PENDING,
  RUNNING,
  /** The entry node was accomplished. */
  ACCOMPLISHED,
  /** The entry node's deadline ended it. */
  DEADLINE_EXCEEDED,
  /** A StatusCheck with {@code abortWithStatusCheck} failed. */
  ABORTED,
  /** Stopped by Faultline (or someone) deleting the Workflow before it ended. */
  STOPPED;

  public boolean finished() {
    return this != PENDING && this != RUNNING;
  }
}
