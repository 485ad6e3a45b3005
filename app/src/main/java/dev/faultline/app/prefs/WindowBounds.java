package dev.faultline.app.prefs;

/**
 * A rectangle in screen coordinates: a window's bounds, or a screen's visual bounds.
 *
 * @param x left edge
 * @param y top edge
 */
public record WindowBounds(double x, double y, double width, double height) {

  public WindowBounds {
    boolean finite =
        Double.isFinite(x)
            && Double.isFinite(y)
            && Double.isFinite(width)
            && Double.isFinite(height);
    if (!finite || width <= 0 || height <= 0) {
      throw new IllegalArgumentException(
          "not a usable rectangle: " + x + "," + y + " " + width + "×" + height);
    }
  }

  double right() {
    return x + width;
  }

  double bottom() {
    return y + height;
  }

  /** The area this rectangle shares with {@code other}; 0 when they do not meet. */
  double overlapArea(WindowBounds other) {
    double w = Math.min(right(), other.right()) - Math.max(x, other.x);
    double h = Math.min(bottom(), other.bottom()) - Math.max(y, other.y);
    return w > 0 && h > 0 ? w * h : 0;
  }
}
