package dev.faultline.export.chaostoolkit;

import dev.faultline.model.Step;
import dev.faultline.model.WaitStep;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The waits of one export, carried to the activities that come after them. chaoslib has no pause
 * activity, only {@code pauses} on an activity, so a wait is a pause before each activity whose
 * step has the wait among its ancestors, never before an activity on an independent branch (that
 * would delay a step the experiment starts at once).
 */
final class WaitPauses {
  private record Pending(WaitStep step, String path) {}

  private final StepOrder order;
  private final List<Pending> pending = new ArrayList<>();
  private final Set<String> used = new HashSet<>();

  WaitPauses(StepOrder order) {
    this.order = order;
  }

  /** A wait step, in the method's order. */
  void waiting(WaitStep wait, String path) {
    pending.add(new Pending(wait, path));
  }

  /**
   * The seconds an activity of {@code step} pauses before it: the longest chain of the waits it
   * comes after that no earlier foreground activity has waited for. When the activity runs in the
   * foreground, everything after it in the method waits too, so those waits are done with.
   */
  double takeFor(Step step, boolean foreground) {
    Set<String> ancestors = order.ancestors(step.id());
    Map<String, Double> chained = chainedSeconds();
    double seconds = 0;
    var taken = new ArrayList<Pending>();
    for (Pending p : pending) {
      if (ancestors.contains(p.step().id())) {
        seconds = Math.max(seconds, chained.get(p.step().id()));
        taken.add(p);
        used.add(p.step().id());
      }
    }
    if (foreground) {
      pending.removeAll(taken);
    }
    return seconds;
  }

  /**
   * Waits no activity comes after end the method: the longest of them becomes {@code pauses.after}
   * of the last activity, which ends the method that much after it rather than after the wait's
   * start, so each is a warning.
   */
  void trailing(List<Map<String, Object>> method, ExportLog log) {
    List<Pending> unused = pending.stream().filter(p -> !used.contains(p.step().id())).toList();
    if (unused.isEmpty()) {
      return;
    }
    if (method.isEmpty()) {
      log.warn("spec.steps", "the waits are left out: there is no activity to pause after");
      return;
    }
    Map<String, Double> chained = chainedSeconds();
    double seconds = unused.stream().mapToDouble(p -> chained.get(p.step().id())).max().orElse(0);
    pause(method.getLast(), "after", seconds);
    for (Pending p : unused) {
      log.warn(
          p.path(),
          "no later activity comes after this wait, so it becomes a pause after the last"
              + " activity of the method: the method ends "
              + p.step().duration()
              + " after that activity instead of "
              + p.step().duration()
              + " after the wait starts");
    }
  }

  /** Each pending wait's seconds plus the longest chain of pending waits before it. */
  private Map<String, Double> chainedSeconds() {
    var chained = new HashMap<String, Double>();
    for (Pending p : pending) {
      Set<String> ancestors = order.ancestors(p.step().id());
      double before =
          pending.stream()
              .filter(q -> ancestors.contains(q.step().id()) && chained.containsKey(q.step().id()))
              .mapToDouble(q -> chained.get(q.step().id()))
              .max()
              .orElse(0);
      chained.put(p.step().id(), before + Seconds.of(p.step().duration()).doubleValue());
    }
    return chained;
  }

  /** Adds to an activity's pause, so a wait never overwrites a fault's duration pause. */
  @SuppressWarnings("unchecked")
  static void pause(Map<String, Object> activity, String when, double seconds) {
    var pauses =
        (Map<String, Object>)
            activity.computeIfAbsent("pauses", k -> new LinkedHashMap<String, Object>());
    double total = seconds + (pauses.get(when) instanceof Number n ? n.doubleValue() : 0);
    pauses.put(when, total == Math.rint(total) ? (Object) (long) total : (Object) total);
  }
}
