package dev.faultline.export.chaosmesh;

import dev.faultline.export.ConversionWarning;
import dev.faultline.model.BlastRadius;
import dev.faultline.model.FieldSelector;
import dev.faultline.model.LabelSelector;
import dev.faultline.model.NamespacePolicy;
import dev.faultline.model.PodPhase;
import dev.faultline.model.Target;
import dev.faultline.model.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a Pod target as a Chaos Mesh {@code selector} with {@code mode}, {@code value} and {@code
 * containerNames}. Chaos Mesh selects by exact names and label terms only, so regexes that are not
 * plain names, comparison terms and owner selectors cannot go along: each one is a warning that
 * says how the exported selection differs.
 */
final class SelectorWriter {
  /** A name a regex matches only itself with: a DNS label without regex characters. */
  private static final Pattern PLAIN_NAME = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

  private final List<ConversionWarning> warnings;
  private final NamespacePolicy policy;

  SelectorWriter(List<ConversionWarning> warnings, NamespacePolicy policy) {
    this.warnings = warnings;
    this.policy = policy;
  }

  /**
   * Writes {@code selector}, {@code mode}, {@code value} and (for kinds that take them) {@code
   * containerNames} into {@code spec}.
   *
   * @param at the step's path, for warnings
   * @param containers whether the kind takes {@code containerNames}
   * @return the container names written (empty when none)
   * @throws Refused when the target names no namespace and {@code defaultNamespace} does not match
   *     its namespacePattern or is not permitted by spec.safety.namespaces
   */
  List<String> write(
      Target target,
      String targetName,
      String defaultNamespace,
      boolean containers,
      ObjectNode spec,
      String at)
      throws Refused {
    String where = "spec.targets." + targetName;
    ObjectNode selector = spec.putObject("selector");
    ArrayNode namespaces = selector.putArray("namespaces");
    if (target.namespaces().isEmpty()) {
      fallbackPermitted(target, targetName, defaultNamespace);
      namespaces.add(defaultNamespace);
    } else {
      target.namespaces().forEach(namespaces::add);
    }
    if (target.namespacePattern() != null) {
      warn(
          where + ".namespacePattern",
          "Chaos Mesh selects namespaces by name only; the pattern '"
              + target.namespacePattern()
              + "' is left out, so "
              + at
              + " acts in "
              + String.join(", ", namespaces.valueStream().map(n -> n.asString()).toList())
              + " only");
    }
    labels(target.labelSelector(), selector, true, "labelSelector", where);
    labels(target.annotationSelector(), selector, false, "annotationSelector", where);
    nodeLabels(target.nodeSelector(), selector, where);
    fields(target.fieldSelector(), selector, where);
    ArrayNode phases = selector.putArray("podPhaseSelectors");
    target.effectivePhases().stream().map(PodPhase::keyword).forEach(phases::add);
    if (target.owner() != null) {
      warn(
          where + ".owner",
          "Chaos Mesh cannot select pods by owner; the owner "
              + target.owner().kind()
              + " '"
              + target.owner().name()
              + "' is left out, so "
              + at
              + " may hit pods of other workloads with the same labels");
    }
    podName(target.podName(), selector, where, at);
    blastRadius(target.effectiveBlastRadius(), spec);
    Long seed = target.effectiveBlastRadius().seed();
    if (seed != null && target.effectiveBlastRadius().mode() != BlastRadius.Mode.ALL) {
      warn(
          where + ".blastRadius.seed",
          "Chaos Mesh picks pods at random and takes no seed; seed "
              + seed
              + " is left out, so "
              + at
              + " may hit other pods than a Faultline run with that seed");
    }
    topology(target.effectiveBlastRadius().topology(), selector, where, at);
    return containers ? containerNames(target, spec, where, at) : List.of();
  }

  /**
   * A named zone becomes a node selector on its label; choosing zones or nodes per zone is
   * something Chaos Mesh cannot do, so that part is left out with a warning.
   */
  private void topology(Topology topology, ObjectNode selector, String where, String at) {
    if (topology == null) {
      return;
    }
    String path = where + ".blastRadius.topology";
    if (topology.zone() != null) {
      selector.withObjectProperty("nodeSelectors").put(topology.effectiveKey(), topology.zone());
      if (!topology.wholeZone()) {
        warn(
            path + ".nodesPerZone",
            "Chaos Mesh cannot choose "
                + topology.nodesPerZone()
                + " node(s) of a zone; only the zone is kept (nodeSelectors "
                + topology.effectiveKey()
                + "="
                + topology.zone()
                + "), so "
                + at
                + " may hit pods on every node of zone "
                + topology.zone());
      }
      return;
    }
    warn(
        path,
        "Chaos Mesh cannot choose zones or nodes; topology ("
            + topology.describe()
            + ") is left out, so "
            + at
            + " may hit matching pods on every node. Name one zone (topology.zone) to export it"
            + " as a node selector");
  }

  /**
   * The export namespace stands in for a target that names none only where the target could reach:
   * inside its namespacePattern and the safety policy. Anything else would attack elsewhere.
   */
  private void fallbackPermitted(Target target, String targetName, String namespace)
      throws Refused {
    String pattern = target.namespacePattern();
    if (pattern != null && !Pattern.compile(pattern).matcher(namespace).matches()) {
      throw new Refused(
          "target '"
              + targetName
              + "' names no namespace and the export namespace '"
              + namespace
              + "' does not match its namespacePattern '"
              + pattern
              + "'");
    }
    if (!policy.permits(namespace)) {
      throw new Refused(
          "target '"
              + targetName
              + "' names no namespace and the export namespace '"
              + namespace
              + "' is not permitted by spec.safety.namespaces");
    }
  }

