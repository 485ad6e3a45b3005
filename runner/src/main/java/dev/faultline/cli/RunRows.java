package dev.faultline.cli;

import dev.faultline.safety.ActiveRuns.ActiveRun;
import dev.faultline.safety.ActiveRuns.Liveness;
import dev.faultline.safety.RunTarget;
import dev.faultline.safety.Since;
import java.time.Instant;
import java.util.LinkedHashMap;
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

  /** The run as a JSON object's fields. */
  static Map<String, Object> json(ActiveRun run) {
    var item = new LinkedHashMap<String, Object>();
    item.put("runId", run.runId());
    item.put("experiment", run.experiment());
    item.put("context", run.context());
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
