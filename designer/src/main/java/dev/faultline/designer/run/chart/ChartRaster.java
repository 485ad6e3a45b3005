package dev.faultline.designer.run.chart;

import java.util.Arrays;

/**
 * Draws a chart's plot area into a plain ARGB (premultiplied) pixel array: background, fault bands,
 * grid lines and the series as one vertical run of pixels per column.
 *
 * <p>No anti-aliased polyline: each column's min..max span is a vertical run, joined to the next
 * lit column by the run between this column's last value and that column's first (interpolated
 * across empty columns). That is exactly what a polyline through all the samples covers at one
 * pixel per column, at the cost of a few array writes per column, so the cost of a frame depends on
 * the pixel count, never on the sample count.
 */
final class ChartRaster {

  private final int width;
  private final int height;
  private final int[] pixels;

  ChartRaster(int width, int height, int[] pixels) {
    this.width = width;
    this.height = height;
    this.pixels = pixels;
  }

  void fill(int argb) {
    Arrays.fill(pixels, 0, width * height, argb);
  }

  /** Blends {@code argb} (non-premultiplied, with alpha) over columns {@code [x0, x1)}. */
  void band(int x0, int x1, int argb) {
    int from = Math.max(0, x0);
    int to = Math.min(width, x1);
    for (int y = 0; y < height; y++) {
      int row = y * width;
      for (int x = from; x < to; x++) {
        pixels[row + x] = blend(pixels[row + x], argb);
      }
    }
  }

  void horizontalLine(int y, int argb) {
    if (y < 0 || y >= height) {
      return;
    }
    int row = y * width;
    for (int x = 0; x < width; x++) {
      pixels[row + x] = blend(pixels[row + x], argb);
    }
  }

  /** Lights column {@code x} from row {@code y0} to row {@code y1} (inclusive, either order). */
  void run(int x, int y0, int y1, int argb) {
    if (x < 0 || x >= width) {
      return;
    }
    int top = Math.max(0, Math.min(y0, y1));
    int bottom = Math.min(height - 1, Math.max(y0, y1));
    for (int y = top; y <= bottom; y++) {
      pixels[y * width + x] = argb;
    }
  }

  /** Draws the series: lit columns' spans and the joins between them. */
  void series(ColumnDecimator columns, YScale scale, int argb) {
    int previousX = -1;
    double previousY = 0;
    for (int x = 0; x < columns.width() && x < width; x++) {
      if (columns.gap(x)) {
        previousX = -1; // a failed read: leave a hole rather than bridge it
      }
      if (!columns.has(x)) {
        continue;
      }
      int top = scale.row(columns.max(x));
      int bottom = scale.row(columns.min(x));
      int firstRow = scale.row(columns.first(x));
      if (previousX >= 0) {
        // Join from the previous lit column's last value, straight across any empty columns.
        int gap = x - previousX;
        double from = previousY;
        for (int cx = previousX + 1; cx < x; cx++) {
          double to = previousY + (firstRow - previousY) * (cx - previousX) / gap;
          int a = (int) Math.round(Math.min(from, to));
          run(cx, a, Math.max(a + 1, (int) Math.round(Math.max(from, to))), argb);
          from = to;
        }
        top = Math.min(top, (int) Math.round(from));
        bottom = Math.max(bottom, (int) Math.round(from));
      }
      // Two pixels tall at least, so a flat line reads as a line, not a hairline.
      run(x, top, Math.max(bottom, top + 1), argb);
      previousX = x;
      previousY = scale.row(columns.last(x));
    }
  }

  /** Maps values to pixel rows: {@code high} at row 0, {@code low} at the bottom row. */
  record YScale(double low, double high, int height) {
    int row(double value) {
      double t = (high - value) / (high - low);
      return (int) Math.round(t * (height - 1));
    }
  }

  /** Premultiplied ARGB of {@code argb} (non-premultiplied) over an opaque pixel. */
  static int blend(int under, int argb) {
    int a = argb >>> 24;
    int inverse = 255 - a;
    int r = (((argb >> 16) & 0xff) * a + ((under >> 16) & 0xff) * inverse) / 255;
    int g = (((argb >> 8) & 0xff) * a + ((under >> 8) & 0xff) * inverse) / 255;
    int b = ((argb & 0xff) * a + (under & 0xff) * inverse) / 255;
    return 0xff000000 | (r << 16) | (g << 8) | b;
  }
}
