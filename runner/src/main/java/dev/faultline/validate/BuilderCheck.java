package dev.faultline.validate;

import dev.faultline.model.Experiment;
import dev.faultline.model.ExperimentCheck;
import java.util.List;

/**
 * The standard validator as the check {@code ExperimentBuilder.build()} runs (registered in {@code
 * META-INF/services}): only errors count; warnings are for editors, not for code that builds.
 */
public final class BuilderCheck implements ExperimentCheck {
  private static final Validator VALIDATOR = Validator.standard();

  @Override
  public List<String> errors(Experiment experiment) {
    return VALIDATOR.validate(experiment).stream()
        .filter(Problem::isError)
        .map(
            problem ->
                problem.path().isEmpty()
                    ? problem.message()
                    : problem.path() + ": " + problem.message())
        .toList();
  }
}
