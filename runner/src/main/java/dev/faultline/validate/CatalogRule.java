package dev.faultline.validate;

import dev.faultline.catalog.Catalog;
import dev.faultline.catalog.Descriptor;
import dev.faultline.catalog.Descriptor.Role;
import dev.faultline.catalog.Param;
import dev.faultline.catalog.TargetUse;
import dev.faultline.model.AttackStep;
import dev.faultline.model.ContinuousProbe;
import dev.faultline.model.Experiment;
import dev.faultline.model.GateStep;
import dev.faultline.model.Params;
import dev.faultline.model.ProbeStep;
import dev.faultline.model.Step;
import dev.faultline.model.Target;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Attack and probe steps against their descriptors: the type id exists ("did you mean"), the target
 * is given when needed, exists and is of an accepted kind, required parameters are there, and every
 * parameter value fits its type. Gates need a question.
 */
final class CatalogRule implements Rule {
  private final Catalog catalog;

  CatalogRule(Catalog catalog) {
    this.catalog = catalog;
  }

  @Override
  public void check(Experiment experiment, ProblemSink sink) {
    Map<String, Target> targets = experiment.spec().targets();
    List<Step> steps = experiment.spec().steps();
    for (int i = 0; i < steps.size(); i++) {
      String base = StepPaths.step(i);
      switch (steps.get(i)) {
        case AttackStep a ->
            checkTyped(Role.ATTACK, a.attack(), a.target(), a.with(), base, targets, sink);
        case ProbeStep p ->
            checkTyped(Role.PROBE, p.probe(), p.target(), p.with(), base, targets, sink);
        case GateStep g -> {
          if (g.gate() == null || g.gate().isBlank()) {
            sink.error(
                Paths.child(base, "gate"),
                "a gate needs a question for the operator, such as 'gate: Dashboards green? Continue?'");
          }
        }
        default -> {}
      }
    }
    List<ContinuousProbe> probes = experiment.spec().probes();
    for (int i = 0; i < probes.size(); i++) {
      ContinuousProbe p = probes.get(i);
      checkTyped(
          Role.PROBE, p.probe(), p.target(), p.with(), "spec.probes[" + i + "]", targets, sink);
    }
  }

  private void checkTyped(
      Role role,
      String typeId,
      String target,
      Params with,
      String base,
      Map<String, Target> targets,
      ProblemSink sink) {
    String field = role == Role.ATTACK ? "attack" : "probe";
    if (typeId == null || typeId.isBlank()) {
      sink.error(
          Paths.child(base, field),
          "'"
              + field
              + "' needs the id of a "
              + field
              + ", such as "
              + catalog.ids(role).getFirst());
      return;
    }
    Optional<Descriptor> found = catalog.find(role, typeId);
    if (found.isEmpty()) {
      String other =
          catalog.find(typeId).isPresent()
              ? " ('" + typeId + "' is a" + (role == Role.ATTACK ? " probe" : "n attack") + ")"
              : "";
      sink.error(
          Paths.child(base, field),
          "unknown "
              + field
              + " '"
              + typeId
              + "'"
              + other
              + Suggestions.didYouMean(typeId, catalog.ids(role)));
      return;
    }
    Descriptor descriptor = found.get();
    checkTarget(descriptor, target, base, targets, sink);
    checkParams(descriptor, with, Paths.child(base, "with"), sink);
  }

  private static void checkTarget(
      Descriptor descriptor,
      String target,
      String base,
      Map<String, Target> targets,
      ProblemSink sink) {
    String path = Paths.child(base, "target");
    if (target == null) {
      if (descriptor.targetUse() == TargetUse.REQUIRED) {
        sink.error(
            base,
            descriptor.id()
                + " needs a 'target' (one of spec.targets"
                + (targets.isEmpty()
                    ? ", which has none yet"
                    : ": " + String.join(", ", targets.keySet()))
                + ")");
      }
      return;
    }
    if (descriptor.targetUse() == TargetUse.NONE) {
      sink.warning(path, descriptor.id() + " takes no target; 'target' is ignored");
      return;
    }
    Target selected = targets.get(target);
    if (selected == null) {
      sink.error(
          path,
          "target '"
              + target
              + "' is not defined in spec.targets"
              + Suggestions.didYouMean(target, targets.keySet()));
      return;
    }
    if (!descriptor.targetKinds().contains(selected.effectiveKind())) {
      sink.error(
          path,
          descriptor.id()
              + " acts on "
              + descriptor.targetKinds().stream().map(k -> k.keyword()).sorted().toList()
              + ", but target '"
              + target
              + "' selects "
              + selected.effectiveKind().keyword());
    }
  }

  private static void checkParams(
      Descriptor descriptor, Params with, String path, ProblemSink sink) {
    for (Param param : descriptor.params()) {
      if (param.required() && !with.has(param.name())) {
        sink.error(
            with.values().isEmpty() ? Paths.parent(path) : path,
            descriptor.id()
                + " needs the parameter '"
                + param.name()
                + "' in 'with'"
                + (param.docs().isEmpty() ? "" : ": " + param.docs()));
      }
    }
    with.values()
        .forEach(
            (name, value) -> {
              String at = Paths.child(path, name);
              Optional<Param> param = descriptor.param(name);
              if (param.isEmpty()) {
                sink.warning(
                    at,
                    descriptor.id()
                        + " has no parameter '"
                        + name
                        + "'"
                        + Suggestions.didYouMean(name, descriptor.paramNames())
                        + " (it is ignored); parameters: "
                        + String.join(", ", descriptor.paramNames()));
                return;
              }
              ParamCheck.check(param.get(), value)
                  .ifPresent(issue -> sink.error(at, issue.offset(), issue.message()));
            });
  }
}
