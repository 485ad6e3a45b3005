package dev.faultline.report;

import dev.faultline.attack.Fault;
import dev.faultline.engine.RunEvent;
import dev.faultline.engine.Verdict;
import dev.faultline.model.AttackStep;
import dev.faultline.model.ContinuousProbe;
import dev.faultline.model.Experiment;
import dev.faultline.model.GateStep;
import dev.faultline.model.ProbeStep;
import dev.faultline.model.Step;
import dev.faultline.model.WaitStep;
import dev.faultline.probe.ProbeSample;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A run's events folded into what reports show: steps with their times and outcome, probe samples,
 * faults with their fate, targets, halts and notes. Tolerates incomplete streams (a run still
 * going, a truncated journal).
 */
final class RunDigest {
  /** How a step ended. */
  enum StepState {
    PASSED,
    FAILED,
    SKIPPED,
    RUNNING,
    NOT_RUN
  }

  /** One step. Times in nanoseconds since the run started; -1 when unknown. */
  static final class StepRow {
    final String id;
    String kind;
    String title;
    long start = -1;
    long end = -1;
    StepState state = StepState.NOT_RUN;
    String message = "";
    final List<FaultRow> faults = new ArrayList<>();

    StepRow(String id, String kind, String title) {
      this.id = id;
      this.kind = kind;
      this.title = title;
    }
  }

  /** One fault and what became of it. */
  static final class FaultRow {
    final Fault fault;
    long planned = -1;
    long applied = -1;
    long rolledBack = -1;
    String failure = "";
    String rollbackFailure = "";

    FaultRow(Fault fault) {
      this.fault = fault;
    }

    String fate() {
      if (rolledBack >= 0) {
        return "rolled back";
      }
      if (!failure.isEmpty()) {
        return "not applied: " + failure;
      }
      if (applied >= 0 && !fault.reversible()) {
        return "irreversible";
      }
      if (!rollbackFailure.isEmpty()) {
        return "open: " + rollbackFailure;
      }
      if (planned >= 0 && applied < 0) {
        return "planned (dry run)";
      }
      return applied >= 0 ? "open" : "";
    }
  }

  /** One sample of a probe. */
  record Sample(long nanos, ProbeSample sample) {}

  /** A probe's samples. */
  static final class ProbeRow {
    final String id;
    final boolean continuous;
    final Integer tolerance;
    final List<Sample> samples = new ArrayList<>();

    ProbeRow(String id, boolean continuous, Integer tolerance) {
      this.id = id;
      this.continuous = continuous;
      this.tolerance = tolerance;
    }

    long failures() {
      return samples.stream().filter(s -> !s.sample().passed()).count();
    }

    int longestFailingStreak() {
      int longest = 0;
      int run = 0;
      for (Sample s : samples) {
        run = s.sample().passed() ? 0 : run + 1;
        longest = Math.max(longest, run);
      }
      return longest;
    }
  }

  final Experiment experiment;
  final List<RunEvent> events;
  String runId = "";
  String context = "";
  Instant wallClock;
  boolean dryRun;
  long lastNanos;
  Verdict verdict;
  String reason = "";
  int faultsLeftOpen;
  final Map<String, StepRow> steps = new LinkedHashMap<>();
  final Map<String, ProbeRow> probes = new LinkedHashMap<>();
  final Map<String, FaultRow> faults = new LinkedHashMap<>();
  final List<RunEvent.TargetsResolved> targets = new ArrayList<>();
  final List<RunEvent> notable = new ArrayList<>(); // halts, gates, notes, pauses

  /** The contexts the run used, its own first ({@link RunContexts}). */
  final List<String> contexts;

  RunDigest(List<RunEvent> events, Experiment experiment) {
    this.events = List.copyOf(events);
    this.experiment = experiment;
    if (experiment != null) {
      for (Step step : experiment.spec().steps()) {
        steps.put(step.id(), new StepRow(step.id(), step.kindWord(), title(step)));
        if (step instanceof ProbeStep) {
          probes.put(step.id(), new ProbeRow(step.id(), false, null));
        }
      }
      for (ContinuousProbe probe : experiment.spec().probes()) {
        probes.put(probe.id(), new ProbeRow(probe.id(), true, probe.haltAfter()));
      }
    }
    for (RunEvent event : this.events) {
      lastNanos = Math.max(lastNanos, event.nanos());
      fold(event);
    }
    contexts = RunContexts.of(this.events, experiment);
  }

  /** Whether the run used more than one context: reports then say where each thing happened. */
  boolean multiCluster() {
    return contexts.size() > 1;
  }

  /** The context a fault lives in; older journals name none, so the run's. */
  String contextOf(Fault fault) {
    return RunContexts.orRun(fault.context(), context);
  }

