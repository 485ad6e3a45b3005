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
    double spacing = StepGeometry.GRID;
    while (spacing * scale / ratio < 10 && spacing < 1000) {
      spacing *= 5; // too dense: show every fifth dot, then none
    }
    double step = spacing * scale;
    if (step / ratio < 10) {
      return;
    }
    int size = (int) Math.max(1, Math.round((step / ratio >= 30 ? 2 : 1) * ratio));
    int pixel = argb(dot);
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
        for (long j = Math.max(0, py); j < Math.min(height, py + size); j++) {
          for (long i = Math.max(0, px); i < Math.min(width, px + size); i++) {
            argb[(int) (j * width + i)] = pixel;
          }
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
