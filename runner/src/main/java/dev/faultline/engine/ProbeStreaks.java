package dev.faultline.engine;

/**
 * How each continuous probe of a run is doing: how many samples it has given and how many of the
 * latest failed in a row. Attack steps with a {@code stopWhen} read it while they last; the probes'
 * threads write it. Implementations are thread-safe.
 */
interface ProbeStreaks {
  /** A run without continuous probes. */
  ProbeStreaks NONE = probeId -> Streak.NONE;

  /** The latest state of one probe; {@link Streak#NONE} for a probe that has not sampled yet. */
  Streak streak(String probeId);

  /**
   * One probe's state after its latest sample.
   *
   * @param samples samples so far, counting from the probe's start
   * @param failuresInARow how many of the latest samples failed in a row; 0 after a pass
   * @param lastMessage what the latest sample saw
   */
  record Streak(long samples, int failuresInARow, String lastMessage) {
    static final Streak NONE = new Streak(0, 0, "");

    /** The state after one more sample. */
    Streak next(boolean passed, String message) {
      return new Streak(samples + 1, passed ? 0 : failuresInARow + 1, message);
    }

    /**
     * Whether the last {@code failures} samples all failed and all came after the first {@code
     * baseline} samples (so failures from before an attack started do not count against it).
     */
    boolean failedSince(long baseline, int failures) {
      return failuresInARow >= failures && samples - baseline >= failures;
    }
  }
}
