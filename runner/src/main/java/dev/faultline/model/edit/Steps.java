package dev.faultline.model.edit;

import dev.faultline.model.Experiment;
import dev.faultline.model.Layout;
import dev.faultline.model.Position;
import dev.faultline.model.Step;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Small helpers the edits share: replace steps and layouts of an experiment. */
final class Steps {
  private Steps() {}

  static Experiment withSteps(Experiment experiment, List<Step> steps) {
    var spec = experiment.spec();
    return experiment.withSpec(
        new dev.faultline.model.Spec(
            spec.safety(),
            spec.context(),
            spec.targets(),
            steps,
            spec.probes(),
            spec.extras(),
            spec.loop(),
            spec.schedule()));
  }

  static Experiment mapSteps(Experiment experiment, UnaryOperator<Step> change) {
    List<Step> steps = new ArrayList<>(experiment.spec().steps().size());
    for (Step step : experiment.spec().steps()) {
      steps.add(change.apply(step));
    }
    return withSteps(experiment, steps);
  }

  static Step require(Experiment experiment, String id) {
    return experiment
        .spec()
        .step(id)
        .orElseThrow(() -> new EditRefused("There is no step \u201c" + id + "\u201d."));
  }

  static Map<String, Step> byId(Experiment experiment) {
    Map<String, Step> byId = new HashMap<>();
    for (Step step : experiment.spec().steps()) {
      byId.put(step.id(), step);
    }
    return byId;
  }

  static Layout layoutWith(Layout layout, Map<String, Position> changes) {
    Map<String, Position> positions = new LinkedHashMap<>(layout.positions());
    changes.forEach(
        (id, position) -> {
          Position old = positions.get(id);
          // Keep unknown fields of an existing layout entry; only x and y move.
          positions.put(
              id, old == null ? position : new Position(position.x(), position.y(), old.extras()));
        });
    return new Layout(positions);
  }

  /** "Step" or "3 Steps": the noun in descriptions such as "Move 3 Steps". */
  static String count(int n, String one) {
    return n == 1 ? one : n + " " + one + "s";
  }
}
