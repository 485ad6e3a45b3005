package dev.faultline.model;

/**
 * Where a step's node sits on the canvas, in canvas units (top-left of the node).
 *
 * @param extras unknown fields of the layout entry, kept for round trips
 */
public record Position(double x, double y, Extras extras) {
  public Position {
    extras = extras == null ? Extras.NONE : extras;
  }

  public Position(double x, double y) {
    this(x, y, Extras.NONE);
  }
}
