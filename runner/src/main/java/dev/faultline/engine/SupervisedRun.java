package dev.faultline.engine;

import dev.faultline.model.Experiment;
import dev.faultline.safety.ActiveRuns;
import dev.faultline.safety.FileRollbackJournal;
import dev.faultline.safety.RunTarget;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * A run that the machine's safety nets can reach, the same for {@code faultline run} and the Java
 * API: registered with {@link ActiveRuns} before the engine starts (so {@code faultline stop --all}
 * sees it from its first fault on, and stops it), and stopped with a full rollback when the JVM is
 * told to exit (Ctrl-C, SIGTERM) before it ends.
 */
public final class SupervisedRun implements LoopRun.Iteration {
  private final RunHandle handle;
  private final ActiveRuns.Registration registration;
  private final Thread shutdownHook;

  private SupervisedRun(RunHandle handle, ActiveRuns.Registration registration, Thread hook) {
    this.handle = handle;
    this.registration = registration;
    this.shutdownHook = hook;
  }

  /**
   * Registers and starts a run.
   *
   * @param stateDirectory where journals and the active-run registry live
   * @param contextName the kubeconfig context, as the registry shows it
   * @throws IOException when the run cannot be registered (nothing has started then)
   */
  public static SupervisedRun start(
      Engine engine,
      Experiment experiment,
      RunOptions options,
      Path stateDirectory,
      String contextName,
      RunListener... listeners)
      throws IOException {
    return start(engine, experiment, options, stateDirectory, contextName, List.of(), listeners);
  }

  /**
   * Registers and starts a run with the objects it resolved before start ({@link RunTargets}), so
   * runs starting later can warn about the overlap; its entry is kept current from its events.
   *
   * @param targets the run's resolved targets
   * @throws IOException when the run cannot be registered (nothing has started then)
   */
  public static SupervisedRun start(
      Engine engine,
      Experiment experiment,
      RunOptions options,
      Path stateDirectory,
      String contextName,
      List<RunTarget> targets,
      RunListener... listeners)
      throws IOException {
    // A dry run applies nothing, so there is nothing for `faultline stop` to roll back.
    ActiveRuns.Registration registration =
        options.dryRun()
            ? null
            : new ActiveRuns(stateDirectory)
                .register(
                    options.runId(),
                    contextName,
                    experiment.metadata().name(),
                    FileRollbackJournal.fileFor(stateDirectory, options.runId()),
                    targets);
    RunHandle handle;
    try {
      handle = engine.start(experiment, options, withRegistry(registration, listeners));
    } catch (RuntimeException e) {
      deregister(registration);
      throw e;
    }
    if (registration != null) {
      registration.onStopRequested(
          request -> handle.emergencyStop("faultline stop (" + request.by() + ")"));
    }
    Thread hook =
        new Thread(
            () -> {
              if (!handle.result().isDone()) {
                handle.emergencyStop("a signal to the faultline process (Ctrl-C or SIGTERM)");
                handle.result().join();
              }
            },
            "faultline-run-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    return new SupervisedRun(handle, registration, hook);
  }

  /** The listeners plus, for a registered run, the one that keeps its entry current. */
  static RunListener[] withRegistry(
      ActiveRuns.Registration registration, RunListener... listeners) {
    if (registration == null) {
      return listeners;
    }
    RunListener[] all = Arrays.copyOf(listeners, listeners.length + 1);
    all[listeners.length] = new RegistryUpdates(registration);
    return all;
  }

  /** The id of the run. */
  public String runId() {
    return handle.runId();
  }

  /** Controls the run: gates, cancel, emergency stop. */
  @Override
  public RunHandle handle() {
    return handle;
  }

  /** Waits for the end of the run (every fault rolled back or left in the journal). */
  @Override
  public RunResult await() {
    RunResult result;
    try {
      result = handle.result().join();
    } finally {
      deregister(registration);
    }
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // the JVM is exiting because of a signal; the hook has waited for the rollback
    }
    return result;
  }

  private static void deregister(ActiveRuns.Registration registration) {
    if (registration == null) {
      return;
    }
    try {
      registration.close();
    } catch (IOException e) {
      // The result matters more than the registry entry, which `faultline stop` reports as stale.
      System.getLogger(SupervisedRun.class.getName())
          .log(System.Logger.Level.WARNING, "could not deregister the run", e);
    }
  }
}
