package dev.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.Examples;
import dev.faultline.export.ConversionWarning;
import dev.faultline.export.ImportResult;
import dev.faultline.export.Importer;
import dev.faultline.export.Imports;
import dev.faultline.format.DocMap;
import dev.faultline.format.DocNode;
import dev.faultline.format.ExperimentReader;
import dev.faultline.format.Syntax;
import dev.faultline.model.Experiment;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code faultline import}, run in-process: recognition, output files, positions, exit codes. */
class ImportCommandTest {
  private static final Path EXAMPLE = Examples.dir().resolve("checkout-freeze-and-recover.yaml");

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @TempDir Path dir;

  private int run(String... args) {
    return run(Main.commandLine(), args);
  }

  private int run(CommandLine cli, String... args) {
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  private static Experiment read(Path file) {
    return new ExperimentReader().read(file).experiment().orElseThrow();
  }

  @Test
  void ourOwnFileImportsToStdoutAsYaml() {
    assertThat(run("import", EXAMPLE.toString())).isEqualTo(0);

    assertThat(new ExperimentReader().read(out.toString(), Syntax.YAML).experiment())
        .contains(read(EXAMPLE));
    assertThat(err.toString().strip())
        .isEqualTo("imported " + EXAMPLE + " (Faultline experiment, 4 steps): no warnings");
  }

  @Test
  void aJsonOutputNameWritesJsonAtomically() throws IOException {
    Path target = dir.resolve("imported.json");
    Files.writeString(target, "{\"old\": true}\n");

    assertThat(run("import", EXAMPLE.toString(), "-o", target.toString())).isEqualTo(0);

    assertThat(Files.readString(target)).startsWith("{");
    assertThat(read(target)).isEqualTo(read(EXAMPLE));
    assertThat(out.toString()).isEmpty();
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(target);
    }
    assertThat(err.toString())
        .contains("imported " + EXAMPLE + " (Faultline experiment, 4 steps) to " + target);
  }

  @Test
  void aMalformedFileNamesLineAndColumnAndWritesNothing() throws IOException {
    Path bad = dir.resolve("workflow.yaml");
    Files.writeString(
        bad,
        """
        apiVersion: chaos-mesh.org/v1alpha1
        kind: Workflow
        spec:
          templates: [unclosed
        """);
    Path target = dir.resolve("never.yaml");

    assertThat(run("import", bad.toString(), "-o", target.toString())).isEqualTo(2);

    List<String> lines = err.toString().lines().toList();
    assertThat(lines.get(0)).startsWith(bad + ":5:1: error: ");
    assertThat(lines.get(1)).isEqualTo(bad + ": not imported");
    assertThat(target).doesNotExist();
  }

  @Test
  void aFileOfNoKnownFormatSaysWhatIsExpected() throws IOException {
    Path deployment = dir.resolve("deployment.yaml");
    Files.writeString(
        deployment, "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: checkout}\n");

    assertThat(run("import", deployment.toString())).isEqualTo(2);

    assertThat(err.toString())
        .startsWith(deployment + ":1:1: error: this is not a format Faultline imports: expected");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void validationErrorsOfTheImportedExperimentAreWarningsNamingTheField() throws IOException {
    Experiment invalid =
        new ExperimentReader()
            .read(
                """
                apiVersion: faultline.dev/v1alpha1
                kind: Experiment
                metadata: {name: imported}
                spec:
                  steps:
                    - {id: a, wait: 5s, after: [nowhere]}
                """,
                Syntax.YAML)
            .experiment()
            .orElseThrow();
    Path source = dir.resolve("source.yaml");
    Files.writeString(source, "testFormat: 1\n");
    Path target = dir.resolve("imported.yaml");

    assertThat(run(importing(invalid, List.of()), source.toString(), "-o", target.toString()))
        .isEqualTo(0);

    assertThat(err.toString().lines().findFirst().orElseThrow())
        .isEqualTo(
            source
                + ": warning: spec.steps[0].after[0]: 'after' names 'nowhere', which is not a step"
                + " (fix this before running)");
    assertThat(target).exists();
    assertThat(
            run(
                importing(invalid, List.of()),
                source.toString(),
                "-o",
                target.toString(),
                "--fail-on-warnings"))
        .isEqualTo(2);
  }

  /** {@code import} with one importer that reads any {@code testFormat} file as {@code result}. */
  private static CommandLine importing(Experiment result, List<ConversionWarning> warnings) {
    Importer fake =
        new Importer() {
          @Override
          public String formatName() {
            return "Test format";
          }

          @Override
          public boolean accepts(DocNode root) {
            return root instanceof DocMap map && map.has("testFormat");
          }

          @Override
          public ImportResult read(DocNode root, String sourceName) {
            return new ImportResult(result, formatName(), warnings);
          }
        };
    return new CommandLine(new ImportCommand(new Imports(List.of(fake))));
  }

  @Test
  void aMissingFileExits2() {
    Path missing = dir.resolve("missing.yaml");

    assertThat(run("import", missing.toString())).isEqualTo(2);

    assertThat(err.toString().strip())
        .isEqualTo(missing + ": error: cannot read: no such file or directory");
  }

  @Test
  void warningsCarryTheSourcePositionAndFailOnlyWhenAsked() throws IOException {
    Experiment example = read(EXAMPLE);
    List<ConversionWarning> lost =
        List.of(
            new ConversionWarning(
                "spec.templates[1].task", 3, 5, "a task container has no attack; left out"));
    Path source = dir.resolve("source.yaml");
    Files.writeString(source, "testFormat: 1\nitems:\n  - task: x\n");
    Path target = dir.resolve("imported.yaml");
    assertThat(run(importing(example, lost), source.toString(), "-o", target.toString()))
        .isEqualTo(0);

    assertThat(err.toString().lines().toList())
        .containsExactly(
            source
                + ":3:5: warning: spec.templates[1].task: a task container has no attack; left out",
            "imported " + source + " (Test format, 4 steps) to " + target + ": 1 warning");
    assertThat(read(target)).isEqualTo(example);

    Files.delete(target);
    assertThat(
            run(
                importing(example, lost),
                source.toString(),
                "-o",
                target.toString(),
                "--fail-on-warnings"))
        .isEqualTo(2);
    assertThat(read(target)).isEqualTo(example);
  }
}
