package dev.faultline.cli;

import dev.faultline.engine.LoopResult;
import dev.faultline.engine.RunEvent;
import dev.faultline.engine.RunResult;
import dev.faultline.model.Experiment;
import dev.faultline.model.Step;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The text summary {@code faultline run} prints on stdout when the run is over. */
final class RunSummary {
  private RunSummary() {}

  static void print(Experiment experiment, RunResult result, PrintWriter out) {
    var ends = new LinkedHashMap<String, String>();
    experiment.spec().steps().forEach(s -> ends.put(s.id(), "not started"));
    long applied = 0;
    long rolledBack = 0;
    for (RunEvent event : result.events()) {
      switch (event) {
        case RunEvent.StepSucceeded s -> ends.put(s.stepId(), "passed   " + s.message());
        case RunEvent.StepFailed s -> ends.put(s.stepId(), "FAILED   " + s.message());
        case RunEvent.StepSkipped s -> ends.put(s.stepId(), "skipped  " + s.reason());
        case RunEvent.FaultApplied f -> applied++;
        case RunEvent.FaultRolledBack f -> rolledBack++;
        default -> {}
      }
    }
    long durationMs = result.events().getLast().nanos() / 1_000_000;
    out.println(
        experiment.metadata().name()
            + ": "
            + result.verdict().word().toUpperCase(Locale.ROOT)
            + " in "
            + String.format(Locale.ROOT, "%.1f s", durationMs / 1000.0)
            + " (run "
            + result.runId()
            + ")");
    out.println("  " + result.reason());
    int width =
        experiment.spec().steps().stream().map(Step::id).mapToInt(String::length).max().orElse(4);
    for (Map.Entry<String, String> e : ends.entrySet()) {
      out.println("  " + pad(e.getKey(), width) + "  " + e.getValue());
    }
    out.println(
        "  faults: "
            + applied
            + " applied, "
            + rolledBack
            + " rolled back"
            + (result.faultsLeftOpen() > 0
                ? ", " + result.faultsLeftOpen() + " LEFT OPEN: run 'faultline cleanup'"
                : ""));
  }

  /** A looped run: the overall verdict and which loop decided it, then one line per loop. */
  static void printLoops(Experiment experiment, LoopResult result, PrintWriter out) {
    out.println(
        experiment.metadata().name()
            + ": "
            + result.verdict().word().toUpperCase(Locale.ROOT)
            + " after "
            + result.loops().size()
            + (result.loops().size() == 1 ? " loop" : " loops"));
    out.println("  " + result.reason());
    String of = result.planned() == null ? "" : " of " + result.planned();
    for (int i = 0; i < result.loops().size(); i++) {
      RunResult loop = result.loops().get(i);
      long ms = loop.events().getLast().nanos() / 1_000_000;
      out.println(
          "  loop "
              + (i + 1)
              + of
              + "  "
              + pad(loop.verdict().word(), 7)
              + String.format(Locale.ROOT, " %6.1f s  ", ms / 1000.0)
              + loop.runId()
              + "  "
              + loop.reason());
    }
    if (result.faultsLeftOpen() > 0) {
      out.println("  faults: " + result.faultsLeftOpen() + " LEFT OPEN: run 'faultline cleanup'");
    }
  }

  private static String pad(String s, int width) {
    return s + " ".repeat(Math.max(0, width - s.length()));
  }
}
