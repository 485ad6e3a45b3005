package dev.faultline.cli;

import dev.faultline.format.ExperimentReader;
import dev.faultline.validate.Problem;
import dev.faultline.validate.Severity;
import dev.faultline.validate.Validator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code faultline validate FILE...}: reads and checks experiment files. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    exitCodeOnInvalidInput = ExitCodes.USAGE,
    description = {
      "Checks experiment files (YAML or JSON) and prints each problem as",
      "FILE:LINE:COL: error|warning: message [field path]."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      " 0:no file has errors",
      " 2:a file has errors (or warnings, with --warnings-as-errors)",
      "64:usage error"
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  faultline validate docs/examples/*.yaml",
      "  faultline validate -o json checkout.yaml | jq '.[] | select(.severity == \"error\")'",
      "  faultline validate --warnings-as-errors experiments/*.yaml"
    })
final class ValidateCommand implements Callable<Integer> {
  /** Output forms for problems. */
  enum Output {
    text,
    json
  }

  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Experiment files to check.")
  List<Path> files;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      description = "text (default) or json.")
  Output output = Output.text;

  @Option(
      names = {"-W", "--warnings-as-errors"},
      description = "Exit 2 on warnings too.")
  boolean warningsAsErrors;

  @Option(
      names = {"-q", "--quiet"},
      description = "Print errors only, no warnings or summary.")
  boolean quiet;

  @Override
  public Integer call() {
    var reader = new ExperimentReader();
    var validator = Validator.standard();
    var all = new ArrayList<ProblemPrinter.FileProblem>();
    for (Path file : files) {
      List<Problem> problems = reader.read(file).validated(validator).problems();
      problems.stream()
          .filter(p -> !quiet || p.isError())
          .forEach(p -> all.add(new ProblemPrinter.FileProblem(file.toString(), p)));
    }
    var out = spec.commandLine().getOut();
    if (output == Output.json) {
      ProblemPrinter.json(all, out);
    } else {
      ProblemPrinter.text(all, out);
    }
    long errors = all.stream().filter(p -> p.problem().isError()).count();
    long warnings = all.stream().filter(p -> p.problem().severity() == Severity.WARNING).count();
    if (!quiet && output == Output.text) {
      spec.commandLine()
          .getErr()
          .printf(
              "%d file%s checked: %d error%s, %d warning%s%n",
              files.size(),
              files.size() == 1 ? "" : "s",
              errors,
              errors == 1 ? "" : "s",
              warnings,
              warnings == 1 ? "" : "s");
    }
    return errors > 0 || (warningsAsErrors && warnings > 0) ? ExitCodes.PROBLEMS : ExitCodes.OK;
  }
}
