package dev.faultline.cli;

import dev.faultline.engine.Engine;
import dev.faultline.engine.LoopEvent;
import dev.faultline.engine.LoopResult;
import dev.faultline.engine.LoopRun;
import dev.faultline.engine.RunOptions;
import dev.faultline.engine.SupervisedRun;
import dev.faultline.model.Experiment;
import dev.faultline.safety.ActiveRuns;
import dev.faultline.safety.RunState;
import dev.faultline.safety.RunTarget;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * Carries out one run of {@code faultline run}, with its {@code spec.loop} if it has one: each
 * iteration is a {@link SupervisedRun} (so {@code faultline stop} and Ctrl-C roll it back), and the
 * loop itself stops on Ctrl-C, also during a pause.
 */
final class LoopedRunner {
  private final Engine engine;
  private final Experiment experiment;
  private final Function<String, RunOptions> options;
  private final Path state;
  private final String contextName;
  private final PrintWriter err;
  private final List<RunTarget> targets;

  /**
   * @param targets what the run resolved before start, kept in each iteration's registry entry so
   *     that other runs can warn about overlapping targets
   */
  LoopedRunner(
      Engine engine,
      Experiment experiment,
      Function<String, RunOptions> options,
      Path state,
      String contextName,
      List<RunTarget> targets,
      PrintWriter err) {
    this.targets = List.copyOf(targets);
    this.engine = engine;
    this.experiment = experiment;
    this.options = options;
    this.state = state;
    this.contextName = contextName;
    this.err = err;
  }

  /** Prepares the run as {@code runId}; {@link LoopRun#run} carries it out. */
  LoopRun prepare(String runId) {
    var pauses = new LoopPauses(runId);
    LoopRun loop =
        new LoopRun(
            experiment.spec().loop(),
            runId,
            this::startIteration,
            event -> {
              print(event);
              pauses.on(event);
            });
    pauses.loop = loop;
    return loop;
  }

  /**
   * Keeps a looped run in the registry between iterations, when no iteration is registered, so that
   * {@code faultline stop RUN_ID} and {@code stop --all} during a pause end the loop before the
   * next iteration applies anything (instead of finding nothing to stop).
   */
  private final class LoopPauses {
    private final String runId;
    private final java.util.concurrent.atomic.AtomicReference<ActiveRuns.Registration> open =
        new java.util.concurrent.atomic.AtomicReference<>();
    private volatile LoopRun loop;

    LoopPauses(String runId) {
      this.runId = runId;
    }

    void on(LoopEvent event) {
      switch (event) {
        case LoopEvent.Pausing p -> register(p.pause());
        case LoopEvent.LoopStarted s -> close();
        case LoopEvent.LoopFinished f -> {}
      }
    }

    private void register(java.time.Duration pause) {
      ActiveRuns.Registration registration;
      try {
        registration =
            new ActiveRuns(state)
                .register(
                    runId,
                    contextName,
                    experiment.metadata().name(),
                    dev.faultline.safety.FileRollbackJournal.fileFor(state, runId),
                    targets);
        registration.update(RunState.PAUSING, 0, targets);
      } catch (IOException | RuntimeException e) {
        err.println("warning: the loop's pause is not in the registry: " + e.getMessage());
        return;
      }
      close();
      open.set(registration);
      registration.onStopRequested(
          request -> {
            loop.cancel("faultline stop (" + request.by() + ")");
            close();
          });
      // The pause ends with the next iteration (which registers itself) or with the loop, when
      // its time is up: either way, no later than the pause itself.
      Thread.ofVirtual()
          .name("faultline-loop-pause-" + runId)
          .start(
              () -> {
                try {
                  Thread.sleep(pause.plusSeconds(1));
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                if (open.compareAndSet(registration, null)) {
                  closeQuietly(registration);
                }
              });
    }

    private void close() {
      ActiveRuns.Registration registration = open.getAndSet(null);
      if (registration != null) {
        closeQuietly(registration);
      }
    }

    private void closeQuietly(ActiveRuns.Registration registration) {
      try {
        registration.close();
      } catch (IOException e) {
        // `faultline runs` shows the entry as stale once this process is gone
      }
    }
  }

  /** Runs to the end; Ctrl-C cancels the loop and waits for the rollback. */
  LoopResult run(String runId) throws IOException, InterruptedException {
    LoopRun loop = prepare(runId);
    Thread hook =
        new Thread(
            // The iteration's own hook (SupervisedRun) emergency-stops it, as for a run without a
            // loop; this one only keeps the next iteration from starting.
            () -> loop.startNoMore("a signal to the faultline process (Ctrl-C or SIGTERM)"),
            "faultline-loop-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      return loop.run();
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the iteration's own hook waits for its rollback
      }
    }
  }

  private LoopRun.Iteration startIteration(String runId) throws IOException {
    RunOptions runOptions = options.apply(runId);
    var progress = new RunProgressPrinter(err);
    var gatePrompt = new GatePrompt(err);
    var run =
        SupervisedRun.start(
            engine, experiment, runOptions, state, contextName, targets, progress, gatePrompt);
    gatePrompt.attach(run.handle(), runOptions.gates() == RunOptions.GatePolicy.ASK);
    return run;
  }

  private void print(LoopEvent event) {
    if (experiment.spec().loop() == null) {
      return;
    }
    String of = event.planned() == null ? "" : " of " + event.planned();
    switch (event) {
      case LoopEvent.LoopStarted s -> err.println("loop " + s.loop() + of + ": run " + s.runId());
      case LoopEvent.LoopFinished f ->
          err.println(
              "loop "
                  + f.loop()
                  + of
                  + ": "
                  + f.result().verdict().word()
                  + " ("
                  + f.result().reason()
                  + ")");
      case LoopEvent.Pausing p ->
          err.println(
              "pause "
                  + dev.faultline.model.TimeSpan.of(p.pause())
                  + " before loop "
                  + p.loop()
                  + of
                  + " (every fault is rolled back)");
    }
    err.flush();
  }
}
