package dev.faultline.designer.run.log;

import static dev.faultline.designer.run.log.LogCategory.ERRORS;
import static dev.faultline.designer.run.log.LogCategory.FAULTS;
import static dev.faultline.designer.run.log.LogCategory.GATES;
import static dev.faultline.designer.run.log.LogCategory.PROBES;
import static dev.faultline.designer.run.log.LogCategory.STEPS;

import dev.faultline.attack.Fault;
import dev.faultline.engine.RunEvent;
import dev.faultline.engine.Verdict;
import dev.faultline.probe.ProbeSample;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Turns run events into log lines: the words a person reads in the event log. */
final class EventLines {

  private static final int LISTED_TARGETS = 4;

  private EventLines() {}

  /**
   * The line for {@code event}. For probe samples {@code changed} says whether the probe's state
   * differs from its previous sample (or it is the first); other events ignore it.
   */
  static LogLine line(RunEvent event, boolean changed) {
    return line(event, changed, "");
  }

  /**
   * As above, for a run on {@code runContext}: targets and faults in another context (a
   * multi-cluster run) say which, as in "Fault applied: … in west".
   */
  static LogLine line(RunEvent event, boolean changed, String runContext) {
    long t = event.nanos();
    return switch (event) {
      case RunEvent.RunStarted e ->
          line(
              t,
              "RUN",
              "",
              "Run started: "
                  + e.experiment()
                  + (e.context().isEmpty() ? "" : " on " + e.context())
                  + (e.dryRun() ? " (dry run)" : ""),
              STEPS);
      case RunEvent.StepStarted e ->
          line(
              t,
              "STEP",
              e.stepId(),
              "Started " + e.kind() + (e.title().isBlank() ? "" : ": " + e.title()),
              STEPS);
      case RunEvent.StepSucceeded e ->
          line(t, "STEP", e.stepId(), sentence("Succeeded", e.message()), STEPS);
      case RunEvent.StepFailed e ->
          line(t, "STEP", e.stepId(), sentence("Failed", e.message()), STEPS, ERRORS);
      case RunEvent.StepSkipped e ->
          line(t, "STEP", e.stepId(), sentence("Skipped", e.reason()), STEPS);
      case RunEvent.TargetsResolved e -> targets(e, elsewhere(e.context(), runContext));
      case RunEvent.ProbeSampled e -> probe(e, changed);
      case RunEvent.FaultPlanned e ->
          line(
              t,
              "FAULT",
              e.fault().stepId(),
              "Fault planned (dry run): " + action(e.fault(), runContext),
              FAULTS);
      case RunEvent.FaultApplied e ->
          line(
              t,
              "FAULT",
              e.fault().stepId(),
              "Fault applied: " + action(e.fault(), runContext),
              FAULTS);
      case RunEvent.FaultFailed e ->
          line(
              t,
              "FAULT",
              e.fault().stepId(),
              "Fault failed: " + action(e.fault(), runContext) + " — " + e.message(),
              FAULTS,
              ERRORS);
      case RunEvent.FaultRolledBack e ->
          line(
              t,
              "FAULT",
              e.fault().stepId(),
              "Fault rolled back: " + action(e.fault(), runContext),
              FAULTS);
      case RunEvent.RollbackFailed e ->
          line(
              t,
              "FAULT",
              e.fault().stepId(),
              "Rollback failed: "
                  + action(e.fault(), runContext)
                  + " — "
                  + e.message()
                  + (e.willRetry() ? " (retrying)" : " (left open for faultline cleanup)"),
              FAULTS,
              ERRORS);
      case RunEvent.GateWaiting e ->
          line(
              t,
              "GATE",
              e.stepId(),
              "Gate '"
                  + e.stepId()
                  + "' waiting"
                  + (e.question().isBlank() ? "" : ": " + e.question()),
              GATES);
      case RunEvent.GateAnswered e ->
          line(
              t,
              "GATE",
              e.stepId(),
              "Gate '"
                  + e.stepId()
                  + "' "
                  + (e.approved() ? "continued" : "stopped")
                  + " by "
                  + who(e.by()),
              GATES);
      case RunEvent.NoteAdded e ->
          line(t, "NOTE", "", "Note by " + who(e.author()) + ": " + e.text(), GATES);
      case RunEvent.RunPaused e -> line(t, "RUN", "", "Run paused by " + who(e.by()), STEPS);
      case RunEvent.RunResumed e -> line(t, "RUN", "", "Run resumed by " + who(e.by()), STEPS);
      case RunEvent.Halted e -> line(t, "HALT", "", "Halted: " + e.reason(), STEPS, ERRORS);
      case RunEvent.RunFinished e -> finished(e);
    };
  }

