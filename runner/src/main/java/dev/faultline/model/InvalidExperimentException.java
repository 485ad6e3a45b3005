package dev.faultline.model;

import java.util.List;

/**
 * An experiment built in Java has errors: {@link ExperimentBuilder#build()} lists all of them, each
 * with the field path it concerns, so a typo fails at once and says where.
 */
public final class InvalidExperimentException extends IllegalArgumentException {
  private final transient List<String> problems;

  public InvalidExperimentException(String experiment, List<String> problems) {
    super(message(experiment, problems));
    this.problems = List.copyOf(problems);
  }

  /** Each error as {@code field.path: message}, in rule order. */
  public List<String> problems() {
    return problems;
  }

  private static String message(String experiment, List<String> problems) {
    var text =
        new StringBuilder("experiment '")
            .append(experiment)
            .append("' has ")
            .append(problems.size())
            .append(problems.size() == 1 ? " error:" : " errors:");
    problems.forEach(problem -> text.append("\n  ").append(problem));
    return text.toString();
  }
}
