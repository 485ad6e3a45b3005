package dev.faultline.validate;

import java.util.Comparator;
import java.util.Objects;

/**
 * Something wrong in an experiment, with where it is.
 *
 * @param path the field it concerns, as {@code spec.steps[2].with.jq}; empty for the document
 * @param line 1-based line in the source file, 0 when unknown (an experiment not read from a file)
 * @param column 1-based column in the source file, 0 when unknown
 */
public record Problem(Severity severity, String path, int line, int column, String message) {
  /** Source order first, then errors before warnings. */
  public static final Comparator<Problem> SOURCE_ORDER =
      Comparator.comparingInt(Problem::line)
          .thenComparingInt(Problem::column)
          .thenComparing(Problem::severity)
          .thenComparing(Problem::path)
          .thenComparing(Problem::message);

  public Problem {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
    path = path == null ? "" : path;
  }

  public static Problem error(String path, String message) {
    return new Problem(Severity.ERROR, path, 0, 0, message);
  }

  public static Problem warning(String path, String message) {
    return new Problem(Severity.WARNING, path, 0, 0, message);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  public boolean hasPosition() {
    return line > 0;
  }

  public Problem at(int newLine, int newColumn) {
    return new Problem(severity, path, newLine, newColumn, message);
  }
}
