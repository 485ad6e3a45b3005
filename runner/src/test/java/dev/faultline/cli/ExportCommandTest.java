package dev.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.Examples;
import dev.faultline.export.ConversionWarning;
import dev.faultline.export.ExportException;
import dev.faultline.export.ExportFormat;
import dev.faultline.export.ExportOptions;
import dev.faultline.export.ExportResult;
import dev.faultline.export.K3sCluster;
import dev.faultline.format.ExperimentReader;
import dev.faultline.model.Experiment;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code faultline export}, run in-process: output, files, warnings and exit codes. */
class ExportCommandTest {
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

  /** The real top command, with {@code export} answered by {@code exporting}. */
  private int runWith(ExportCommand.Exporting exporting, String... args) {
    CommandLine export = new CommandLine(new ExportCommand(exporting));
    export.setCaseInsensitiveEnumValuesAllowed(true);
    return run(export, args);
  }

  private static Experiment read(Path file) {
    return new ExperimentReader().read(file).experiment().orElseThrow();
  }

  private static Experiment read(String text) {
    return new ExperimentReader()
        .read(text, dev.faultline.format.Syntax.YAML)
        .experiment()
        .orElseThrow();
  }

  @Test
  void yamlToStdoutIsTheSameExperimentCanonicallyWritten() {
    assertThat(run("export", EXAMPLE.toString(), "--to", "yaml")).isEqualTo(0);

    assertThat(read(out.toString())).isEqualTo(read(EXAMPLE));
    assertThat(out.toString()).startsWith("apiVersion: faultline.dev/v1alpha1\n");
    assertThat(err.toString().strip())
        .isEqualTo("exported " + EXAMPLE + " to Faultline YAML: no warnings");
  }

  @Test
  void outputFileIsReplacedAtomicallyAndNothingGoesToStdout() throws IOException {
    Path target = dir.resolve("out/exported.yaml");
    Files.createDirectories(target.getParent());
    Files.writeString(target, "old content that must go\n");

    assertThat(run("export", EXAMPLE.toString(), "-t", "YAML", "-o", target.toString()))
        .isEqualTo(0);

    assertThat(out.toString()).isEmpty();
    assertThat(read(Files.readString(target))).isEqualTo(read(EXAMPLE));
    // Only the target: the temporary file the atomic write renamed is gone.
    try (Stream<Path> files = Files.list(target.getParent())) {
      assertThat(files).containsExactly(target);
    }
    assertThat(err.toString())
        .contains("exported " + EXAMPLE + " to Faultline YAML in " + target + ": no warnings");
  }

