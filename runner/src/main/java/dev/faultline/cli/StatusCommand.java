package dev.faultline.cli;

import dev.faultline.attack.Fault;
import dev.faultline.format.JsonText;
import dev.faultline.safety.ActiveRuns;
import dev.faultline.safety.ActiveRuns.ActiveRun;
import dev.faultline.safety.ActiveRuns.Liveness;
import dev.faultline.safety.FileRollbackJournal;
import dev.faultline.safety.JournalContents;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code faultline status RUN_ID}: one run of this machine (in progress, or finished with its
 * journal left) and each of its faults from the rollback journal: applied, rolled back, or left
 * open because its rollback failed.
 */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    exitCodeOnInvalidInput = ExitCodes.USAGE,
    description = {
      "Shows a run of this machine and whether its faults are active: each fault from the",
      "run's rollback journal with its target and state (applied, rolled back, irreversible,",
      "rollback failed). Works for runs in progress and for finished or crashed runs."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      " 0:no fault of the run is active",
      " 1:faults are active: the run is in progress and has faults in place",
      " 5:faults were left open by a run that ended or crashed: run faultline cleanup",
      "64:usage error, or no run with this id on this machine (the known ids are listed)"
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  faultline status 20250501-101500-checkout-3f2a",
      "  faultline status 20250501-101500-checkout-3f2a -o json"
    })
final class StatusCommand implements Callable<Integer> {
  /** Faults of a run in progress are in place. */
  static final int FAULTS_ACTIVE = 1;

