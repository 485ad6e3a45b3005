package dev.faultline.app.run;

import dev.faultline.app.connection.ConnectionViewModel;
import dev.faultline.app.connection.LiveCluster;
import dev.faultline.catalog.Catalog;
import dev.faultline.cluster.snapshot.ClusterSnapshot;
import dev.faultline.designer.document.DocumentProblems;
import dev.faultline.designer.document.ExperimentDocument;
import dev.faultline.designer.fx.UiTaskExecutor;
import dev.faultline.designer.run.RunPhase;
import dev.faultline.designer.run.RunViewModel;
import dev.faultline.engine.Verdict;
import dev.faultline.model.ClusterContexts;
import dev.faultline.model.Experiment;
import dev.faultline.validate.Problem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/**
 * Runs the open experiment from the window: checks it can run (no errors, a live cluster, no other
 * run), shows the plan for confirmation, starts the engine in the background, and hands the run's
 * view model to the window. Also stops the run, and waits for its rollback, before the window
 * closes. Lives on the FX thread.
 */
public final class RunController {

  private final ExperimentDocument document;
  private final DocumentProblems problems;
  private final ConnectionViewModel connection;
  private final UiTaskExecutor tasks;
  private final RunPlanner planner;
  private final RunStarter starter;
  private final Supplier<Window> owner;
  private final BiConsumer<String, Boolean> report;

  private final ReadOnlyObjectWrapper<RunViewModel> current =
      new ReadOnlyObjectWrapper<>(this, "current");
  private final ReadOnlyObjectWrapper<RunPhase> phase =
      new ReadOnlyObjectWrapper<>(this, "phase", RunPhase.FINISHED);
  private final BooleanBinding active = phase.isNotEqualTo(RunPhase.FINISHED);

  /** While a plan is being made or confirmed or the engine starting: a second Run waits. */
  private boolean preparing;

  /** Completes once the active run (all its loops) is over and rolled back. */
  private CompletableFuture<?> ended;

  /** The clusters of the run shown; read by the pod strip on background threads. */
  private volatile RunClusterSnapshots snapshots;

  /**
   * @param report shows a message in the status line; true marks an error
   */
  public RunController(
      ExperimentDocument document,
      DocumentProblems problems,
      Catalog catalog,
      ConnectionViewModel connection,
      UiTaskExecutor tasks,
      RunStarter starter,
      Supplier<Window> owner,
      BiConsumer<String, Boolean> report) {
    this.document = Objects.requireNonNull(document, "document");
    this.problems = Objects.requireNonNull(problems, "problems");
    this.connection = Objects.requireNonNull(connection, "connection");
    this.tasks = Objects.requireNonNull(tasks, "tasks");
    this.planner = new RunPlanner(catalog);
    this.starter = Objects.requireNonNull(starter, "starter");
    this.owner = Objects.requireNonNull(owner, "owner");
    this.report = Objects.requireNonNull(report, "report");
  }

  /**
   * Runs (or dry-runs) the experiment as it is now, after the user confirmed the plan. Says in the
   * status line why not when it cannot run.
   */
  public void run(boolean dryRun) {
    String refusal = refusal();
    if (refusal != null) {
      report.accept(refusal, true);
      return;
    }
    Experiment experiment = document.experiment();
    LiveCluster cluster = connection.liveClusterProperty().get();
    boolean protectedContext = connection.isCurrentProtected();
    Set<String> protectedNames = Set.copyOf(connection.protectedContexts());
    preparing = true;
    tasks.execute(
        () -> {
          // Reads the kubeconfig: every context the experiment names must be in it.
          List<String> used = ClusterContexts.used(experiment.spec(), cluster.contextName());
          var missing = new LinkedHashMap<String, String>();
          for (String other : used.subList(1, used.size())) {
            connection.missingContexts(List.of(other)).stream()
                .findFirst()
                .ifPresent(why -> missing.put(other, why));
          }
          RunPlan plan =
              planner.plan(
                  experiment,
                  cluster.snapshot(),
                  cluster.contextName(),
                  protectedContext,
                  dryRun,
                  new RunPlanner.Others(protectedNames, missing));
          return dryRun ? plan : plan.withOverlaps(starter.overlaps(plan.targets()));
        },
        plan ->
            new RunConfirmDialog(owner.get(), plan)
                .ask(
                    confirmed -> {
                      if (confirmed && !plan.missingContexts().isEmpty()) {
                        // Run is disabled then; this only guards against a future path around it.
                        preparing = false;
                      } else if (confirmed && cluster == connection.liveClusterProperty().get()) {
                        start(experiment, cluster, dryRun, plan.targets());
                      } else {
                        preparing = false;
                        if (confirmed) {
                          report.accept("The cluster connection changed; run again.", true);
                        }
                      }
                    }),
        failure -> {
          preparing = false;
          report.accept("Cannot plan the run: " + reason(failure), true);
        });
  }

