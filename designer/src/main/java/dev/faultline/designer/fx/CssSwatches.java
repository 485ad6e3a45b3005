package dev.faultline.designer.fx;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import javafx.scene.layout.Background;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * Theme colours for views that paint pixels themselves (the canvas, the charts). Pixels cannot use
 * looked-up colours such as {@code -color-accent-emphasis}, so the view holds one invisible region
 * per colour, styled {@code .swatch.<key>} by its stylesheet; after a CSS pass their backgrounds
 * hold the theme's colours, and a theme switch changes them.
 *
 * @param <K> the colours, an enum; {@code GRID_LINE} is styled {@code .swatch.grid-line}
 */
public class CssSwatches<K extends Enum<K>> extends Pane {

  private final Map<K, Region> regions;

  public CssSwatches(Class<K> keys) {
    regions = new EnumMap<>(keys);
    getStyleClass().add("swatches");
    setManaged(false);
    setMouseTransparent(true);
    // Not setVisible(false): CSS still applies then, but opacity keeps it beyond doubt.
    setOpacity(0);
    for (K key : keys.getEnumConstants()) {
      Region region = new Region();
      region.getStyleClass().addAll("swatch", styleClass(key));
      region.setManaged(false);
      regions.put(key, region);
      getChildren().add(region);
    }
  }

  /** The style class of {@code key}'s region: lower case, {@code _} as {@code -}. */
  public static String styleClass(Enum<?> key) {
    return key.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Calls {@code changed} whenever CSS gives any swatch a new background (a theme switch). */
  public void onChange(Runnable changed) {
    regions.values().forEach(r -> r.backgroundProperty().addListener((obs, o, n) -> changed.run()));
  }

  /**
   * The colour CSS gave {@code key}'s region, or {@code fallback} before CSS or without a theme.
   */
  public Color color(K key, Color fallback) {
    Background background = regions.get(key).getBackground();
    if (background == null || background.getFills().isEmpty()) {
      return fallback;
    }
    Paint fill = background.getFills().getFirst().getFill();
    return fill instanceof Color color ? color : fallback;
  }
}