  /** A run that is over (or whose process is gone) left faults open. */
  static final int FAULTS_LEFT_OPEN = 5;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "RUN_ID", description = "The run, as faultline runs shows.")
  String runId;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      description = "text (default) or json.")
  RunsCommand.Output output = RunsCommand.Output.text;

  private final CliEnvironment environment;

  StatusCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      return status(out, err);
    } finally {
      out.flush();
      err.flush();
    }
  }

  private int status(PrintWriter out, PrintWriter err) throws IOException {
    try {
      FileRollbackJournal.checkRunId(runId);
    } catch (IllegalArgumentException e) {
      err.println("status: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    Path state = environment.stateDirectory();
    ActiveRuns registry = new ActiveRuns(state);
    Optional<ActiveRun> run = registry.find(runId);
    Optional<JournalContents> journal = journal(state, runId);
    if (run.isEmpty() && journal.isEmpty()) {
      err.println("status: no run " + runId + " on this machine; " + known(registry, state));
      return ExitCodes.USAGE;
    }
    boolean inProgress = run.isPresent() && run.get().liveness() != Liveness.DEAD;
    List<Fault> recorded = journal.map(JournalContents::recorded).orElse(List.of());
    List<Map<String, Object>> faults = new ArrayList<>();
    // The run's own context first, then every other one it acts in (multi-cluster experiments).
    var contexts = new LinkedHashSet<String>();
    run.ifPresent(r -> contexts.addAll(RunRows.contexts(r)));
    journal.map(JournalContents::context).filter(c -> !c.isEmpty()).ifPresent(contexts::add);
    recorded.stream().map(Fault::context).filter(c -> !c.isEmpty()).forEach(contexts::add);
    boolean multi = contexts.size() > 1;
    var openIn = new LinkedHashSet<String>();
    int open = 0;
    for (Fault fault : recorded) {
      Optional<String> outcome = journal.get().outcome(fault.id());
      open += outcome.isEmpty() ? 1 : 0;
      if (outcome.isEmpty() && !fault.context().isEmpty()) {
        openIn.add(fault.context());
      }
      var item = new LinkedHashMap<String, Object>();
      item.put("fault", fault.id());
      item.put("step", fault.stepId());
      item.put("context", fault.context());
      item.put("action", fault.action());
      item.put("target", fault.object().display());
      item.put("state", faultState(outcome, inProgress));
      faults.add(item);
    }
    int code = open == 0 ? ExitCodes.OK : inProgress ? FAULTS_ACTIVE : FAULTS_LEFT_OPEN;
    if (output == RunsCommand.Output.json) {
      var item = new LinkedHashMap<String, Object>();
      item.put("runId", runId);
      if (run.isPresent()) {
        item.putAll(RunRows.json(run.get()));
      } else {
        item.put("experiment", journal.get().experiment());
        item.put("context", journal.get().context());
        item.put(
            "startedAt",
            journal.get().startedAt() == null ? null : journal.get().startedAt().toString());
        item.put("state", "finished");
      }
      item.put("contexts", List.copyOf(contexts));
      item.put("openFaults", (long) open);
      item.put("faults", faults);
      out.print(JsonText.write(item));
      return code;
    }
    printHeader(out, run, journal, multi ? List.copyOf(contexts) : List.of());
    if (faults.isEmpty()) {
      out.println("No faults recorded" + (inProgress ? " yet." : "."));
    } else {
      // A multi-cluster run's faults also say which cluster they live in.
      var table =
          new TextTable(columns(multi, "FAULT", "STEP", "CONTEXT", "TARGET", "ACTION", "STATE"));
      for (Map<String, Object> f : faults) {
        table.row(
            columns(
                multi,
                (String) f.get("fault"),
                (String) f.get("step"),
                (String) f.get("context"),
                (String) f.get("target"),
                TextTable.firstLine((String) f.get("action")),
                (String) f.get("state")));
      }
      table.print(out);
    }
    if (code == FAULTS_ACTIVE) {
      out.println(
          CleanupCommand.plural(open, "fault")
              + " active; they are rolled back when the run ends (faultline stop "
              + runId
              + " ends it now)");
    } else if (code == FAULTS_LEFT_OPEN) {
      String context = journal.get().context();
      String cleanup =
          multi && !openIn.isEmpty()
              ? String.join(
                  "; ", openIn.stream().map(c -> "faultline cleanup --context " + c).toList())
              : "faultline cleanup" + (context.isEmpty() ? "" : " --context " + context);
      out.println(
          CleanupCommand.plural(open, "fault")
              + " left open by a run that is no longer running: "
              + cleanup);
    } else {
      out.println("No fault of this run is active.");
    }
    return code;
  }

  /**
   * @param contexts every context of a multi-cluster run, its own first; empty for one cluster
   */
  private static void printHeader(
      PrintWriter out,
      Optional<ActiveRun> run,
      Optional<JournalContents> journal,
      List<String> contexts) {
    Instant now = Instant.now();
    if (run.isPresent()) {
      ActiveRun r = run.get();
      out.println("Run:        " + r.runId());
      out.println("Experiment: " + r.experiment());
      out.println("Context:    " + r.context());
      alsoIn(out, contexts);
      out.println("Since:      " + RunRows.since(r.startedAt(), now));
      out.println("State:      " + RunRows.state(r) + " (pid " + r.pid() + ")");
    } else {
      JournalContents j = journal.orElseThrow();
      out.println("Run:        " + j.runId());
      out.println("Experiment: " + j.experiment());
      out.println("Context:    " + j.context());
      alsoIn(out, contexts);
      if (j.startedAt() != null) {
        out.println("Started:    " + RunRows.since(j.startedAt(), now));
      }
      out.println("State:      finished");
    }
    out.println();
  }

  /** The cells of a fault row; the third, the context, only for a multi-cluster run. */
  private static String[] columns(boolean multi, String... cells) {
    if (multi) {
      return cells;
    }
    var without = new ArrayList<>(List.of(cells));
    without.remove(2);
    return without.toArray(String[]::new);
  }

  /** For a multi-cluster run, the other contexts it acts in. */
  private static void alsoIn(PrintWriter out, List<String> contexts) {
    if (contexts.size() > 1) {
      out.println("Also in:    " + String.join(", ", contexts.subList(1, contexts.size())));
    }
  }

  private static String faultState(Optional<String> outcome, boolean inProgress) {
    if (outcome.isEmpty()) {
      return inProgress ? "applied" : "rollback failed: left open";
    }
    return switch (outcome.get()) {
      case FileRollbackJournal.ROLLED_BACK -> "rolled back";
      case FileRollbackJournal.IRREVERSIBLE -> "applied (irreversible)";
      case FileRollbackJournal.NOT_APPLIED -> "not applied";
      case FileRollbackJournal.GONE -> "gone (nothing to undo)";
      default -> outcome.get();
    };
  }

  /** The run's journal: in {@code runs/} while faults may be open, else in {@code runs/done/}. */
  static Optional<JournalContents> journal(Path state, String runId) throws IOException {
    for (Path file :
        List.of(
            FileRollbackJournal.fileFor(state, runId),
            FileRollbackJournal.doneDirectory(state)
                .resolve(runId + FileRollbackJournal.EXTENSION))) {
      if (Files.exists(file)) {
        try {
          return Optional.of(FileRollbackJournal.read(file));
        } catch (NoSuchFileException e) {
          // moved to done/ between the check and the read: the next candidate has it
        }
      }
    }
    return Optional.empty();
  }

  /** {@code runs in progress: a, b; journals left: c} or {@code no runs are known}. */
  private static String known(ActiveRuns registry, Path state) throws IOException {
    Set<String> active = new LinkedHashSet<>();
    registry.list().forEach(r -> active.add(r.runId()));
    Set<String> left = new LinkedHashSet<>();
    FileRollbackJournal.list(state).forEach(j -> left.add(j.runId()));
    left.removeAll(active);
    if (active.isEmpty() && left.isEmpty()) {
      return "no runs are in progress and no journals are left (faultline runs lists runs)";
    }
    List<String> parts = new ArrayList<>();
    if (!active.isEmpty()) {
      parts.add("runs in progress: " + String.join(", ", active));
    }
    if (!left.isEmpty()) {
      parts.add("journals left: " + String.join(", ", left));
    }
    return String.join("; ", parts);
  }
}
