package dev.faultline.cli;

import dev.faultline.attack.AttackExecutors;
import dev.faultline.model.TimeSpan;
import dev.faultline.safety.ActiveRuns;
import dev.faultline.safety.ActiveRuns.ActiveRun;
import dev.faultline.safety.ActiveRuns.Liveness;
import dev.faultline.safety.Cleanup;
import dev.faultline.safety.FileRollbackJournal;
import dev.faultline.safety.JournalContents;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code faultline stop --all} (the emergency stop) and {@code faultline stop RUN_ID}: asks runs in
 * progress on this machine to stop and roll back, waits for them, and rolls back itself the faults
 * of runs whose process is gone.
 */
@Command(
    name = "stop",
    mixinStandardHelpOptions = true,
    exitCodeOnInvalidInput = ExitCodes.USAGE,
    description = {
      "Stops runs in progress on this machine, from any terminal: each run sees the request",
      "within 200 ms, stops its steps and rolls back every fault it applied. Waits until they",
      "have. The faults of a run whose process is gone (crashed, killed) are rolled back here."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      " 0:every run stopped and nothing is left open (or no run was in progress)",
      " 1:a run did not stop within --wait, is not in progress, or faults stay open",
      "64:usage error",
      "69:a crashed run's cluster could not be reached; its faults stay open"
    },
    footerHeading = "%nExamples:%n",
    footer = {"  faultline stop --all", "  faultline stop 20250501-101500-checkout-3f2a"})
