package dev.faultline.export.chaosmesh;

import dev.faultline.attack.chaosmesh.ChaosKind;
import dev.faultline.catalog.Catalog;
import dev.faultline.catalog.ParamValues;
import dev.faultline.catalog.StatusCodes;
import dev.faultline.model.AttackStep;
import dev.faultline.model.BlastRadius;
import dev.faultline.model.ContinuousProbe;
import dev.faultline.model.Experiment;
import dev.faultline.model.GateStep;
import dev.faultline.model.LabelSelector;
import dev.faultline.model.Params;
import dev.faultline.model.ProbeStep;
import dev.faultline.model.Step;
import dev.faultline.model.Target;
import dev.faultline.model.TimeSpan;
import dev.faultline.model.WaitStep;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What a step means, independent of how it is written: ids, {@code after} as a set, parameters with
 * their defaults, durations as values, the target's selection (label terms as a set, {@code !=} the
 * same as {@code notin}, containers only where the attack uses them). Round-trip tests compare
 * these.
 */
final class StepShape {
  private static final Catalog CATALOG = Catalog.builtIn();

  private StepShape() {}

  static Map<String, String> of(Experiment experiment) {
    var shapes = new TreeMap<String, String>();
    for (Step step : experiment.spec().steps()) {
      shapes.put(step.id(), of(experiment, step));
    }
    return shapes;
  }

  static String of(Experiment experiment, Step step) {
    String common = step.id() + " after " + new TreeSet<>(step.after()) + ": ";
    return common
        + switch (step) {
          case AttackStep a ->
              a.attack()
                  + " "
                  + params(a.attack(), a.with())
                  + " for "
                  + time(a.duration())
                  + " on "
                  + target(
                      experiment.spec().targets().get(a.target()),
                      ChaosKind.byAttackId(a.attack()).map(ChaosKind::hasContainers).orElse(false)
                          || a.attack().equals("k8s.container.kill"));
          case ProbeStep p ->
              p.probe()
                  + " "
                  + params(p.probe(), p.with())
                  + " until "
                  + p.until()
                  + " within "
                  + time(p.timeout())
                  + " every "
                  + time(p.effectiveInterval())
                  + " retries "
                  + p.effectiveRetries();
          case WaitStep w -> "wait " + time(w.duration());
          case GateStep g -> "gate " + g.gate();
        };
  }

  static String of(ContinuousProbe probe) {
    return probe.id()
        + ": "
        + probe.probe()
        + " "
        + params(probe.probe(), probe.with())
        + " every "
        + time(probe.effectiveInterval())
        + " halt after "
        + probe.haltAfter();
  }

  private static String params(String id, Params with) {
    ParamValues values = ParamValues.of(CATALOG.find(id).orElseThrow(), with);
    var effective = new TreeMap<String, String>();
    for (String name : values.descriptor().paramNames()) {
      values
          .raw(name)
          .ifPresent(
              v ->
                  effective.put(
                      name,
                      name.equals("expectStatus")
                          ? StatusCodes.parse(String.valueOf(v)).ranges().toString()
                          : TimeSpan.parse(String.valueOf(v))
                              .map(Object::toString)
                              .orElse(String.valueOf(v))));
    }
    return effective.toString();
  }

  private static String time(TimeSpan span) {
    return span == null ? "-" : String.valueOf(span.toDuration());
  }

  private static String target(Target target, boolean containers) {
    if (target == null) {
      return "no target";
    }
    BlastRadius radius = target.effectiveBlastRadius();
    return Objects.toString(target.namespaces())
        + " labels "
        + labels(target.labelSelector())
        + " annotations "
        + target.annotationSelector()
        + " fields "
        + target.fieldSelector()
        + " nodes "
        + target.nodeSelector()
        + " phases "
        + target.effectivePhases()
        + " owner "
        + target.owner()
        + " name "
        + target.podName()
        + (containers ? " containers " + target.containers() : "")
        + " "
        + radius.mode()
        + " "
        + radius.value();
  }

  private static Set<String> labels(String selector) {
    if (selector == null) {
      return Set.of();
    }
    return LabelSelector.parse(selector).requirements().stream()
        .map(
            r -> {
              String operator =
                  switch (r.operator()) {
                    case EQUALS, IN -> "in";
                    case NOT_EQUALS, NOT_IN -> "notin";
                    default -> r.operator().name();
                  };
              return r.key() + " " + operator + " " + new TreeSet<>(r.values());
            })
        .collect(Collectors.toCollection(TreeSet::new));
  }

  static List<String> probes(Experiment experiment) {
    return experiment.spec().probes().stream().map(StepShape::of).toList();
  }
}
