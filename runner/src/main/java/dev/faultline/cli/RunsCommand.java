package dev.faultline.cli;

import dev.faultline.format.JsonText;
import dev.faultline.safety.ActiveRuns;
import dev.faultline.safety.ActiveRuns.ActiveRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code faultline runs}: the runs in progress on this machine, from the active-run registry that
 * every run (CLI or app) keeps current.
 */
@Command(
    name = "runs",
    mixinStandardHelpOptions = true,
    exitCodeOnInvalidInput = ExitCodes.USAGE,
    description = {
      "Lists the runs in progress on this machine (from any terminal or the app): id,",
      "experiment, context, since when, state (running, waiting at gate, stopping, or stale",
      "when its process is gone) and how many faults it has in place now."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {" 0:ok (also when no run is in progress)", "64:usage error"},
    footerHeading = "%nExamples:%n",
    footer = {
      "  faultline runs",
      "  faultline runs -o json",
      "  faultline status 20250501-101500-checkout-3f2a"
    })
final class RunsCommand implements Callable<Integer> {
  enum Output {
    text,
    json
  }

  @Spec CommandSpec spec;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      description = "text (default) or json.")
  Output output = Output.text;

  private final CliEnvironment environment;

  RunsCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    List<ActiveRun> runs = new ActiveRuns(environment.stateDirectory()).list();
    if (output == Output.json) {
      out.print(JsonText.write(runs.stream().map(RunRows::json).toList()));
    } else if (runs.isEmpty()) {
      out.println("No runs in progress on this machine.");
    } else {
      Instant now = Instant.now();
      var table = new TextTable("RUN ID", "EXPERIMENT", "CONTEXT", "SINCE", "STATE", "FAULTS");
      for (ActiveRun run : runs) {
        table.row(
            run.runId(),
            run.experiment(),
            String.join(",", RunRows.contexts(run)),
            RunRows.since(run.startedAt(), now),
            RunRows.state(run),
            String.valueOf(run.activeFaults()));
      }
      table.print(out);
    }
    out.flush();
    return ExitCodes.OK;
  }
}