  /** Why the experiment cannot run now, or null. */
  private String refusal() {
    if (preparing || active.get()) {
      return "A run is already in progress; stop it first.";
    }
    if (document.unparsedTextProperty().get() != null) {
      return "Cannot run: the text does not parse; fix it in the text view first.";
    }
    long errors = problems.problems().stream().filter(Problem::isError).count();
    if (errors > 0) {
      return "Cannot run: the experiment has "
          + errors
          + (errors == 1 ? " error" : " errors")
          + "; see Problems.";
    }
    if (connection.liveClusterProperty().get() == null) {
      return "Cannot run: not connected to a cluster; choose one in the context switcher.";
    }
    return null;
  }

  private void start(
      Experiment experiment,
      LiveCluster cluster,
      boolean dryRun,
      java.util.List<dev.faultline.safety.RunTarget> targets) {
    RunViewModel run = new RunViewModel(experiment, null, tasks);
    snapshots = new RunClusterSnapshots(cluster.contextName(), cluster::snapshot);
    RunClusterSnapshots runSnapshots = snapshots;
    // Shown first, then active: whoever reacts to a run becoming active finds its view built.
    current.set(run);
    phase.bind(run.phaseProperty());
    if (experiment.spec().loop() != null) {
      startLoop(experiment, cluster, dryRun, targets, run, runSnapshots);
      return;
    }
    tasks.execute(
        () -> starter.start(experiment, cluster, dryRun, targets, run.listener(), runSnapshots),
        started -> {
          preparing = false;
          ended = started.result();
          run.attach(started);
          report.accept(
              (dryRun ? "Dry run" : "Run") + " started on " + cluster.contextName() + ".", false);
          reportVerdictWhenFinished(run, cluster.contextName(), dryRun);
        },
        failure -> startFailed(run, failure));
  }

  private void startFailed(RunViewModel run, Throwable failure) {
    preparing = false;
    phase.unbind();
    phase.set(RunPhase.FINISHED);
    run.dispose();
    current.set(null);
    report.accept("Cannot start the run: " + reason(failure), true);
  }

  /**
   * Runs every loop of {@code spec.loop} through {@link RunStarter#startLoop}, into the one view
   * model: each loop's handle is attached as it starts (so pause, gates and stop reach the loop
   * under way) and the loop itself is attached so cancel and stop also end it during a pause.
   */
  private void startLoop(
      Experiment experiment,
      LiveCluster cluster,
      boolean dryRun,
      java.util.List<dev.faultline.safety.RunTarget> targets,
      RunViewModel run,
      RunClusterSnapshots runSnapshots) {
    tasks.execute(
        () ->
            starter.startLoop(
                experiment,
                cluster,
                dryRun,
                targets,
                run.listener(),
                run.loopListener(),
                handle -> Platform.runLater(() -> run.attach(handle)),
                runSnapshots),
        started -> {
          preparing = false;
          ended = started.result();
          run.attachLoop(started.loop());
          started.result().thenAccept(run::loopEnded);
          report.accept(
              (dryRun ? "Looped dry run" : "Looped run")
                  + " started on "
                  + cluster.contextName()
                  + ".",
              false);
          reportVerdictWhenFinished(run, cluster.contextName(), dryRun);
        },
        failure -> startFailed(run, failure));
  }

