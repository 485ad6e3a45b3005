package dev.faultline.engine;

import dev.faultline.attack.AttackException;
import dev.faultline.attack.AttackExecutor;
import dev.faultline.attack.AttackRequest;
import dev.faultline.attack.Fault;
import dev.faultline.catalog.ParamValues;
import dev.faultline.model.AttackStep;
import dev.faultline.model.Experiment;
import dev.faultline.model.GateStep;
import dev.faultline.model.ProbeStep;
import dev.faultline.model.Target;
import dev.faultline.model.TargetKind;
import dev.faultline.model.Until;
import dev.faultline.model.WaitStep;
import dev.faultline.probe.LastingProbe;
import dev.faultline.probe.PreparedProbe;
import dev.faultline.probe.ProbeSample;
import dev.faultline.target.Seeds;
import dev.faultline.target.TargetResolution;
import dev.faultline.target.TargetResolver;
import dev.faultline.target.TargetWarning;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Carries out one step of each kind; called on the step's own virtual thread. */
final class StepRunner {
  private final Experiment experiment;
  private final RunEnvironment env;
  private final RunOptions options;
  private final EventBus bus;
  private final FaultLedger ledger;
  private final RunClusters clusters;
  private final Map<String, PreparedProbe> probes;
  private final GateDesk gates;
  private final ProbeStreaks streaks;

  StepRunner(
      Experiment experiment,
      RunEnvironment env,
      RunOptions options,
      EventBus bus,
      FaultLedger ledger,
      RunClusters clusters,
      Map<String, PreparedProbe> probes,
      GateDesk gates,
      ProbeStreaks streaks) {
    this.experiment = experiment;
    this.env = env;
    this.options = options;
    this.bus = bus;
    this.ledger = ledger;
    this.clusters = clusters;
    this.probes = probes;
    this.gates = gates;
    this.streaks = streaks;
  }

  Outcome attack(AttackStep step) throws InterruptedException {
    AttackExecutor executor = env.attacks().find(step.attack()).orElseThrow();
    AttackRequest request = request(step, true);
    List<Fault> faults;
    try {
      faults = executor.prepare(request, clusters.forStep(step).attacks());
    } catch (AttackException | RuntimeException e) {
      return Outcome.failure(
          Verdict.ERROR, "could not prepare " + step.attack() + ": " + FaultLedger.message(e));
    }
    if (faults.isEmpty()) {
      return Outcome.failure(
          Verdict.ERROR,
          "nothing to attack: "
              + (step.target() == null ? "the attack" : "target '" + step.target() + "'")
              + " selects nothing");
    }
    if (options.dryRun()) {
      faults.forEach(f -> bus.emit(t -> new RunEvent.FaultPlanned(options.runId(), t, f)));
      return Outcome.success("would apply " + count(faults.size(), "fault"));
    }
    var applied = new ArrayList<Fault>();
    for (Fault fault : faults) {
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
      try {
        if (ledger.apply(fault)) {
          applied.add(fault);
        }

      } catch (AttackException e) {
        return Outcome.failure(
            Verdict.ERROR, "could not apply " + fault.action() + ": " + e.getMessage());
      } catch (IOException e) {
        return Outcome.failure(
            Verdict.ERROR,
            "could not write the rollback journal, so nothing more is applied: " + e.getMessage());
      }
    }
    List<Fault> lasting = applied.stream().filter(Fault::reversible).toList();
    if (step.duration() == null || lasting.isEmpty()) {
      return Outcome.success("applied " + count(applied.size(), "fault"));
    }
    Duration duration = step.duration().toDuration();
    AttackWatch.Watched watched =
        new AttackWatch(ledger, bus, options, streaks).watch(step, lasting, duration);
    int left = ledger.rollBack(lasting, options.rollbackDeadline());
    if (left > 0) {
      return Outcome.failure(
          Verdict.ERROR,
          count(left, "fault")
              + " could not be rolled back after "
              + (watched.stoppedEarly() == null ? step.duration() : "stopping early"));
    }
    return Outcome.success(
        "applied "
            + count(applied.size(), "fault")
            + (watched.stoppedEarly() == null
                ? " for " + step.duration()
                : ", " + watched.stoppedEarly())
            + ", rolled back"
            + watched.vanished());
  }

  /** The attack request; Pod targets are resolved now, against the current snapshot. */
  AttackRequest request(AttackStep step, boolean emit) {
    var params = ParamValues.of(env.catalog().find(step.attack()).orElseThrow(), step.with());
    Target target = step.target() == null ? null : experiment.spec().targets().get(step.target());
    TargetResolution pods = null;
    var policy = experiment.spec().effectiveSafety().effectiveNamespaces();
    if (emit && target != null && target.effectiveKind() == TargetKind.POD) {
      pods =
          TargetResolver.resolve(
              target,
              clusters.forStep(step).snapshot(),
              policy,
              Seeds.forTarget(experiment.metadata().name(), step.target()));
      TargetResolution resolved = pods;
      bus.emit(
          t ->
              new RunEvent.TargetsResolved(
                  options.runId(),
                  t,
                  step.id(),
                  step.target(),
                  resolved.selected().stream().map(s -> s.pod().key()).toList(),
                  resolved.matched().size(),
                  resolved.warnings().stream().map(TargetWarning::message).toList(),
                  clusters.forStep(step).context()));
    }
    var maxDuration = experiment.spec().effectiveSafety().maxDuration();
    return new AttackRequest(
        step,
        params,
        step.target(),
        target,
        pods,
        policy,
        maxDuration == null ? null : maxDuration.toDuration());
  }

