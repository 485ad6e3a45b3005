package dev.faultline.validate;

import dev.faultline.model.NamespacePolicy;
import dev.faultline.model.Target;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code namespacePattern} against the safety block. Unlike listed namespaces, a pattern cannot be
 * refused up front (which namespaces exist is only known on the cluster), so namespaces the safety
 * block does not permit are dropped when the target is resolved; this says so where it is likely to
 * surprise: the pattern matches a denied namespace, or none of the allowed ones.
 */
final class NamespacePatternCheck {
  private NamespacePatternCheck() {}

  static void check(String name, Target target, NamespacePolicy policy, ProblemSink sink) {
    String regex = target.namespacePattern();
    if (regex == null) {
      return;
    }
    String path = StepPaths.target(name, "namespacePattern");
    if (!target.effectiveKind().namespaced()) {
      sink.error(path, target.effectiveKind().keyword() + " targets are cluster-wide; remove it");
      return;
    }
    Pattern pattern;
    try {
      pattern = Pattern.compile(regex);
    } catch (PatternSyntaxException invalid) {
      return; // TargetSelectorRule reports it, with its position
    }
    List<String> denied =
        policy.effectiveDeny().stream().filter(ns -> pattern.matcher(ns).matches()).toList();
    if (!denied.isEmpty()) {
      sink.warning(
          path,
          "namespacePattern '"
              + regex
              + "' also matches "
              + String.join(", ", denied)
              + ", denied by spec.safety.namespaces; pods there are excluded when the target is"
              + " resolved");
    }
    if (!policy.allow().isEmpty()
        && policy.allow().stream().noneMatch(ns -> pattern.matcher(ns).matches())) {
      sink.warning(
          path,
          "namespacePattern '"
              + regex
              + "' matches none of spec.safety.namespaces.allow "
              + policy.allow()
              + "; only allowed namespaces are ever targeted");
    }
  }
}