  /** The context a target was resolved in; older journals name none, so the run's. */
  String contextOf(RunEvent.TargetsResolved targets) {
    return RunContexts.orRun(targets.context(), context);
  }

  private void fold(RunEvent event) {
    switch (event) {
      case RunEvent.RunStarted e -> {
        runId = e.runId();
        context = e.context() == null ? "" : e.context();
        wallClock = e.wallClock();
        dryRun = e.dryRun();
        for (String id : e.stepIds()) {
          steps.computeIfAbsent(id, k -> new StepRow(k, "", k));
        }
      }
      case RunEvent.StepStarted e -> {
        StepRow row = step(e.stepId());
        row.start = e.nanos();
        row.state = StepState.RUNNING;
        if (e.kind() != null && !e.kind().isEmpty()) {
          row.kind = e.kind();
        }
        if (e.title() != null && !e.title().isEmpty()) {
          row.title = e.title();
        }
      }
      case RunEvent.StepSucceeded e -> end(e.stepId(), e.nanos(), StepState.PASSED, e.message());
      case RunEvent.StepFailed e -> end(e.stepId(), e.nanos(), StepState.FAILED, e.message());
      case RunEvent.StepSkipped e -> end(e.stepId(), e.nanos(), StepState.SKIPPED, e.reason());
      case RunEvent.TargetsResolved e -> targets.add(e);
      case RunEvent.ProbeSampled e ->
          probes
              .computeIfAbsent(e.probeId(), k -> new ProbeRow(k, !steps.containsKey(k), null))
              .samples
              .add(new Sample(e.nanos(), e.sample()));
      case RunEvent.FaultPlanned e -> fault(e.fault()).planned = e.nanos();
      case RunEvent.FaultApplied e -> fault(e.fault()).applied = e.nanos();
      case RunEvent.FaultFailed e -> fault(e.fault()).failure = nullToEmpty(e.message());
      case RunEvent.FaultRolledBack e -> fault(e.fault()).rolledBack = e.nanos();
      case RunEvent.RollbackFailed e -> fault(e.fault()).rollbackFailure = nullToEmpty(e.message());
      case RunEvent.RunFinished e -> {
        verdict = e.verdict();
        reason = nullToEmpty(e.reason());
        faultsLeftOpen = e.faultsLeftOpen();
      }
      case RunEvent.Halted e -> notable.add(e);
      case RunEvent.GateWaiting e -> notable.add(e);
      case RunEvent.GateAnswered e -> notable.add(e);
      case RunEvent.NoteAdded e -> notable.add(e);
      case RunEvent.RunPaused e -> notable.add(e);
      case RunEvent.RunResumed e -> notable.add(e);
    }
  }

  private StepRow step(String id) {
    return steps.computeIfAbsent(id, k -> new StepRow(k, "", k));
  }

  private void end(String id, long nanos, StepState state, String message) {
    StepRow row = step(id);
    row.end = nanos;
    row.state = state;
    row.message = nullToEmpty(message);
  }

  private FaultRow fault(Fault fault) {
    FaultRow row = faults.computeIfAbsent(fault.id(), k -> new FaultRow(fault));
    StepRow step = steps.get(fault.stepId());
    if (step != null && !step.faults.contains(row)) {
      step.faults.add(row);
    }
    return row;
  }

  /** The experiment's name, else the run id. */
  String experimentName() {
    if (experiment != null) {
      return experiment.metadata().name();
    }
    return events.stream()
        .filter(e -> e instanceof RunEvent.RunStarted)
        .map(e -> ((RunEvent.RunStarted) e).experiment())
        .findFirst()
        .orElse(runId);
  }

  Optional<String> description() {
    return experiment == null
        ? Optional.empty()
        : Optional.ofNullable(experiment.metadata().description()).filter(d -> !d.isBlank());
  }

  /** Human title of a step: {@code attack process.signal on checkout}. */
  static String title(Step step) {
    return switch (step) {
      case AttackStep a -> "attack " + a.attack() + (a.target() == null ? "" : " on " + a.target());
      case ProbeStep p ->
          "probe " + p.probe() + (p.until() == null ? "" : " until " + p.until().keyword());
      case WaitStep w -> "wait " + (w.duration() == null ? "" : w.duration().text());
      case GateStep g -> "gate" + (g.gate() == null ? "" : ": " + g.gate());
    };
  }

  static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  /** {@code 1.234 s} / {@code 850 ms}. */
  static String duration(long nanos) {
    if (nanos < 0) {
      return "";
    }
    double ms = nanos / 1e6;
    if (ms < 1000) {
      return String.format(java.util.Locale.ROOT, "%.0f ms", ms);
    }
    if (ms < 120_000) {
      return String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000);
    }
    return String.format(
        java.util.Locale.ROOT, "%dm %02ds", (long) (ms / 60000), (long) (ms / 1000) % 60);
  }
}
