package dev.faultline.export.chaostoolkit;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Translates between the one jq shape a Chaos Toolkit {@code jsonpath} tolerance can express and
 * that tolerance: a field path compared for equality with a literal ({@code .status == "UP"} ↔
 * {@code {path: "$.status", expect: "UP"}}). Anything else jq can say has no counterpart; callers
 * report it as a warning.
 */
final class JqPaths {
  private static final String FIELD = "[A-Za-z_][A-Za-z0-9_]*";
  private static final Pattern JQ_EQUALS =
      Pattern.compile(
          "\\s*((?:\\."
              + FIELD
              + ")+)\\s*==\\s*(\"[^\"\\\\]*\"|-?\\d+(?:\\.\\d+)?|true|false)\\s*");
  private static final Pattern JSON_PATH = Pattern.compile("\\$((?:\\." + FIELD + ")+)");

  /** A path of object fields and the value it must equal (String, Long, Double or Boolean). */
  record Comparison(String fields, Object expected) {
    String jsonPath() {
      return "$" + fields;
    }

    String jq() {
      return fields + " == " + literal(expected);
    }
  }

  private JqPaths() {}

  /** The comparison a jq filter makes, when it is a plain {@code .a.b == literal}. */
  static Optional<Comparison> fromJq(String jq) {
    Matcher m = JQ_EQUALS.matcher(jq);
    if (!m.matches()) {
      return Optional.empty();
    }
    return value(m.group(2)).map(expected -> new Comparison(m.group(1), expected));
  }

  /** The comparison of a {@code $.a.b} path with an expected scalar, when it has that shape. */
  static Optional<Comparison> fromJsonPath(String path, Object expected) {
    Matcher m = JSON_PATH.matcher(path);
    boolean scalar =
        expected instanceof String
            || expected instanceof Long
            || expected instanceof Double
            || expected instanceof Boolean;
    if (!m.matches() || !scalar || expected instanceof String s && s.contains("\"")) {
      return Optional.empty();
    }
    return Optional.of(new Comparison(m.group(1), expected));
  }

  /**
   * The value of a jq literal; empty for a number a JSON path tolerance cannot hold (beyond a long,
   * or a decimal beyond a double), which then has no counterpart like other jq.
   */
  private static Optional<Object> value(String literal) {
    if (literal.startsWith("\"")) {
      return Optional.of(literal.substring(1, literal.length() - 1));
    }
    if (literal.equals("true") || literal.equals("false")) {
      return Optional.of(Boolean.valueOf(literal));
    }
    if (literal.contains(".")) {
      double value = Double.parseDouble(literal);
      return Double.isFinite(value) ? Optional.of(value) : Optional.empty();
    }
    try {
      return Optional.of(Long.valueOf(literal));
    } catch (NumberFormatException tooLarge) {
      return Optional.empty();
    }
  }

  private static String literal(Object value) {
    return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
  }
}
