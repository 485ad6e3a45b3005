package dev.faultline.designer.run;

import dev.faultline.designer.fx.CssSwatches;
import java.util.Objects;
import javafx.scene.paint.Color;

/**
 * Theme colours for run parts that paint on a canvas (the timeline, the pod strip). A canvas cannot
 * use looked-up colours, so {@code run-palette.css} styles these invisible swatches ({@code
 * .run-palette .swatch.accent} …) with AtlantaFX colours; a theme switch repaints.
 *
 * <p>The palette brings that stylesheet itself, as its user-agent stylesheet: the swatch rules are
 * the same for every part, so no part's own stylesheet repeats them, and a part is themed even
 * before the app adds its stylesheet. Being user-agent rules, a scene stylesheet can still override
 * them.
 */
public final class RunPalette extends CssSwatches<RunPalette.Swatch> {

  private static final String STYLESHEET =
      Objects.requireNonNull(RunPalette.class.getResource("run-palette.css")).toExternalForm();

  /** The colours a run part paints with, and Primer Light's as fallbacks before CSS. */
  public enum Swatch {
    BACKGROUND("#ffffff"),
    SUBTLE("#f6f8fa"),
    GRID("#d8dee4"),
    BORDER("#d0d7de"),
    TEXT("#1f2328"),
    MUTED("#656d76"),
    ON_EMPHASIS("#ffffff"),
    ACCENT("#0969da"),
    SUCCESS("#1f883d"),
    DANGER("#cf222e"),
    WARNING("#9a6700"),
    NEUTRAL("#6e7781");

    private final Color fallback;

    Swatch(String fallback) {
      this.fallback = Color.web(fallback);
    }
  }

  public RunPalette() {
    super(Swatch.class);
    getStyleClass().add("run-palette");
  }

  @Override
  public String getUserAgentStylesheet() {
    return STYLESHEET;
  }

  /** The theme's colour for {@code swatch}. */
  public Color color(Swatch swatch) {
    return color(swatch, swatch.fallback);
  }
}
