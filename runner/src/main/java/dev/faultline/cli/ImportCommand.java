package dev.faultline.cli;

import dev.faultline.export.ConversionWarning;
import dev.faultline.export.ImportException;
import dev.faultline.export.ImportResult;
import dev.faultline.export.Imports;
import dev.faultline.format.ExperimentFormat;
import dev.faultline.format.Syntax;
import dev.faultline.format.TextFiles;
import dev.faultline.validate.Problem;
import dev.faultline.validate.Validator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code faultline import FILE}: reads a Chaos Mesh Workflow or chaos object, a Chaos Toolkit
 * experiment or one of our own files, recognised from its content, and writes it as a Faultline
 * experiment with a generated layout.
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    exitCodeOnInvalidInput = ExitCodes.USAGE,
    description = {
      "Imports a Chaos Mesh Workflow or chaos object, or a Chaos Toolkit experiment (YAML or",
      "JSON; the format is recognised from the content) as a Faultline experiment with a",
      "generated layout. Writes YAML, or JSON when OUT ends in .json.",
      "What could not be mapped prints as FILE:LINE:COL: warning: PATH: message on stderr;",
      "a file that cannot be imported as FILE:LINE:COL: error: message. Validation errors of",
      "the imported experiment print as warnings: it is written, to be fixed before running."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      " 0:imported",
      " 2:not imported (or warnings, with --fail-on-warnings)",
      "64:usage error",
      "74:OUT could not be written"
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  faultline import workflow.yaml -o checkout.yaml",
      "  faultline import experiment.json -o checkout.json"
    })
final class ImportCommand implements Callable<Integer> {
  private final Imports imports;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The file to import.")
  Path file;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "OUT",
      description = "Write here (atomically) instead of to stdout; .json writes JSON.")
  Path output;

  @Option(
      names = "--fail-on-warnings",
      description = "Exit 2 when anything could not be mapped (the output is still written).")
  boolean failOnWarnings;

  ImportCommand() {
    this(Imports.standard());
  }

  /** With other importers: tests drive the warning path with one of their own. */
  ImportCommand(Imports imports) {
    this.imports = imports;
  }

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    String text;
    try {
      text = TextFiles.readUtf8(file);
    } catch (IOException e) {
      err.println(file + ": error: cannot read: " + readFailure(e));
      err.flush();
      return ExitCodes.PROBLEMS;
    }
    ImportResult result;
    try {
      result = imports.read(text, Syntax.of(file), fileName());
    } catch (ImportException e) {
      String where = e.line() > 0 ? file + ":" + e.line() + ":" + e.column() : file.toString();
      String path = e.path().isEmpty() ? "" : " [" + e.path() + "]";
      err.println(where + ": error: " + e.getMessage() + path);
      err.println(file + ": not imported");
      err.flush();
      return ExitCodes.PROBLEMS;
    }
    List<ConversionWarning> warnings = new ArrayList<>(result.warnings());
    warnings.addAll(validationWarnings(result));
    warnings.forEach(w -> err.println(WarningText.of(file.toString(), w)));
    Syntax syntax = output == null ? Syntax.YAML : Syntax.of(output);
    try {
      Output.write(
          output, ExperimentFormat.write(result.experiment(), syntax), spec.commandLine().getOut());
    } catch (IOException e) {
      err.println(output + ": cannot write: " + Output.reason(e));
      err.flush();
      return ExitCodes.IO_ERROR;
    }
    int steps = result.experiment().spec().steps().size();
    err.println(
        "imported "
            + file
            + " ("
            + result.format()
            + ", "
            + steps
            + (steps == 1 ? " step" : " steps")
            + ")"
            + (output == null ? "" : " to " + output)
            + ": "
            + WarningText.count(warnings.size()));
    err.flush();
    return failOnWarnings && !warnings.isEmpty() ? ExitCodes.PROBLEMS : ExitCodes.OK;
  }

  /**
   * What keeps the imported experiment from running, as warnings: the import itself worked and the
   * file is written, to be fixed in the designer or an editor.
   */
  private static List<ConversionWarning> validationWarnings(ImportResult result) {
    return Validator.standard().validate(result.experiment()).stream()
        .filter(Problem::isError)
        .map(p -> ConversionWarning.at(p.path(), p.message() + " (fix this before running)"))
        .toList();
  }

  private String fileName() {
    Path name = file.getFileName();
    return name == null ? file.toString() : name.toString();
  }

  private static String readFailure(IOException e) {
    return e instanceof CharacterCodingException ? "the file is not UTF-8 text" : Output.reason(e);
  }
}
