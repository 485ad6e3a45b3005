package dev.faultline.model;

/**
 * {@code spec.loop}: run the experiment again and again. Each iteration is a whole run (its faults
 * are rolled back before the pause starts) with its own probes and verdict.
 *
 * @param times how many iterations; {@code null}: as many as fit in {@code duration}
 * @param duration keep starting iterations until this long after the first one started (the file's
 *     {@code for}); {@code null}: until {@code times} is reached
 * @param pause how long to wait between iterations; {@code null}: none
 * @param continueOnFailure keep going after an iteration fails; {@code null} or false: stop there
 */
public record Loop(
    Integer times, TimeSpan duration, TimeSpan pause, Boolean continueOnFailure, Extras extras) {
  public Loop {
    extras = extras == null ? Extras.NONE : extras;
  }

  public boolean effectiveContinueOnFailure() {
    return Boolean.TRUE.equals(continueOnFailure);
  }
}
