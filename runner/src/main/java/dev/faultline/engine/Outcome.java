package dev.faultline.engine;

/**
 * How one step ended.
 *
 * @param verdict for a failed step: the verdict it gives the run (a failed probe: {@link
 *     Verdict#FAILED}; an attack that could not be applied: {@link Verdict#ERROR}; a rejected gate:
 *     {@link Verdict#ABORTED})
 */
record Outcome(boolean succeeded, String message, Verdict verdict) {
  static Outcome success(String message) {
    return new Outcome(true, message, Verdict.PASSED);
  }

  static Outcome failure(Verdict verdict, String message) {
    return new Outcome(false, message, verdict);
  }
}