  Outcome probe(ProbeStep step) throws InterruptedException {
    PreparedProbe probe = probes.get(step.id());
    if (!(probe instanceof LastingProbe lasting)) {
      return probeOnce(step, probe);
    }
    // A lasting probe (a load, a readiness wait) is done with its step: close it now, so a load
    // does not run on until the end of the run.
    try {
      if (options.dryRun()) {
        ProbeSample sample = lasting.check();
        bus.emit(t -> new RunEvent.ProbeSampled(options.runId(), t, step.id(), sample));
        return Outcome.success(
            "dry run: probe " + (sample.passed() ? "passes" : "fails") + ": " + sample.message());
      }
      if (step.until() != null) {
        return probeOnce(step, probe);
      }
      if (step.initialDelay() != null) {
        Thread.sleep(step.initialDelay().toDuration());
      }
      ProbeSample end =
          lasting.run(
              sample ->
                  bus.emit(t -> new RunEvent.ProbeSampled(options.runId(), t, step.id(), sample)));
      return end.passed()
          ? Outcome.success(end.message())
          : Outcome.failure(Verdict.FAILED, "probe failed: " + end.message());
    } finally {
      lasting.close();
    }
  }

  private Outcome probeOnce(ProbeStep step, PreparedProbe probe) throws InterruptedException {
    if (step.initialDelay() != null && !options.dryRun()) {
      Thread.sleep(step.initialDelay().toDuration());
    }
    Duration interval = step.effectiveInterval().toDuration();
    if (options.dryRun()) {
      ProbeSample sample = sample(step.id(), probe);
      return Outcome.success(
          "dry run: probe " + (sample.passed() ? "passes" : "fails") + ": " + sample.message());
    }
    if (step.until() == null) {
      ProbeSample sample = sample(step.id(), probe);
      for (int retry = 1; !sample.passed() && retry <= step.effectiveRetries(); retry++) {
        Thread.sleep(interval);
        sample = sample(step.id(), probe);
      }
      return sample.passed()
          ? Outcome.success(sample.message())
          : Outcome.failure(Verdict.FAILED, "probe failed: " + sample.message());
    }
    boolean wantPass = step.until() == Until.PASSING;
    Duration timeout = step.timeout().toDuration();
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    ProbeSample sample;
    while (true) {
      sample = sample(step.id(), probe);
      long elapsed = System.nanoTime() - start;
      if (sample.passed() == wantPass) {
        return Outcome.success(
            (wantPass ? "passing" : "failing")
                + " after "
                + seconds(elapsed)
                + ": "
                + sample.message());
      }
      if (System.nanoTime() + interval.toNanos() > deadline) {
        break;
      }
      Thread.sleep(interval);
    }
    return Outcome.failure(
        Verdict.FAILED,
        "still "
            + (wantPass ? "failing" : "passing")
            + " after "
            + step.timeout()
            + " (waited until "
            + step.until().keyword()
            + "): "
            + sample.message());
  }

  private ProbeSample sample(String id, PreparedProbe probe) throws InterruptedException {
    ProbeSample sample = probe.sample();
    bus.emit(t -> new RunEvent.ProbeSampled(options.runId(), t, id, sample));
    return sample;
  }

  Outcome waitStep(WaitStep step) throws InterruptedException {
    if (options.dryRun()) {
      return Outcome.success("dry run: would wait " + step.duration());
    }
    Thread.sleep(step.duration().toDuration());
    return Outcome.success("waited " + step.duration());
  }

  Outcome gate(GateStep step) throws InterruptedException {
    String question = step.gate() == null ? "Continue?" : step.gate();
    bus.emit(t -> new RunEvent.GateWaiting(options.runId(), t, step.id(), question));
    var answer = gates.open(step.id());
    try {
      switch (options.dryRun() ? RunOptions.GatePolicy.APPROVE : options.gates()) {
        case APPROVE ->
            gates.answer(step.id(), true, options.dryRun() ? "dry run" : "--approve-gates");
        case ON_TIMEOUT -> gates.answer(step.id(), onTimeout(step), "nobody (headless run)");
        case ASK -> {}
      }
      GateDesk.Answer given;
      try {
        given =
            step.timeout() == null
                ? answer.get()
                : answer.get(step.timeout().toDuration().toNanos(), TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        given = new GateDesk.Answer(onTimeout(step), "nobody within " + step.timeout());
      } catch (ExecutionException e) {
        throw new IllegalStateException(e);
      }
      GateDesk.Answer a = given;
      bus.emit(t -> new RunEvent.GateAnswered(options.runId(), t, step.id(), a.approved(), a.by()));
      return a.approved()
          ? Outcome.success("approved by " + a.by())
          : Outcome.failure(
              Verdict.ABORTED, "gate '" + step.id() + "' was not approved (" + a.by() + ")");
    } finally {
      gates.close(step.id());
    }
  }

  private static boolean onTimeout(GateStep step) {
    return step.effectiveOnTimeout() == GateStep.OnTimeout.CONTINUE;
  }

  static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  static String seconds(long nanos) {
    return String.format(java.util.Locale.ROOT, "%.1f s", nanos / 1e9);
  }
}
