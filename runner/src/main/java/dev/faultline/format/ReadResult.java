package dev.faultline.format;

import dev.faultline.model.Experiment;
import dev.faultline.validate.Locator;
import dev.faultline.validate.Problem;
import dev.faultline.validate.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What reading a file gave: the experiment (absent when the file could not be parsed or has a
 * version this Faultline cannot read), the problems found while reading, and a locator that maps
 * model paths to positions in the file for later validation problems.
 */
public record ReadResult(Experiment experimentOrNull, List<Problem> problems, Locator locator) {
  public ReadResult {
    problems = List.copyOf(problems);
  }

  public Optional<Experiment> experiment() {
    return Optional.ofNullable(experimentOrNull);
  }

  /**
   * This result with the validator's problems added and all problems in source order: what every
   * caller that shows a file's problems (CLI, app) wants. Unchanged when nothing was read.
   */
  public ReadResult validated(Validator validator) {
    if (experimentOrNull == null) {
      return this;
    }
    var all = new ArrayList<Problem>(problems);
    all.addAll(validator.validate(experimentOrNull, locator));
    all.sort(Problem.SOURCE_ORDER);
    return new ReadResult(experimentOrNull, all, locator);
  }

  public boolean hasErrors() {
    return problems.stream().anyMatch(Problem::isError);
  }
}
