package dev.faultline.docs;

import java.util.Locale;

/** The few Markdown rules the generated references need: escaping, code spans and anchors. */
final class Markdown {
  private Markdown() {}

  /**
   * Prose text: {@code <} would start an HTML tag, {@code *} can turn into emphasis and a backslash
   * escapes what follows, so those are escaped; everything else is written as it is ({@code _}
   * inside words, as in {@code RUN_ID}, is not emphasis in GitHub Markdown).
   */
  static String text(String text) {
    return text.replace("\\", "\\\\").replace("<", "&lt;").replace("*", "\\*");
  }

  /** Text in a table cell: also no pipe (it would end the cell) and no line break. */
  static String cell(String text) {
    return text(text.replace("\r", "").replace("\n", " ")).replace("|", "\\|");
  }

  /**
   * A code span, wide enough for the backticks inside; in a table cell its pipes are still escaped
   * (GitHub splits cells before it reads code spans).
   */
  static String code(String text) {
    String ticks = text.contains("`") ? "``" : "`";
    String pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
    return ticks + pad + text + pad + ticks;
  }

  /** {@link #code} for a table cell. */
  static String codeCell(String text) {
    return code(text.replace("\n", " ")).replace("|", "\\|");
  }

  /** A stable HTML id: lower case letters and digits, other runs of characters become one dash. */
  static String anchor(String text) {
    String id = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    return id.replaceAll("^-+|-+$", "");
  }

  /** The line that names a heading's anchor explicitly, so links do not depend on the renderer. */
  static String anchorLine(String id) {
    return "<a id=\"" + id + "\"></a>";
  }
}
