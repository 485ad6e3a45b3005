package dev.faultline.cli;

import dev.faultline.attack.AttackExecutors;
import dev.faultline.safety.Cleanup;
import dev.faultline.safety.FileRollbackJournal;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code faultline cleanup}: finds the faults crashed runs left behind, in this machine's rollback
 * journals and in the cluster (objects carrying Faultline's annotations), and rolls them back.
 */
@Command(
    name = "cleanup",
    mixinStandardHelpOptions = true,
    exitCodeOnInvalidInput = ExitCodes.USAGE,
    description = {
      "Rolls back the faults that crashed or killed runs left behind: open faults in this",
      "machine's rollback journals, and objects in the cluster that carry Faultline's",
      "annotations (faultline.dev/run-id, faultline.dev/fault) or the",
      "faultline.dev/created-by-run label, for runs not in progress on this machine.",
      "A fault that cannot be rolled back stays in its journal; run cleanup again later.",
      "",
      "Searches the cluster of --context, else the current context and every context the",
      "journals name. Runs in progress on another machine look like leftovers from here:",
      "use --dry-run first on shared clusters."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      " 0:nothing is left behind (everything found was rolled back)",
      " 1:faults stay open (a rollback failed; --dry-run: leftovers were found), or a warning needs a person",
      "64:usage error",
      "69:a cluster could not be reached; its faults stay open"
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  faultline cleanup --dry-run",
      "  faultline cleanup --context kind-dev",
      "  faultline cleanup --kubeconfig ~/clusters/eks.yaml --context eks-staging"
    })
final class CleanupCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--context",
      paramLabel = "C",
      description = "Only faults in this kubeconfig context (and only its cluster is searched).")
  String context;

  @Option(
      names = "--kubeconfig",
      paramLabel = "PATH",
      description = "Kubeconfig file instead of KUBECONFIG / ~/.kube/config.")
  Path kubeconfig;

  @Option(names = "--dry-run", description = "Show what would be rolled back; change nothing.")
  boolean dryRun;

  @Option(
      names = "--journal-only",
      description = "Do not search the cluster for annotated objects; use the journals only.")
  boolean journalOnly;

  private final CliEnvironment environment;
  private final Supplier<AttackExecutors> executors;

  CleanupCommand(CliEnvironment environment, Supplier<AttackExecutors> executors) {
    this.environment = environment;
    this.executors = executors;
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path state = environment.stateDirectory();
    var cleanup = new Cleanup(state, executors.get());
    try (var clusters =
        new CliClusters(
            environment.kubeContexts().overriddenBy(Optional.ofNullable(kubeconfig)),
            environment.sandboxKubeconfig())) {
      Set<String> search = new LinkedHashSet<>();
      if (!journalOnly) {
        if (context != null) {
          search.add(context);
        } else {
          clusters.currentContext().ifPresent(search::add);
          search.addAll(Cleanup.contexts(cleanup.scan(null).leftovers()));
        }
      }
      err.println(
          "cleanup: "
              + (dryRun ? "looking for" : "rolling back")
              + " leftovers in "
              + FileRollbackJournal.runsDirectory(state)
              + (search.isEmpty() ? "" : " and on context " + String.join(", ", search))
              + " …");
      err.flush();
      Cleanup.Report report =
          cleanup.run(
              new Cleanup.Options(context, dryRun, List.copyOf(search), Set.of()), clusters);
      print(report, out, err);
      if (report.unreachable()) {
        return ExitCodes.CLUSTER;
      }
      return report.clean() ? ExitCodes.OK : ExitCodes.LEFT_OPEN;
    } finally {
      out.flush();
      err.flush();
    }
  }

  private void print(Cleanup.Report report, PrintWriter out, PrintWriter err) {
    for (Cleanup.Outcome outcome : report.outcomes()) {
      out.println(outcome.message());
    }
    for (String run : report.active()) {
      err.println("note: run " + run + " is in progress; its faults were left alone");
    }
    for (String problem : report.problems()) {
      err.println("warning: " + problem);
    }
    out.println(summary(report, dryRun));
  }

  /** {@code cleanup: 2 faults rolled back, 1 left open} and the like. */
  static String summary(Cleanup.Report report, boolean dryRun) {
    if (report.outcomes().isEmpty()) {
      return "cleanup: nothing left behind"
          + (report.problems().isEmpty() ? "" : " that Faultline can undo");
    }
    long done =
        report.outcomes().stream().filter(o -> o.result() == Cleanup.Result.ROLLED_BACK).count();
    long settled =
        report.outcomes().stream()
            .filter(
                o ->
                    o.result() == Cleanup.Result.NOTHING_TO_UNDO
                        || o.result() == Cleanup.Result.GONE)
            .count();
    int open = report.leftOpen();
    if (dryRun) {
      return "cleanup (dry run): "
          + plural(open, "fault")
          + " would be rolled back"
          + (settled > 0 ? ", " + settled + " marked done (nothing to undo)" : "");
    }
    return "cleanup: "
        + plural(done, "fault")
        + " rolled back"
        + (settled > 0 ? ", " + settled + " marked done (nothing to undo)" : "")
        + (open > 0 ? ", " + open + " left open" : "");
  }

  static String plural(long n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}
