package dev.faultline.cli;

import dev.faultline.cluster.ClusterTarget;
import dev.faultline.cluster.KubeContexts;
import dev.faultline.cluster.KubeconfigException;
import dev.faultline.engine.ClusterRunEnvironment;
import dev.faultline.engine.Engine;
import dev.faultline.engine.LoopResult;
import dev.faultline.engine.RunEnvironment;
import dev.faultline.engine.RunOptions;
import dev.faultline.engine.RunResult;
import dev.faultline.engine.RunTargets;
import dev.faultline.format.ExperimentReader;
import dev.faultline.format.ReadResult;
import dev.faultline.model.ClusterContexts;
import dev.faultline.model.Experiment;
import dev.faultline.model.Notification;
import dev.faultline.report.LoopReports;
import dev.faultline.safety.ActiveRuns;
import dev.faultline.safety.Confirmation;
import dev.faultline.safety.Overlaps;
import dev.faultline.safety.ProtectedContexts;
import dev.faultline.safety.RunGuard;
import dev.faultline.safety.RunTarget;
import dev.faultline.validate.NotificationRule;
import dev.faultline.validate.Problem;
import dev.faultline.validate.Validator;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
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
      "A context marked protected (faultline contexts protect) also needs --yes-i-mean-CONTEXT.",
      "spec.loop repeats the run; spec.schedule runs it at each cron firing until interrupted",
      "(or --max-runs N); --once runs it now."
    },
    exitCodeOnInvalidInput = ExitCodes.USAGE,
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      " 0:passed",
      " 1:failed: the hypothesis deviated",
      " 2:the file has errors",
      " 3:aborted (halt, cancel, stop) or error (could not run)",
      " 4:not started: another run in progress acts on the same objects (--refuse-overlap)",
      "64:usage error"
    },
    mixinStandardHelpOptions = true)
