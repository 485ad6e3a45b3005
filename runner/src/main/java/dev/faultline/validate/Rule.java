package dev.faultline.validate;

import dev.faultline.model.Experiment;

/** One kind of check over an experiment. Rules report; they never change the model. */
@FunctionalInterface
public interface Rule {
  void check(Experiment experiment, ProblemSink sink);
}
