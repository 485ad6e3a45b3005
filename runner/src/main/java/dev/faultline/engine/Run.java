package dev.faultline.engine;

import dev.faultline.model.AttackStep;
import dev.faultline.model.Experiment;
import dev.faultline.model.GateStep;
import dev.faultline.model.Notification;
import dev.faultline.model.ProbeStep;
import dev.faultline.model.Step;
import dev.faultline.model.WaitStep;
import dev.faultline.notify.WebhookSink;
import dev.faultline.probe.PreparedProbe;
import dev.faultline.probe.ProbeScheduler;
import dev.faultline.safety.RollbackJournal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One run: a coordinator thread walks the step graph as a state machine fed by signals (a step
 * ended, a halt, a resume), each step runs on its own virtual thread, and whatever ends the run,
 * the coordinator rolls back every open fault before it reports the verdict.
 */
final class Run {
  private static final Logger LOG = Logger.getLogger(Run.class.getName());

  /** How long the coordinator waits for interrupted steps before rolling back anyway. */
  private static final Duration STEP_STOP_GRACE = Duration.ofSeconds(30);

  private final Experiment experiment;
  private final RunEnvironment env;
  private final RunOptions options;
  private final EventBus bus;
  private final RunNotifier notifier;
  private final GateDesk gates = new GateDesk();
  private final LinkedBlockingQueue<Signal> signals = new LinkedBlockingQueue<>();
  private final CompletableFuture<RunResult> result = new CompletableFuture<>();
  private volatile boolean paused;

  private sealed interface Signal {}

  private record StepDone(String stepId, Outcome outcome) implements Signal {}

  private record Halt(String reason) implements Signal {}

  private record Wake() implements Signal {}

  private enum State {
    PENDING,
    RUNNING,
    SUCCEEDED,
    FAILED
  }

  Run(Experiment experiment, RunEnvironment env, RunOptions options, List<RunListener> listeners) {
    this.experiment = experiment;
    this.env = env;
    this.options = options;
    var notifications = new ArrayList<Notification>(experiment.spec().notifications());
    notifications.addAll(options.notifications());
    this.notifier =
        new RunNotifier(
            notifications,
            experiment.metadata().name(),
            env.contextName(),
            System::getenv,
            WebhookSink.Timing.DEFAULT,
            this::notificationProblem);
    var all = new ArrayList<>(listeners);
    if (!notifier.isEmpty()) {
      all.add(notifier);
    }
    this.bus = new EventBus(all, options.runId());
  }

  /** A notification that failed becomes a note on the timeline; it never changes the verdict. */
  private void notificationProblem(String warning) {
    LOG.warning(options.runId() + ": " + warning);
    note("faultline", warning);
  }

  String runId() {
    return options.runId();
  }

  GateDesk gates() {
    return gates;
  }

  CompletableFuture<RunResult> result() {
    return result;
  }

  void start() {
    Thread.ofVirtual().name("faultline-run-" + options.runId()).start(this::coordinate);
  }

  void halt(String reason) {
    signals.add(new Halt(reason));
  }

  void pause(String by) {
    if (!paused) {
      paused = true;
      bus.emit(t -> new RunEvent.RunPaused(options.runId(), t, by));
    }
  }

  void resume(String by) {
    if (paused) {
      paused = false;
      bus.emit(t -> new RunEvent.RunResumed(options.runId(), t, by));
      signals.add(new Wake());
    }
  }

  void note(String author, String text) {
    bus.emit(t -> new RunEvent.NoteAdded(options.runId(), t, author, text));
  }

