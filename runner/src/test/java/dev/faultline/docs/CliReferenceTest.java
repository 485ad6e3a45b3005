package dev.faultline.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

class CliReferenceTest {

  @Command(
      name = "tool",
      description = "Does tool things.",
      subcommands = {Sub.class, Secret.class},
      exitCodeList = {" 0:fine", "64:usage | misuse"})
  static final class Tool implements Runnable {
    @Option(names = "--mode", paramLabel = "M", description = "a|b, picked per run.")
    String mode = "a";

    @Option(names = "--internal", hidden = true, description = "Not for users.")
    boolean internal;

    @Override
    public void run() {}
  }

  @Command(
      name = "sub",
      description = {"Runs the sub thing. More words here.", "", "A second paragraph."},
      subcommands = Leaf.class,
      footerHeading = "%nExamples:%n",
      footer = {"  tool sub --wait 5s x.yaml", "    continued"})
  static final class Sub implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files.")
    java.util.List<String> files;

    @Option(
        names = {"-w", "--wait"},
        paramLabel = "DURATION",
        defaultValue = "2m",
        description = "Wait this long (default: ${DEFAULT-VALUE}).")
    String wait;

    @Option(names = "--dry-run", description = "Change nothing.")
    boolean dryRun;

    @Override
    public Integer call() {
      return 0;
    }
  }

  @Command(name = "leaf", description = "The leaf.")
  static final class Leaf implements Runnable {
    @Parameters(arity = "0..1", paramLabel = "ID", description = "Optional id.")
    String id;

    @Override
    public void run() {}
  }

  @Command(name = "secret", hidden = true, description = "Hidden command.")
  static final class Secret implements Runnable {
    @Override
    public void run() {}
  }

  private final String md = new CliReference("<!-- header -->").render(new CommandLine(new Tool()));

  @Test
  void startsWithTheHeaderAndListsVisibleCommandsNestedInTheContents() {
    assertThat(md).startsWith("<!-- header -->\n\n# Command-line reference\n");
    assertThat(md)
        .contains(
            """
            - [tool](#tool)
              - [tool sub](#tool-sub)
                - [tool sub leaf](#tool-sub-leaf)
            """);
    assertThat(md).doesNotContain("secret").doesNotContain("Hidden command");
  }

  @Test
  void nestedCommandsGetDeeperHeadingsAndExplicitAnchors() {
    assertThat(md).contains("<a id=\"tool\"></a>\n## `tool`\n");
    assertThat(md).contains("<a id=\"tool-sub\"></a>\n### `tool sub`\n");
    assertThat(md).contains("<a id=\"tool-sub-leaf\"></a>\n#### `tool sub leaf`\n");
    assertThat(md).contains("| [`sub`](#tool-sub) | Runs the sub thing. |");
  }

  @Test
  void optionsShowDefaultsAndEscapePipesAndLeaveOutHiddenOnes() {
    assertThat(md).contains("| `--mode=M` | a\\|b, picked per run. | `a` |");
    assertThat(md)
        .contains("| `-w, --wait=DURATION` | Wait this long (default: 2m). | `2m` |")
        .contains("| `--dry-run` | Change nothing. |  |");
    assertThat(md).doesNotContain("--internal").doesNotContain("Not for users");
    // Sorted by name without dashes: dry-run before wait.
    assertThat(md.indexOf("`--dry-run`")).isLessThan(md.indexOf("`-w, --wait=DURATION`"));
  }

  @Test
  void parametersDescriptionsExitCodesAndExamples() {
    assertThat(md).contains("| `FILE...` | Files. |").contains("| `[ID]` | Optional id. |");
    assertThat(md).contains("Runs the sub thing. More words here.\n\nA second paragraph.\n");
    assertThat(md).contains("| 0 | fine |\n| 64 | usage \\| misuse |\n");
    // A command without its own list shows its nearest parent's, and says so.
    assertThat(md).contains("**Exit codes** (those of [`tool`](#tool))");
    assertThat(md)
        .contains("**Examples**\n\n```text\ntool sub --wait 5s x.yaml\n  continued\n```\n");
  }

  @Test
  void synopsisIsPicocliUnwrappedAtTheFixedWidth() {
    assertThat(md).contains("```text\ntool sub [--dry-run] [-w=DURATION] FILE... [COMMAND]\n```");
    assertThat(md).endsWith("\n").doesNotEndWith("\n\n");
  }
}
