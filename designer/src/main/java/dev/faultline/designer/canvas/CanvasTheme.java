package dev.faultline.designer.canvas;

import dev.faultline.designer.fx.CssSwatches;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.scene.paint.Color;

/**
 * The colours the canvas paints with, taken from the current AtlantaFX theme.
 *
 * <p>A {@code GraphicsContext} cannot resolve looked-up colours such as {@code
 * -color-accent-emphasis}, so the view carries invisible swatches: tiny regions whose backgrounds
 * are those colours in {@code canvas.css}. After each CSS pass their backgrounds hold the theme's
 * colours; a theme switch changes them, which makes the view read them again and repaint. Without a
 * theme (plain Modena) the fallbacks, Primer Light's colours, apply.
 */
final class CanvasTheme {

  /** The swatch names, their style classes and their fallbacks. */
  enum Swatch {
    BACKGROUND("#f6f8fa"),
    CARD("#ffffff"),
    TEXT("#1f2328"),
    MUTED("#656d76"),
    BORDER("#d0d7de"),
    DOT("#d0d7de"),
    EDGE("#6e7781"),
    ACCENT("#0969da"),
    ACCENT_SUBTLE("#ddf4ff"),
    ATTACK("#cf222e"),
    PROBE("#0969da"),
    WAIT("#6e7781"),
    GATE("#8250df"),
    DANGER("#cf222e"),
    WARNING("#9a6700"),
    SUCCESS("#1f883d"),
    ON_EMPHASIS("#ffffff"),
    // Run states and badges: the fg shades read well as text and thin lines on the card in both
    // light and dark; the subtle ones are the tinted backgrounds of pills.
    ACCENT_FG("#0969da"),
    SUCCESS_FG("#1a7f37"),
    DANGER_FG("#cf222e"),
    WARNING_FG("#9a6700"),
    SUCCESS_SUBTLE("#dafbe1"),
    DANGER_SUBTLE("#ffebe9"),
    WARNING_SUBTLE("#fff8c5"),
    NEUTRAL_SUBTLE("#eaeef280");

    private final Color fallback;

    Swatch(String fallback) {
      this.fallback = Color.web(fallback);
    }
  }

  private final Map<Swatch, Color> colors;

  private CanvasTheme(Map<Swatch, Color> colors) {
    this.colors = colors;
  }

  static CanvasTheme fallback() {
    Map<Swatch, Color> colors = new LinkedHashMap<>();
    for (Swatch swatch : Swatch.values()) {
      colors.put(swatch, swatch.fallback);
    }
    return new CanvasTheme(colors);
  }

  /** Same colours: the view keeps its theme object, so cached card images stay valid. */
  @Override
  public boolean equals(Object other) {
    return other instanceof CanvasTheme theme && theme.colors.equals(colors);
  }

  @Override
  public int hashCode() {
    return colors.hashCode();
  }

  Color color(Swatch swatch) {
    return colors.get(swatch);
  }

  Color kind(StepKind kind) {
    return switch (kind) {
      case ATTACK -> color(Swatch.ATTACK);
      case PROBE -> color(Swatch.PROBE);
      case WAIT -> color(Swatch.WAIT);
      case GATE -> color(Swatch.GATE);
    };
  }

  /** Whether the background is dark, to tune alpha blends that read differently on dark. */
  boolean dark() {
    return color(Swatch.CARD).getBrightness() < 0.5;
  }

  /** The invisible swatch regions, one per colour, for a view to hold as children. */
  static final class Swatches extends CssSwatches<Swatch> {
    Swatches() {
      super(Swatch.class);
    }

    CanvasTheme read() {
      Map<Swatch, Color> colors = new LinkedHashMap<>();
      for (Swatch swatch : Swatch.values()) {
        colors.put(swatch, color(swatch, swatch.fallback));
      }
      return new CanvasTheme(colors);
    }
  }
}
