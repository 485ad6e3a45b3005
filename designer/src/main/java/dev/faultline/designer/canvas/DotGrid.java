package dev.faultline.designer.canvas;

import javafx.scene.paint.Color;

/**
 * The background with its dot grid, written straight into pixels. The software pipeline pays per
 * fill, so thousands of tiny fills would cost milliseconds; an int array costs a memory fill.
 *
 * <p>A dot's device position is a function of the world alone ({@code round(k * step)} plus the
 * target's whole-pixel origin), so neighbouring tiles and a direct drawing of the screen agree on
 * every dot.
 */
final class DotGrid {

  private DotGrid() {}

  /** Receives the top-left pixel and the size of one dot. */
  interface DotAction {
    void dot(int x, int y, int size);
  }

  /**
   * Fills {@code argb} ({@code width} × {@code height} device pixels whose top-left is device pixel
   * ({@code -originX}, {@code -originY}) of the world) with the background and the dots.
   *
   * @param scale device pixels per canvas unit
   * @param ratio device pixels per point, so dots keep their size on HiDPI screens
   */
  static void fill(
      int[] argb,
      int width,
      int height,
      long originX,
      long originY,
      double scale,
      double ratio,
      Color background,
      Color dot) {
    java.util.Arrays.fill(argb, 0, width * height, argb(background));
    int pixel = argb(dot);
    forEachDot(
        width,
        height,
        originX,
        originY,
        scale,
        ratio,
        (x, y, size) -> {
          for (int j = Math.max(0, y); j < Math.min(height, y + size); j++) {
            for (int i = Math.max(0, x); i < Math.min(width, x + size); i++) {
              argb[j * width + i] = pixel;
            }
          }
        });
  }

  /** Calls {@code action} for every dot that touches the region (same region as {@link #fill}). */
  static void forEachDot(
      int width,
      int height,
      long originX,
      long originY,
      double scale,
      double ratio,
      DotAction action) {
    double spacing = StepGeometry.GRID;
    while (spacing * scale / ratio < 10 && spacing < 1000) {
      spacing *= 5; // too dense: show every fifth dot, then none
    }
    double step = spacing * scale;
    if (step / ratio < 10) {
      return;
    }
    int size = (int) Math.max(1, Math.round((step / ratio >= 30 ? 2 : 1) * ratio));
    long left = -originX;
    long top = -originY;
    long firstX = (long) Math.floor(left / step) - 1;
    long firstY = (long) Math.floor(top / step) - 1;
    for (long ky = firstY; ; ky++) {
      long py = Math.round(ky * step) - top;
      if (py >= height) {
        break;
      }
      for (long kx = firstX; ; kx++) {
        long px = Math.round(kx * step) - left;
        if (px >= width) {
          break;
        }
        if (px + size > 0 && py + size > 0) {
          action.dot((int) px, (int) py, size);
        }
      }
    }
  }

  static int argb(Color color) {
    return (int) Math.round(color.getOpacity() * 255) << 24
        | (int) Math.round(color.getRed() * 255) << 16
        | (int) Math.round(color.getGreen() * 255) << 8
        | (int) Math.round(color.getBlue() * 255);
  }
}
