package dev.faultline.app;

import dev.faultline.format.ExperimentReader;
import dev.faultline.format.ReadResult;
import dev.faultline.model.Experiment;
import dev.faultline.validate.Problem;
import dev.faultline.validate.Validator;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads and validates an experiment file for the main window (on a background thread). A file that
 * cannot be read at all is an error naming line and column; a file that reads but has problems
 * opens, with the problem count and the first problem in the summary.
 */
public final class ExperimentLoader implements DocumentLoader {
  private final ExperimentReader reader = new ExperimentReader();
  private final Validator validator = Validator.standard();

  @Override
  public String load(Path file) throws Exception {
    // Checked up front: on Linux opening a directory succeeds and only read() fails, vaguely.
    if (Files.isDirectory(file)) {
      throw new FileSystemException(file.toString(), null, "is a directory");
    }
    ReadResult read = reader.read(file).validated(validator);
    if (read.experiment().isEmpty()) {
      throw new IllegalArgumentException(describe(read.problems().getFirst()));
    }
    return summary(read.experiment().get(), read.problems());
  }

  static String summary(Experiment experiment, List<Problem> problems) {
    int steps = experiment.spec().steps().size();
    int targets = experiment.spec().targets().size();
    String shape = count(steps, "step") + ", " + count(targets, "target");
    long errors = problems.stream().filter(Problem::isError).count();
    long warnings = problems.size() - errors;
    if (problems.isEmpty()) {
      return shape + ", valid";
    }
    Problem first =
        problems.stream().filter(Problem::isError).findFirst().orElse(problems.getFirst());
    return shape
        + ", "
        + count(errors, "error")
        + ", "
        + count(warnings, "warning")
        + " \u2014 "
        + describe(first);
  }

  private static String describe(Problem problem) {
    return (problem.hasPosition()
            ? "line " + problem.line() + ", column " + problem.column() + ": "
            : "")
        + problem.message();
  }

  private static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