  @Test
  void unknownFormatIsAUsageErrorListingTheFormats() {
    assertThat(run("export", EXAMPLE.toString(), "--to", "chaos-monkey")).isEqualTo(64);

    assertThat(err.toString())
        .contains(
            "unknown format 'chaos-monkey'; expected one of: yaml, chaos-mesh, chaostoolkit, java")
        .contains("Usage: faultline export");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void formatIsRequired() {
    assertThat(run("export", EXAMPLE.toString())).isEqualTo(64);
    assertThat(err.toString()).contains("Missing required option: '--to=FORMAT'");
  }

  @Test
  void aClassNameThatIsNotJavaIsAUsageError() {
    assertThat(run("export", EXAMPLE.toString(), "--to", "java", "--class", "com.acme.class"))
        .isEqualTo(64);
    assertThat(err.toString()).contains("--class 'com.acme.class' is not a Java class name");
  }

  @Test
  void anInvalidFileIsNotExportedAndItsProblemsNameLineAndColumn() throws IOException {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(
        bad,
        """
        apiVersion: faultline.dev/v1alpha1
        kind: Experiment
        metadata: {name: bad}
        spec:
          steps:
            - {id: a, after: [nowhere], wait: 5s}
        """);
    Path target = dir.resolve("never.yaml");

    assertThat(run("export", bad.toString(), "--to", "yaml", "-o", target.toString())).isEqualTo(2);

    assertThat(err.toString().lines().toList())
        .containsExactly(
            bad
                + ":6:23: error: 'after' names 'nowhere', which is not a step [spec.steps[0].after[0]]",
            bad + ": not exported: 1 error above");
    assertThat(target).doesNotExist();
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void aMalformedFileNamesTheSyntaxError() throws IOException {
    Path bad = dir.resolve("broken.yaml");
    Files.writeString(bad, "apiVersion: faultline.dev/v1alpha1\nkind: [Experiment\n");

    assertThat(run("export", bad.toString(), "--to", "yaml")).isEqualTo(2);

    assertThat(err.toString()).containsPattern(bad + ":\\d+:\\d+: error: ");
    assertThat(err.toString()).contains(bad + ": not exported: 1 error above");
  }

  @Test
  void aMissingFileIsAProblemNotAStackTrace() {
    Path missing = dir.resolve("missing.yaml");

    assertThat(run("export", missing.toString(), "--to", "yaml")).isEqualTo(2);

    assertThat(err.toString()).contains(missing + ": error: file not found");
    assertThat(err.toString()).doesNotContain("Exception");
  }

  @Test
  void warningsNameTheFieldsLineAndColumnAndFailOnlyWhenAsked() throws IOException {
    ExportCommand.Exporting lossy =
        (experiment, format, options) ->
            new ExportResult(
                "exported text\n",
                List.of(
                    ConversionWarning.at(
                        "spec.steps[1].with.jq", "Chaos Mesh cannot check a jq filter; dropped"),
                    ConversionWarning.at("", "the layout is not exported")));
    Path target = dir.resolve("workflow.yaml");

    assertThat(runWith(lossy, EXAMPLE.toString(), "--to", "chaos-mesh", "-o", target.toString()))
        .isEqualTo(0);

    List<String> lines = err.toString().lines().toList();
    assertThat(lines.get(0))
        .matches(
            java.util.regex.Pattern.quote(EXAMPLE.toString())
                + ":\\d+:\\d+: warning: spec\\.steps\\[1]\\.with\\.jq: Chaos Mesh cannot check a jq"
                + " filter; dropped");
    int line =
        Integer.parseInt(lines.get(0).substring(EXAMPLE.toString().length() + 1).split(":")[0]);
    assertThat(Files.readAllLines(EXAMPLE).get(line - 1)).contains("jq:");
    assertThat(lines.get(1)).isEqualTo(EXAMPLE + ": warning: the layout is not exported");
    assertThat(lines.get(2))
        .isEqualTo("exported " + EXAMPLE + " to Chaos Mesh Workflow in " + target + ": 2 warnings");
    assertThat(target).hasContent("exported text");

    err.getBuffer().setLength(0);
    Files.delete(target);
    assertThat(
            runWith(
                lossy,
                EXAMPLE.toString(),
                "--to",
                "chaos-mesh",
                "-o",
                target.toString(),
                "--fail-on-warnings"))
        .isEqualTo(2);
    assertThat(target).hasContent("exported text");
  }

  @Test
  void optionsReachTheExporter() {
    AtomicReference<ExportOptions> seen = new AtomicReference<>();
    AtomicReference<ExportFormat> format = new AtomicReference<>();
    ExportCommand.Exporting recording =
        (experiment, f, options) -> {
          seen.set(options);
          format.set(f);
          return new ExportResult("class X {}\n", List.of());
        };

    assertThat(
            runWith(
                recording,
                EXAMPLE.toString(),
                "--to",
                "java",
                "--namespace",
                "shop",
                "--class",
                "com.acme.CheckoutChaosTest"))
        .isEqualTo(0);

    assertThat(format.get()).isEqualTo(ExportFormat.JAVA);
    assertThat(seen.get()).isEqualTo(new ExportOptions("shop", "com.acme", "CheckoutChaosTest"));
    assertThat(out.toString()).isEqualTo("class X {}\n");
  }

  @Test
  void k3sOptionsReachTheJavaExporterAndManifestsImplyK3s() {
    AtomicReference<ExportOptions> seen = new AtomicReference<>();
    ExportCommand.Exporting recording =
        (experiment, f, options) -> {
          seen.set(options);
          return new ExportResult("class X {}\n", List.of());
        };

    assertThat(runWith(recording, EXAMPLE.toString(), "--to", "java", "--k3s")).isEqualTo(0);
    assertThat(seen.get().k3s()).isEqualTo(K3sCluster.withDefaults());

    assertThat(
            runWith(
                recording,
                EXAMPLE.toString(),
                "--to",
                "java",
                "--k3s-image",
                "rancher/k3s:v1.32.9-k3s1",
                "--k3s-manifest",
                "k8s/ns.yaml",
                "--k3s-manifest",
                "k8s/shop.yaml"))
        .isEqualTo(0);
    assertThat(seen.get().k3s())
        .isEqualTo(
            new K3sCluster("rancher/k3s:v1.32.9-k3s1", List.of("k8s/ns.yaml", "k8s/shop.yaml")));

    assertThat(runWith(recording, EXAMPLE.toString(), "--to", "java")).isEqualTo(0);
    assertThat(seen.get().k3s()).isNull();
  }

  @Test
  void k3sOptionsWithAnotherFormatAreAUsageError() {
    assertThat(
            run(
                "export",
                EXAMPLE.toString(),
                "--to",
                "chaos-mesh",
                "--k3s-manifest",
                "k8s/shop.yaml"))
        .isEqualTo(ExitCodes.USAGE);

    assertThat(err.toString()).contains("--k3s, --k3s-image and --k3s-manifest apply to --to java");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void aRefusedExportExits2WithTheReasonAndWritesNothing() {
    ExportCommand.Exporting refusing =
        (experiment, format, options) -> {
          throw new ExportException("no attack of this experiment exists in Chaos Mesh");
        };
    Path target = dir.resolve("workflow.yaml");

    assertThat(runWith(refusing, EXAMPLE.toString(), "--to", "chaos-mesh", "-o", target.toString()))
        .isEqualTo(2);

    assertThat(err.toString().strip())
        .isEqualTo(
            EXAMPLE
                + ": error: cannot export to Chaos Mesh Workflow: no attack of this experiment"
                + " exists in Chaos Mesh");
    assertThat(target).doesNotExist();
  }

  /**
   * Every example in every format: exported (text on stdout, exit 0) or refused with a message
   * naming the format (exit 2), never a crash. Holds for the placeholders and the real exporters.
   */
  @Test
  void everyFormatExportsOrRefusesEveryExampleCleanly() {
    for (Path example : Examples.all()) {
      for (ExportFormat format : ExportFormat.values()) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        int exit = run("export", example.toString(), "--to", format.cliName());
        String what = example + " --to " + format.cliName() + ": " + err;
        if (exit == 0) {
          assertThat(out.toString()).as(what).isNotBlank();
          assertThat(err.toString())
              .as(what)
              .contains("exported " + example + " to " + format.title());
        } else {
          assertThat(exit).as(what).isEqualTo(2);
          assertThat(err.toString())
              .as(what)
              .contains(example + ": error: cannot export to " + format.title() + ": ");
          assertThat(out.toString()).as(what).isEmpty();
        }
      }
    }
  }

  @Test
  void anUnwritableOutputExits74() throws IOException {
    Path file = dir.resolve("a-file");
    Files.writeString(file, "x");
    Path target = file.resolve("out.yaml");

    assertThat(run("export", EXAMPLE.toString(), "--to", "yaml", "-o", target.toString()))
        .isEqualTo(74);

    assertThat(err.toString()).contains(target + ": cannot write: ");
  }
}