  /**
   * A pod name regex that is one plain name goes into {@code fieldSelectors} as {@code
   * metadata.name}, which Chaos Mesh combines with the label selectors ({@code pods} would replace
   * them).
   */
  private void podName(String regex, ObjectNode selector, String where, String at) {
    if (regex == null) {
      return;
    }
    Optional<List<String>> names = plainNames(regex);
    if (names.isPresent() && names.get().size() == 1) {
      selector.withObjectProperty("fieldSelectors").put("metadata.name", names.get().getFirst());
    } else {
      warn(
          where + ".podName",
          "Chaos Mesh selects pods by one exact name only; the pod name regex '"
              + regex
              + "' is left out, so "
              + at
              + " picks from every pod the other selectors match");
    }
  }

  private List<String> containerNames(Target target, ObjectNode spec, String where, String at) {
    var names = new ArrayList<String>();
    var unusable = new ArrayList<String>();
    for (String regex : target.containers()) {
      plainNames(regex).ifPresentOrElse(names::addAll, () -> unusable.add(regex));
    }
    if (!unusable.isEmpty()) {
      warn(
          where + ".containers",
          "Chaos Mesh takes exact container names only; "
              + String.join(", ", unusable)
              + (unusable.size() == 1 ? " is" : " are")
              + " left out of "
              + at
              + (names.isEmpty()
                  ? ", which acts on each pod's first container instead"
                  : ", which acts on " + String.join(", ", names) + " only"));
    } else if (names.isEmpty()) {
      warn(
          where + ".containers",
          "no container names: Chaos Mesh acts on each pod's first container in "
              + at
              + ", Faultline on every container");
    }
    if (!names.isEmpty()) {
      ArrayNode list = spec.putArray("containerNames");
      names.stream().distinct().forEach(list::add);
    }
    return names;
  }

  /** {@code app} → [app]; {@code app|side} → [app, side]; anything with regex syntax → empty. */
  static Optional<List<String>> plainNames(String regex) {
    List<String> names = List.of(regex.split("\\|", -1));
    return names.stream().allMatch(n -> PLAIN_NAME.matcher(n).matches())
        ? Optional.of(names)
        : Optional.empty();
  }

  private static void blastRadius(BlastRadius radius, ObjectNode spec) {
    String mode =
        switch (radius.mode()) {
          case ALL -> "all";
          case ONE -> "one";
          case COUNT -> "fixed";
          case PERCENT -> "fixed-percent";
          case MAX_PERCENT -> "random-max-percent";
        };
    spec.put("mode", mode);
    if (radius.mode().takesValue()) {
      spec.put("value", String.valueOf(radius.value()));
    }
  }

  /** Equality terms as a map; set-based terms (labels only) as expressions. */
  private void labels(
      String text, ObjectNode selector, boolean expressions, String field, String where) {
    if (text == null || text.isBlank()) {
      return;
    }
    String mapKey = expressions ? "labelSelectors" : "annotationSelectors";
    for (LabelSelector.Requirement r : LabelSelector.parse(text).requirements()) {
      if (r.operator() == LabelSelector.Operator.EQUALS) {
        selector.withObjectProperty(mapKey).put(r.key(), r.values().getFirst());
        continue;
      }
      String operator =
          switch (r.operator()) {
            case NOT_EQUALS, NOT_IN -> "NotIn";
            case IN -> "In";
            case EXISTS -> "Exists";
            case NOT_EXISTS -> "DoesNotExist";
            default -> null;
          };
      if (!expressions || operator == null) {
        warn(
            where + "." + field,
            "Chaos Mesh cannot express the term '"
                + r
                + "' of the "
                + field
                + "; it is left out, so more pods may be selected");
        continue;
      }
      ObjectNode expression = selector.withArrayProperty("expressionSelectors").addObject();
      expression.put("key", r.key());
      expression.put("operator", operator);
      if (!r.values().isEmpty()) {
        ArrayNode values = expression.putArray("values");
        r.values().forEach(values::add);
      }
    }
  }

  private void nodeLabels(String text, ObjectNode selector, String where) {
    if (text == null || text.isBlank()) {
      return;
    }
    for (LabelSelector.Requirement r : LabelSelector.parse(text).requirements()) {
      if (r.operator() == LabelSelector.Operator.EQUALS) {
        selector.withObjectProperty("nodeSelectors").put(r.key(), r.values().getFirst());
      } else {
        warn(
            where + ".nodeSelector",
            "Chaos Mesh's nodeSelectors take equality terms only; '"
                + r
                + "' is left out, so pods on more nodes may be selected");
      }
    }
  }

  private void fields(String text, ObjectNode selector, String where) {
    if (text == null || text.isBlank()) {
      return;
    }
    for (FieldSelector.Term term : FieldSelector.parse(text).terms()) {
      if (term.negated()) {
        warn(
            where + ".fieldSelector",
            "Chaos Mesh's fieldSelectors take equality terms only; '"
                + term
                + "' is left out, so more pods may be selected");
      } else {
        selector.withObjectProperty("fieldSelectors").put(term.field(), term.value());
      }
    }
  }

  private void warn(String path, String message) {
    warnings.add(ConversionWarning.at(path, message));
  }
}
