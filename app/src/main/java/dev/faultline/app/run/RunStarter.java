package dev.faultline.app.run;

import dev.faultline.app.connection.LiveCluster;
import dev.faultline.engine.ClusterRunEnvironment;
import dev.faultline.engine.Engine;
import dev.faultline.engine.LoopListener;
import dev.faultline.engine.LoopResult;
import dev.faultline.engine.LoopRun;
import dev.faultline.engine.RegistryUpdates;
import dev.faultline.engine.RunEnvironment;
import dev.faultline.engine.RunHandle;
import dev.faultline.engine.RunListener;
import dev.faultline.engine.RunOptions;
import dev.faultline.engine.SupervisedRun;
import dev.faultline.engine.Verdict;
import dev.faultline.model.Experiment;
import dev.faultline.safety.ActiveRuns;
import dev.faultline.safety.FileRollbackJournal;
import dev.faultline.safety.Overlaps;
import dev.faultline.safety.RunTarget;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
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
  private final Openers openers;

  /**
   * Opens the other kubeconfig contexts of a multi-cluster experiment's run, given the state
   * directory and the experiment's name (as {@code ClusterRunEnvironment.opener} takes them).
   */
  @FunctionalInterface
  public interface Openers {
    /** Runs that act on their own context only. */
    Openers NONE = (stateDirectory, experimentName) -> RunEnvironment.ContextOpener.NONE;

    /** The opener for one experiment's runs; connects only when asked to open a context. */
    RunEnvironment.ContextOpener forRun(Path stateDirectory, String experimentName);
  }

  /**
   * A starter for runs on the connected cluster only.
   *
   * @param stateDirectory where journals and active-run entries live ({@link
   *     dev.faultline.safety.StateDirectory#get()})
   */
  public RunStarter(Path stateDirectory) {
    this(stateDirectory, Openers.NONE);
  }

  /**
   * @param stateDirectory where journals and active-run entries live
   * @param openers opens the other contexts a multi-cluster experiment names
   */
  public RunStarter(Path stateDirectory, Openers openers) {
    this.stateDirectory = stateDirectory;
    this.openers = java.util.Objects.requireNonNull(openers, "openers");
  }

  /**
   * The run's environment on {@code cluster}, opening the other contexts the experiment names
   * through {@link #openers} and recording their snapshots in {@code snapshots}.
   */
  private RunEnvironment environment(
      String name, LiveCluster cluster, RunClusterSnapshots snapshots) {
    RunEnvironment.ContextOpener others = openers.forRun(stateDirectory, name);
    return ClusterRunEnvironment.create(
            cluster.client(), cluster.contextName(), stateDirectory, name)
        .withOthers(snapshots == null ? others : snapshots.tracking(others));
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
    return start(experiment, cluster, dryRun, targets, listener, null);
  }

  /**
   * As above, recording the snapshots of the other contexts the run opens in {@code snapshots}
   * (null: not recorded), for the pod strip to sample.
   */
  public RunHandle start(
      Experiment experiment,
      LiveCluster cluster,
      boolean dryRun,
      List<RunTarget> targets,
      RunListener listener,
      RunClusterSnapshots snapshots)
      throws IOException {
    String name = experiment.metadata().name();
    String runId = RunOptions.newRunId(name, Instant.now());
    var environment = environment(name, cluster, snapshots);
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
   * A looped run under way: {@link #loop()} to cancel it, {@link #result()} completes once the last
   * loop is rolled back (never exceptionally: a loop that cannot start ends it as an error).
   */
  public record LoopedRun(LoopRun loop, CompletableFuture<LoopResult> result) {}

  /**
   * Starts {@code experiment}'s {@code spec.loop} through {@link LoopRun}, as {@code faultline run}
   * does: each loop a {@link SupervisedRun} (registered, so {@code faultline stop} stops it, and
   * rolled back on SIGTERM) on one engine, the loops and pauses on a thread of their own.
   *
   * @param listener receives every loop's run events, on runner threads
   * @param loopListener receives the loop's events, on the loop's thread
   * @param onIteration receives each loop's handle as it starts, on the loop's thread
   * @param snapshots records the snapshots of the other contexts each loop opens; may be null
   */
  public LoopedRun startLoop(
      Experiment experiment,
      LiveCluster cluster,
      boolean dryRun,
      List<RunTarget> targets,
      RunListener listener,
      LoopListener loopListener,
      Consumer<RunHandle> onIteration,
      RunClusterSnapshots snapshots) {
    String name = experiment.metadata().name();
    var environment = environment(name, cluster, snapshots);
    Engine engine = new Engine(environment);
    LoopRun.Starter starter =
        runId -> {
          RunOptions options =
              RunOptions.defaults(runId).withDryRun(dryRun).withGates(RunOptions.GatePolicy.ASK);
          SupervisedRun run =
              SupervisedRun.start(
                  engine,
                  experiment,
                  options,
                  stateDirectory,
                  cluster.contextName(),
                  targets,
                  listener);
          onIteration.accept(run.handle());
          return run;
        };
    LoopRun loop =
        new LoopRun(
            experiment.spec().loop(),
            RunOptions.newRunId(name, Instant.now()),
            starter,
            loopListener);
    var result = new CompletableFuture<LoopResult>();
    Thread.ofVirtual()
        .name("faultline-loop-" + name)
        .start(
            () -> {
              try {
                result.complete(loop.run());
              } catch (IOException | InterruptedException | RuntimeException e) {
                LOG.log(Level.WARNING, "the looped run ended early", e);
                result.complete(
                    new LoopResult(
                        Verdict.ERROR,
                        "a loop could not start: " + e.getMessage(),
                        0,
                        experiment.spec().loop().times(),
                        List.of()));
              }
            });
    return new LoopedRun(loop, result);
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
