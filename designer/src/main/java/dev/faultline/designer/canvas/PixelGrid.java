package dev.faultline.designer.canvas;

import javafx.scene.canvas.GraphicsContext;

/**
 * How canvas units land on the device pixels of a drawing target: {@code device = canvas * scale +
 * origin}, with the origin on a whole device pixel. The screen and every tile use the same scale
 * and differ only by whole-pixel origins, so a tile blitted at its place gives exactly the pixels a
 * direct drawing of the screen would: antialiasing depends only on the fractional part of a
 * coordinate, which whole-pixel shifts leave alone.
 *
 * @param scale device pixels per canvas unit (zoom times the output scale)
 * @param originX device x of canvas x = 0, a whole number
 * @param originY device y of canvas y = 0, a whole number
 * @param ratio device pixels per unit of the target's {@code GraphicsContext} (the screen canvas
 *     works in points, so 2 on a Retina display; a tile works in device pixels, so 1)
 */
record PixelGrid(double scale, double originX, double originY, double ratio) {

  /**
   * The screen's grid: the viewport's offset rounded to a whole device pixel. Overlays, tiles and
   * the reference drawing all use this one, so they line up to the pixel (the difference to the
   * exact offset, under half a pixel, is below what a pointer can hit).
   */
  static PixelGrid screen(Viewport viewport, double outputScale) {
    return new PixelGrid(
        viewport.zoom() * outputScale,
        Math.round(viewport.offsetX() * outputScale),
        Math.round(viewport.offsetY() * outputScale),
        outputScale);
  }

  /** Sets the target's transform so that drawing happens in canvas units. */
  void applyTo(GraphicsContext g) {
    double s = scale / ratio;
    g.setTransform(s, 0, 0, s, originX / ratio, originY / ratio);
  }

  /** The device pixel a canvas x falls on, rounded: where an image is placed so it stays sharp. */
  long deviceX(double canvasX) {
    return Math.round(canvasX * scale) + (long) originX;
  }

  long deviceY(double canvasY) {
    return Math.round(canvasY * scale) + (long) originY;
  }
}
