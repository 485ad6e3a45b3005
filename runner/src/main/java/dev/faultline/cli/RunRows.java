package dev.faultline.cli;

import dev.faultline.safety.ActiveRuns.ActiveRun;
import dev.faultline.safety.ActiveRuns.Liveness;
import dev.faultline.safety.RunTarget;
import dev.faultline.safety.Since;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** How {@code faultline runs} and {@code faultline status} show a registered run. */
final class RunRows {
  private RunRows() {}

  /** {@code running}, {@code waiting at gate}, {@code stopping}, or {@code stale}. */
  static String state(ActiveRun run) {
    return run.shownState();
  }

  /** {@code 4m 10s ago (2026-12-03T12:01:05Z)}. */
  static String since(Instant start, Instant now) {
    return Since.describe(start, now);
  }

  /**
   * Every context the run acts in: its own first, then those of the objects it resolved or applied
   * faults to (a multi-cluster experiment's targets naming other contexts). The registry records
   * each target's context, so this needs no new field in it.
   */
  static List<String> contexts(ActiveRun run) {
    var names = new LinkedHashSet<String>();
    if (!run.context().isEmpty()) {
      names.add(run.context());
    }
    run.targets().stream().map(RunTarget::context).filter(c -> !c.isEmpty()).forEach(names::add);
    return List.copyOf(names);
  }

  /** The run as a JSON object's fields. */
  static Map<String, Object> json(ActiveRun run) {
    var item = new LinkedHashMap<String, Object>();
    item.put("runId", run.runId());
    item.put("experiment", run.experiment());
    item.put("context", run.context());
    item.put("contexts", contexts(run));
    item.put("startedAt", run.startedAt().toString());
    item.put("state", state(run));
    item.put("stale", run.liveness() == Liveness.DEAD);
    item.put("activeFaults", (long) run.activeFaults());
    item.put("pid", run.pid());
    item.put("host", run.host());
    item.put("targets", run.targets().stream().map(RunTarget::display).toList());
    return item;
  }
}
