package dev.faultline.safety;

import java.util.Objects;

/**
 * What {@link RunGuard#confirm} decided about running against a context.
 *
 * @param outcome whether the run may go ahead, and why
 * @param context the context asked about
 * @param message for the user: empty when the context is not protected, a note when the run was
 *     confirmed, the reason and the flag to add when it was refused
 */
public record Confirmation(Confirmation.Outcome outcome, String context, String message) {

  /** The guard's decision. */
  public enum Outcome {
    /** The context is not protected: run. */
    NOT_PROTECTED,
    /** The context is protected and the command line confirmed it: run. */
    CONFIRMED,
    /** The context is protected and the command line did not confirm it: do not run. */
    REFUSED
  }

  /** Checks the components. */
  public Confirmation {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(message, "message");
  }

  /** Whether the run may go ahead. */
  public boolean allowed() {
    return outcome != Outcome.REFUSED;
  }
}
