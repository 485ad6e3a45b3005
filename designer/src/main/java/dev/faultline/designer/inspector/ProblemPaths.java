package dev.faultline.designer.inspector;

import dev.faultline.model.Experiment;
import dev.faultline.model.Step;
import dev.faultline.validate.Paths;
import java.util.List;

/**
 * Problem paths of the parts the inspector edits, computed from the document's current step list,
 * so a problem lands on the right field even after steps moved in the file.
 */
final class ProblemPaths {
  private ProblemPaths() {}

  /** {@code spec.steps[3]} for the step with that id, or null when it is gone. */
  static String step(Experiment experiment, String id) {
    List<Step> steps = experiment.spec().steps();
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).id().equals(id)) {
        return Paths.index("spec.steps", i);
      }
    }
    return null;
  }

  /** {@code spec.steps[3].with.url} for {@code with.url}, or null when the step is gone. */
  static String stepField(Experiment experiment, String id, String relative) {
    String base = step(experiment, id);
    return base == null ? null : child(base, relative);
  }

  /** {@code spec.targets.checkout.labelSelector}. */
  static String targetField(String target, String field) {
    return child(Paths.child("spec.targets", target), field);
  }

  /** Appends dotted segments, quoting those that need it as the validator does. */
  static String child(String base, String relative) {
    String path = base;
    for (String segment : relative.split("\\.")) {
      path = Paths.child(path, segment);
    }
    return path;
  }

  /**
   * Whether a problem at {@code problemPath} is about the field at {@code fieldPath} or inside it.
   */
  static boolean within(String problemPath, String fieldPath) {
    return problemPath.equals(fieldPath)
        || problemPath.startsWith(fieldPath + ".")
        || problemPath.startsWith(fieldPath + "[");
  }
}
