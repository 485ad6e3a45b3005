package dev.faultline.export.java;

import java.util.List;
import java.util.Map;

/**
 * Java source for plain data: string literals (text blocks for multi-line text), numbers, booleans,
 * lists and maps, as the fluent API takes them. Every literal reads back to a value equal to the
 * one given, which the export tests check by compiling the output.
 */
final class JavaLiterals {
  private JavaLiterals() {}

  /**
   * A quoted string literal: quotes, backslashes and control characters escaped; other characters
   * as they are (sources are UTF-8).
   */
  static String string(String text) {
    var out = new StringBuilder(text.length() + 2).append('"');
    text.codePoints()
        .forEach(
            c -> {
              switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                  if (Character.isISOControl(c) || !Character.isDefined(c) || isLineBreak(c)) {
                    out.append(String.format("\\u%04x", c));
                  } else {
                    out.appendCodePoint(c);
                  }
                }
              }
            });
    return out.append('"').toString();
  }

  /**
   * A text block for {@code text}, or empty when a plain literal must do: the text has to end with
   * a line break and have no trailing blanks or carriage returns, which a text block would strip.
   * Continuation lines are indented by {@code indent} spaces, which the compiler strips again.
   */
  static java.util.Optional<String> textBlock(String text, int indent) {
    if (!text.endsWith("\n") || text.indexOf('\r') >= 0 || text.lines().count() < 2) {
      return java.util.Optional.empty();
    }
    for (String line : text.lines().toList()) {
      if (!line.isEmpty() && Character.isWhitespace(line.charAt(line.length() - 1))) {
        return java.util.Optional.empty();
      }
      if (line.codePoints()
          .anyMatch(c -> c != '\t' && (Character.isISOControl(c) || isLineBreak(c)))) {
        return java.util.Optional.empty();
      }
    }
    String pad = " ".repeat(indent);
    var out = new StringBuilder("\"\"\"\n");
    for (String line : text.lines().toList()) {
      String escaped = line.replace("\\", "\\\\").replace("\"\"\"", "\"\"\\\"");
      out.append(line.isEmpty() ? "" : pad).append(escaped).append('\n');
    }
    return java.util.Optional.of(out.append(pad).append("\"\"\"").toString());
  }

  /**
   * A parameter value: strings, whole numbers (as int literals when they fit, which the model
   * widens to long as the file reader does), decimals, booleans, null, lists and maps of those.
   *
   * @param indent the column continuation lines of a text block start at
   * @param imports collects the classes the expression needs
   */
  static String value(Object value, int indent, Imports imports) {
    return switch (value) {
      case null -> "null";
      case String text -> textBlock(text, indent).orElseGet(() -> string(text));
      case Boolean flag -> flag.toString();
      case Long number ->
          number >= Integer.MIN_VALUE && number <= Integer.MAX_VALUE
              ? number.toString()
              : number + "L";
      case Integer number -> number.toString();
      case Double number -> decimal(number);
      case List<?> list -> list(list, indent, imports);
      case Map<?, ?> map -> map(map, indent, imports);
      default ->
          throw new IllegalArgumentException(
              "not plain data: " + value.getClass().getName() + " " + value);
    };
  }

  private static String decimal(double number) {
    if (Double.isNaN(number)) {
      return "Double.NaN";
    }
    if (Double.isInfinite(number)) {
      return number > 0 ? "Double.POSITIVE_INFINITY" : "Double.NEGATIVE_INFINITY";
    }
    // Double.toString gives the shortest text that reads back to the same double, and always has
    // a '.' or an exponent, so it stays a double literal.
    return Double.toString(number);
  }

  private static String list(List<?> list, int indent, Imports imports) {
    boolean hasNull = list.stream().anyMatch(java.util.Objects::isNull);
    // List.of rejects null elements; Arrays.asList keeps them (the model copies the list anyway).
    String factory;
    if (hasNull) {
      imports.add("java.util.Arrays");
      factory = "Arrays.asList(";
    } else {
      imports.add("java.util.List");
      factory = "List.of(";
    }
    var out = new StringBuilder(factory);
    for (int i = 0; i < list.size(); i++) {
      out.append(i == 0 ? "" : ", ").append(value(list.get(i), indent, imports));
    }
    return out.append(')').toString();
  }

  private static String map(Map<?, ?> map, int indent, Imports imports) {
    // PlainData.map keeps the order (and nulls), so a saved file lists keys as the original did.
    imports.add("dev.faultline.model.PlainData");
    var out = new StringBuilder("PlainData.map(");
    boolean first = true;
    for (var entry : map.entrySet()) {
      out.append(first ? "" : ", ")
          .append(string(String.valueOf(entry.getKey())))
          .append(", ")
          .append(value(entry.getValue(), indent, imports));
      first = false;
    }
    return out.append(')').toString();
  }

  private static boolean isLineBreak(int c) {
    return c == 0x2028 || c == 0x2029 || c == 0x85;
  }
}
