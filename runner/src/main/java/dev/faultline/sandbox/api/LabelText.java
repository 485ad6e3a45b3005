package dev.faultline.sandbox.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * Labels and label selectors written the way the printers write them ({@code labels.FormatLabels}
 * and {@code LabelSelector} to {@code Selector.String()}): keys sorted, {@code k=v}, set-based
 * requirements as {@code k in (a,b)}, {@code k notin (a)}, {@code k} and {@code !k}.
 */
final class LabelText {
  private LabelText() {}

  /** {@code app=web,tier=front}, or {@code <none>} when there are none. */
  static String labels(JsonNode map) {
    var sorted = new TreeMap<String, String>();
    if (map != null && map.isObject()) {
      for (var entry : map.properties()) {
        sorted.put(entry.getKey(), Json.text(entry.getValue()));
      }
    }
    if (sorted.isEmpty()) {
      return "<none>";
    }
    var parts = new ArrayList<String>();
    sorted.forEach((key, value) -> parts.add(key + "=" + value));
    return String.join(",", parts);
  }

  /**
   * {@code metav1.FormatLabelSelector}: {@code <none>} for a missing or empty selector, {@code
   * <error>} for one that cannot be a selector.
   */
  static String formatSelector(JsonNode selector) {
    String text;
    try {
      text = selector(selector);
    } catch (IllegalArgumentException e) {
      return "<error>";
    }
    return text.isEmpty() ? "<none>" : text;
  }

  /**
   * {@code LabelSelectorAsSelector(s).String()}: empty for a missing or empty selector.
   *
   * @throws IllegalArgumentException when an operator or its values are not valid
   */
  static String selector(JsonNode selector) {
    if (selector == null || !selector.isObject()) {
      return "";
    }
    record Requirement(String key, String text) {}
    var requirements = new ArrayList<Requirement>();
    for (var entry : selector.path("matchLabels").properties()) {
      requirements.add(
          new Requirement(entry.getKey(), entry.getKey() + "=" + Json.text(entry.getValue())));
    }
    for (JsonNode expression : selector.path("matchExpressions")) {
      String key = Json.text(expression.path("key"));
      var values = new TreeSet<String>();
      for (JsonNode value : expression.path("values")) {
        values.add(Json.text(value));
      }
      String operator = Json.text(expression.path("operator"));
      String text =
          switch (operator) {
            case "In", "NotIn" -> {
              if (values.isEmpty()) {
                throw new IllegalArgumentException("values must be given for " + operator);
              }
              yield key
                  + (operator.equals("In") ? " in (" : " notin (")
                  + String.join(",", values)
                  + ")";
            }
            case "Exists", "DoesNotExist" -> {
              if (!values.isEmpty()) {
                throw new IllegalArgumentException("no values allowed for " + operator);
              }
              yield operator.equals("Exists") ? key : "!" + key;
            }
            default -> throw new IllegalArgumentException("not a valid operator: " + operator);
          };
      requirements.add(new Requirement(key, text));
    }
    // The selector sorts its requirements by key; a stable sort keeps equal keys in input order.
    requirements.sort(Comparator.comparing(Requirement::key));
    List<String> texts = requirements.stream().map(Requirement::text).toList();
    return String.join(",", texts);
  }
}
