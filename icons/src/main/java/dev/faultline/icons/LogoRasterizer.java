package dev.faultline.icons;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Area;
import java.awt.image.BufferedImage;

/**
 * Renders {@link AppLogo} with Java2D into a square, antialiased ARGB image of any size,
 * transparent outside the tile.
 *
 * <p>Java2D is in the JDK ({@code java.desktop}) and works with {@code -Djava.awt.headless=true},
 * so the icons module needs no third-party library and no display. Thread-safe: every call draws
 * into a new image.
 */
public final class LogoRasterizer {

  private static final Shape TILE = SvgPathParser.parse(AppLogo.TILE_PATH);
  private static final Shape CRACK = SvgPathParser.parse(AppLogo.CRACK_PATH);
  // The shadow is clipped to the tile so it never darkens the transparent margin.
  private static final Shape SHADOW = clipToTile(SvgPathParser.parse(AppLogo.CRACK_SHADOW_PATH));

  private LogoRasterizer() {}

  /**
   * Renders the logo.
   *
   * @param size width and height in pixels, at least 1
   * @return a new {@link BufferedImage#TYPE_INT_ARGB} image (not premultiplied)
   */
  public static BufferedImage render(int size) {
    if (size < 1) {
      throw new IllegalArgumentException("size must be at least 1 px: " + size);
    }
    BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      // Pure strokes: exact geometry rather than pixel-snapped, which matters at 16 px.
      g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
      g.setRenderingHint(
          RenderingHints.KEY_COLOR_RENDERING, RenderingHints.VALUE_COLOR_RENDER_QUALITY);
      double scale = (double) size / AppLogo.VIEW_BOX;
      g.transform(AffineTransform.getScaleInstance(scale, scale));
      g.setPaint(
          new GradientPaint(
              0,
              0,
              color(AppLogo.TILE_TOP_LEFT),
              AppLogo.VIEW_BOX,
              AppLogo.VIEW_BOX,
              color(AppLogo.TILE_BOTTOM_RIGHT)));
      g.fill(TILE);
      g.setPaint(color(AppLogo.CRACK_SHADOW_COLOR));
      g.fill(SHADOW);
      g.setPaint(color(AppLogo.CRACK_COLOR));
      g.fill(CRACK);
    } finally {
      g.dispose();
    }
    return image;
  }

  /**
   * Parses a {@code #RRGGBB} or {@code #RRGGBBAA} colour.
   *
   * @throws IllegalArgumentException for any other form
   */
  static Color color(String hex) {
    if (hex == null || !hex.matches("#[0-9A-Fa-f]{6}([0-9A-Fa-f]{2})?")) {
      throw new IllegalArgumentException("colour must be #RRGGBB or #RRGGBBAA: " + hex);
    }
    int rgb = Integer.parseInt(hex.substring(1, 7), 16);
    int alpha = hex.length() == 9 ? Integer.parseInt(hex.substring(7), 16) : 0xFF;
    return new Color((alpha << 24) | rgb, true);
  }

  private static Shape clipToTile(Shape shape) {
    Area area = new Area(shape);
    area.intersect(new Area(TILE));
    return area;
  }
}
