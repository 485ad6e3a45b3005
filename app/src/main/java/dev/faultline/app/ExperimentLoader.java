package dev.faultline.app;

import dev.faultline.format.ExperimentReader;
import dev.faultline.format.ReadResult;
import dev.faultline.format.Syntax;
import dev.faultline.validate.Problem;
import dev.faultline.validate.Validator;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads and validates an experiment file for the main window (on a background thread). A file that
 * parses opens with its problems; one that does not opens as text so nothing in it is lost; only a
 * file that cannot be read at all (missing, a directory, binary, huge) is refused.
 */
public final class ExperimentLoader implements DocumentLoader {

  /** Far above any real experiment; keeps a mistaken pick of a log or an image out of memory. */
  static final long MAX_BYTES = 8L << 20;

  private final ExperimentReader reader = new ExperimentReader();
  private final Validator validator = Validator.standard();

  @Override
  public LoadedFile load(Path file) throws IOException {
    // Checked up front: on Linux opening a directory succeeds and only read() fails, vaguely.
    if (Files.isDirectory(file)) {
      throw new FileSystemException(file.toString(), null, "is a directory");
    }
    if (Files.size(file) > MAX_BYTES) {
      throw new FileSystemException(
          file.toString(), null, "is larger than " + (MAX_BYTES >> 20) + " MB");
    }
    String text;
    try {
      text = Files.readString(file);
    } catch (CharacterCodingException e) {
      throw new FileSystemException(file.toString(), null, "is not UTF-8 text");
    }
    ReadResult read = reader.read(text, Syntax.of(file)).validated(validator);
    return read.experiment().isPresent()
        ? new LoadedFile.Parsed(read.experiment().get(), read.problems())
        : new LoadedFile.Unparsed(text, read.problems());
  }

  /** "4 steps, 1 target, valid" or "…, 2 errors, 1 warning — line 3, column 5: …". */
  static String summary(int steps, int targets, List<Problem> problems) {
    String shape = count(steps, "step") + ", " + count(targets, "target");
    if (problems.isEmpty()) {
      return shape + ", valid";
    }
    return shape + ", " + problemSummary(problems);
  }

  /** "2 errors, 1 warning — line 3, column 5: the first error". */
  static String problemSummary(List<Problem> problems) {
    if (problems.isEmpty()) {
      return "no details";
    }
    long errors = problems.stream().filter(Problem::isError).count();
    long warnings = problems.size() - errors;
    Problem first =
        problems.stream().filter(Problem::isError).findFirst().orElse(problems.getFirst());
    return count(errors, "error")
        + ", "
        + count(warnings, "warning")
        + " \u2014 "
        + describe(first);
  }

  static String describe(Problem problem) {
    return (problem.hasPosition()
            ? "line " + problem.line() + ", column " + problem.column() + ": "
            : "")
        + problem.message();
  }

  private static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
