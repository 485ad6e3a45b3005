package dev.faultline.cli;

/** Exit codes of the {@code faultline} command, documented in {@code docs/cli.md}. */
final class ExitCodes {
  static final int OK = 0;

  /** {@code format --check}: a file is not in canonical form. */
  static final int NEEDS_FORMAT = 1;

  /**
   * {@code stop}, {@code cleanup}: faults stay open (a rollback failed, a dry run found some) or a
   * run did not stop in time.
   */
  static final int LEFT_OPEN = 1;

  /** {@code version --check}: a newer release exists. */
  static final int UPDATE_AVAILABLE = 10;

  /** A file has errors (or warnings, with {@code --warnings-as-errors}). */
  static final int PROBLEMS = 2;

  /** Wrong command-line usage (sysexits EX_USAGE), kept apart from {@link #PROBLEMS}. */
  static final int USAGE = 64;

  /**
   * The cluster (or, for {@code version --check}, the release feed) could not be reached or read
   * (sysexits EX_UNAVAILABLE).
   */
  static final int CLUSTER = 69;

  /** A file could not be written. */
  static final int IO_ERROR = 74;

  /** Faultline itself failed: a bug, reported with its stack trace (sysexits EX_SOFTWARE). */
  static final int INTERNAL = 70;

  private ExitCodes() {}
}
