package dev.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Rules every command of the tree keeps, so {@code --help} and the generated {@code docs/cli.md}
 * stay complete: help works, usage errors exit 64, and everything a user reads has a description.
 */
class CommandTreeTest {

  /** Each command's path from the root, such as {@code [catalog, open]}. */
  private static List<List<String>> paths() {
    List<List<String>> paths = new ArrayList<>();
    collect(Main.commandLine(), List.of(), paths);
    return paths;
  }

  private static void collect(CommandLine command, List<String> path, List<List<String>> into) {
    into.add(path);
    command
        .getSubcommands()
        .forEach(
            (name, sub) -> {
              if (name.equals(sub.getCommandName())) {
                var next = new ArrayList<>(path);
                next.add(name);
                collect(sub, next, into);
              }
            });
  }

  private static int run(StringWriter out, List<String> path, String... more) {
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(out, true));
    var args = new ArrayList<>(path);
    args.addAll(List.of(more));
    return cli.execute(args.toArray(String[]::new));
  }

  @Test
  void everyCommandPrintsItsHelp() {
    assertThat(paths()).hasSizeGreaterThan(15);
    for (List<String> path : paths()) {
      var out = new StringWriter();
      assertThat(run(out, path, "--help")).as("%s --help", path).isZero();
      assertThat(out.toString()).as("%s --help", path).contains("Usage: faultline");
    }
  }

  @Test
  void everyUsageErrorExits64() {
    for (List<String> path : paths()) {
      if (path.equals(List.of("help"))) {
        continue; // picocli's own help command takes any word as the command to explain
      }
      var out = new StringWriter();
      assertThat(run(out, path, "--no-such-option")).as("%s --no-such-option", path).isEqualTo(64);
    }
  }

  @Test
  void everyCommandOptionAndParameterIsDescribed() {
    for (List<String> path : paths()) {
      CommandLine command = Main.commandLine();
      for (String name : path) {
        command = command.getSubcommands().get(name);
      }
      CommandSpec spec = command.getCommandSpec();
      assertThat(spec.usageMessage().description()).as("description of %s", path).isNotEmpty();
      List<ArgSpec> args = new ArrayList<>(spec.options());
      args.addAll(spec.positionalParameters());
      for (ArgSpec arg : args) {
        assertThat(String.join(" ", arg.description()))
            .as("description of %s in %s", arg.paramLabel(), path)
            .isNotBlank();
      }
      boolean hasExitCodes = false;
      for (CommandLine c = command; c != null; c = c.getParent()) {
        hasExitCodes |= !c.getCommandSpec().usageMessage().exitCodeList().isEmpty();
      }
      assertThat(hasExitCodes).as("exit codes of %s or a parent", path).isTrue();
    }
  }
}
