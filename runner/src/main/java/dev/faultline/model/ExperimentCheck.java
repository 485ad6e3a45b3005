package dev.faultline.model;

import java.util.List;

/**
 * A check that {@link ExperimentBuilder#build()} runs on the experiment it built. The runner's
 * validation provides one through {@link java.util.ServiceLoader} ({@code
 * META-INF/services/dev.faultline.model.ExperimentCheck}), so the model stays free of a dependency
 * on validation and the catalog.
 */
public interface ExperimentCheck {
  /**
   * The errors in {@code experiment}, each as {@code field.path: message}; empty when it may run.
   */
  List<String> errors(Experiment experiment);
}
