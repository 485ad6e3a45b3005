package dev.faultline.validate;

import dev.faultline.model.Experiment;
import dev.faultline.model.FieldSelector;
import dev.faultline.model.FieldSelectorException;
import dev.faultline.model.Keyword;
import dev.faultline.model.LabelSelector;
import dev.faultline.model.LabelSelectorException;
import dev.faultline.model.PodPhase;
import dev.faultline.model.Target;
import dev.faultline.model.TargetKind;
import java.util.List;
import java.util.Optional;

/**
 * The selectors of each target: label, annotation and node selectors parse, the field selector
 * parses and names supported fields, regexes compile (each problem pointing into the value), and
 * pod-only selectors are not silently ignored on other kinds.
 */
final class TargetSelectorRule implements Rule {
  @Override
  public void check(Experiment experiment, ProblemSink sink) {
    experiment.spec().targets().forEach((name, target) -> check(name, target, sink));
  }

  private static void check(String name, Target target, ProblemSink sink) {
    checkLabels(name, "labelSelector", "label selector", target.labelSelector(), sink);
    checkLabels(
        name, "annotationSelector", "annotation selector", target.annotationSelector(), sink);
    checkLabels(name, "nodeSelector", "node selector", target.nodeSelector(), sink);
    checkFields(name, target, sink);
    checkRegex(StepPaths.target(name, "namespacePattern"), target.namespacePattern(), sink);
    checkRegex(StepPaths.target(name, "podName"), target.podName(), sink);
    if (target.owner() != null) {
      checkRegex(Paths.child(StepPaths.target(name, "owner"), "name"), target.owner().name(), sink);
    }
    String containers = StepPaths.target(name, "containers");
    for (int i = 0; i < target.containers().size(); i++) {
      checkRegex(Paths.index(containers, i), target.containers().get(i), sink);
    }
    checkPodOnly(name, target, sink);
  }

  private static void checkLabels(
      String name, String field, String what, String text, ProblemSink sink) {
    if (text == null) {
      return;
    }
    Optional<LabelSelectorException> problem = LabelSelector.check(text);
    problem.ifPresent(
        e ->
            sink.error(
                StepPaths.target(name, field),
                e.index(),
                "invalid " + what + ": " + e.getMessage()));
  }

  private static void checkFields(String name, Target target, ProblemSink sink) {
    if (target.fieldSelector() == null) {
      return;
    }
    String path = StepPaths.target(name, "fieldSelector");
    Optional<FieldSelectorException> problem = FieldSelector.check(target.fieldSelector());
    if (problem.isPresent()) {
      sink.error(
          path, problem.get().index(), "invalid field selector: " + problem.get().getMessage());
      return;
    }
    for (FieldSelector.Term term : FieldSelector.parse(target.fieldSelector()).terms()) {
      if (term.field().equals("status.phase") && !term.negated()) {
        checkPhaseTerm(term.value(), target, path, sink);
      }
    }
  }

  // status.phase=X and 'phases' are ANDed; with the Running-only default, a selector for another
  // phase quietly matches nothing, which is worth a word.
  private static void checkPhaseTerm(String value, Target target, String path, ProblemSink sink) {
    List<String> words = Keyword.words(PodPhase.class);
    Optional<PodPhase> phase = Keyword.parse(PodPhase.class, value);
    if (phase.isEmpty()) {
      sink.warning(
          path,
          "'"
              + value
              + "' is not a pod phase, so the target matches nothing; use one of "
              + String.join(", ", words)
              + Suggestions.didYouMean(value, words));
    } else if (!target.effectivePhases().contains(phase.get())) {
      sink.warning(
          path,
          "status.phase="
              + value
              + " is outside 'phases'"
              + (target.phases().isEmpty() ? " (default: Running)" : "")
              + ", so the target matches nothing; add "
              + value
              + " to 'phases'");
    }
  }

  private static void checkRegex(String path, String regex, ProblemSink sink) {
    if (regex != null) {
      RegexCheck.check(regex).ifPresent(e -> sink.error(path, e.index(), e.message()));
    }
  }

  private static void checkPodOnly(String name, Target target, ProblemSink sink) {
    TargetKind kind = target.effectiveKind();
    if (kind == TargetKind.POD) {
      return;
    }
    warnIgnored(name, "fieldSelector", target.fieldSelector() != null, kind, sink);
    warnIgnored(name, "phases", !target.phases().isEmpty(), kind, sink);
    warnIgnored(name, "nodeSelector", target.nodeSelector() != null, kind, sink);
    warnIgnored(name, "owner", target.owner() != null, kind, sink);
    warnIgnored(name, "containers", !target.containers().isEmpty(), kind, sink);
  }

  private static void warnIgnored(
      String name, String field, boolean present, TargetKind kind, ProblemSink sink) {
    if (present) {
      sink.warning(
          StepPaths.target(name, field),
          "'" + field + "' only applies to Pod targets; it is ignored for " + kind.keyword());
    }
  }
}
