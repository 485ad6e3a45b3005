package dev.faultline.engine;

/** How a run ended. */
public enum Verdict {
  /** Every step succeeded and no halt condition triggered: the hypothesis held. */
  PASSED(0),
  /** A probe step failed or timed out: the system deviated from the hypothesis. */
  FAILED(1),
  /** A halt condition, the time limit, a cancel or an emergency stop ended the run early. */
  ABORTED(3),
  /** The run could not be carried out (preflight failed, an attack could not be applied). */
  ERROR(3);

  private final int exitCode;

  Verdict(int exitCode) {
    this.exitCode = exitCode;
  }

  /** The exit code of {@code faultline run} for this verdict. */
  public int exitCode() {
    return exitCode;
  }

  /** Lower-case word for files and terminals. */
  public String word() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
