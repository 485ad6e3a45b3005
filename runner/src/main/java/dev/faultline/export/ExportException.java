package dev.faultline.export;

import dev.faultline.validate.Problem;
import java.util.List;

/**
 * The experiment cannot be exported at all: it has validation errors, or something the format needs
 * has no counterpart at all. Lesser losses are {@link ConversionWarning}s instead.
 */
public final class ExportException extends Exception {
  private final transient List<Problem> problems;

  public ExportException(String message) {
    this(message, List.of());
  }

  public ExportException(String message, List<Problem> problems) {
    super(message);
    this.problems = List.copyOf(problems);
  }

  /** The validation problems that stopped the export, empty when it was not validation. */
  public List<Problem> problems() {
    return problems;
  }
}
