package dev.faultline.engine;

import java.util.List;

/**
 * A finished looped run.
 *
 * @param verdict the worst verdict of the loops (aborted when it was cancelled during a pause)
 * @param reason which loop decided the verdict, and why
 * @param failedLoop 1-based number of the first loop with that worst verdict; 0 when all passed
 * @param planned how many loops were planned; {@code null} for a loop that ran for a duration
 * @param loops each loop's result, in order
 */
public record LoopResult(
    Verdict verdict, String reason, int failedLoop, Integer planned, List<RunResult> loops) {
  public LoopResult {
    loops = List.copyOf(loops);
  }

  /** Faults left open over all loops. */
  public int faultsLeftOpen() {
    return loops.stream().mapToInt(RunResult::faultsLeftOpen).sum();
  }
}
