package dev.faultline.designer.canvas;

/**
 * Which part of the canvas the view shows: {@code screen = canvas * zoom + offset}. Immutable;
 * every pan or zoom gives a new viewport, so a gesture can compare before and after.
 *
 * @param zoom screen pixels per canvas unit, within {@link #MIN_ZOOM}..{@link #MAX_ZOOM}
 * @param offsetX screen x of canvas x = 0
 * @param offsetY screen y of canvas y = 0
 * @param width size of the view in screen pixels
 * @param height size of the view in screen pixels
 */
public record Viewport(double zoom, double offsetX, double offsetY, double width, double height) {

  public static final double MIN_ZOOM = 0.1;
  public static final double MAX_ZOOM = 3;

  /** Below this zoom cards are drawn as plain boxes and edges as straight lines. */
  public static final double DETAIL_ZOOM = 0.5;

  /** What one zoom-in or zoom-out step multiplies by. */
  public static final double ZOOM_STEP = 1.2;

  public static final Viewport INITIAL = new Viewport(1, 0, 0, 0, 0);

  public Viewport {
    zoom = clampZoom(zoom);
  }

  public static double clampZoom(double zoom) {
    return Math.clamp(zoom, MIN_ZOOM, MAX_ZOOM);
  }

  public double toScreenX(double canvasX) {
    return canvasX * zoom + offsetX;
  }

  public double toScreenY(double canvasY) {
    return canvasY * zoom + offsetY;
  }

  public double toCanvasX(double screenX) {
    return (screenX - offsetX) / zoom;
  }

  public double toCanvasY(double screenY) {
    return (screenY - offsetY) / zoom;
  }

  /** The part of the canvas on screen, in canvas units. */
  public Rect visible() {
    return new Rect(toCanvasX(0), toCanvasY(0), width / zoom, height / zoom);
  }

  public boolean detailed() {
    return zoom >= DETAIL_ZOOM;
  }

  public Viewport withSize(double newWidth, double newHeight) {
    return new Viewport(zoom, offsetX, offsetY, newWidth, newHeight);
  }

  /** Moves the content by a screen distance (dragging the canvas right shows what was left). */
  public Viewport pannedBy(double dx, double dy) {
    return new Viewport(zoom, offsetX + dx, offsetY + dy, width, height);
  }

  /** Zooms to {@code newZoom} keeping the canvas point under screen point (sx, sy) in place. */
  public Viewport zoomedAt(double newZoom, double sx, double sy) {
    double z = clampZoom(newZoom);
    double cx = toCanvasX(sx);
    double cy = toCanvasY(sy);
    return new Viewport(z, sx - cx * z, sy - cy * z, width, height);
  }

  /** Zooms around the middle of the view. */
  public Viewport zoomedAtCenter(double newZoom) {
    return zoomedAt(newZoom, width / 2, height / 2);
  }

  /** Same zoom, with canvas point (cx, cy) in the middle of the view. */
  public Viewport centeredOn(double cx, double cy) {
    return new Viewport(zoom, width / 2 - cx * zoom, height / 2 - cy * zoom, width, height);
  }

  /**
   * Shows all of {@code content} with {@code margin} pixels around it, never zooming in beyond 100
   * % (a small graph stays at its natural size, centred).
   */
  public Viewport fitting(Rect content, double margin) {
    if (width <= 2 * margin || height <= 2 * margin) {
      return centeredOn(content.centerX(), content.centerY());
    }
    double z =
        Math.min(
            1,
            Math.min(
                (width - 2 * margin) / content.width(), (height - 2 * margin) / content.height()));
    return new Viewport(z, 0, 0, width, height).centeredOn(content.centerX(), content.centerY());
  }

  /**
   * The smallest pan that brings {@code target} (canvas units) fully on screen with {@code margin}
   * pixels to spare; this viewport when it already is.
   */
  public Viewport revealing(Rect target, double margin) {
    double dx = 0;
    double dy = 0;
    double left = toScreenX(target.x()) - margin;
    double right = toScreenX(target.maxX()) + margin;
    double top = toScreenY(target.y()) - margin;
    double bottom = toScreenY(target.maxY()) + margin;
    if (left < 0) {
      dx = -left;
    } else if (right > width) {
      dx = width - right;
    }
    if (top < 0) {
      dy = -top;
    } else if (bottom > height) {
      dy = height - bottom;
    }
    return dx == 0 && dy == 0 ? this : pannedBy(dx, dy);
  }
}
