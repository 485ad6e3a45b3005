package dev.faultline.designer.run;

/** Where a run stands, as the run view shows it. */
public enum RunPhase {
  /** Started, not yet running steps: the engine syncs the snapshot and checks access. */
  STARTING,
  /** Steps are running. */
  RUNNING,
  /** No new steps start until resumed; running steps and applied faults stay. */
  PAUSED,
  /** Halted (cancel, emergency stop, halt condition, time limit): rolling back. */
  STOPPING,
  /** Over: the verdict is in and every fault that could be rolled back is rolled back. */
  FINISHED
}
