package dev.faultline.cli;

import dev.faultline.engine.RunEvent;
import dev.faultline.engine.RunListener;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Live progress of {@code faultline run} on the terminal (stderr): one line per step start and end,
 * fault, gate and halt, and a line per probe only when its result flips, so a probe polled every
 * second does not flood the screen.
 */
final class RunProgressPrinter implements RunListener {
  private final PrintWriter out;
  private final Map<String, Boolean> lastProbeResult = new ConcurrentHashMap<>();

  RunProgressPrinter(PrintWriter out) {
    this.out = out;
  }

  @Override
  public void onEvent(RunEvent event) {
    String line =
        switch (event) {
          case RunEvent.RunStarted s ->
              "run "
                  + s.runId()
                  + (s.dryRun() ? " (dry run)" : "")
                  + ": "
                  + s.experiment()
                  + " on "
                  + s.context();
          case RunEvent.StepStarted s -> "▶ " + s.stepId() + "  " + s.title();
          case RunEvent.StepSucceeded s -> "✓ " + s.stepId() + "  " + s.message();
          case RunEvent.StepFailed s -> "✗ " + s.stepId() + "  " + s.message();
          case RunEvent.StepSkipped s -> "- " + s.stepId() + "  skipped: " + s.reason();
          case RunEvent.TargetsResolved t ->
              "  "
                  + t.target()
                  + ": "
                  + t.selected().size()
                  + " of "
                  + t.matched()
                  + " matched pods selected"
                  + (t.warnings().isEmpty() ? "" : "; " + String.join("; ", t.warnings()));
          case RunEvent.ProbeSampled p -> probeLine(p);
          case RunEvent.FaultPlanned f -> "  would apply: " + f.fault().action();
          case RunEvent.FaultApplied f -> "  applied: " + f.fault().action();
          case RunEvent.FaultFailed f ->
              "  FAILED to apply " + f.fault().action() + ": " + f.message();
          case RunEvent.FaultRolledBack f -> "  rolled back: " + f.fault().action();
          case RunEvent.RollbackFailed f ->
              "  rollback of "
                  + f.fault().action()
                  + " failed: "
                  + f.message()
                  + (f.willRetry()
                      ? " (retrying)"
                      : " (giving up; the fault stays in the journal)");
          case RunEvent.GateWaiting g -> "? gate " + g.stepId() + ": " + g.question();
          case RunEvent.GateAnswered g ->
              "  gate " + g.stepId() + (g.approved() ? " approved by " : " rejected by ") + g.by();
          case RunEvent.NoteAdded n -> "  note (" + n.author() + "): " + n.text();
          case RunEvent.RunPaused p -> "  paused by " + p.by();
          case RunEvent.RunResumed r -> "  resumed by " + r.by();
          case RunEvent.Halted h -> "! halt: " + h.reason() + " — rolling back";
          case RunEvent.RunFinished f -> "run " + f.verdict().word() + ": " + f.reason();
        };
    if (line != null) {
      out.println(stamp(event.nanos()) + line);
      out.flush();
    }
  }

  private String probeLine(RunEvent.ProbeSampled p) {
    Boolean before = lastProbeResult.put(p.probeId(), p.sample().passed());
    if (before != null && before == p.sample().passed()) {
      return null;
    }
    return "  probe "
        + p.probeId()
        + (p.sample().passed() ? " passing: " : " failing: ")
        + p.sample().message();
  }

  private static String stamp(long nanos) {
    return String.format(Locale.ROOT, "[%6.1fs] ", nanos / 1e9);
  }
}
