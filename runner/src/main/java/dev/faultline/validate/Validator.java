package dev.faultline.validate;

import dev.faultline.catalog.Catalog;
import dev.faultline.model.Experiment;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs every rule over an experiment. Problems come back in source order when the experiment was
 * read from a file (see {@link Locator}), otherwise in rule order.
 */
public final class Validator {
  private final List<Rule> rules;

  public Validator(Catalog catalog) {
    this.rules =
        List.of(
            new MetadataRule(),
            new StepGraphRule(),
            new TargetRule(),
            new TargetSelectorRule(),
            new ContextRule(),
            new DurationRule(),
            new StopWhenRule(),
            new LoopScheduleRule(),
            new CatalogRule(catalog),
            new NotificationRule(System::getenv));
  }

  /** Validator over the built-in catalog. */
  public static Validator standard() {
    return new Validator(Catalog.builtIn());
  }

  public List<Problem> validate(Experiment experiment) {
    return validate(experiment, Locator.NONE);
  }

  public List<Problem> validate(Experiment experiment, Locator locator) {
    var sink = new ProblemSink(locator);
    rules.forEach(rule -> rule.check(experiment, sink));
    var problems = new ArrayList<>(sink.problems());
    if (locator != Locator.NONE) {
      problems.sort(Problem.SOURCE_ORDER);
    }
    return List.copyOf(problems);
  }
}
