package dev.faultline.icons;

import java.util.List;

/**
 * The Faultline application logo as vector data: a rounded-square tile split top to bottom by a
 * white zig-zag crack, the fault line, into an indigo plate on the left and a teal plate on the
 * right.
 *
 * <p>Everything is drawn in a {@value #VIEW_BOX}x{@value #VIEW_BOX} view box and <em>filled</em>
 * (non-zero winding), back to front, as the {@link #layers() layers}: the whole {@link #TILE_PATH}
 * in indigo, the {@link #RIGHT_PLATE_PATH} over its right part in teal, then the {@link
 * #CRACK_PATH} in white. Each layer's paint is a linear gradient from its start colour at the view
 * box's top-left corner to its end colour at the bottom-right corner. Outside the tile is
 * transparent; every shape stays inside the tile, so no clipping is needed. Colours are {@code
 * #RRGGBB} strings, which JavaFX's {@code Color.web} reads too, so a JavaFX {@code SVGPath} can
 * draw the same logo.
 *
 * <p>The shapes are few and bold on purpose, so the logo still reads at 16 px: the crack is about
 * an eighth of the tile wide, and the two plates differ in hue, not only in lightness. {@link
 * LogoRasterizer} renders it; {@link IconGenerator} writes the installers' PNG, ICO and ICNS files.
 */
public final class AppLogo {

  /** Width and height of the square view box every path is drawn in. */
  public static final int VIEW_BOX = 64;

  /** The tile: a rounded square with a small transparent margin, corner radius 14. */
  public static final String TILE_PATH =
      "M17 3 H47 C54.73 3 61 9.27 61 17 V47 C61 54.73 54.73 61 47 61 H17"
          + " C9.27 61 3 54.73 3 47 V17 C3 9.27 9.27 3 17 3 Z";

  /** The part of the tile right of the crack: the tile's right half, bounded by the crack. */
  public static final String RIGHT_PLATE_PATH =
      "M44.5 3 H47 C54.73 3 61 9.27 61 17 V47 C61 54.73 54.73 61 47 61 H32"
          + " L38.5 50 L32 44.5 L45.5 28 L36.5 19 Z";

  /** The fault line: a jagged crack from the tile's top edge to its bottom edge. */
  public static final String CRACK_PATH =
      "M36.5 3 L27.5 19.5 L36 28 L22.5 44 L29.5 50.5 L24.5 61"
          + " H32 L38.5 50 L32 44.5 L45.5 28 L36.5 19 L44.5 3 Z";

  /** The left plate's indigo at the top-left corner. */
  public static final String INDIGO_START = "#4F46E5";

  /** The left plate's indigo at the bottom-right corner. */
  public static final String INDIGO_END = "#312E81";

  /** The right plate's teal at the top-left corner. */
  public static final String TEAL_START = "#14B8A6";

  /** The right plate's teal at the bottom-right corner. */
  public static final String TEAL_END = "#0F766E";

  /** The crack's colour. */
  public static final String CRACK_COLOR = "#FFFFFF";

  private static final List<Layer> LAYERS =
      List.of(
          new Layer(TILE_PATH, INDIGO_START, INDIGO_END),
          new Layer(RIGHT_PLATE_PATH, TEAL_START, TEAL_END),
          new Layer(CRACK_PATH, CRACK_COLOR, CRACK_COLOR));

  private AppLogo() {}

  /**
   * One filled shape of the logo.
   *
   * @param path SVG path data in the view box
   * @param startColor the gradient's {@code #RRGGBB} colour at the view box's top-left corner
   * @param endColor the gradient's colour at the bottom-right corner; equal to {@code startColor}
   *     for a solid fill
   */
  public record Layer(String path, String startColor, String endColor) {}

  /** Returns the logo's layers, back to front. */
  public static List<Layer> layers() {
    return LAYERS;
  }
}
