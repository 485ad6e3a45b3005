package dev.faultline.designer.canvas;

/**
 * Where a step stands in the run shown on the canvas. Steps without a state (no run yet) are drawn
 * as designed.
 */
public enum StepRunState {
  /** Part of the run, not started yet. */
  PENDING,
  /** Started and not finished: an attack holding its faults, a probe polling, a wait. */
  RUNNING,
  /** A gate waiting for a person to press Continue. */
  WAITING,
  SUCCEEDED,
  FAILED,
  /** Never ran: an earlier step failed or the run ended first. */
  SKIPPED
}
