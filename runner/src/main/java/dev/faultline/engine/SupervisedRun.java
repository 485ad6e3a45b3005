package dev.faultline.engine;

import dev.faultline.model.Experiment;
import dev.faultline.safety.ActiveRuns;
import dev.faultline.safety.FileRollbackJournal;
import java.io.IOException;
import java.nio.file.Path;

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
    // A dry run applies nothing, so there is nothing for `faultline stop` to roll back.
    ActiveRuns.Registration registration =
        options.dryRun()
            ? null
            : new ActiveRuns(stateDirectory)
                .register(
                    options.runId(),
                    contextName,
                    experiment.metadata().name(),
                    FileRollbackJournal.fileFor(stateDirectory, options.runId()));
    RunHandle handle;
    try {
      handle = engine.start(experiment, options, listeners);
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
