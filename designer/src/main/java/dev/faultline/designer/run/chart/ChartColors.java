package dev.faultline.designer.run.chart;

import dev.faultline.designer.fx.CssSwatches;
import javafx.scene.paint.Color;

/**
 * The theme's colours for the chart's pixel buffer, read from invisible swatch regions.
 *
 * <p>Pixels cannot use looked-up colours such as {@code -color-accent-emphasis}, so (as the canvas
 * does) the chart holds tiny transparent regions whose backgrounds {@code chart.css} sets to those
 * colours; after a CSS pass their backgrounds hold the theme's colours, and a theme switch changes
 * them, which makes the chart read them again. Without a theme Primer Light's apply.
 */
final class ChartColors extends CssSwatches<ChartColors.Swatch> {

  /** The colours, their swatch style classes and Primer Light fallbacks. */
  enum Swatch {
    BACKGROUND("#ffffff"),
    LINE("#0969da"),
    GRID("#d8dee4"),
    FAULT("#cf222e");

    private final Color fallback;

    Swatch(String fallback) {
      this.fallback = Color.web(fallback);
    }
  }

  ChartColors() {
    super(Swatch.class);
  }

  /** The swatch's colour as opaque ARGB, with {@code alpha} (0..255) in the top byte. */
  int argb(Swatch swatch, int alpha) {
    Color color = color(swatch);
    return (alpha << 24)
        | ((int) Math.round(color.getRed() * 255) << 16)
        | ((int) Math.round(color.getGreen() * 255) << 8)
        | (int) Math.round(color.getBlue() * 255);
  }

  private Color color(Swatch swatch) {
    return color(swatch, swatch.fallback);
  }
}
