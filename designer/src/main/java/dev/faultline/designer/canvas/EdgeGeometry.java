package dev.faultline.designer.canvas;

import dev.faultline.designer.canvas.StepGeometry.Point;

/**
 * The shape of a wire from an output port to an input port: a cubic Bézier that leaves and arrives
 * horizontally, so fan-outs and joins meet their port side by side. Used both to draw and to
 * hit-test, so a click lands on exactly what is drawn.
 */
public final class EdgeGeometry {

  /** Segments a curve is flattened into for hit-testing. */
  private static final int SEGMENTS = 24;

  private EdgeGeometry() {}

  /** How far the control points reach out of the ports, in canvas units. */
  public static double reach(Point from, Point to) {
    return Math.max(40, Math.abs(to.x() - from.x()) / 2);
  }

  /** Control points of the curve: {@code [c1x, c1y, c2x, c2y]}. */
  public static double[] controls(Point from, Point to) {
    double reach = reach(from, to);
    return new double[] {from.x() + reach, from.y(), to.x() - reach, to.y()};
  }

  /** A rectangle that surely contains the curve, control points included. */
  public static Rect bounds(Point from, Point to) {
    double[] c = controls(from, to);
    double minX = Math.min(Math.min(from.x(), to.x()), Math.min(c[0], c[2]));
    double maxX = Math.max(Math.max(from.x(), to.x()), Math.max(c[0], c[2]));
    return new Rect(minX, Math.min(from.y(), to.y()), maxX - minX, Math.abs(to.y() - from.y()));
  }

  /** The distance from {@code p} to the curve (or the straight line when {@code straight}). */
  public static double distance(Point from, Point to, Point p, boolean straight) {
    if (straight) {
      return segmentDistance(from.x(), from.y(), to.x(), to.y(), p);
    }
    double[] c = controls(from, to);
    double best = Double.MAX_VALUE;
    double px = from.x();
    double py = from.y();
    for (int i = 1; i <= SEGMENTS; i++) {
      double t = (double) i / SEGMENTS;
      double u = 1 - t;
      double x =
          u * u * u * from.x() + 3 * u * u * t * c[0] + 3 * u * t * t * c[2] + t * t * t * to.x();
      double y =
          u * u * u * from.y() + 3 * u * u * t * c[1] + 3 * u * t * t * c[3] + t * t * t * to.y();
      best = Math.min(best, segmentDistance(px, py, x, y, p));
      px = x;
      py = y;
    }
    return best;
  }

  private static double segmentDistance(double x1, double y1, double x2, double y2, Point p) {
    double dx = x2 - x1;
    double dy = y2 - y1;
    double lengthSquared = dx * dx + dy * dy;
    double t = lengthSquared == 0 ? 0 : ((p.x() - x1) * dx + (p.y() - y1) * dy) / lengthSquared;
    t = Math.clamp(t, 0, 1);
    return Math.hypot(p.x() - (x1 + t * dx), p.y() - (y1 + t * dy));
  }
}
