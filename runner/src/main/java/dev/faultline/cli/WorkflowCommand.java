package dev.faultline.cli;

import dev.faultline.cluster.ClusterTarget;
import dev.faultline.cluster.KubeContexts;
import dev.faultline.cluster.KubeconfigException;
import dev.faultline.engine.RunOptions;
import dev.faultline.safety.ActiveRuns;
import dev.faultline.safety.FileRollbackJournal;
import dev.faultline.workflow.WorkflowDocument;
import dev.faultline.workflow.WorkflowException;
import dev.faultline.workflow.WorkflowOutcome;
import dev.faultline.workflow.WorkflowRun;
import dev.faultline.workflow.WorkflowSources;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code faultline workflow run FILE}: runs a Chaos Mesh Workflow (or an experiment exported as
 * one) in a cluster with Chaos Mesh, printing its nodes as they start and end, and deletes it at
 * the end, on Ctrl+C and on {@code faultline stop}.
 */
@Command(
    name = "workflow",
    mixinStandardHelpOptions = true,
    exitCodeOnInvalidInput = ExitCodes.USAGE,
    description = "Runs Chaos Mesh Workflows in a cluster.",
    subcommands = {WorkflowCommand.Run.class})
final class WorkflowCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "run",
      mixinStandardHelpOptions = true,
      exitCodeOnInvalidInput = ExitCodes.USAGE,
      description = {
        "Applies a Chaos Mesh Workflow, shows its nodes live and deletes it when it ends or on",
        "Ctrl+C. FILE is a Workflow, or an experiment (exported with the Chaos Mesh exporter",
        "first)."
      },
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {
        " 0:accomplished",
        " 1:a status check failed, or the workflow was aborted or stopped",
        " 2:the file or the cluster's preflight has problems",
        "64:usage error (no such context)",
        "69:the cluster could not be reached"
      })
  static final class Run implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "Workflow or experiment YAML.")
    Path file;

    @Option(
        names = {"-n", "--namespace"},
        paramLabel = "NS",
        description = "Namespace for a Workflow that names none (and for the export).")
    String namespace;

    @Mixin ClusterChoice cluster = new ClusterChoice();

    private final CliEnvironment environment;

    Run(CliEnvironment environment) {
      this.environment = environment;
    }

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      WorkflowDocument workflow;
      try {
        workflow = WorkflowSources.read(file, namespace);
      } catch (IOException e) {
        err.println("workflow run: cannot read " + file + ": " + e.getMessage());
        return ExitCodes.PROBLEMS;
      } catch (WorkflowException e) {
        err.println("workflow run: " + e.getMessage());
        return ExitCodes.PROBLEMS;
      }
      // What the export could not express runs differently on Chaos Mesh: say so before it runs.
      workflow.exportWarnings().forEach(w -> err.println(file + ": warning: " + w));
      KubeContexts contexts = cluster.contexts(environment.kubeContexts());
      try (var connector = cluster.connector(contexts, "workflow", true)) {
        ClusterTarget target;
        try {
          target = cluster.choose(contexts.discover(), null, err, "workflow run");
        } catch (IllegalArgumentException e) {
          err.println("workflow run: " + e.getMessage());
          return ExitCodes.USAGE;
        }
        err.println("workflow run: connecting to " + target.label() + " …");
        try (KubernetesClient client = connector.connect(target)) {
          return run(workflow, target.contextName(), client, out, err);
        } catch (KubeconfigException e) {
          err.println("workflow run: " + e.getMessage());
          return ExitCodes.CLUSTER;
        }
      }
    }

    private int run(
        WorkflowDocument workflow,
        String contextName,
        KubernetesClient client,
        PrintWriter out,
        PrintWriter err)
        throws InterruptedException, IOException {
      Path state = environment.stateDirectory();
      LeftoverWarning.print(state, contextName, err);
      String runId = RunOptions.newRunId(workflow.name(), Instant.now());
      var run = new WorkflowRun(client, contextName, state, workflow, runId, cluster.timeout());
      List<String> problems = run.preflight();
      if (!problems.isEmpty()) {
        problems.forEach(p -> err.println("workflow run: " + p));
        return ExitCodes.PROBLEMS;
      }
      var outcome = new AtomicReference<WorkflowOutcome>();
      Thread hook =
          new Thread(
              () -> {
                if (outcome.get() == null) {
                  run.stop("a signal to the faultline process (Ctrl-C or SIGTERM)");
                  synchronized (outcome) {
                    while (outcome.get() == null) {
                      try {
                        outcome.wait(100);
                      } catch (InterruptedException e) {
                        return;
                      }
                    }
                  }
                }
              },
              "faultline-workflow-shutdown");
      Runtime.getRuntime().addShutdownHook(hook);
      try (var registration =
          new ActiveRuns(state)
              .register(
                  runId,
                  contextName,
                  "workflow " + workflow.name(),
                  FileRollbackJournal.fileFor(state, runId))) {
        registration.onStopRequested(r -> run.stop("faultline stop (" + r.by() + ")"));
        WorkflowOutcome result = run.run(new WorkflowProgressPrinter(out));
        synchronized (outcome) {
          outcome.set(result);
          outcome.notifyAll();
        }
      } catch (WorkflowException e) {
        synchronized (outcome) {
          outcome.set(
              new WorkflowOutcome(
                  dev.faultline.workflow.WorkflowState.pending(
                      workflow.name(), workflow.namespace()),
                  true,
                  ""));
          outcome.notifyAll();
        }
        err.println("workflow run: " + e.getMessage());
        return ExitCodes.PROBLEMS;
      }
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // exiting on a signal: the hook waited for the workflow to be deleted
      }
      WorkflowOutcome result = outcome.get();
      if (!result.cleanedUp()) {
        err.println("workflow run: " + result.cleanupMessage());
        return ExitCodes.LEFT_OPEN;
      }
      return result.succeeded() ? ExitCodes.OK : 1;
    }
  }
}