final class RunCommand implements Callable<Integer> {
  static final int INVALID_FILE = 2;
  static final int ABORTED_OR_ERROR = 3;
  static final int OVERLAP_REFUSED = 4;

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
      names = "--refuse-overlap",
      description =
          "Do not start (exit 4) when another run in progress acts on the same objects;"
              + " by default that is a warning.")
  boolean refuseOverlap;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      description = "text (default) or json: the summary on stdout.")
  String output = "text";

  @Option(
      names = "--once",
      description = "Run once now, ignoring spec.schedule (a spec.loop still loops).")
  boolean once;

  @Option(
      names = "--max-runs",
      paramLabel = "N",
      description = "With spec.schedule: stop after N scheduled runs (default: until interrupted).")
  Integer maxRuns;

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
    if (maxRuns != null && maxRuns < 1) {
      err.println("run: --max-runs takes 1 or more");
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
      List<String> used = ClusterContexts.used(experiment.spec(), target.contextName());
      List<String> missing = ClusterRunEnvironment.missing(contexts, used.subList(1, used.size()));
      if (!missing.isEmpty()) {
        missing.forEach(m -> err.println("run: the experiment names " + m));
        return ExitCodes.USAGE;
      }
      var guard = new RunGuard(ProtectedContexts.load(environment.protectedContextsFile()));
      for (String context : used) {
        Confirmation confirmation = guard.confirm(context, unmatched);
        if (confirmation.outcome() == Confirmation.Outcome.REFUSED) {
          err.println("run: " + confirmation.message());
          return ExitCodes.USAGE;
        }
        if (!confirmation.message().isEmpty()) {
          err.println("run: " + confirmation.message());
        }
      }
      if (used.size() > 1) {
        err.println(
            "run: the experiment also acts on "
                + String.join(", ", used.subList(1, used.size()))
                + " (targets and probes that name a context)");
      }
      err.println("run: connecting to " + target.label() + " …");
      try (KubernetesClient client = connector.connect(target)) {
        var others =
            ClusterRunEnvironment.opener(
                connector, environment.stateDirectory(), experiment.metadata().name());
        return run(experiment, target.contextName(), client, others, out, err);
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
      RunEnvironment.ContextOpener others,
      PrintWriter out,
      PrintWriter err)
      throws Exception {
    Path state = environment.stateDirectory();
    LeftoverWarning.print(state, contextName, err);
    String runId = RunOptions.newRunId(experiment.metadata().name(), Instant.now());
    Duration wait = cluster.timeout();
    var env =
        ClusterRunEnvironment.create(client, contextName, state, experiment.metadata().name())
            .withOthers(others);
    RunOptions.GatePolicy gates =
        approveGates
            ? RunOptions.GatePolicy.APPROVE
            : System.console() != null
                ? RunOptions.GatePolicy.ASK
                : RunOptions.GatePolicy.ON_TIMEOUT;
    List<RunTarget> targets = dryRun ? List.of() : resolveTargets(experiment, env, wait, err);
    List<Overlaps.Overlap> overlaps = Overlaps.withLiveRuns(new ActiveRuns(state), targets);
    for (Overlaps.Overlap overlap : overlaps) {
      err.println((refuseOverlap ? "run: " : "warning: ") + overlap.message());
    }
    if (!overlaps.isEmpty() && refuseOverlap) {
      err.println("run: not started (--refuse-overlap); faultline runs lists the runs in progress");
      return OVERLAP_REFUSED;
    }
    var runner =
        new LoopedRunner(
            new Engine(env),
            experiment,
            id ->
                new RunOptions(id, dryRun, gates, null, null, wait)
                    .withNotifications(notifications()),
            state,
            contextName,
            targets,
            err);
    if (experiment.spec().schedule() != null && !once) {
      return scheduled(experiment, runner, out, err);
    }
    LoopResult result = runner.run(runId);
    report(experiment, result, reportDir, junit, out, err);
    return result.verdict().exitCode();
  }

  private int scheduled(
      Experiment experiment, LoopedRunner runner, PrintWriter out, PrintWriter err)
      throws InterruptedException {
    var schedule = new ScheduledRuns(experiment.spec().schedule(), Clock.systemUTC(), err);
    // Each firing gets its own report folder; --junit is overwritten by the latest run.
    var verdict =
        schedule.run(
            runner::prepare,
            at -> RunOptions.newRunId(experiment.metadata().name(), at),
            maxRuns,
            result -> {
              Path dir =
                  reportDir == null
                      ? null
                      : reportDir.resolve(
                          result.loops().getFirst().runId().replaceAll("-loop1$", ""));
              synchronized (this) {
                report(experiment, result, dir, junit, out, err);
              }
            });
    return verdict.exitCode();
  }

  private void report(
      Experiment experiment,
      LoopResult result,
      Path dir,
      Path junitFile,
      PrintWriter out,
      PrintWriter err) {
    if (experiment.spec().loop() == null) {
      RunResult single = result.loops().getFirst();
      RunReports.write(experiment, single, dir, junitFile, err);
      if (output.equals("json")) {
        out.print(RunReports.json(experiment, single));
      } else {
        RunSummary.print(experiment, single, out);
      }
    } else {
      RunReports.writeLoops(experiment, result, dir, junitFile, err);
      if (output.equals("json")) {
        out.print(LoopReports.json(result, experiment));
      } else {
        RunSummary.printLoops(experiment, result, out);
      }
    }
    out.flush();
  }

  /**
   * The pods the run would hit now, for the overlap check; none when the cluster cannot be read
   * (the run's own preflight then says why it cannot run).
   */
  private static List<RunTarget> resolveTargets(
      Experiment experiment, RunEnvironment env, Duration wait, PrintWriter err) {
    try {
      return RunTargets.resolve(experiment, env, wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of();
    } catch (Exception e) {
      err.println("warning: could not resolve the targets to compare with other runs: " + e);
      return List.of();
    }
  }
}
