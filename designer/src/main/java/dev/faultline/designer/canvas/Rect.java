package dev.faultline.designer.canvas;

/**
 * An axis-aligned rectangle in canvas units (or screen pixels, where a method says so).
 *
 * @param x left edge
 * @param y top edge
 * @param width never negative
 * @param height never negative
 */
public record Rect(double x, double y, double width, double height) {

  public Rect {
    if (width < 0 || height < 0) {
      throw new IllegalArgumentException("negative size " + width + "x" + height);
    }
  }

  /** The rectangle spanned by two corners in any order (a rubber band dragged up-left). */
  public static Rect spanning(double x1, double y1, double x2, double y2) {
    return new Rect(Math.min(x1, x2), Math.min(y1, y2), Math.abs(x2 - x1), Math.abs(y2 - y1));
  }

  public double maxX() {
    return x + width;
  }

  public double maxY() {
    return y + height;
  }

  public double centerX() {
    return x + width / 2;
  }

  public double centerY() {
    return y + height / 2;
  }

  public boolean contains(double px, double py) {
    return px >= x && px <= maxX() && py >= y && py <= maxY();
  }

  /** Whether the two overlap or touch: a rubber band touching a card selects it. */
  public boolean intersects(Rect other) {
    return other.x <= maxX() && other.maxX() >= x && other.y <= maxY() && other.maxY() >= y;
  }

  public boolean containsRect(Rect other) {
    return other.x >= x && other.maxX() <= maxX() && other.y >= y && other.maxY() <= maxY();
  }

  public Rect union(Rect other) {
    double minX = Math.min(x, other.x);
    double minY = Math.min(y, other.y);
    return new Rect(
        minX, minY, Math.max(maxX(), other.maxX()) - minX, Math.max(maxY(), other.maxY()) - minY);
  }

  /** Grown by {@code margin} on every side. */
  public Rect expanded(double margin) {
    return new Rect(x - margin, y - margin, width + 2 * margin, height + 2 * margin);
  }
}
