package dev.faultline.designer.inspector;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Converts between what a field shows and the plain value (String, Long, Double, Boolean, List,
 * Map, or {@code null} for "absent") an edit writes. Empty text always means absent, so clearing an
 * optional field removes the key instead of writing an empty string.
 */
final class FieldText {

  private static final Pattern INTEGER = Pattern.compile("-?\\d+");
  private static final Pattern NUMBER = Pattern.compile("-?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

  /** What some typed text means: the value, or why it cannot be written yet. */
  record Parsed(Object value, String problem) {
    static Parsed of(Object value) {
      return new Parsed(value, null);
    }

    static Parsed invalid(String problem) {
      return new Parsed(null, problem);
    }

    boolean valid() {
      return problem == null;
    }
  }

  private FieldText() {}

  static Parsed parse(FieldEditor editor, String text) {
    String trimmed = text == null ? "" : text.strip();
    if (trimmed.isEmpty()) {
      return Parsed.of(null);
    }
    return switch (editor) {
      case INTEGER, SPINNER ->
          INTEGER.matcher(trimmed).matches() && fitsLong(trimmed)
              ? Parsed.of(Long.parseLong(trimmed))
              : Parsed.invalid("\u201c" + trimmed + "\u201d is not a whole number");
      case NUMBER -> number(trimmed);
      case BOOLEAN -> Parsed.of(Boolean.parseBoolean(trimmed));
      case COMMA_LIST -> Parsed.of(split(trimmed, ","));
      case LINES -> Parsed.of(split(trimmed, "\n"));
      case MAP -> map(trimmed);
      // Text keeps inner whitespace (a manifest's indentation); only blank means absent.
      case PROSE, CODE, EXPRESSION -> Parsed.of(stripTrailingNewlines(text));
      default -> Parsed.of(trimmed);
    };
  }

  static String format(FieldEditor editor, Object value) {
    if (value == null) {
      return "";
    }
    return switch (editor) {
      case COMMA_LIST -> value instanceof List<?> list ? join(list, ", ") : value.toString();
      case LINES -> value instanceof List<?> list ? join(list, "\n") : value.toString();
      case MAP -> value instanceof Map<?, ?> map ? formatMap(map) : value.toString();
      case NUMBER, INTEGER, SPINNER -> formatNumber(value);
      default -> value.toString();
    };
  }

  private static boolean fitsLong(String digits) {
    try {
      Long.parseLong(digits);
      return true;
    } catch (NumberFormatException tooLarge) {
      return false;
    }
  }

  private static Parsed number(String text) {
    if (!NUMBER.matcher(text).matches()) {
      return Parsed.invalid("\u201c" + text + "\u201d is not a number");
    }
    if (INTEGER.matcher(text).matches() && fitsLong(text)) {
      // Whole numbers stay whole in the file: "50", not "50.0".
      return Parsed.of(Long.parseLong(text));
    }
    return Parsed.of(Double.parseDouble(text));
  }

  private static String formatNumber(Object value) {
    if (value instanceof Double d && !d.isInfinite() && !d.isNaN()) {
      return new BigDecimal(d.toString()).stripTrailingZeros().toPlainString();
    }
    return value.toString();
  }

  private static List<String> split(String text, String separator) {
    List<String> items = new ArrayList<>();
    for (String item : text.split(Pattern.quote(separator))) {
      if (!item.isBlank()) {
        items.add(item.strip());
      }
    }
    return List.copyOf(items);
  }

  private static Parsed map(String text) {
    Map<String, String> map = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        return Parsed.invalid("Write one \u201ckey: value\u201d per line");
      }
      map.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
    }
    return Parsed.of(map.isEmpty() ? null : map);
  }

  private static String formatMap(Map<?, ?> map) {
    List<String> lines = new ArrayList<>();
    map.forEach((key, value) -> lines.add(key + ": " + (value == null ? "" : value)));
    return String.join("\n", lines);
  }

  private static String join(List<?> list, String separator) {
    return String.join(separator, list.stream().map(String::valueOf).toList());
  }

  private static String stripTrailingNewlines(String text) {
    int end = text.length();
    while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
      end--;
    }
    return text.substring(0, end);
  }
}
