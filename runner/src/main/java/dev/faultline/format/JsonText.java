package dev.faultline.format;

import java.util.List;
import java.util.Map;

/**
 * Writes plain data (maps, lists, strings, numbers, booleans, null) as indented JSON: two spaces,
 * {@code "key": value}, lists of plain values on one line. Key order is kept. Small on purpose: the
 * output format is part of what users diff, so it is spelled out here.
 */
public final class JsonText {
  private JsonText() {}

  public static String write(Object value) {
    var out = new StringBuilder();
    write(value, out, 0);
    return out.append('\n').toString();
  }

  private static void write(Object value, StringBuilder out, int depth) {
    switch (value) {
      case null -> out.append("null");
      case Map<?, ?> map -> writeMap(map, out, depth);
      case List<?> list -> writeList(list, out, depth);
      case String text -> quote(text, out);
      case Double d when d.isNaN() || d.isInfinite() -> quote(d.toString(), out);
      case Number number -> out.append(number);
      case Boolean bool -> out.append(bool);
      default -> quote(value.toString(), out);
    }
  }

  private static void writeMap(Map<?, ?> map, StringBuilder out, int depth) {
    if (map.isEmpty()) {
      out.append("{}");
      return;
    }
    out.append("{\n");
    int i = 0;
    for (var entry : map.entrySet()) {
      indent(out, depth + 1);
      quote(String.valueOf(entry.getKey()), out);
      out.append(": ");
      write(entry.getValue(), out, depth + 1);
      out.append(++i < map.size() ? ",\n" : "\n");
    }
    indent(out, depth);
    out.append('}');
  }

  private static void writeList(List<?> list, StringBuilder out, int depth) {
    boolean inline = list.stream().noneMatch(item -> item instanceof Map || item instanceof List);
    if (list.isEmpty() || inline) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) out.append(", ");
        write(list.get(i), out, depth);
      }
      out.append(']');
      return;
    }
    out.append("[\n");
    for (int i = 0; i < list.size(); i++) {
      indent(out, depth + 1);
      write(list.get(i), out, depth + 1);
      out.append(i + 1 < list.size() ? ",\n" : "\n");
    }
    indent(out, depth);
    out.append(']');
  }

  private static void indent(StringBuilder out, int depth) {
    out.append("  ".repeat(depth));
  }

  static void quote(String text, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