  private void coordinate() {
    var steps = experiment.spec().steps();
    bus.emit(
        t ->
            new RunEvent.RunStarted(
                options.runId(),
                t,
                Instant.now(),
                experiment.metadata().name(),
                env.contextName(),
                options.dryRun(),
                steps.stream().map(Step::id).toList()));
    var resources = new RunResources();
    Verdict verdict;
    String reason;
    int left = 0;
    FaultLedger ledger = null;
    try {
      List<String> problems = RunPreflight.staticChecks(experiment, env);
      if (!problems.isEmpty()) {
        throw new PreflightFailure(String.join("; ", problems));
      }
      resources.clusters = RunClusters.open(experiment, env, options);
      RunClusters clusters = resources.clusters;
      resources.probes = RunPreflight.prepareProbes(experiment, clusters);
      resources.journal = options.dryRun() ? null : env.journals().open(options.runId());
      ledger =
          new FaultLedger(
              resources.journal, env.attacks(), clusters::attacksFor, options.runId(), bus);
      resources.scheduler = new ProbeScheduler();
      var continuous =
          new ContinuousProbes(
              experiment.spec().probes(),
              resources.probes,
              resources.scheduler,
              bus,
              options,
              this::halt);
      var runner =
          new StepRunner(
              experiment, env, options, bus, ledger, clusters, resources.probes, gates, continuous);
      RunPreflight.checkPrerequisites(experiment, env, runner, clusters);
      RunPreflight.checkAccess(experiment, env, runner, clusters);
      continuous.startRunWide();
      Ending ending = walk(steps, runner, continuous);
      verdict = ending.verdict;
      reason = ending.reason;
      if (!options.dryRun()) {
        left = ledger.rollBackAll(options.rollbackDeadline());
      }
      continuous.stopAll();
    } catch (PreflightFailure e) {
      verdict = Verdict.ERROR;
      reason = e.getMessage();
      steps.forEach(
          s ->
              bus.emit(
                  t -> new RunEvent.StepSkipped(options.runId(), t, s.id(), "preflight failed")));
    } catch (Throwable e) {
      LOG.log(Level.SEVERE, "run " + options.runId() + " crashed", e);
      verdict = Verdict.ERROR;
      reason = "internal error: " + FaultLedger.message(e);
      if (ledger != null) {
        left = ledger.rollBackAll(options.rollbackDeadline());
      }
    } finally {
      resources.close();
    }
    if (left > 0) {
      reason +=
          "; "
              + StepRunner.count(left, "fault")
              + " could not be rolled back and stay open in the journal: run 'faultline cleanup'";
      verdict = Verdict.ERROR;
    }
    finish(verdict, reason, left);
  }

