package dev.faultline.cli;

import dev.faultline.cluster.ClusterTarget;
import dev.faultline.cluster.KubeContexts;
import dev.faultline.cluster.KubeconfigException;
import dev.faultline.engine.ClusterRunEnvironment;
import dev.faultline.engine.Engine;
import dev.faultline.engine.RunOptions;
import dev.faultline.engine.RunResult;
import dev.faultline.engine.SupervisedRun;
import dev.faultline.format.ExperimentReader;
import dev.faultline.format.ReadResult;
import dev.faultline.model.Experiment;
import dev.faultline.model.Notification;
import dev.faultline.safety.Confirmation;
import dev.faultline.safety.ProtectedContexts;
import dev.faultline.safety.RunGuard;
import dev.faultline.validate.NotificationRule;
import dev.faultline.validate.Problem;
import dev.faultline.validate.Validator;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code faultline run FILE}: runs an experiment against a cluster with live progress on stderr,
 * rolls back every fault however the run ends (including Ctrl-C, SIGTERM and {@code faultline stop
 * --all}), writes the reports asked for, and exits with the verdict's code.
 */
@Command(
    name = "run",
    description = {
      "Runs an experiment: applies its faults, checks its probes, rolls back every fault, reports.",
      "A context marked protected (faultline contexts protect) also needs --yes-i-mean-CONTEXT."
    },
    exitCodeOnInvalidInput = ExitCodes.USAGE,
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      " 0:passed",
      " 1:failed: the hypothesis deviated",
      " 2:the file has errors",
      " 3:aborted (halt, cancel, stop) or error (could not run)",
      "64:usage error"
    },
    mixinStandardHelpOptions = true)
final class RunCommand implements Callable<Integer> {
  static final int INVALID_FILE = 2;
  static final int ABORTED_OR_ERROR = 3;

  private final CliEnvironment environment;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The experiment (YAML or JSON).")
  Path file;

  @Mixin ClusterChoice cluster = new ClusterChoice();

  @Option(
      names = "--dry-run",
      description = "Resolve targets, check permissions and probes; apply nothing.")
  boolean dryRun;

  @Option(
      names = "--report-dir",
      paramLabel = "DIR",
      description = "Write run.json, junit.xml and report.html here.")
  Path reportDir;

  @Option(names = "--junit", paramLabel = "FILE", description = "Write a JUnit XML report to FILE.")
  Path junit;

  @Option(names = "--approve-gates", description = "Approve every gate without asking.")
  boolean approveGates;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      description = "text (default) or json: the summary on stdout.")
  String output = "text";

  @Option(
      names = "--notify-webhook",
      paramLabel = "URL",
      description = {
        "Also POST start, gate, halt and finish to this webhook (repeatable): Slack JSON for",
        "hooks.slack.com, generic JSON otherwise. Adds to the file's spec.notifications."
      })
  List<String> notifyWebhooks = new ArrayList<>();

  @Option(
      names = "--log-file",
      paramLabel = "PATH",
      description =
          "Also append one JSON line per start, gate, halt and finish to PATH (repeatable).")
  List<Path> logFiles = new ArrayList<>();

  @Unmatched List<String> unmatched = new ArrayList<>();

  RunCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!output.equals("text") && !output.equals("json")) {
      err.println("run: -o takes text or json, not '" + output + "'");
      return ExitCodes.USAGE;
    }
    List<String> stray =
        unmatched.stream().filter(a -> !a.startsWith(RunGuard.FLAG_PREFIX)).toList();
    if (!stray.isEmpty()) {
      err.println(
          "run: unknown option(s) " + String.join(" ", stray) + "; see faultline run --help");
      return ExitCodes.USAGE;
    }
    for (String url : notifyWebhooks) {
      String problem = NotificationRule.urlProblem(url);
      if (problem != null) {
        err.println("run: --notify-webhook: " + problem);
        return ExitCodes.USAGE;
      }
    }
    ReadResult read = new ExperimentReader().read(file).validated(Validator.standard());
    List<Problem> errors = read.problems().stream().filter(Problem::isError).toList();
    if (read.experiment().isEmpty() || !errors.isEmpty()) {
      ProblemPrinter.text(
          errors.stream().map(p -> new ProblemPrinter.FileProblem(file.toString(), p)).toList(),
          err);
      err.println(file + ": cannot run a file with errors");
      return INVALID_FILE;
    }
    Experiment experiment = read.experiment().get();
    KubeContexts contexts = cluster.contexts(environment.kubeContexts());
    try (var connector = cluster.connector(contexts, "run", true)) {
      ClusterTarget target;
      try {
        target = cluster.choose(contexts.discover(), experiment, err, "run");
      } catch (IllegalArgumentException e) {
        err.println("run: " + e.getMessage());
        return ExitCodes.USAGE;
      }
      Confirmation confirmation =
          new RunGuard(ProtectedContexts.load(environment.protectedContextsFile()))
              .confirm(target.contextName(), unmatched);
      if (confirmation.outcome() == Confirmation.Outcome.REFUSED) {
        err.println("run: " + confirmation.message());
        return ExitCodes.USAGE;
      }
      if (!confirmation.message().isEmpty()) {
        err.println("run: " + confirmation.message());
      }
      err.println("run: connecting to " + target.label() + " …");
      try (KubernetesClient client = connector.connect(target)) {
        return run(experiment, target.contextName(), client, out, err);
      } catch (KubeconfigException e) {
        err.println("run: " + e.getMessage());
        return ABORTED_OR_ERROR;
      }
    }
  }

  /** The sinks of --notify-webhook and --log-file. */
  List<Notification> notifications() {
    var list = new ArrayList<Notification>();
    for (String url : notifyWebhooks) {
      var format =
          "hooks.slack.com".equals(java.net.URI.create(url).getHost())
              ? Notification.WebhookFormat.SLACK
              : Notification.WebhookFormat.GENERIC;
      list.add(new Notification.Webhook(url, format, null, null, null));
    }
    for (Path path : logFiles) {
      list.add(new Notification.LogFile(path.toString(), null, null, null));
    }
    return list;
  }

  private int run(
      Experiment experiment,
      String contextName,
      KubernetesClient client,
      PrintWriter out,
      PrintWriter err)
      throws Exception {
    Path state = environment.stateDirectory();
    LeftoverWarning.print(state, contextName, err);
    String runId = RunOptions.newRunId(experiment.metadata().name(), Instant.now());
    Duration wait = cluster.timeout();
    var env =
        ClusterRunEnvironment.create(client, contextName, state, experiment.metadata().name());
    RunOptions.GatePolicy gates =
        approveGates
            ? RunOptions.GatePolicy.APPROVE
            : System.console() != null
                ? RunOptions.GatePolicy.ASK
                : RunOptions.GatePolicy.ON_TIMEOUT;
    var options =
        new RunOptions(runId, dryRun, gates, null, null, wait).withNotifications(notifications());
    var progress = new RunProgressPrinter(err);
    var gatePrompt = new GatePrompt(err);
    var run =
        SupervisedRun.start(
            new Engine(env), experiment, options, state, contextName, progress, gatePrompt);
    gatePrompt.attach(run.handle(), gates == RunOptions.GatePolicy.ASK);
    RunResult result = run.await();
    RunReports.write(experiment, result, reportDir, junit, err);
    if (output.equals("json")) {
      out.print(RunReports.json(experiment, result));
    } else {
      RunSummary.print(experiment, result, out);
    }
    out.flush();
    return result.verdict().exitCode();
  }
}
