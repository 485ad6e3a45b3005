package dev.faultline.chaos;

import java.util.Locale;

/**
 * How one step of a run ended.
 *
 * @param stepId the step's id
 * @param status succeeded, failed, skipped, or not reached (the run ended before it)
 * @param message what the engine said: a probe's last result, why a step failed or was skipped
 */
public record StepResult(String stepId, Status status, String message) {
  /** How a step ended. */
  public enum Status {
    SUCCEEDED,
    FAILED,
    SKIPPED,
    /** The run ended before the step started, without a skip event (a crash, a halt). */
    NOT_REACHED;

    /** Lower-case word for messages. */
    public String word() {
      return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
  }
}
