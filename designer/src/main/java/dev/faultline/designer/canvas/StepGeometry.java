package dev.faultline.designer.canvas;

import dev.faultline.model.Position;

/**
 * The size of a step card and where its ports are, in canvas units. Cards are all the same size,
 * which keeps hit-testing, culling and the spatial index simple and fast.
 */
public final class StepGeometry {

  /** Card width; wide enough for a target summary such as {@code checkout · app=checkout · 50%}. */
  public static final double WIDTH = 212;

  public static final double HEIGHT = 76;

  /** Moves snap to this grid (and the dot grid shows it). */
  public static final double GRID = 20;

  /** Radius of the round ports on the card edges. */
  public static final double PORT_RADIUS = 5;

  /** How far from a port centre a press still grabs it, in screen pixels. */
  public static final double PORT_GRAB_PIXELS = 10;

  private StepGeometry() {}

  public static Rect bounds(Position topLeft) {
    return new Rect(topLeft.x(), topLeft.y(), WIDTH, HEIGHT);
  }

  /** Centre of the input port on the left edge, where edges from earlier steps arrive. */
  public static Point inputPort(Position topLeft) {
    return new Point(topLeft.x(), topLeft.y() + HEIGHT / 2);
  }

  /** Centre of the output port on the right edge, where edges to later steps leave. */
  public static Point outputPort(Position topLeft) {
    return new Point(topLeft.x() + WIDTH, topLeft.y() + HEIGHT / 2);
  }

  /** {@code value} rounded to the nearest grid line. */
  public static double snap(double value) {
    return Math.round(value / GRID) * GRID;
  }

  /** A point in canvas units. */
  public record Point(double x, double y) {
    public double distanceTo(Point other) {
      return Math.hypot(x - other.x, y - other.y);
    }
  }
}
