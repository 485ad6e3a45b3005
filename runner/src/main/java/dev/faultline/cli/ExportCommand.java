package dev.faultline.cli;

import dev.faultline.export.ConversionWarning;
import dev.faultline.export.ExportException;
import dev.faultline.export.ExportFormat;
import dev.faultline.export.ExportOptions;
import dev.faultline.export.ExportResult;
import dev.faultline.export.Exports;
import dev.faultline.export.JavaClassName;
import dev.faultline.export.K3sCluster;
import dev.faultline.format.ExperimentReader;
import dev.faultline.format.ReadResult;
import dev.faultline.model.Experiment;
import dev.faultline.validate.Problem;
import dev.faultline.validate.Validator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code faultline export FILE --to FORMAT}: writes an experiment in another tool's format (or
 * ours, canonically). The experiment is validated first; what the format cannot express is printed
 * as warnings, never dropped silently.
 */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    exitCodeOnInvalidInput = ExitCodes.USAGE,
    description = {
      "Exports an experiment to a Chaos Mesh Workflow, a Chaos Toolkit experiment, a JUnit 5",
      "test in Java, or canonical Faultline YAML. The file is validated first; problems print as",
      "FILE:LINE:COL: error|warning: message, and a file with errors is not exported.",
      "What the format cannot express prints as FILE:LINE:COL: warning: PATH: message on stderr."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      " 0:exported",
      " 2:the file has errors (or warnings, with --fail-on-warnings)",
      "64:usage error",
      "74:OUT could not be written"
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  faultline export checkout.yaml --to chaos-mesh --namespace shop -o workflow.yaml",
      "  faultline export checkout.yaml --to chaostoolkit -o experiment.json",
      "  faultline export checkout.yaml --to java --class com.acme.CheckoutChaosTest \\",
      "      -o src/test/java/com/acme/CheckoutChaosTest.java",
      "  faultline export checkout.yaml --to java --k3s-manifest k8s/shop.yaml \\",
      "      -o src/test/java/CheckoutChaosTest.java   # brings its own K3s cluster",
      "  faultline export checkout.yaml --to chaos-mesh --fail-on-warnings > /dev/null   # CI"
    })
final class ExportCommand implements Callable<Integer> {
  /** Validates and exports; {@link Exports#export} outside tests. */
  @FunctionalInterface
  interface Exporting {
    ExportResult export(Experiment experiment, ExportFormat format, ExportOptions options)
        throws ExportException;
  }

  private final Exporting exports;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The experiment (YAML or JSON).")
  Path file;

  @Option(
      names = {"-t", "--to"},
      required = true,
      paramLabel = "FORMAT",
      converter = ExportFormatConverter.class,
      completionCandidates = ExportFormatConverter.Names.class,
      description = "One of: ${COMPLETION-CANDIDATES}.")
  ExportFormat format;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "OUT",
      description = "Write here (atomically) instead of to stdout.")
  Path output;

  @Option(
      names = "--namespace",
      paramLabel = "NS",
      description =
          "Namespace of the exported cluster objects (chaos-mesh); default: the first namespace"
              + " the experiment's safety policy allows, else default.")
  String namespace;

  @Option(
      names = "--class",
      paramLabel = "NAME",
      description =
          "Name of the generated class (java), optionally with its package:"
              + " com.acme.CheckoutChaosTest; default: from the experiment's name.")
  String className;

  @Option(
      names = "--k3s",
      description =
          "The generated test (java) starts a disposable K3s cluster with Testcontainers and runs"
              + " there, instead of using the current kubeconfig context; needs a container"
              + " engine where the test runs.")
  boolean k3s;

  @Option(
      names = "--k3s-image",
      paramLabel = "IMAGE",
      description =
          "The K3s image for --k3s (implies it); default: " + K3sCluster.DEFAULT_IMAGE + ".")
  String k3sImage;

  @Option(
      names = "--k3s-manifest",
      paramLabel = "FILE",
      description =
          "A manifest of the system under test that the generated test applies to the K3s cluster"
              + " before the run (implies --k3s; repeatable); a path from the directory the test"
              + " runs in, usually the project root.")
  List<String> k3sManifests = new ArrayList<>();

  @Option(
      names = "--fail-on-warnings",
      description = "Exit 2 when anything could not be carried over (the output is still written).")
  boolean failOnWarnings;

  ExportCommand() {
    this(Exports.standard()::export);
  }

  /** With another exporter: tests drive the warning and refusal paths with it. */
  ExportCommand(Exporting exports) {
    this.exports = exports;
  }

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    ExportOptions options = options();
    ReadResult read = new ExperimentReader().read(file).validated(Validator.standard());
    printProblems(read.problems(), err);
    if (read.hasErrors() || read.experiment().isEmpty()) {
      long errors = read.problems().stream().filter(Problem::isError).count();
      err.println(
          file + ": not exported: " + errors + (errors == 1 ? " error" : " errors") + " above");
      err.flush();
      return ExitCodes.PROBLEMS;
    }
    ExportResult result;
    try {
      result = exports.export(read.experiment().get(), format, options);
    } catch (ExportException e) {
      printProblems(e.problems().stream().map(read.locator()::place).toList(), err);
      err.println(file + ": error: cannot export to " + format.title() + ": " + e.getMessage());
      err.flush();
      return ExitCodes.PROBLEMS;
    }
    List<ConversionWarning> warnings =
        result.warnings().stream().map(w -> placed(w, read)).toList();
    warnings.forEach(w -> err.println(WarningText.of(file.toString(), w)));
    try {
      Output.write(output, result.text(), spec.commandLine().getOut());
    } catch (IOException e) {
      err.println(output + ": cannot write: " + Output.reason(e));
      err.flush();
      return ExitCodes.IO_ERROR;
    }
    err.println(
        "exported "
            + file
            + " to "
            + format.title()
            + (output == null ? "" : " in " + output)
            + ": "
            + WarningText.count(warnings.size()));
    err.flush();
    return failOnWarnings && !warnings.isEmpty() ? ExitCodes.PROBLEMS : ExitCodes.OK;
  }

  private ExportOptions options() {
    ExportOptions options = ExportOptions.DEFAULTS.withNamespace(namespace).withK3s(k3s());
    if (className == null) {
      return options;
    }
    try {
      return JavaClassName.applyTo(options, className);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--class " + e.getMessage());
    }
  }

  /** The disposable cluster the options ask for, or null. */
  private K3sCluster k3s() {
    if (!k3s && k3sImage == null && k3sManifests.isEmpty()) {
      return null;
    }
    if (format != ExportFormat.JAVA) {
      throw new ParameterException(
          spec.commandLine(), "--k3s, --k3s-image and --k3s-manifest apply to --to java only");
    }
    if (k3sImage != null && k3sImage.isBlank()) {
      throw new ParameterException(spec.commandLine(), "--k3s-image must name an image");
    }
    return new K3sCluster(k3sImage == null ? K3sCluster.DEFAULT_IMAGE : k3sImage, k3sManifests);
  }

  /** A warning about a field of the experiment, at that field's line and column in FILE. */
  private static ConversionWarning placed(ConversionWarning warning, ReadResult read) {
    if (warning.line() > 0 || warning.path().isEmpty()) {
      return warning;
    }
    int[] where = read.locator().locate(warning.path(), 0);
    return new ConversionWarning(warning.path(), where[0], where[1], warning.message());
  }

  private void printProblems(List<Problem> problems, PrintWriter err) {
    ProblemPrinter.text(
        problems.stream().map(p -> new ProblemPrinter.FileProblem(file.toString(), p)).toList(),
        err);
  }
}
