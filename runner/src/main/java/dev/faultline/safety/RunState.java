package dev.faultline.safety;

/**
 * What a registered run is doing, as its active-run entry says; kept current by the run. A run
 * whose process is gone shows as {@code stale} instead (see {@link ActiveRuns.Liveness}).
 */
public enum RunState {
  /** Steps run or faults are in place. */
  RUNNING("running"),
  /** A gate waits for a person to approve or refuse it. */
  WAITING_AT_GATE("waiting at gate"),
  /** The run was halted, stopped or cancelled and is rolling back. */
  STOPPING("stopping"),
  /**
   * A looped run between two iterations: every fault is rolled back, and a stop request ends the
   * loop before the next iteration applies anything.
   */
  PAUSING("pausing between loops");

  private final String words;

  RunState(String words) {
    this.words = words;
  }

  /** How people read it: {@code waiting at gate}. */
  public String words() {
    return words;
  }

  /** The state written as {@code words}; {@link #RUNNING} for anything unknown. */
  public static RunState fromWords(String words) {
    for (RunState state : values()) {
      if (state.words.equals(words)) {
        return state;
      }
    }
    return RUNNING;
  }
}
