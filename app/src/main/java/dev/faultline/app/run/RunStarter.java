package dev.faultline.app.run;

import dev.faultline.app.connection.LiveCluster;
import dev.faultline.engine.ClusterRunEnvironment;
import dev.faultline.engine.Engine;
import dev.faultline.engine.RegistryUpdates;
import dev.faultline.engine.RunHandle;
import dev.faultline.engine.RunListener;
import dev.faultline.engine.RunOptions;
import dev.faultline.model.Experiment;
import dev.faultline.safety.ActiveRuns;
import dev.faultline.safety.FileRollbackJournal;
import dev.faultline.safety.Overlaps;
import dev.faultline.safety.RunTarget;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts a run on the connected cluster exactly as {@code faultline run} does: the same {@link
 * ClusterRunEnvironment} (journal in the state directory, preflight, the live snapshot), and the
 * run registered in {@link ActiveRuns} so {@code faultline stop} from a terminal stops it too. Does
 * file IO: call it off the FX thread.
 */
public final class RunStarter {
  private static final Logger LOG = Logger.getLogger(RunStarter.class.getName());

  private final Path stateDirectory;

  /**
   * @param stateDirectory where journals and active-run entries live ({@link
   *     dev.faultline.safety.StateDirectory#get()})
   */
  public RunStarter(Path stateDirectory) {
    this.stateDirectory = stateDirectory;
  }

  /**
   * Starts {@code experiment}; returns once the engine runs on its own threads.
   *
   * @param listener receives every event, on runner threads
   * @throws IOException when the run cannot be registered in the state directory
   */
  public RunHandle start(
      Experiment experiment, LiveCluster cluster, boolean dryRun, RunListener listener)
      throws IOException {
    return start(experiment, cluster, dryRun, List.of(), listener);
  }

  /**
   * Starts {@code experiment} with the targets its plan resolved, recorded in its active-run entry
   * so runs starting later see the overlap.
   *
   * @param listener receives every event, on runner threads
   * @throws IOException when the run cannot be registered in the state directory
   */
  public RunHandle start(
      Experiment experiment,
      LiveCluster cluster,
      boolean dryRun,
      List<RunTarget> targets,
      RunListener listener)
      throws IOException {
    String name = experiment.metadata().name();
    String runId = RunOptions.newRunId(name, Instant.now());
    var environment =
        ClusterRunEnvironment.create(cluster.client(), cluster.contextName(), stateDirectory, name);
    // Gates wait for the Continue button; nobody answers them on the operator's behalf.
    RunOptions options =
        RunOptions.defaults(runId).withDryRun(dryRun).withGates(RunOptions.GatePolicy.ASK);
    ActiveRuns.Registration registration =
        dryRun
            ? null
            : new ActiveRuns(stateDirectory)
                .register(
                    runId,
                    cluster.contextName(),
                    name,
                    FileRollbackJournal.fileFor(stateDirectory, runId),
                    targets);
    RunHandle handle;
    try {
      handle =
          registration == null
              ? new Engine(environment).start(experiment, options, listener)
              : new Engine(environment)
                  .start(experiment, options, listener, new RegistryUpdates(registration));
    } catch (RuntimeException e) {
      close(registration);
      throw e;
    }
    rollBackOnExit(handle);
    if (registration != null) {
      registration.onStopRequested(
          request -> handle.emergencyStop("faultline stop (" + request.by() + ")"));
      handle.result().whenComplete((result, failure) -> close(registration));
    }
    return handle;
  }

  /**
   * The runs in progress on this machine (from any terminal or this app) that act on any of {@code
   * targets}, as sentences for the confirmation. Reads the registry: call it off the FX thread.
   */
  public List<String> overlaps(List<RunTarget> targets) throws IOException {
    return Overlaps.withLiveRuns(new ActiveRuns(stateDirectory), targets).stream()
        .map(Overlaps.Overlap::message)
        .toList();
  }

  /**
   * A SIGTERM or logout ends the JVM without closing the window: the run is stopped and rolled back
   * before the process goes, as {@code faultline run} does on Ctrl-C.
   */
  private static void rollBackOnExit(RunHandle handle) {
    Thread hook =
        new Thread(
            () -> {
              if (!handle.result().isDone()) {
                handle.emergencyStop("the Faultline app being terminated");
                handle.result().join();
              }
            },
            "faultline-run-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    handle
        .result()
        .whenComplete(
            (result, failure) -> {
              try {
                Runtime.getRuntime().removeShutdownHook(hook);
              } catch (IllegalStateException shuttingDown) {
                // the hook is running or ran: it waited for the rollback
              }
            });
  }

  private static void close(ActiveRuns.Registration registration) {
    if (registration == null) {
      return;
    }
    try {
      registration.close();
    } catch (Exception e) {
      LOG.log(Level.WARNING, "could not remove the run's active-run entry", e);
    }
  }
}
