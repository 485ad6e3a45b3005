package dev.faultline.workflow;

/**
 * Told about a Workflow run on the run's own thread: states coalesced (at most one per {@link
 * WorkflowWatch#PUBLISH_MILLIS}, only when something changed), then the outcome once. A UI hands
 * them to its own thread and keeps only the latest state.
 */
public interface WorkflowListener {
  void onState(WorkflowState state);

  /**
   * The run ended (the Workflow is deleted unless {@link WorkflowOutcome#cleanedUp()} is false).
   */
  default void onFinished(WorkflowOutcome outcome) {}
}
