package dev.faultline.icons;

import java.awt.geom.Path2D;
import java.awt.geom.Point2D;

/**
 * Parses SVG path data ({@code d} attribute) into a Java2D {@link Path2D}.
 *
 * <p>Supports the commands the icon set and the logo use: {@code M L H V C S Q T Z} in absolute and
 * relative form, implicit repetition (extra coordinate pairs after {@code M} are line-tos), comma
 * or whitespace separators and compact numbers such as {@code 1.5.5} or {@code 2-3}. Arcs ({@code
 * A}) are not supported: the paths are drawn without them. Bad data fails with an {@link
 * IllegalArgumentException} that names the character position, so a typo in a path constant is
 * found at once rather than rendering a half-drawn glyph.
 */
public final class SvgPathParser {

  private final String data;
  private int pos;
  private final Path2D.Double path = new Path2D.Double(Path2D.WIND_NON_ZERO);
  private double x;
  private double y;
  private double startX;
  private double startY;
  // Last control point, for the smooth commands S and T; null when the previous command had none.
  private Point2D.Double lastCubic;
  private Point2D.Double lastQuad;

  private SvgPathParser(String data) {
    this.data = data;
  }

  /**
   * Parses path data.
   *
   * @param data SVG path data such as {@code M4 4 h8 v8 z}
   * @return a new path in the data's own coordinates, non-zero winding
   * @throws IllegalArgumentException when the data is empty or malformed, naming the position
   */
  public static Path2D.Double parse(String data) {
    if (data == null) {
      throw new IllegalArgumentException("path data is null");
    }
    return new SvgPathParser(data).run();
  }

  private Path2D.Double run() {
    skipSeparators();
    if (pos >= data.length()) {
      throw error("empty path data");
    }
    char command = 0;
    while (true) {
      skipSeparators();
      if (pos >= data.length()) {
        return path;
      }
      char c = data.charAt(pos);
      if (isCommand(c) && c != 'M' && c != 'm' && path.getCurrentPoint() == null) {
        throw error("path must start with a move-to (M or m)");
      }
      if (isCommand(c)) {
        command = c;
        pos++;
      } else if (!startsNumber(c)) {
        throw error("expected a path command but found '" + c + "'");
      } else if (command == 0) {
        throw error("path must start with a move-to (M or m)");
      } else if (command == 'Z' || command == 'z') {
        throw error("unexpected number after close-path");
      } else if (command == 'M') {
        command = 'L'; // extra pairs after a move are implicit line-tos
      } else if (command == 'm') {
        command = 'l';
      }
      apply(command);
    }
  }

  private void apply(char command) {
    boolean rel = Character.isLowerCase(command);
    double ox = rel ? x : 0;
    double oy = rel ? y : 0;
    Point2D.Double cubic = null;
    Point2D.Double quad = null;
    switch (Character.toUpperCase(command)) {
      case 'M' -> {
        x = ox + number();
        y = oy + number();
        path.moveTo(x, y);
        startX = x;
        startY = y;
      }
      case 'L' -> {
        x = ox + number();
        y = oy + number();
        path.lineTo(x, y);
      }
      case 'H' -> {
        x = ox + number();
        path.lineTo(x, y);
      }
      case 'V' -> {
        y = oy + number();
        path.lineTo(x, y);
      }
      case 'C' -> {
        double x1 = ox + number();
        double y1 = oy + number();
        cubic = new Point2D.Double(ox + number(), oy + number());
        x = ox + number();
        y = oy + number();
        path.curveTo(x1, y1, cubic.x, cubic.y, x, y);
      }
      case 'S' -> {
        Point2D.Double first = reflect(lastCubic);
        cubic = new Point2D.Double(ox + number(), oy + number());
        x = ox + number();
        y = oy + number();
        path.curveTo(first.x, first.y, cubic.x, cubic.y, x, y);
      }
      case 'Q' -> {
        quad = new Point2D.Double(ox + number(), oy + number());
        x = ox + number();
        y = oy + number();
        path.quadTo(quad.x, quad.y, x, y);
      }
      case 'T' -> {
        quad = reflect(lastQuad);
        x = ox + number();
        y = oy + number();
        path.quadTo(quad.x, quad.y, x, y);
      }
      case 'Z' -> {
        path.closePath();
        x = startX;
        y = startY;
      }
      default -> throw new IllegalStateException("not a command: " + command);
    }
    lastCubic = cubic;
    lastQuad = quad;
  }

  /** The reflection of a control point about the current point, or the current point itself. */
  private Point2D.Double reflect(Point2D.Double control) {
    return control == null
        ? new Point2D.Double(x, y)
        : new Point2D.Double(2 * x - control.x, 2 * y - control.y);
  }

  private double number() {
    skipSeparators();
    int start = pos;
    if (pos < data.length() && (data.charAt(pos) == '+' || data.charAt(pos) == '-')) {
      pos++;
    }
    int digits = skipDigits();
    if (pos < data.length() && data.charAt(pos) == '.') {
      pos++;
      digits += skipDigits();
    }
    if (digits == 0) {
      pos = start;
      throw error(
          start >= data.length()
              ? "expected a number but the data ended"
              : "expected a number but found '" + data.charAt(start) + "'");
    }
    if (pos < data.length() && (data.charAt(pos) == 'e' || data.charAt(pos) == 'E')) {
      int mark = pos++;
      if (pos < data.length() && (data.charAt(pos) == '+' || data.charAt(pos) == '-')) {
        pos++;
      }
      if (skipDigits() == 0) {
        pos = mark;
        throw error("malformed exponent");
      }
    }
    return Double.parseDouble(data.substring(start, pos));
  }

  private int skipDigits() {
    int n = 0;
    while (pos < data.length() && data.charAt(pos) >= '0' && data.charAt(pos) <= '9') {
      pos++;
      n++;
    }
    return n;
  }

  private void skipSeparators() {
    while (pos < data.length()
        && (Character.isWhitespace(data.charAt(pos)) || data.charAt(pos) == ',')) {
      pos++;
    }
  }

  private static boolean isCommand(char c) {
    return "MmLlHhVvCcSsQqTtZz".indexOf(c) >= 0;
  }

  private static boolean startsNumber(char c) {
    return (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+';
  }

  private IllegalArgumentException error(String message) {
    return new IllegalArgumentException(
        "bad SVG path data at position " + pos + ": " + message + " in \"" + data + "\"");
  }
}
