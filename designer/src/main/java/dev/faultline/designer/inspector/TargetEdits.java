package dev.faultline.designer.inspector;

import dev.faultline.catalog.Descriptor;
import dev.faultline.model.AttackStep;
import dev.faultline.model.ContinuousProbe;
import dev.faultline.model.Experiment;
import dev.faultline.model.ProbeStep;
import dev.faultline.model.Spec;
import dev.faultline.model.Step;
import dev.faultline.model.StepId;
import dev.faultline.model.Target;
import dev.faultline.model.TargetKind;
import dev.faultline.model.edit.EditRefused;
import dev.faultline.model.edit.ReplaceExperiment;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whole-experiment changes of the target list: add, rename (with every reference), remove (only
 * when unused), and "New target…" from a step's combo. Each is one {@link ReplaceExperiment}, so
 * one gesture is one undo step.
 */
final class TargetEdits {
  private TargetEdits() {}

  /** A new, empty target of {@code kind} named {@code target}, {@code target-2}, … */
  static ReplaceExperiment add(Experiment experiment, TargetKind kind) {
    String name = freeName(experiment);
    return new ReplaceExperiment(
        withTargets(experiment, put(experiment.spec().targets(), name, blank(kind))),
        "Add target " + name,
        null);
  }

  /**
   * A new target of a kind the step's descriptor accepts, used by the step at once: what "New
   * target…" in the step's combo does.
   */
  static ReplaceExperiment addFor(Experiment experiment, String stepId, Descriptor descriptor) {
    String name = freeName(experiment);
    TargetKind kind =
        descriptor == null
                || descriptor.targetKinds().isEmpty()
                || descriptor.targetKinds().contains(TargetKind.POD)
            ? TargetKind.POD
            : descriptor.targetKinds().stream().sorted().findFirst().orElseThrow();
    Experiment added = withTargets(experiment, put(experiment.spec().targets(), name, blank(kind)));
    Experiment used =
        withSteps(
            added,
            added.spec().steps().stream()
                .map(s -> s.id().equals(stepId) ? StepCopy.withTarget(s, name) : s)
                .toList());
    return new ReplaceExperiment(used, "New target " + name, null);
  }

  /** Renames a target and every step and probe that uses it, keeping its place in the file. */
  static ReplaceExperiment rename(Experiment experiment, String oldName, String newName) {
    String name = newName == null ? "" : newName.strip();
    if (!StepId.isValid(name)) {
      throw new EditRefused(
          "\u201c"
              + name
              + "\u201d is not a valid target name: use letters, digits, '-', '_' or"
              + " '.', starting and ending with a letter or digit.");
    }
    if (!name.equals(oldName) && experiment.spec().targets().containsKey(name)) {
      throw new EditRefused("A target named \u201c" + name + "\u201d already exists.");
    }
    Map<String, Target> targets = new LinkedHashMap<>();
    experiment
        .spec()
        .targets()
        .forEach((key, t) -> targets.put(key.equals(oldName) ? name : key, t));
    List<Step> steps =
        experiment.spec().steps().stream()
            .map(s -> oldName.equals(targetOf(s)) ? StepCopy.withTarget(s, name) : s)
            .toList();
    List<ContinuousProbe> probes =
        experiment.spec().probes().stream()
            .map(p -> oldName.equals(p.target()) ? renamed(p, name) : p)
            .toList();
    Spec spec = experiment.spec();
    return new ReplaceExperiment(
        experiment.withSpec(
            new Spec(
                spec.safety(),
                spec.context(),
                targets,
                steps,
                probes,
                spec.extras(),
                spec.loop(),
                spec.schedule(),
                spec.notifications())),
        "Rename target " + oldName + " to " + name,
        null);
  }

  /** Removes an unused target; refuses, naming them, when steps or probes use it. */
  static ReplaceExperiment remove(Experiment experiment, String name) {
    List<String> users =
        experiment.spec().steps().stream()
            .filter(s -> name.equals(targetOf(s)))
            .map(Step::id)
            .toList();
    List<String> probes =
        experiment.spec().probes().stream()
            .filter(p -> name.equals(p.target()))
            .map(ContinuousProbe::id)
            .toList();
    if (!users.isEmpty() || !probes.isEmpty()) {
      List<String> all = new java.util.ArrayList<>(users);
      all.addAll(probes);
      throw new EditRefused(
          "The target \u201c"
              + name
              + "\u201d is used by "
              + String.join(", ", all)
              + "; point them at another target first.");
    }
    Map<String, Target> targets = new LinkedHashMap<>(experiment.spec().targets());
    targets.remove(name);
    return new ReplaceExperiment(withTargets(experiment, targets), "Remove target " + name, null);
  }

  static String targetOf(Step step) {
    return switch (step) {
      case AttackStep a -> a.target();
      case ProbeStep p -> p.target();
      default -> null;
    };
  }

  private static String freeName(Experiment experiment) {
    return StepId.unique("target", experiment.spec().targets().keySet());
  }

  private static Target blank(TargetKind kind) {
    return new Target(
        kind == TargetKind.POD ? null : kind,
        List.of(),
        null,
        null,
        null,
        null,
        List.of(),
        null,
        null,
        null,
        List.of(),
        null,
        null);
  }

  private static Map<String, Target> put(Map<String, Target> targets, String name, Target t) {
    Map<String, Target> copy = new LinkedHashMap<>(targets);
    copy.put(name, t);
    return copy;
  }

  private static Experiment withTargets(Experiment experiment, Map<String, Target> targets) {
    return experiment.withSpec(experiment.spec().withTargets(targets));
  }

  private static Experiment withSteps(Experiment experiment, List<Step> steps) {
    return experiment.withSpec(experiment.spec().withSteps(steps));
  }

  /** The probe reading the renamed target; every other field (its context too) kept. */
  private static ContinuousProbe renamed(ContinuousProbe p, String target) {
    return p.toBuilder().target(target).build();
  }
}
