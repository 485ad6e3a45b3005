package dev.faultline.layout;

/**
 * The size of one step node on the canvas, in canvas units; the layout keeps this much room free
 * around every node.
 */
public record NodeSize(double width, double height) {

  /** The canvas's step card. */
  public static final NodeSize STANDARD = new NodeSize(220, 76);

  public NodeSize {
    if (!(width > 0) || !(height > 0) || Double.isInfinite(width) || Double.isInfinite(height)) {
      throw new IllegalArgumentException(
          "a node needs a finite positive size: " + width + "×" + height);
    }
  }
}