  /**
   * Replaces "Run started on …" in the status line with the verdict once the run ends, so the
   * status line never claims a run is under way after it finished (the Run tab may be hidden).
   */
  private void reportVerdictWhenFinished(RunViewModel run, String contextName, boolean dryRun) {
    run.verdictProperty()
        .addListener(
            new javafx.beans.value.ChangeListener<>() {
              @Override
              public void changed(
                  javafx.beans.value.ObservableValue<? extends Verdict> property,
                  Verdict old,
                  Verdict verdict) {
                if (verdict == null) {
                  return;
                }
                property.removeListener(this);
                report.accept(
                    finishedMessage(contextName, dryRun, verdict, run), verdict != Verdict.PASSED);
              }
            });
  }

  /** "Run on sandbox passed in 0:42." or "… aborted in 0:13: emergency stop." */
  static String finishedMessage(
      String contextName, boolean dryRun, Verdict verdict, RunViewModel run) {
    String reason = run.reasonProperty().get();
    String why =
        verdict == Verdict.PASSED || reason == null || reason.isBlank()
            ? ""
            : ": " + reason.strip();
    String sentence =
        (dryRun ? "Dry run" : "Run")
            + " on "
            + contextName
            + " "
            + verdict.word()
            + " in "
            + run.elapsedTextProperty().get()
            + why;
    return sentence.endsWith(".") ? sentence : sentence + ".";
  }

  /**
   * Calls {@code then} at once when no run is active; else asks whether to stop the run, and after
   * yes, stops it and calls {@code then} once every fault is rolled back. Nothing happens on no.
   */
  public void confirmStopThen(Runnable then) {
    if (!active.get() || ended == null) {
      then.run();
      return;
    }
    Alert ask =
        new Alert(
            Alert.AlertType.WARNING,
            "Closing stops the run. Every fault it applied is rolled back before Faultline"
                + " closes.",
            new ButtonType("Stop Run and Close", ButtonBar.ButtonData.OK_DONE),
            new ButtonType("Keep Running", ButtonBar.ButtonData.CANCEL_CLOSE));
    ask.initOwner(owner.get());
    ask.setHeaderText("A run is in progress on " + contextName() + ".");
    ask.getDialogPane().setId("stop-run-on-close");
    ask.setOnHidden(
        event -> {
          ButtonType answer = ask.getResult();
          if (answer != null && answer.getButtonData() == ButtonBar.ButtonData.OK_DONE) {
            stopThen(then);
          }
        });
    ask.show();
  }

  /** Emergency-stops the run and calls {@code then} on the FX thread after its rollback. */
  private void stopThen(Runnable then) {
    CompletableFuture<?> stopping = ended;
    current.get().emergencyStop();
    report.accept("Rolling back the run before closing\u2026", false);
    tasks.execute(() -> stopping.join(), result -> then.run(), failure -> then.run());
  }

  /** Stops the active run now, from anywhere in the window (the global shortcut). */
  public void emergencyStop() {
    RunViewModel run = current.get();
    if (run != null && active.get()) {
      run.emergencyStop();
    }
  }

  /** Pauses a running run, resumes a paused one. */
  public void togglePause() {
    RunViewModel run = current.get();
    if (run == null || !active.get()) {
      return;
    }
    if (run.phase() == RunPhase.PAUSED) {
      run.resume();
    } else {
      run.pause();
    }
  }

  /** Cancels the active run: steps stop, every fault is rolled back. */
  public void cancel() {
    RunViewModel run = current.get();
    if (run != null && active.get()) {
      run.cancel();
    }
  }

  private String contextName() {
    LiveCluster cluster = connection.liveClusterProperty().get();
    return cluster == null ? "the cluster" : cluster.contextName();
  }

  /**
   * The snapshot the pods of {@code context} are read from, for the run shown: the connection's for
   * the run's own context, the one the run opened for another. Null before a run, or for a context
   * not opened (yet). Safe on any thread.
   */
  public ClusterSnapshot snapshotOf(String context) {
    RunClusterSnapshots shown = snapshots;
    return shown == null ? null : shown.of(context);
  }

  /** The run shown, the active one or the last one; null before the first run. */
  public ReadOnlyObjectProperty<RunViewModel> currentProperty() {
    return current.getReadOnlyProperty();
  }

  /** Whether a run is under way (started and not finished). */
  public BooleanBinding activeBinding() {
    return active;
  }

  private static String reason(Throwable failure) {
    Throwable cause = failure;
    while (cause.getCause() != null && cause.getMessage() == null) {
      cause = cause.getCause();
    }
    String message = cause.getMessage();
    return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
  }
}
