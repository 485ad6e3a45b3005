package dev.faultline.designer.run.timeline;

import dev.faultline.attack.Fault;
import dev.faultline.engine.RunEvent;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the run timeline shows, built from the run's events: bars per lane, note pins and halts.
 * Pure state without the toolkit; {@link #accept} returns whether anything changed so the view
 * repaints only then.
 *
 * <p>Faults are shown per step, not per pod: an attack on a hundred pods is one bar from its first
 * fault applied to its last rolled back, red while any is open, its tooltip listing them. Bars that
 * overlap in time take separate rows of their lane.
 */
public final class TimelineModel {

  private final Map<Lane, List<Bar>> bars = new EnumMap<>(Lane.class);
  private final Map<Lane, List<Bar>> rowTails = new EnumMap<>(Lane.class);
  private final Map<String, Bar> steps = new HashMap<>();
  private final Map<String, Bar> gates = new HashMap<>();
  private final Map<String, FaultGroup> faultGroups = new HashMap<>();
  private final List<Pin> notes = new ArrayList<>();
  private final List<Pin> halts = new ArrayList<>();
  private Bar pause;
  private long finishedAt = -1;
  private int groupCount;

  /** The run's own context; faults in another one (a multi-cluster run) name theirs. */
  private String runContext = "";

  public TimelineModel() {
    for (Lane lane : Lane.values()) {
      bars.put(lane, new ArrayList<>());
      rowTails.put(lane, new ArrayList<>());
    }
  }

  /** Folds {@code batch} in; returns whether anything visible changed. */
  public boolean accept(List<? extends RunEvent> batch) {
    for (RunEvent event : batch) {
      apply(event);
    }
    return !batch.isEmpty();
  }

  /** The bars of {@code lane}, oldest first. */
  public List<Bar> bars(Lane lane) {
    return List.copyOf(bars.get(lane));
  }

  /** How many rows {@code lane} needs (at least one). */
  public int rows(Lane lane) {
    return Math.max(1, rowTails.get(lane).size());
  }

  /** Notes, oldest first. */
  public List<Pin> notes() {
    return List.copyOf(notes);
  }

  /** Halts (normally at most one). */
  public List<Pin> halts() {
    return List.copyOf(halts);
  }

  /** When the run finished, or -1 while it runs. */
  public long finishedAt() {
    return finishedAt;
  }

  /** The latest moment any event mentions, so a finished run's axis can end there. */
  public long lastEventNanos() {
    long last = Math.max(finishedAt, 0);
    for (List<Bar> lane : bars.values()) {
      for (Bar bar : lane) {
        last = Math.max(last, bar.open() ? bar.start() : bar.end());
      }
    }
    return last;
  }

  private void apply(RunEvent event) {
    long t = event.nanos();
    switch (event) {
      case RunEvent.StepStarted e -> {
        String title = e.title().isBlank() ? e.stepId() : e.title();
        Bar bar = add(Lane.STEPS, e.stepId(), t, Tone.ACCENT, e.stepId(), e.kind() + " " + title);
        steps.put(e.stepId(), bar);
      }
      case RunEvent.StepSucceeded e ->
          endStep(e.stepId(), t, Tone.SUCCESS, "succeeded", e.message());
      case RunEvent.StepFailed e -> endStep(e.stepId(), t, Tone.DANGER, "failed", e.message());
      case RunEvent.StepSkipped e -> {
        Bar bar = steps.get(e.stepId());
        if (bar == null) {
          bar = add(Lane.STEPS, e.stepId(), t, Tone.NEUTRAL, e.stepId(), e.stepId());
          steps.put(e.stepId(), bar);
        }
        endStep(e.stepId(), t, Tone.NEUTRAL, "skipped", e.reason());
      }
      case RunEvent.FaultApplied e -> faultApplied(e.fault(), t, false);
      case RunEvent.FaultPlanned e -> faultApplied(e.fault(), t, true);
      case RunEvent.FaultFailed e -> {
        FaultGroup group = group(e.fault(), t);
        group.bar.mark(t);
        group.failures.add("✕ " + e.fault().action() + " — " + e.message());
        group.refresh(t);
      }
      case RunEvent.FaultRolledBack e -> {
        FaultGroup group = faultGroups.get(e.fault().stepId());
        if (group != null && group.open.remove(e.fault().id())) {
          group.rolledBack++;
          group.refresh(t);
        }
      }
      case RunEvent.RollbackFailed e -> {
        FaultGroup group = group(e.fault(), t);
        group.bar.mark(t);
        if (!e.willRetry()) {
          group.leftOpen.add(e.fault().id());
          group.failures.add("rollback gave up: " + e.fault().action() + " — " + e.message());
        }
        group.refresh(t);
      }
      case RunEvent.GateWaiting e -> {
        Bar step = steps.get(e.stepId());
        if (step != null) {
          step.tone(Tone.WARNING);
        }
        String question = e.question().isBlank() ? "" : "\n" + e.question();
        Bar gate =
            add(
                Lane.GATES,
                e.stepId(),
                t,
                Tone.WARNING,
                e.stepId(),
                "Gate '" + e.stepId() + "' waiting" + question);
        gates.put(e.stepId(), gate);
      }
      case RunEvent.GateAnswered e -> {
        Bar step = steps.get(e.stepId());
        if (step != null && step.open()) {
          step.tone(Tone.ACCENT);
        }
        Bar gate = gates.remove(e.stepId());
        if (gate != null) {
          String who = e.by().isBlank() ? "someone" : e.by();
          gate.close(t);
          gate.tone(e.approved() ? Tone.SUCCESS : Tone.DANGER);
          gate.endLabel((e.approved() ? "✓ " : "✕ ") + who);
          gate.tooltip(
              gate.tooltip()
                      .replace(
                          "' waiting",
                          "' " + (e.approved() ? "continued" : "stopped") + " by " + who)
                  + "\nwaited "
                  + seconds(gate.end() - gate.start()));
        }
      }
      case RunEvent.NoteAdded e -> {
        String author = e.author().isBlank() ? "someone" : e.author();
        notes.add(new Pin(t, author, author + ": " + e.text()));
      }
      case RunEvent.RunPaused e -> {
        if (pause == null) {
          pause = add(Lane.GATES, "pause", t, Tone.NEUTRAL, "paused", "Paused by " + e.by());
        }
      }
      case RunEvent.RunResumed e -> {
        if (pause != null) {
          pause.close(t);
          pause.tooltip(pause.tooltip() + ", resumed by " + e.by());
          pause = null;
        }
      }
      case RunEvent.Halted e -> halts.add(new Pin(t, "Halted", "Halted: " + e.reason()));
      case RunEvent.RunFinished e -> {
        finishedAt = t;
        // A step the run ended under cannot go on; faults left open stay open, as they are.
        for (Bar bar : bars.get(Lane.STEPS)) {
          if (bar.open()) {
            bar.close(t);
          }
        }
        for (Bar bar : bars.get(Lane.GATES)) {
          if (bar.open()) {
            bar.close(t);
          }
        }
      }
      case RunEvent.RunStarted e -> runContext = e.context() == null ? "" : e.context();
      case RunEvent.TargetsResolved e -> {}
      case RunEvent.ProbeSampled e -> {}
    }
  }

  private void endStep(String stepId, long t, Tone tone, String outcome, String message) {
    Bar bar = steps.get(stepId);
    if (bar == null) {
      return;
    }
    bar.close(t);
    bar.tone(tone);
    bar.tooltip(
        bar.tooltip()
            + " — "
            + outcome
            + " after "
            + seconds(bar.end() - bar.start())
            + (message == null || message.isBlank() ? "" : "\n" + message));
  }

  private void faultApplied(Fault fault, long t, boolean planned) {
    FaultGroup group = group(fault, t);
    group.actions.add(fault.action());
    if (planned) {
      group.planned++;
    } else {
      group.applied++;
    }
    if (!planned && fault.reversible()) {
      group.open.add(fault.id());
    } else if (!group.bar.open()) {
      // Planned and irreversible faults are done at once: the bar spans the step's first to last.
      group.bar.close(t);
    }
    group.refresh(t);
  }

  /** The step's current fault group; a step whose faults were all rolled back starts a new one. */
  private FaultGroup group(Fault fault, long t) {
    FaultGroup group = faultGroups.get(fault.stepId());
    if (group == null
        || (!group.bar.open() && group.open.isEmpty() && group.applied > 0 && fault.reversible())) {
      String key = fault.stepId() + "#" + (++groupCount);
      Bar bar = add(Lane.FAULTS, key, t, Tone.DANGER, fault.stepId(), "");
      // A multi-cluster run's faults in another cluster say where: "freeze in west".
      String where =
          fault.context().isEmpty() || fault.context().equals(runContext)
              ? ""
              : " in " + fault.context();
      group = new FaultGroup(fault.stepId(), where, bar);
      faultGroups.put(fault.stepId(), group);
    }
    return group;
  }

  /** Adds a bar on the first row of {@code lane} whose last bar ended by {@code start}. */
  private Bar add(Lane lane, String key, long start, Tone tone, String label, String tooltip) {
    List<Bar> tails = rowTails.get(lane);
    int row = 0;
    while (row < tails.size() && (tails.get(row).open() || tails.get(row).end() > start)) {
      row++;
    }
    Bar bar = new Bar(lane, key, start, row, tone, label, tooltip);
    if (row == tails.size()) {
      tails.add(bar);
    } else {
      tails.set(row, bar);
    }
    bars.get(lane).add(bar);
    return bar;
  }

  static String seconds(long nanos) {
    return String.format(java.util.Locale.ROOT, "%.1f s", nanos / 1e9);
  }

  /** The faults one step made, shown as one bar. */
  private static final class FaultGroup {
    final String stepId;
    final String where;
    final Bar bar;
    final Set<String> open = new LinkedHashSet<>();
    final Set<String> leftOpen = new LinkedHashSet<>();
    final List<String> actions = new ArrayList<>();
    final List<String> failures = new ArrayList<>();
    int applied;
    int planned;
    int rolledBack;

    FaultGroup(String stepId, String where, Bar bar) {
      this.stepId = stepId;
      this.where = where;
      this.bar = bar;
    }

    void refresh(long t) {
      boolean stillOpen = !open.isEmpty();
      if (!stillOpen && bar.open()) {
        bar.close(t);
      }
      bar.hollow(applied == 0 && planned > 0);
      if (planned > 0 && applied == 0) {
        bar.tone(Tone.NEUTRAL);
      } else if (stillOpen || !leftOpen.isEmpty() || applied == 0) {
        bar.tone(Tone.DANGER);
      } else {
        bar.tone(Tone.DANGER_MUTED);
      }
      int count = applied + planned;
      bar.label(stepId + where + (count > 1 ? " ×" + count : ""));
      StringBuilder tip = new StringBuilder(stepId).append(where).append(": ");
      tip.append(
          planned > 0 && applied == 0
              ? planned + " planned (dry run)"
              : applied + " applied, " + rolledBack + " rolled back");
      if (!open.isEmpty()) {
        tip.append(", ").append(open.size()).append(" open");
      }
      int shown = 0;
      for (String action : actions) {
        if (shown++ == 8) {
          tip.append("\n… and ").append(actions.size() - 8).append(" more");
          break;
        }
        tip.append("\n• ").append(action);
      }
      failures.forEach(f -> tip.append("\n").append(f));
      bar.tooltip(tip.toString());
      if (!leftOpen.isEmpty()) {
        bar.endLabel(leftOpen.size() + " left open");
      }
    }
  }
}
