package dev.faultline.icons;

/**
 * The Faultline application logo as vector data: a rounded-square tile with an indigo-to-teal
 * gradient, split top to bottom by a white zig-zag crack, the fault line.
 *
 * <p>Everything is drawn in a {@value #VIEW_BOX}x{@value #VIEW_BOX} view box and <em>filled</em>
 * (non-zero winding), back to front: {@link #TILE_PATH} with a linear gradient from {@link
 * #TILE_TOP_LEFT} at the view box's top-left corner to {@link #TILE_BOTTOM_RIGHT} at its
 * bottom-right corner, then {@link #CRACK_SHADOW_PATH} in {@link #CRACK_SHADOW_COLOR} and {@link
 * #CRACK_PATH} in {@link #CRACK_COLOR}. Outside the tile is transparent. The crack stays inside the
 * tile, so no clipping is needed. Colours are {@code #RRGGBB} or {@code #RRGGBBAA} strings, which
 * JavaFX's {@code Color.web} reads too, so a JavaFX {@code SVGPath} can draw the same logo.
 *
 * <p>The shapes are few and bold on purpose: the crack is about a ninth of the tile wide, which is
 * still two pixels at 16 px. {@link LogoRasterizer} renders it; {@link IconGenerator} writes the
 * installers' PNG, ICO and ICNS files from it.
 */
public final class AppLogo {

  /** Width and height of the square view box every path is drawn in. */
  public static final int VIEW_BOX = 64;

  /** The tile: a rounded square with a small transparent margin, corner radius 14. */
  public static final String TILE_PATH =
      "M17 3 H47 C54.73 3 61 9.27 61 17 V47 C61 54.73 54.73 61 47 61 H17"
          + " C9.27 61 3 54.73 3 47 V17 C3 9.27 9.27 3 17 3 Z";

  /** The tile gradient's colour at the view box's top-left corner (deep indigo). */
  public static final String TILE_TOP_LEFT = "#4338CA";

  /** The tile gradient's colour at the view box's bottom-right corner (teal). */
  public static final String TILE_BOTTOM_RIGHT = "#0F9488";

  /** The fault line: a jagged crack, widest in the middle and narrowing to the tile's edges. */
  public static final String CRACK_PATH = "M35 3 L23 27 L36 37 L24 61 H30 L45 35 L32 25 L41 3 Z";

  /** The crack's colour. */
  public static final String CRACK_COLOR = "#FFFFFF";

  /**
   * A soft shadow under the crack, shifted down and right, that gives the split some depth at large
   * sizes; at 16 px it merges into the tile.
   */
  public static final String CRACK_SHADOW_PATH =
      "M36.5 4.5 L24.5 28.5 L37.5 38.5 L25.5 61 H31.5 L46.5 36.5 L33.5 26.5 L42.5 4.5 Z";

  /** The shadow's colour: translucent black. */
  public static final String CRACK_SHADOW_COLOR = "#00000040";

  private AppLogo() {}
}
