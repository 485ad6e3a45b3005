package dev.faultline.export.chaostoolkit;

import dev.faultline.model.BlastRadius;
import dev.faultline.model.PodPhase;
import dev.faultline.model.Target;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A target as chaostoolkit-kubernetes selects: one namespace ({@code ns}), a label selector, a name
 * regex found anywhere in the name ({@code re.search}), and how many of the matches. What the
 * target says beyond that is reported, never dropped silently.
 */
final class TargetArgs {
  /**
   * An object name written as a regex that matches only itself ({@code checkout}, {@code a\.b}).
   */
  private static final Pattern LITERAL_NAME = Pattern.compile("[a-z0-9](?:[-a-z0-9]|\\\\\\.)*");

  private TargetArgs() {}

  /** The one namespace the functions take; empty (with a warning) when the target has none. */
  static Optional<String> namespace(Target target, String path, ExportLog log) {
    if (target.namespaces().isEmpty()) {
      log.warn(
          path,
          "chaostoolkit-kubernetes needs one namespace; the target only has namespacePattern '"
              + target.namespacePattern()
              + "', so this step is left out");
      return Optional.empty();
    }
    if (target.namespaces().size() > 1 || target.namespacePattern() != null) {
      log.warn(
          path,
          "chaostoolkit-kubernetes selects in one namespace: only '"
              + target.namespaces().getFirst()
              + "' is used of "
              + target.namespaces()
              + (target.namespacePattern() == null
                  ? ""
                  : " and namespacePattern '" + target.namespacePattern() + "'"));
    }
    return Optional.of(target.namespaces().getFirst());
  }

  /** The exact name a {@code podName} regex stands for, if it is a plain name. */
  static Optional<String> literalName(String regex) {
    return regex != null && LITERAL_NAME.matcher(regex).matches()
        ? Optional.of(regex.replace("\\.", "."))
        : Optional.empty();
  }

  /** {@code label_selector}, {@code name_pattern} and the blast radius of pod functions. */
  static Map<String, Object> podSelection(Target target, String path, ExportLog log) {
    var args = new LinkedHashMap<String, Object>();
    if (target.labelSelector() != null) {
      args.put("label_selector", target.labelSelector());
    }
    if (target.podName() != null) {
      // re.search finds the pattern anywhere in the name; ours must match the whole name.
      args.put("name_pattern", "^(?:" + target.podName() + ")$");
    }
    blastRadius(target.effectiveBlastRadius(), args, path, log);
    unsupported(target, path, log);
    return args;
  }

  private static void blastRadius(
      BlastRadius radius, Map<String, Object> args, String path, ExportLog log) {
    switch (radius.mode()) {
      case ALL -> args.put("all", true);
      case ONE -> {
        args.put("rand", true);
        args.put("qty", 1L);
      }
      case COUNT -> {
        args.put("rand", true);
        args.put("qty", (long) radius.value());
      }
      case PERCENT -> {
        args.put("rand", true);
        args.put("mode", "percentage");
        args.put("qty", (long) radius.value());
      }
      case MAX_PERCENT -> {
        args.put("rand", true);
        args.put("mode", "percentage");
        args.put("qty", (long) radius.value());
        log.warn(
            path + ".blastRadius",
            "maxPercent "
                + radius.value()
                + " (a random count up to "
                + radius.value()
                + "% rounded down) becomes percentage mode: always "
                + radius.value()
                + "% of the matches, rounded up");
      }
    }
    if (radius.topology() != null) {
      log.warn(
          path + ".blastRadius.topology",
          "chaostoolkit-kubernetes cannot choose zones or nodes; topology ("
              + radius.topology().describe()
              + ") is not kept, so matching pods on every node may be hit");
    }
    if (radius.seed() != null) {
      log.warn(
          path + ".blastRadius.seed",
          "chaostoolkit-kubernetes picks pods at random without a seed; seed "
              + radius.seed()
              + " is not kept");
    }
  }

  /**
   * Whether the target selects by something beyond namespace, labels and name (a topology chooses
   * nodes, which these functions cannot).
   */
  static boolean hasUnkeptSelectors(Target target) {
    return target.annotationSelector() != null
        || target.fieldSelector() != null
        || target.nodeSelector() != null
        || target.owner() != null
        || target.effectiveBlastRadius().topology() != null;
  }

  /** Warns about each part of the selection the chaostoolkit-kubernetes functions cannot take. */
  static void unsupported(Target target, String path, ExportLog log) {
    if (target.annotationSelector() != null) {
      log.warn(path, "annotationSelector '" + target.annotationSelector() + "' is not kept");
    }
    if (target.fieldSelector() != null) {
      log.warn(path, "fieldSelector '" + target.fieldSelector() + "' is not kept");
    }
    if (target.nodeSelector() != null) {
      log.warn(path, "nodeSelector '" + target.nodeSelector() + "' is not kept");
    }
    if (target.owner() != null) {
      log.warn(path, "the owner selector is not kept");
    }
    if (!target.phases().isEmpty() && !target.phases().equals(PodPhase.DEFAULT)) {
      log.warn(path, "phases " + target.phases() + " are not kept: pods in any phase match");
    }
  }
}
