package dev.faultline.engine;

import java.util.List;

/**
 * A finished run.
 *
 * @param events every event of the run, in order, ending with {@link RunEvent.RunFinished}
 * @param faultsLeftOpen faults that could not be rolled back and stay open in the journal
 */
public record RunResult(
    String runId, Verdict verdict, String reason, int faultsLeftOpen, List<RunEvent> events) {
  public RunResult {
    events = List.copyOf(events);
  }
}
