package dev.faultline.designer.run.chart;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javafx.scene.layout.Background;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * The theme's colours for the chart's pixel buffer, read from invisible swatch regions.
 *
 * <p>Pixels cannot use looked-up colours such as {@code -color-accent-emphasis}, so (as the canvas
 * does) the chart holds tiny transparent regions whose backgrounds {@code chart.css} sets to those
 * colours; after a CSS pass their backgrounds hold the theme's colours, and a theme switch changes
 * them, which makes the chart read them again. Without a theme Primer Light's apply.
 */
final class ChartColors extends Pane {

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

    String styleClass() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final Map<Swatch, Region> regions = new LinkedHashMap<>();

  ChartColors() {
    getStyleClass().add("swatches");
    setManaged(false);
    setMouseTransparent(true);
    setOpacity(0);
    for (Swatch swatch : Swatch.values()) {
      Region region = new Region();
      region.getStyleClass().addAll("swatch", swatch.styleClass());
      region.setManaged(false);
      regions.put(swatch, region);
      getChildren().add(region);
    }
  }

  /** Calls {@code changed} whenever CSS gives a swatch a new background (a theme switch). */
  void onChange(Runnable changed) {
    regions.values().forEach(r -> r.backgroundProperty().addListener((obs, o, n) -> changed.run()));
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
    Background background = regions.get(swatch).getBackground();
    if (background == null || background.getFills().isEmpty()) {
      return swatch.fallback;
    }
    Paint fill = background.getFills().getFirst().getFill();
    return fill instanceof Color color ? color : swatch.fallback;
  }
}
