package dev.faultline.engine;

import dev.faultline.attack.Fault;
import dev.faultline.probe.ProbeSample;
import java.time.Instant;
import java.util.List;

/**
 * Everything that happens in a run, as it happens. Each event carries the run id and {@link
 * #nanos()}, monotonic time since the run started (never wall-clock, which can jump); {@link
 * RunStarted#wallClock()} anchors it to real time for reports.
 */
public sealed interface RunEvent {
  String runId();

  /** Nanoseconds since the run started, from a monotonic clock. */
  long nanos();

  /** The run began. */
  record RunStarted(
      String runId,
      long nanos,
      Instant wallClock,
      String experiment,
      String context,
      boolean dryRun,
      List<String> stepIds)
      implements RunEvent {
    public RunStarted {
      stepIds = List.copyOf(stepIds);
    }
  }

  /** A step began; {@code kind} is attack, probe, wait or gate. */
  record StepStarted(String runId, long nanos, String stepId, String kind, String title)
      implements RunEvent {}

  record StepSucceeded(String runId, long nanos, String stepId, String message)
      implements RunEvent {}

  record StepFailed(String runId, long nanos, String stepId, String message) implements RunEvent {}

  /** A step never ran: an earlier step failed, or the run ended first. */
  record StepSkipped(String runId, long nanos, String stepId, String reason) implements RunEvent {}

  /**
   * An attack step resolved its target at start.
   *
   * @param selected {@code namespace/name} of each selected pod (or object)
   * @param matched how many objects matched before the blast radius chose
   * @param warnings the resolution's warnings, as sentences
   * @param context the kubeconfig context the pods live in
   */
  record TargetsResolved(
      String runId,
      long nanos,
      String stepId,
      String target,
      List<String> selected,
      int matched,
      List<String> warnings,
      String context)
      implements RunEvent {
    public TargetsResolved {
      selected = List.copyOf(selected);
      warnings = List.copyOf(warnings);
      context = context == null ? "" : context;
    }

    /** Pods resolved in the run's own context. */
    public TargetsResolved(
        String runId,
        long nanos,
        String stepId,
        String target,
        List<String> selected,
        int matched,
        List<String> warnings) {
      this(runId, nanos, stepId, target, selected, matched, warnings, "");
    }
  }

  /** One probe call finished; {@code probeId} is the step id or the continuous probe's id. */
  record ProbeSampled(String runId, long nanos, String probeId, ProbeSample sample)
      implements RunEvent {}

  /** A dry run would apply this fault. */
  record FaultPlanned(String runId, long nanos, Fault fault) implements RunEvent {}

  /** A fault is in place (and in the journal). */
  record FaultApplied(String runId, long nanos, Fault fault) implements RunEvent {}

  /** A fault could not be applied; {@code message} says why. */
  record FaultFailed(String runId, long nanos, Fault fault, String message) implements RunEvent {}

  record FaultRolledBack(String runId, long nanos, Fault fault) implements RunEvent {}

  /**
   * A rollback attempt failed. While {@code willRetry}, the engine keeps trying with backoff; when
   * it gives up, the fault stays open in the journal for {@code faultline cleanup}.
   */
  record RollbackFailed(String runId, long nanos, Fault fault, String message, boolean willRetry)
      implements RunEvent {}

  /** A gate waits for a person. */
  record GateWaiting(String runId, long nanos, String stepId, String question)
      implements RunEvent {}

  record GateAnswered(String runId, long nanos, String stepId, boolean approved, String by)
      implements RunEvent {}

  /** A note a person added to the timeline during a game day. */
  record NoteAdded(String runId, long nanos, String author, String text) implements RunEvent {}

  record RunPaused(String runId, long nanos, String by) implements RunEvent {}

  record RunResumed(String runId, long nanos, String by) implements RunEvent {}

  /** A halt condition, the time limit, a cancel or an emergency stop: rollback follows. */
  record Halted(String runId, long nanos, String reason) implements RunEvent {}

  /** The run is over and every fault it could roll back is rolled back. Always the last event. */
  record RunFinished(String runId, long nanos, Verdict verdict, String reason, int faultsLeftOpen)
      implements RunEvent {}
}
