package dev.faultline.validate;

import java.util.regex.Pattern;

/**
 * Builds the field paths that problems carry: {@code spec.steps[2].with.jq}. Keys that are not
 * simple words are quoted ({@code metadata.labels["app.kubernetes.io/name"]}) so a path names one
 * field without ambiguity.
 */
public final class Paths {
  private static final Pattern SIMPLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

  private Paths() {}

  public static String child(String parent, String key) {
    String segment =
        SIMPLE.matcher(key).matches() ? key : "[\"" + key.replace("\"", "\\\"") + "\"]";
    if (parent.isEmpty()) {
      return segment;
    }
    return segment.startsWith("[") ? parent + segment : parent + "." + segment;
  }

  public static String index(String parent, int index) {
    return parent + "[" + index + "]";
  }

  /** The path one level up, or empty at the root. */
  public static String parent(String path) {
    if (path.endsWith("]")) {
      int open = path.endsWith("\"]") ? path.lastIndexOf("[\"") : path.lastIndexOf('[');
      return open <= 0 ? "" : path.substring(0, open);
    }
    int dot = path.lastIndexOf('.');
    return dot < 0 ? "" : path.substring(0, dot);
  }
}
