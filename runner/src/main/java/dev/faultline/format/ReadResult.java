package dev.faultline.format;

import dev.faultline.model.Experiment;
import dev.faultline.validate.Locator;
import dev.faultline.validate.Problem;
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

  public boolean hasErrors() {
    return problems.stream().anyMatch(Problem::isError);
  }
}
