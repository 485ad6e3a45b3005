package dev.faultline.cli;

import dev.faultline.format.AtomicFiles;
import dev.faultline.format.ExperimentFormat;
import dev.faultline.format.ExperimentReader;
import dev.faultline.format.ReadResult;
import dev.faultline.format.Syntax;
import dev.faultline.validate.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code faultline format FILE...}: rewrites files in the canonical layout. Unknown fields are
 * kept; a file that does not read cleanly is left untouched.
 */
@Command(
    name = "format",
    mixinStandardHelpOptions = true,
    exitCodeOnInvalidInput = ExitCodes.USAGE,
    description = {
      "Rewrites experiment files in the canonical layout (field order, indentation, quoting),",
      "keeping unknown fields. The file is replaced atomically. Files with read errors",
      "(malformed YAML, wrong types) are not touched."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      " 0:every file is formatted (or was rewritten)",
      " 1:--check: a file is not formatted",
      " 2:a file has read errors and was not touched",
      "64:usage error",
      "74:a file could not be written"
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  faultline format checkout.yaml",
      "  faultline format --check experiments/*.yaml   # in CI"
    })
final class FormatCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Experiment files to format.")
  List<Path> files;

  @Option(names = "--check", description = "Write nothing; exit 1 when a file is not formatted.")
  boolean check;

  @Override
  public Integer call() {
    var reader = new ExperimentReader();
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    int exit = ExitCodes.OK;
    for (Path file : files) {
      ReadResult read = reader.read(file);
      if (read.hasErrors() || read.experiment().isEmpty()) {
        ProblemPrinter.text(
            read.problems().stream()
                .filter(Problem::isError)
                .map(p -> new ProblemPrinter.FileProblem(file.toString(), p))
                .toList(),
            err);
        err.println(file + ": not formatted: fix the errors above first");
        exit = Math.max(exit, ExitCodes.PROBLEMS);
        continue;
      }
      String formatted = ExperimentFormat.write(read.experiment().get(), Syntax.of(file));
      try {
        String current = Files.readString(file, StandardCharsets.UTF_8);
        if (current.equals(formatted)) {
          continue;
        }
        if (check) {
          out.println(file + ": not formatted");
          exit = Math.max(exit, ExitCodes.NEEDS_FORMAT);
        } else {
          AtomicFiles.write(file, formatted);
          out.println("formatted " + file);
        }
      } catch (IOException e) {
        err.println(file + ": cannot write: " + e.getMessage());
        exit = Math.max(exit, ExitCodes.IO_ERROR);
      }
    }
    out.flush();
    return exit;
  }
}
