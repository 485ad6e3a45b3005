package dev.faultline.cli;

import dev.faultline.engine.Engine;
import dev.faultline.engine.LoopEvent;
import dev.faultline.engine.LoopResult;
import dev.faultline.engine.LoopRun;
import dev.faultline.engine.RunOptions;
import dev.faultline.engine.SupervisedRun;
import dev.faultline.model.Experiment;
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
    return new LoopRun(experiment.spec().loop(), runId, this::startIteration, this::print);
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
