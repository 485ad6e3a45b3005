package dev.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.Examples;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CliTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void validateAllExamplesPasses() {
    List<String> args = new ArrayList<>(List.of("validate"));
    Examples.all().forEach(p -> args.add(p.toString()));
    assertThat(run(args.toArray(String[]::new))).isEqualTo(0);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString())
        .contains(Examples.all().size() + " files checked: 0 errors, 0 warnings");
  }

  @Test
  void validatePrintsFileLineColumnAndExits2(@TempDir Path dir) throws IOException {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(
        bad,
        """
        apiVersion: faultline.dev/v1alpha1
        kind: Experiment
        metadata: {name: bad}
        spec:
          steps:
            - {id: a, wait: 5x}
            - {id: b, after: [c], wait: 1s}
        """);
    Path good = dir.resolve("good.yaml");
    Files.copy(Examples.dir().resolve("checkout-freeze-and-recover.yaml"), good);

    assertThat(run("validate", good.toString(), bad.toString())).isEqualTo(2);

    assertThat(out.toString().lines().toList())
        .containsExactly(
            bad
                + ":6:21: error: '5x' is not a duration; write a number and a unit: 500ms, 10s, 2m, 1h, 1m30s [spec.steps[0].wait]",
            bad + ":7:23: error: 'after' names 'c', which is not a step [spec.steps[1].after[0]]");
  }

  @Test
  void validateJsonOutput(@TempDir Path dir) throws IOException {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(
        bad,
        "apiVersion: faultline.dev/v1alpha1\nkind: Experiment\nmetadata: {name: x}\nspec:\n\tsteps: []\n");

    assertThat(run("validate", "-o", "json", bad.toString())).isEqualTo(2);

    assertThat(out.toString())
        .isEqualTo(
            """
        [
          {
            "file": "%s",
            "line": 5,
            "column": 1,
            "severity": "error",
            "path": "",
            "message": "tab character in indentation; YAML indents with spaces only"
          }
        ]
        """
                .formatted(bad));
  }

  @Test
  void warningsPassUnlessAskedOtherwise(@TempDir Path dir) throws IOException {
    Path warn = dir.resolve("warn.yaml");
    Files.writeString(
        warn,
        "apiVersion: faultline.dev/v1alpha1\nkind: Experiment\nmetadata: {name: Warn_Me}\nspec:\n  steps: []\n");
    assertThat(run("validate", warn.toString())).isEqualTo(0);
    assertThat(out.toString()).contains(":3:18: warning: 'Warn_Me' is not a valid Kubernetes name");
    assertThat(run("validate", "--warnings-as-errors", warn.toString())).isEqualTo(2);
  }

  @Test
  void usageErrorsAreNotConfusedWithProblems() {
    assertThat(run("validate")).isEqualTo(64);
    assertThat(err.toString()).contains("Missing required parameter");
    assertThat(run("frobnicate")).isEqualTo(64);
  }

  @Test
  void formatRewritesCanonicallyKeepingUnknownFields(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("messy.yaml");
    Files.writeString(
        file,
        """
        kind: Experiment
        apiVersion: "faultline.dev/v1alpha1"
        spec:
          steps:
          - wait: "5s"
            id: pause
            x-note: keep me
        metadata:
          name: messy
        """);

    assertThat(run("format", "--check", file.toString())).isEqualTo(1);
    assertThat(run("format", file.toString())).isEqualTo(0);

    assertThat(Files.readString(file))
        .isEqualTo(
            """
        apiVersion: faultline.dev/v1alpha1
        kind: Experiment
        metadata:
          name: messy
        spec:
          steps:
            - id: pause
              wait: 5s
              x-note: keep me
        """);
    assertThat(run("format", "--check", file.toString())).isEqualTo(0);
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(file); // no temporary file left behind
    }
  }

  @Test
  void formatLeavesBrokenFilesUntouched(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("broken.yaml");
    String text =
        "apiVersion: faultline.dev/v1alpha1\nkind: Experiment\nmetadata: {name: b}\nspec:\n  steps: {}\n";
    Files.writeString(file, text);

    assertThat(run("format", file.toString())).isEqualTo(2);

    assertThat(Files.readString(file)).isEqualTo(text);
    assertThat(err.toString())
        .contains(file + ":5:10: error: 'steps' must be a list, not a mapping");
  }

  @Test
  void versionAndHelp() {
    assertThat(run("--version")).isEqualTo(0);
    assertThat(out.toString()).startsWith("faultline ");
    assertThat(run("--help")).isEqualTo(0);
    assertThat(out.toString()).contains("validate", "format", "Examples:");
  }
}