final class StopCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "0..1", paramLabel = "RUN_ID", description = "The run to stop.")
  String runId;

  @Option(names = "--all", description = "Stop every run in progress on this machine.")
  boolean all;

  @Option(
      names = "--wait",
      paramLabel = "DURATION",
      description = "How long to wait for the runs to roll back (default: ${DEFAULT-VALUE}).")
  String wait = "2m";

  @Option(
      names = "--kubeconfig",
      paramLabel = "PATH",
      description =
          "Kubeconfig for rolling back crashed runs (default: KUBECONFIG / ~/.kube/config).")
  Path kubeconfig;

  private final CliEnvironment environment;
  private final Supplier<AttackExecutors> executors;

  StopCommand(CliEnvironment environment, Supplier<AttackExecutors> executors) {
    this.environment = environment;
    this.executors = executors;
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      return stop(out, err);
    } finally {
      out.flush();
      err.flush();
    }
  }

  private int stop(PrintWriter out, PrintWriter err) throws IOException, InterruptedException {
    if (all == (runId != null)) {
      err.println("stop: name a run id, or --all to stop every run");
      return ExitCodes.USAGE;
    }
    Optional<Duration> limit = TimeSpan.parse(wait);
    if (limit.isEmpty()) {
      err.println("stop: --wait wants a duration such as 30s or 2m, not " + wait);
      return ExitCodes.USAGE;
    }
    Path state = environment.stateDirectory();
    ActiveRuns runs = new ActiveRuns(state);
    String by =
        "faultline stop "
            + (all ? "--all" : runId)
            + " (pid "
            + ProcessHandle.current().pid()
            + ")";
    List<ActiveRun> targets;
    if (all) {
      targets = runs.requestStopAll(by);
    } else {
      try {
        FileRollbackJournal.checkRunId(runId);
      } catch (IllegalArgumentException e) {
        err.println("stop: " + e.getMessage());
        return ExitCodes.USAGE;
      }
      Optional<ActiveRun> run = runs.find(runId);
      if (run.isEmpty()) {
        String known = runs.list().stream().map(ActiveRun::runId).collect(Collectors.joining(", "));
        err.println(
            "stop: no run "
                + runId
                + " is in progress on this machine"
                + (known.isEmpty() ? "" : "; in progress: " + known));
        return ExitCodes.LEFT_OPEN;
      }
      runs.requestStop(runId, by);
      targets = List.of(run.get());
    }
    if (targets.isEmpty()) {
      out.println("stop: no runs in progress on this machine");
      warnLeftovers(state, err);
      return ExitCodes.OK;
    }
    out.println(
        "stop: asked "
            + CleanupCommand.plural(targets.size(), "run")
            + " to stop and roll back: "
            + targets.stream().map(StopCommand::describe).collect(Collectors.joining(", ")));
    out.flush();

    boolean failed = false;
    Map<String, ActiveRun> pending = new LinkedHashMap<>();
    List<ActiveRun> crashed = new ArrayList<>();
    for (ActiveRun run : targets) {
      switch (run.liveness()) {
        case ALIVE -> pending.put(run.runId(), run);
        case DEAD -> crashed.add(run);
        case OTHER_HOST -> {
          err.println(
              "stop: run "
                  + run.runId()
                  + " runs on host "
                  + run.host()
                  + "; stop it there (faultline stop "
                  + run.runId()
                  + ")");
          failed = true;
        }
      }
    }
    long deadline = System.nanoTime() + limit.get().toNanos();
    while (!pending.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(ActiveRuns.POLL_MILLIS);
      for (var it = pending.values().iterator(); it.hasNext(); ) {
        ActiveRun run = it.next();
        Optional<ActiveRun> now = runs.find(run.runId());
        if (now.isEmpty()) {
          it.remove();
          failed |= !reportStopped(run, state, out);
        } else if (now.get().liveness() == Liveness.DEAD) {
          it.remove();
          err.println(
              "stop: run "
                  + run.runId()
                  + " ended without finishing its rollback (process "
                  + run.pid()
                  + " is gone); rolling back its faults here");
          crashed.add(run);
        }
      }
    }
    for (ActiveRun run : pending.values()) {
      err.println(
          "stop: run "
              + run.runId()
              + " (pid "
              + run.pid()
              + ") did not stop within "
              + wait
              + "; it may still be rolling back. Wait and check with faultline stop "
              + run.runId()
              + ", or kill it and run faultline cleanup");
      failed = true;
    }
    if (!crashed.isEmpty()) {
      int code = rollBackCrashed(crashed, state, out, err);
      if (code != ExitCodes.OK) {
        return code;
      }
    }
    return failed ? ExitCodes.LEFT_OPEN : ExitCodes.OK;
  }

  /** Prints how a run that deregistered ended; false when faults stay open. */
  private static boolean reportStopped(ActiveRun run, Path state, PrintWriter out)
      throws IOException {
    Path journal = FileRollbackJournal.fileFor(state, run.runId());
    int open = 0;
    if (Files.exists(journal)) {
      try {
        JournalContents contents = FileRollbackJournal.read(journal);
        open = contents.open().size();
      } catch (java.nio.file.NoSuchFileException e) {
        open = 0;
      }
    }
    if (open == 0) {
      out.println("stop: run " + run.runId() + " stopped; its faults are rolled back");
      out.flush();
      return true;
    }
    out.println(
        "stop: run "
            + run.runId()
            + " stopped, but "
            + CleanupCommand.plural(open, "fault")
            + " could not be rolled back and stay open; run faultline cleanup --context "
            + run.context());
    out.flush();
    return false;
  }

  private int rollBackCrashed(List<ActiveRun> crashed, Path state, PrintWriter out, PrintWriter err)
      throws IOException {
    Set<String> ids = crashed.stream().map(ActiveRun::runId).collect(Collectors.toSet());
    try (var clusters =
        new CliClusters(
            environment.kubeContexts().overriddenBy(Optional.ofNullable(kubeconfig)),
            environment.sandboxKubeconfig())) {
      Cleanup.Report report =
          new Cleanup(state, executors.get())
              .run(new Cleanup.Options(null, false, List.of(), ids), clusters);
      for (ActiveRun run : crashed) {
        if (report.outcomes().stream()
            .noneMatch(o -> o.leftover().fault().runId().equals(run.runId()))) {
          out.println(
              "stop: run "
                  + run.runId()
                  + " had crashed (process "
                  + run.pid()
                  + " is gone) and left no open faults");
        }
      }
      for (Cleanup.Outcome outcome : report.outcomes()) {
        out.println("stop: " + outcome.message());
      }
      for (String problem : report.problems()) {
        err.println("warning: " + problem);
      }
      if (report.unreachable()) {
        return ExitCodes.CLUSTER;
      }
      return report.leftOpen() > 0 ? ExitCodes.LEFT_OPEN : ExitCodes.OK;
    }
  }

  private void warnLeftovers(Path state, PrintWriter err) {
    try {
      for (String warning : new Cleanup(state, executors.get()).scan(null).warnings()) {
        err.println("note: " + warning);
      }
    } catch (IOException e) {
      // only a hint; the stop itself succeeded
    }
  }

  private static String describe(ActiveRun run) {
    return run.runId()
        + " ("
        + (run.experiment().isEmpty() ? "" : run.experiment() + " ")
        + "on "
        + (run.context().isEmpty() ? "?" : run.context())
        + ", pid "
        + run.pid()
        + ")";
  }
}