  private static LogLine targets(RunEvent.TargetsResolved e, String where) {
    List<String> selected = e.selected();
    StringBuilder text =
        new StringBuilder("Targets resolved" + where + ": ")
            .append(selected.size())
            .append(" of ")
            .append(e.matched())
            .append(" matched")
            .append(e.target().isBlank() ? "" : " by '" + e.target() + "'");
    if (!selected.isEmpty()) {
      text.append(": ")
          .append(
              String.join(", ", selected.subList(0, Math.min(LISTED_TARGETS, selected.size()))));
      if (selected.size() > LISTED_TARGETS) {
        text.append(" and ").append(selected.size() - LISTED_TARGETS).append(" more");
      }
    }
    for (String warning : e.warnings()) {
      text.append(" ⚠ ").append(warning);
    }
    Set<LogCategory> kinds = e.selected().isEmpty() ? EnumSet.of(STEPS, ERRORS) : EnumSet.of(STEPS);
    return new LogLine(e.nanos(), "TARGET", e.stepId(), text.toString(), kinds, false);
  }

  private static LogLine probe(RunEvent.ProbeSampled e, boolean changed) {
    ProbeSample sample = e.sample();
    String verb = sample.passed() ? (changed ? "passing" : "passed") : "failed";
    String detail =
        sample.message().isBlank() ? "in " + duration(sample.latency()) : sample.message();
    Set<LogCategory> kinds = sample.passed() ? EnumSet.of(PROBES) : EnumSet.of(PROBES, ERRORS);
    return new LogLine(
        e.nanos(),
        "PROBE",
        e.probeId(),
        "Probe " + e.probeId() + " " + verb + ": " + detail,
        kinds,
        sample.passed() && !changed);
  }

  private static LogLine finished(RunEvent.RunFinished e) {
    String text =
        "Run finished: "
            + e.verdict().name()
            + (e.reason().isBlank() ? "" : " — " + e.reason())
            + (e.faultsLeftOpen() > 0
                ? ", "
                    + e.faultsLeftOpen()
                    + (e.faultsLeftOpen() == 1 ? " fault" : " faults")
                    + " left open"
                : "");
    boolean bad = e.verdict() != Verdict.PASSED || e.faultsLeftOpen() > 0;
    return new LogLine(
        e.nanos(), "RUN", "", text, bad ? EnumSet.of(STEPS, ERRORS) : EnumSet.of(STEPS), false);
  }

  /** What a fault does, as the attack described it, or its attack and object. */
  static String action(Fault fault) {
    return fault.action().isBlank()
        ? fault.attackId() + " on " + fault.object().namespace() + "/" + fault.object().name()
        : fault.action();
  }

  /** {@link #action(Fault)}, with " in west" when the fault lives in another context. */
  static String action(Fault fault, String runContext) {
    return action(fault) + elsewhere(fault.context(), runContext);
  }

  /** " in west" for a context other than the run's own; empty for the run's own or unknown. */
  private static String elsewhere(String context, String runContext) {
    return context == null || context.isEmpty() || context.equals(runContext)
        ? ""
        : " in " + context;
  }

  /** {@code 850 ms} below a second, {@code 1.2 s} above. */
  static String duration(Duration duration) {
    long millis = duration.toMillis();
    return millis < 1000 ? millis + " ms" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
  }

  private static String sentence(String verb, String detail) {
    return detail == null || detail.isBlank() ? verb : verb + ": " + detail;
  }

  private static String who(String person) {
    return person == null || person.isBlank() ? "someone" : person;
  }

  private static LogLine line(
      long nanos,
      String badge,
      String stepId,
      String message,
      LogCategory first,
      LogCategory... rest) {
    return new LogLine(nanos, badge, stepId, message, EnumSet.of(first, rest), false);
  }
}
