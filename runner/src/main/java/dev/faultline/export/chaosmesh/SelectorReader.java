package dev.faultline.export.chaosmesh;

import dev.faultline.export.ConversionWarning;
import dev.faultline.export.ImportException;
import dev.faultline.model.BlastRadius;
import dev.faultline.model.Extras;
import dev.faultline.model.FieldSelector;
import dev.faultline.model.PodPhase;
import dev.faultline.model.Target;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a Chaos Mesh {@code selector} with {@code mode}, {@code value} and {@code containerNames}
 * as a Pod target: the inverse of {@link SelectorWriter}. What a target cannot hold (explicit node
 * names) is a warning.
 */
final class SelectorReader {
  private final List<ConversionWarning> warnings;

  SelectorReader(List<ConversionWarning> warnings) {
    this.warnings = warnings;
  }

  /**
   * @param spec the chaos spec holding {@code selector}, {@code mode} and {@code value}
   * @param defaultNamespace where the pods are when the selector names no namespace (Chaos Mesh
   *     takes the object's own)
   * @param containers whether to read {@code containerNames}
   */
  Target read(Doc spec, String defaultNamespace, boolean containers) throws ImportException {
    Doc selector = spec.required("selector");
    selector.map();
    List<String> namespaces = new ArrayList<>();
    Optional<Doc> ns = selector.get("namespaces");
    if (ns.isPresent()) {
      namespaces.addAll(ns.get().strings());
    }
    var labels = new ArrayList<String>();
    Optional<Doc> labelMap = selector.get("labelSelectors");
    if (labelMap.isPresent()) {
      for (String key : labelMap.get().keys()) {
        labels.add(key + "=" + labelMap.get().required(key).string());
      }
    }
    Optional<Doc> expressions = selector.get("expressionSelectors");
    if (expressions.isPresent()) {
      for (Doc expression : expressions.get().list()) {
        labels.add(expression(expression));
      }
    }
    String annotations = equalities(selector.get("annotationSelectors"));
    String nodeLabels = equalities(selector.get("nodeSelectors"));
    String podName = null;
    var fields = new ArrayList<String>();
    Optional<Doc> fieldMap = selector.get("fieldSelectors");
    if (fieldMap.isPresent()) {
      for (String key : fieldMap.get().keys()) {
        Doc value = fieldMap.get().required(key);
        if (key.equals("metadata.name")) {
          podName = literal(value.string());
        } else if (FieldSelector.FIELDS.contains(key)) {
          fields.add(key + "=" + value.string());
        } else {
          warnings.add(
              value.warning("Faultline cannot select pods by field " + key + "; left out"));
        }
      }
    }
    Optional<Doc> pods = selector.get("pods");
    if (pods.isPresent()) {
      var names = new ArrayList<String>();
      for (String namespace : pods.get().keys()) {
        if (!namespaces.contains(namespace)) {
          namespaces.add(namespace);
        }
        for (String name : pods.get().required(namespace).strings()) {
          names.add(literal(name));
        }
      }
      podName = String.join("|", names);
    }
    Optional<Doc> nodes = selector.get("nodes");
    if (nodes.isPresent()) {
      warnings.add(
          nodes.get().warning("Faultline selects nodes by labels, not names; 'nodes' is left out"));
    }
    var phases = new ArrayList<PodPhase>();
    Optional<Doc> phaseList = selector.get("podPhaseSelectors");
    if (phaseList.isPresent()) {
      for (Doc phase : phaseList.get().list()) {
        String text = phase.string();
        phases.add(
            Arrays.stream(PodPhase.values())
                .filter(p -> p.keyword().equals(text))
                .findFirst()
                .orElseThrow(() -> phase.error("'" + text + "' is not a pod phase")));
      }
    }
    if (phases.equals(PodPhase.DEFAULT)) {
      phases.clear(); // our default, written explicitly by our exporter
    }
    if (namespaces.isEmpty()) {
      namespaces.add(defaultNamespace);
    }
    List<String> containerNames =
        containers && spec.get("containerNames").isPresent()
            ? spec.required("containerNames").strings()
            : List.of();
    return new Target(
        null,
        namespaces,
        null,
        labels.isEmpty() ? null : String.join(",", labels),
        annotations,
        fields.isEmpty() ? null : String.join(",", fields),
        phases,
        nodeLabels,
        null,
        podName,
        containerNames,
        blastRadius(spec),
        Extras.NONE);
  }

  private static String literal(String name) {
    return name.replace(".", "\\.");
  }

  private static String expression(Doc expression) throws ImportException {
    String key = expression.required("key").string();
    String operator = expression.required("operator").string();
    List<String> values =
        expression.get("values").isPresent() ? expression.required("values").strings() : List.of();
    return switch (operator) {
      case "In" -> key + " in (" + String.join(",", values) + ")";
      case "NotIn" -> key + " notin (" + String.join(",", values) + ")";
      case "Exists" -> key;
      case "DoesNotExist" -> "!" + key;
      default ->
          throw expression
              .required("operator")
              .error("operator '" + operator + "' is not one of In, NotIn, Exists, DoesNotExist");
    };
  }

  private static String equalities(Optional<Doc> map) throws ImportException {
    if (map.isEmpty()) {
      return null;
    }
    var terms = new ArrayList<String>();
    for (String key : map.get().keys()) {
      terms.add(key + "=" + map.get().required(key).string());
    }
    return terms.isEmpty() ? null : String.join(",", terms);
  }

  private static BlastRadius blastRadius(Doc spec) throws ImportException {
    Doc modeDoc = spec.required("mode");
    String mode = modeDoc.string().toLowerCase(Locale.ROOT);
    if (mode.equals("all")) {
      return BlastRadius.ALL;
    }
    if (mode.equals("one")) {
      return BlastRadius.of(BlastRadius.Mode.ONE, null);
    }
    BlastRadius.Mode ours =
        switch (mode) {
          case "fixed" -> BlastRadius.Mode.COUNT;
          case "fixed-percent" -> BlastRadius.Mode.PERCENT;
          case "random-max-percent" -> BlastRadius.Mode.MAX_PERCENT;
          default ->
              throw modeDoc.error(
                  "mode '"
                      + mode
                      + "' is not one of one, all, fixed, fixed-percent, random-max-percent");
        };
    Doc value = spec.required("value");
    String text = value.string();
    if (!text.matches("\\d{1,9}")) {
      throw value.error("value '" + text + "' is not a whole number");
    }
    return BlastRadius.of(ours, Integer.parseInt(text));
  }
}
