package dev.faultline.validate;

import dev.faultline.model.AttackStep;
import dev.faultline.model.BlastRadius;
import dev.faultline.model.ContinuousProbe;
import dev.faultline.model.Experiment;
import dev.faultline.model.NamespacePolicy;
import dev.faultline.model.ProbeStep;
import dev.faultline.model.Target;
import dev.faultline.model.TargetKind;
import java.util.HashSet;
import java.util.Set;

/**
 * Targets: ids valid, namespaces present and permitted by the safety block, blast radius in range,
 * and every target used by some step. Selectors and regexes are {@link TargetSelectorRule}'s.
 */
final class TargetRule implements Rule {
  @Override
  public void check(Experiment experiment, ProblemSink sink) {
    NamespacePolicy policy = experiment.spec().effectiveSafety().effectiveNamespaces();
    Set<String> used = usedTargets(experiment);
    experiment
        .spec()
        .targets()
        .forEach(
            (name, target) -> {
              StepGraphRule.checkId(name, StepPaths.target(name), "target", sink);
              checkNamespaces(name, target, policy, sink);
              NamespacePatternCheck.check(name, target, policy, sink);
              checkBlastRadius(name, target.blastRadius(), sink);
              TopologyRule.check(name, target, sink);
              if (!used.contains(name)) {
                sink.warning(
                    StepPaths.target(name), "target '" + name + "' is not used by any step");
              }
            });
  }

  private static Set<String> usedTargets(Experiment experiment) {
    Set<String> used = new HashSet<>();
    experiment
        .spec()
        .steps()
        .forEach(
            step -> {
              switch (step) {
                case AttackStep a when a.target() != null -> used.add(a.target());
                case ProbeStep p when p.target() != null -> used.add(p.target());
                default -> {}
              }
            });
    experiment.spec().probes().stream()
        .map(ContinuousProbe::target)
        .filter(t -> t != null)
        .forEach(used::add);
    return used;
  }

  private static void checkNamespaces(
      String name, Target target, NamespacePolicy policy, ProblemSink sink) {
    TargetKind kind = target.effectiveKind();
    String path = StepPaths.target(name, "namespaces");
    if (!kind.namespaced()) {
      if (!target.namespaces().isEmpty()) {
        sink.error(path, kind.keyword() + " targets are cluster-wide; remove 'namespaces'");
      }
      return;
    }
    if (target.namespaces().isEmpty() && target.namespacePattern() == null) {
      sink.error(
          StepPaths.target(name),
          "target '"
              + name
              + "' must name at least one namespace in 'namespaces' or give a 'namespacePattern'");
    }
    for (int i = 0; i < target.namespaces().size(); i++) {
      String namespace = target.namespaces().get(i);
      if (policy.effectiveDeny().contains(namespace)) {
        sink.error(
            Paths.index(path, i),
            "namespace '"
                + namespace
                + "' is denied by spec.safety.namespaces"
                + (policy.deny() == null
                    ? " (denied by default; set 'deny' to change the list)"
                    : ""));
      } else if (!policy.permits(namespace)) {
        sink.error(
            Paths.index(path, i),
            "namespace '"
                + namespace
                + "' is not in spec.safety.namespaces.allow "
                + policy.allow());
      }
    }
  }

  private static void checkBlastRadius(String name, BlastRadius radius, ProblemSink sink) {
    if (radius == null) {
      return;
    }
    String path = StepPaths.target(name, "blastRadius");
    BlastRadius.Mode mode = radius.mode();
    if (mode == BlastRadius.Mode.ALL && radius.seed() != null) {
      sink.warning(
          Paths.child(path, "seed"),
          "blast radius 'all' chooses nothing at random; 'seed' is unused");
    }
    if (!mode.takesValue()) {
      if (radius.value() != null) {
        sink.error(
            Paths.child(path, "value"), "blast radius '" + mode.keyword() + "' takes no value");
      }
      return;
    }
    if (radius.value() == null) {
      sink.error(path, "blast radius '" + mode.keyword() + "' needs a 'value'");
    } else if (radius.value() < mode.min() || radius.value() > mode.max()) {
      sink.error(
          Paths.child(path, "value"),
          "blast radius value "
              + radius.value()
              + " is out of range for '"
              + mode.keyword()
              + "'; use "
              + (mode == BlastRadius.Mode.COUNT ? "1 or more" : "1 to 100"));
    }
  }
}
