package dev.faultline.designer.canvas;

/**
 * The overview in the bottom-right corner: all cards shrunk into a small frame, with the viewport
 * as a rectangle. Maps between the frame (screen pixels) and the canvas.
 *
 * @param frame where the overview sits on screen
 * @param content the canvas area it shows: all cards plus the visible area
 * @param scale screen pixels per canvas unit inside the frame
 */
public record Minimap(Rect frame, Rect content, double scale) {

  public static final double WIDTH = 180;
  public static final double HEIGHT = 120;
  public static final double MARGIN = 12;
  private static final double PADDING = 6;

  /** The overview for a viewport, or null when everything is visible and it would only clutter. */
  public static Minimap of(Viewport viewport, Rect cards) {
    Rect visible = viewport.visible();
    if (visible.containsRect(cards)
        || viewport.width() < 3 * WIDTH
        || viewport.height() < 3 * HEIGHT) {
      return null;
    }
    Rect content = cards.union(visible);
    Rect frame =
        new Rect(
            viewport.width() - WIDTH - MARGIN, viewport.height() - HEIGHT - MARGIN, WIDTH, HEIGHT);
    double scale =
        Math.min(
            (WIDTH - 2 * PADDING) / content.width(), (HEIGHT - 2 * PADDING) / content.height());
    return new Minimap(frame, content, scale);
  }

  public double toScreenX(double canvasX) {
    return frame.x() + PADDING + (canvasX - content.x()) * scale + slackX();
  }

  public double toScreenY(double canvasY) {
    return frame.y() + PADDING + (canvasY - content.y()) * scale + slackY();
  }

  public double toCanvasX(double screenX) {
    return (screenX - frame.x() - PADDING - slackX()) / scale + content.x();
  }

  public double toCanvasY(double screenY) {
    return (screenY - frame.y() - PADDING - slackY()) / scale + content.y();
  }

  /** Centres the content in the frame along the axis it does not fill. */
  private double slackX() {
    return (frame.width() - 2 * PADDING - content.width() * scale) / 2;
  }

  private double slackY() {
    return (frame.height() - 2 * PADDING - content.height() * scale) / 2;
  }
}
