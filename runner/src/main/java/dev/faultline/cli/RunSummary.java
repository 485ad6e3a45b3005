package dev.faultline.cli;

import dev.faultline.engine.LoopResult;
import dev.faultline.engine.RunEvent;
import dev.faultline.engine.RunResult;
import dev.faultline.model.Experiment;
import dev.faultline.model.Step;
import dev.faultline.report.RunContexts;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The text summary {@code faultline run} prints on stdout when the run is over. A run that used
 * more than one kubeconfig context also counts its faults per context and names the context each
 * target was resolved in.
 */
final class RunSummary {
  private RunSummary() {}

  static void print(Experiment experiment, RunResult result, PrintWriter out) {
    var ends = new LinkedHashMap<String, String>();
    experiment.spec().steps().forEach(s -> ends.put(s.id(), "not started"));
    long applied = 0;
    long rolledBack = 0;
    List<String> contexts = RunContexts.of(result.events(), experiment);
    String runContext = contexts.isEmpty() ? "" : contexts.getFirst();
    // Per context: faults applied and rolled back, and the targets resolved there.
    var perContext = new LinkedHashMap<String, long[]>();
    contexts.forEach(c -> perContext.put(c, new long[2]));
    var targets = new ArrayList<String>();
    for (RunEvent event : result.events()) {
      switch (event) {
        case RunEvent.StepSucceeded s -> ends.put(s.stepId(), "passed   " + s.message());
        case RunEvent.StepFailed s -> ends.put(s.stepId(), "FAILED   " + s.message());
        case RunEvent.StepSkipped s -> ends.put(s.stepId(), "skipped  " + s.reason());
        case RunEvent.FaultApplied f -> {
          applied++;
          count(perContext, f.fault().context(), runContext)[0]++;
        }
        case RunEvent.FaultRolledBack f -> {
          rolledBack++;
          count(perContext, f.fault().context(), runContext)[1]++;
        }
        case RunEvent.TargetsResolved t ->
            targets.add(
                "  target "
                    + t.target()
                    + " in "
                    + (t.context().isEmpty() ? runContext : t.context())
                    + ": "
                    + t.selected().size()
                    + " of "
                    + t.matched()
                    + " pods (step "
                    + t.stepId()
                    + ")");
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
    if (contexts.size() > 1) {
      // A run over several clusters says where each fault and target was, so a reader knows
      // which cluster to look at.
      perContext.forEach(
          (context, n) -> {
            if (n[0] > 0 || n[1] > 0) {
              out.println(
                  "    in "
                      + context
                      + (context.equals(runContext) ? " (the run's context)" : "")
                      + ": "
                      + n[0]
                      + " applied, "
                      + n[1]
                      + " rolled back");
            }
          });
      targets.forEach(out::println);
    }
  }

  private static long[] count(Map<String, long[]> perContext, String context, String runContext) {
    return perContext.computeIfAbsent(
        context == null || context.isEmpty() ? runContext : context, k -> new long[2]);
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
