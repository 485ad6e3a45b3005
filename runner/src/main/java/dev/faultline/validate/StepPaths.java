package dev.faultline.validate;

import dev.faultline.model.Experiment;
import dev.faultline.model.Step;
import java.util.List;

/** Paths of the parts of an experiment that rules point at. */
final class StepPaths {
  private StepPaths() {}

  static String step(int index) {
    return "spec.steps[" + index + "]";
  }

  static String step(int index, String field) {
    return Paths.child(step(index), field);
  }

  static String target(String name) {
    return Paths.child("spec.targets", name);
  }

  static String target(String name, String field) {
    return Paths.child(target(name), field);
  }

  static String probe(int index, String field) {
    return Paths.child("spec.probes[" + index + "]", field);
  }

  static int indexOf(Experiment experiment, Step step) {
    List<Step> steps = experiment.spec().steps();
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i) == step) {
        return i;
      }
    }
    return -1;
  }
}
