package dev.faultline.app.run;

import dev.faultline.app.connection.ConnectionViewModel;
import dev.faultline.app.connection.LiveCluster;
import dev.faultline.designer.document.DocumentProblems;
import dev.faultline.designer.document.ExperimentDocument;
import dev.faultline.designer.fx.UiTaskExecutor;
import dev.faultline.designer.run.WorkflowRunViewModel;
import dev.faultline.engine.RunOptions;
import dev.faultline.validate.Problem;
import dev.faultline.workflow.WorkflowDocument;
import dev.faultline.workflow.WorkflowRun;
import dev.faultline.workflow.WorkflowSources;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Runs a Chaos Mesh Workflow from the window (Run → Run on Chaos Mesh…, Run → Run Workflow File…):
 * exports the open experiment with the Chaos Mesh exporter, or reads a Workflow file, then runs it
 * on the connected cluster through {@link WorkflowRun} on a background thread and shows its nodes
 * in the Run tab. The view's Stop button deletes the Workflow. FX thread.
 */
public final class WorkflowRunController {
  private final ExperimentDocument document;
  private final DocumentProblems problems;
  private final ConnectionViewModel connection;
  private final UiTaskExecutor tasks;
  private final Path stateDirectory;
  private final Supplier<Window> owner;
  private final BiConsumer<String, Boolean> report;
  private final Consumer<WorkflowRunViewModel> show;
  private WorkflowRunViewModel current;

  /** Set on the FX thread, cleared by the run's thread when it ends. */
  private volatile WorkflowRun running;

  /**
   * @param show puts a run's view model in the Run tab
   * @param report shows a message in the status line; true marks an error
   */
  public WorkflowRunController(
      ExperimentDocument document,
      DocumentProblems problems,
      ConnectionViewModel connection,
      UiTaskExecutor tasks,
      Path stateDirectory,
      Supplier<Window> owner,
      BiConsumer<String, Boolean> report,
      Consumer<WorkflowRunViewModel> show) {
    this.document = Objects.requireNonNull(document, "document");
    this.problems = Objects.requireNonNull(problems, "problems");
    this.connection = Objects.requireNonNull(connection, "connection");
    this.tasks = Objects.requireNonNull(tasks, "tasks");
    this.stateDirectory = Objects.requireNonNull(stateDirectory, "stateDirectory");
    this.owner = Objects.requireNonNull(owner, "owner");
    this.report = Objects.requireNonNull(report, "report");
    this.show = Objects.requireNonNull(show, "show");
  }

  /** Exports the open experiment as a Workflow and runs it. */
  public void runExperiment() {
    if (problems.problems().stream().anyMatch(Problem::isError)) {
      report.accept("Cannot run on Chaos Mesh: the experiment has errors; see Problems.", true);
      return;
    }
    var experiment = document.experiment();
    start(() -> WorkflowSources.fromExperiment(experiment, null, experiment.metadata().name()));
  }

  /** Asks for a Workflow (or experiment) file and runs it. */
  public void chooseFile() {
    var chooser = new FileChooser();
    chooser.setTitle("Run a Chaos Mesh Workflow");
    chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("YAML", "*.yaml", "*.yml"));
    var file = chooser.showOpenDialog(owner.get());
    if (file != null) {
      runFile(file.toPath());
    }
  }

  /** Reads a Workflow (or an experiment, exported) from {@code file} and runs it. */
  public void runFile(Path file) {
    start(() -> WorkflowSources.read(file, null));
  }

  private void start(Callable<WorkflowDocument> source) {
    LiveCluster cluster = connection.liveClusterProperty().get();
    if (cluster == null) {
      report.accept(
          "Cannot run: not connected to a cluster; choose one in the context switcher.", true);
      return;
    }
    if (current != null && !current.finishedProperty().get()) {
      report.accept("A Workflow run is in progress; stop it first.", true);
      return;
    }
    tasks.execute(
        () -> {
          WorkflowDocument workflow = source.call();
          var run =
              new WorkflowRun(
                  cluster.client(),
                  cluster.contextName(),
                  stateDirectory,
                  workflow,
                  RunOptions.newRunId(workflow.name(), Instant.now()),
                  Duration.ofSeconds(60));
          List<String> refused = run.preflight(); // cluster calls: off the FX thread
          if (!refused.isEmpty()) {
            throw new IllegalStateException(String.join("; ", refused));
          }
          return run;
        },
        run -> begin(run, cluster.contextName()),
        failure -> report.accept("Cannot run on Chaos Mesh: " + failure.getMessage(), true));
  }

  private void begin(WorkflowRun run, String contextName) {
    WorkflowDocument workflow = run.workflow();
    var model =
        new WorkflowRunViewModel(
            "Workflow " + workflow.namespace() + "/" + workflow.name() + " on " + contextName);
    model.showExportWarnings(workflow.exportWarnings());
    model.setStopAction(() -> run.stop("stopped from the window"));
    current = model;
    running = run;
    show.accept(model);
    Thread.ofVirtual()
        .name("faultline-workflow-run")
        .start(
            () -> {
              try {
                run.run(model.listener());
              } catch (Exception e) {
                model.fail(e.getMessage());
              } finally {
                running = null;
              }
            });
    report.accept("Workflow " + workflow.name() + " started on " + contextName + ".", false);
  }

  /** Stops a Workflow run in progress (window closing, emergency stop). */
  public void stop() {
    if (current != null) {
      current.stop();
    }
  }

  /**
   * Calls {@code then} at once when no Workflow runs; else deletes it and calls {@code then} on the
   * FX thread once it is gone (or its run gave up, leaving it to {@code faultline cleanup}).
   */
  public void stopThen(Runnable then) {
    if (!active()) {
      then.run();
      return;
    }
    stop();
    report.accept("Deleting the Chaos Mesh Workflow before closing\u2026", false);
    tasks.execute(
        () -> {
          while (active()) {
            Thread.sleep(100);
          }
          return true;
        },
        done -> then.run(),
        failure -> then.run());
  }

  /** Whether a Workflow run is in progress. */
  public boolean active() {
    return running != null;
  }
}
