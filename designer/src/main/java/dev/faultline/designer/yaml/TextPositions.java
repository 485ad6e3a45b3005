package dev.faultline.designer.yaml;

/**
 * Converts between offsets in a text and the 1-based line and column that problems and the problems
 * view use. Positions past the end are clamped, so a stale position never throws.
 */
final class TextPositions {

  private TextPositions() {}

  /** The offset of 1-based {@code line} and {@code column}, clamped into the text. */
  static int offsetOf(String text, int line, int column) {
    int lineStart = lineStart(text, line);
    int lineEnd = lineEnd(text, lineStart);
    return Math.min(lineStart + Math.max(0, column - 1), lineEnd);
  }

  /** The offset where 1-based {@code line} starts; the start of the last line when past the end. */
  static int lineStart(String text, int line) {
    int offset = 0;
    for (int current = 1; current < line; current++) {
      int newline = text.indexOf('\n', offset);
      if (newline < 0) {
        return offset;
      }
      offset = newline + 1;
    }
    return offset;
  }

  /** The offset of the line break (or text end) of the line starting at {@code lineStart}. */
  static int lineEnd(String text, int lineStart) {
    int newline = text.indexOf('\n', lineStart);
    return newline < 0 ? text.length() : newline;
  }

  /** How many lines the text has; an empty text has one. */
  static int lineCount(String text) {
    int lines = 1;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        lines++;
      }
    }
    return lines;
  }
}
