package dev.faultline.designer.preview;

import dev.faultline.model.AttackStep;
import dev.faultline.model.ClusterContexts;
import dev.faultline.model.Experiment;
import dev.faultline.model.NamespacePolicy;
import dev.faultline.model.ProbeStep;
import dev.faultline.model.Step;
import dev.faultline.model.Target;
import dev.faultline.target.Seeds;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What to resolve, taken from the document and selection on the FX thread and handed to the
 * background as one immutable value: every target an attack (or the shown step) refers to, and
 * which one is shown.
 *
 * @param shownStep the selected step, or null
 * @param shownTarget the target name the shown step refers to, or null
 * @param emptyReason why nothing is resolved for the shown step (no selection, a step without a
 *     target, an undefined target), or null when {@code shownTarget} is defined
 * @param targets the defined targets to resolve, by name, in file order (every target of a
 *     multi-cluster experiment)
 * @param attackTargets each attack step with a target: its id and target name, in file order
 */
record PreviewPlan(
    String shownStep,
    String shownTarget,
    String emptyReason,
    Map<String, TargetKey> targets,
    Map<String, String> attackTargets) {

  static final String SELECT_AN_ATTACK = "Select an attack to preview its targets";

  /**
   * One target as resolved: equal keys may share a {@link dev.faultline.target.LivePreview}, which
   * is incremental only while target, policy and seed stay the same.
   */
  record TargetKey(String name, Target target, NamespacePolicy policy, long seed) {}

  /** The plan for an experiment with {@code selected} as the primary selection (may be null). */
  static PreviewPlan of(Experiment experiment, String selected) {
    return of(experiment, selected, null);
  }

  /**
   * @param focusedTarget a target the user works on in the experiment's form; shown when no step is
   *     selected and it is defined
   */
  static PreviewPlan of(Experiment experiment, String selected, String focusedTarget) {
    // As the engine and `faultline preview` do: the experiment's namespace policy, and a seed per
    // experiment and target name, so the preview picks the pods a run would pick.
    NamespacePolicy policy = experiment.spec().effectiveSafety().effectiveNamespaces();
    String experimentName = experiment.metadata().name();
    Map<String, Target> defined = experiment.spec().targets();
    var targets = new LinkedHashMap<String, TargetKey>();
    var attackTargets = new LinkedHashMap<String, String>();
    for (Step step : experiment.spec().steps()) {
      if (step instanceof AttackStep attack && attack.target() != null) {
        attackTargets.put(attack.id(), attack.target());
        add(targets, defined, attack.target(), policy, experimentName);
      }
    }
    Optional<Step> shown = selected == null ? Optional.empty() : experiment.spec().step(selected);
    String shownTarget = shown.map(PreviewPlan::targetOf).orElse(null);
    String emptyReason = null;
    if (shown.isEmpty() && focusedTarget != null && defined.containsKey(focusedTarget)) {
      shownTarget = focusedTarget;
      add(targets, defined, shownTarget, policy, experimentName);
    } else if (shown.isEmpty()) {
      emptyReason = SELECT_AN_ATTACK;
    } else if (shownTarget == null || shownTarget.isBlank()) {
      emptyReason =
          switch (shown.get()) {
            case AttackStep a -> "Attack “" + a.id() + "” acts on no target";
            case ProbeStep p -> "Probe “" + p.id() + "” reads no target. " + SELECT_AN_ATTACK;
            default -> SELECT_AN_ATTACK;
          };
      shownTarget = null;
    } else if (!defined.containsKey(shownTarget)) {
      emptyReason = "Target “" + shownTarget + "” is not defined in spec.targets";
    } else {
      add(targets, defined, shownTarget, policy, experimentName);
    }
    if (!ClusterContexts.named(experiment.spec()).isEmpty()) {
      // A multi-cluster experiment lists every target under its cluster's heading.
      defined.keySet().forEach(name -> add(targets, defined, name, policy, experimentName));
    }
    return new PreviewPlan(
        shown.map(Step::id).orElse(null),
        shownTarget,
        emptyReason,
        java.util.Collections.unmodifiableMap(sorted(targets, defined)),
        java.util.Collections.unmodifiableMap(attackTargets));
  }

  /** The targets in file order, so each context's heading lists them as the file does. */
  private static Map<String, TargetKey> sorted(
      Map<String, TargetKey> targets, Map<String, Target> defined) {
    var inOrder = new LinkedHashMap<String, TargetKey>();
    defined
        .keySet()
        .forEach(
            name -> {
              if (targets.containsKey(name)) {
                inOrder.put(name, targets.get(name));
              }
            });
    return inOrder;
  }

  private static String targetOf(Step step) {
    return switch (step) {
      case AttackStep a -> a.target();
      case ProbeStep p -> p.target();
      default -> null;
    };
  }

  private static void add(
      Map<String, TargetKey> targets,
      Map<String, Target> defined,
      String name,
      NamespacePolicy policy,
      String experimentName) {
    Target target = defined.get(name);
    if (target != null) {
      targets.putIfAbsent(
          name, new TargetKey(name, target, policy, Seeds.forTarget(experimentName, name)));
    }
  }
}