  private void finish(Verdict verdict, String reason, int left) {
    if (!notifier.isEmpty()) {
      flushNotifications(verdict, reason, left);
    }
    bus.emit(t -> new RunEvent.RunFinished(options.runId(), t, verdict, reason, left));
    try {
      bus.awaitDelivered();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    result.complete(new RunResult(options.runId(), verdict, reason, left, bus.recorded()));
  }

  /**
   * Sends the finish notification after every earlier one (on the event thread, in order) and waits
   * a bounded time for delivery, so its failures still reach the timeline before the run ends.
   */
  private void flushNotifications(Verdict verdict, String reason, int left) {
    long nanos = bus.now();
    long deadline = System.nanoTime() + RunNotifier.FLUSH_BOUND.toNanos();
    var queued = new java.util.concurrent.CountDownLatch(1);
    bus.runInOrder(
        () -> {
          notifier.finish(options.runId(), verdict, reason, left, nanos);
          queued.countDown();
        });
    try {
      if (queued.await(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
        notifier.awaitDelivered(deadline).forEach(this::notificationProblem);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private record Ending(Verdict verdict, String reason) {}

  /**
   * The state machine over the step graph; returns when nothing runs and nothing more may start.
   */
  private Ending walk(List<Step> steps, StepRunner runner, ContinuousProbes continuous)
      throws InterruptedException {
    var state = new LinkedHashMap<String, State>();
    steps.forEach(s -> state.put(s.id(), State.PENDING));
    var running = new LinkedHashMap<String, Thread>();
    Ending ending = null;
    java.util.OptionalLong deadline = maxDurationDeadline();
    long stopRequestedAt = 0;
    while (true) {
      if (ending == null && !paused) {
        for (Step step : steps) {
          if (state.get(step.id()) == State.PENDING
              && step.after().stream().allMatch(id -> state.get(id) == State.SUCCEEDED)) {
            state.put(step.id(), State.RUNNING);
            // Started here, before the step's thread and its continuous probes, so no sample of
            // a probe spanning the step can come before the step's start on the timeline.
            bus.emit(
                t ->
                    new RunEvent.StepStarted(
                        options.runId(), t, step.id(), step.kindWord(), title(step)));
            continuous.stepStarted(step.id());
            running.put(step.id(), startStep(step, runner));
          }
        }
      }
      if (running.isEmpty() && (ending != null || !paused)) {
        break;
      }
      long waitNanos =
          ending != null
              ? STEP_STOP_GRACE.toNanos() - (System.nanoTime() - stopRequestedAt)
              : deadline.isPresent() ? deadline.getAsLong() - System.nanoTime() : Long.MAX_VALUE;
      Signal signal = signals.poll(Math.max(0, waitNanos), TimeUnit.NANOSECONDS);
      if (signal == null) {
        if (ending != null) {
          LOG.warning("steps " + running.keySet() + " did not stop in time; rolling back anyway");
          break;
        }
        signal =
            new Halt(
                "the run reached spec.safety.maxDuration ("
                    + experiment.spec().effectiveSafety().maxDuration()
                    + ")");
      }
      switch (signal) {
        case StepDone done -> {
          running.remove(done.stepId());
          state.put(done.stepId(), done.outcome().succeeded() ? State.SUCCEEDED : State.FAILED);
          continuous.stepEnded(done.stepId());
          if (!done.outcome().succeeded() && ending == null) {
            ending =
                new Ending(
                    done.outcome().verdict(),
                    "step '" + done.stepId() + "' failed: " + done.outcome().message());
            stopRequestedAt = System.nanoTime();
            running.values().forEach(Thread::interrupt);
          }
        }
        case Halt halt -> {
          if (ending == null) {
            ending = new Ending(Verdict.ABORTED, halt.reason());
            bus.emit(t -> new RunEvent.Halted(options.runId(), t, halt.reason()));
            stopRequestedAt = System.nanoTime();
            running.values().forEach(Thread::interrupt);
          }
        }
        case Wake wake -> {}
      }
    }
    String skipReason = ending == null ? "not reached" : "the run ended first";
    state.forEach(
        (id, s) -> {
          if (s == State.PENDING) {
            bus.emit(t -> new RunEvent.StepSkipped(options.runId(), t, id, skipReason));
          }
        });
    if (ending == null) {
      long done = state.values().stream().filter(s -> s == State.SUCCEEDED).count();
      String what = options.dryRun() ? "dry run: " : "";
      ending = new Ending(Verdict.PASSED, what + "all " + done + " steps succeeded");
    }
    return ending;
  }

  /**
   * When {@code spec.safety.maxDuration} runs out ({@link System#nanoTime()}); none in dry runs.
   */
  private java.util.OptionalLong maxDurationDeadline() {
    var max = experiment.spec().effectiveSafety().maxDuration();
    return max == null || options.dryRun()
        ? java.util.OptionalLong.empty()
        : java.util.OptionalLong.of(System.nanoTime() + max.toDuration().toNanos());
  }

  private Thread startStep(Step step, StepRunner runner) {
    return Thread.ofVirtual()
        .name("faultline-step-" + step.id())
        .start(
            () -> {
              Outcome outcome;
              try {
                outcome =
                    switch (step) {
                      case AttackStep a -> runner.attack(a);
                      case ProbeStep p -> runner.probe(p);
                      case WaitStep w -> runner.waitStep(w);
                      case GateStep g -> runner.gate(g);
                    };
              } catch (InterruptedException e) {
                outcome = Outcome.failure(Verdict.ABORTED, "stopped: the run is ending");
              } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "step " + step.id() + " crashed", e);
                outcome =
                    Outcome.failure(Verdict.ERROR, "internal error: " + FaultLedger.message(e));
              }
              Outcome o = outcome;
              bus.emit(
                  t ->
                      o.succeeded()
                          ? new RunEvent.StepSucceeded(options.runId(), t, step.id(), o.message())
                          : new RunEvent.StepFailed(options.runId(), t, step.id(), o.message()));
              signals.add(new StepDone(step.id(), o));
            });
  }

  private String title(Step step) {
    String named = dev.faultline.model.ClusterContexts.ofStep(experiment.spec(), step);
    String where = named == null || named.equals(env.contextName()) ? "" : " in " + named;
    return what(step) + where;
  }

  private static String what(Step step) {
    return switch (step) {
      case AttackStep a -> a.attack() + (a.target() == null ? "" : " on " + a.target());
      case ProbeStep p ->
          p.probe()
              + (p.until() == null ? "" : " until " + p.until().keyword() + " ≤ " + p.timeout());
      case WaitStep w -> "wait " + w.duration();
      case GateStep g -> g.gate() == null ? "gate" : g.gate();
    };
  }

  /** What the run holds open and must close whatever happens. */
  private static final class RunResources {
    RunClusters clusters;
    Map<String, PreparedProbe> probes = Map.of();
    RollbackJournal journal;
    ProbeScheduler scheduler;

    void close() {
      if (scheduler != null) {
        scheduler.close();
      }
      probes.values().forEach(PreparedProbe::close);
      if (clusters != null) {
        clusters.close();
      }
      if (journal != null) {
        try {
          journal.close();
        } catch (Exception e) {
          LOG.log(Level.WARNING, "closing the journal", e);
        }
      }
    }
  }

  static final class PreflightFailure extends Exception {
    PreflightFailure(String message) {
      super(message);
    }
  }
}
