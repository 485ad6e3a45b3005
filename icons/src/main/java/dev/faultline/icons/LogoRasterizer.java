package dev.faultline.icons;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Renders {@link AppLogo} with Java2D into a square, antialiased ARGB image of any size,
 * transparent outside the tile.
 *
 * <p>Java2D is in the JDK ({@code java.desktop}) and works with {@code -Djava.awt.headless=true},
 * so the icons module needs no third-party library and no display. Thread-safe: every call draws
 * into a new image.
 */
public final class LogoRasterizer {

  private static final List<Shape> SHAPES =
      AppLogo.layers().stream().map(layer -> (Shape) SvgPathParser.parse(layer.path())).toList();

  private LogoRasterizer() {}

  /**
   * Renders the logo.
   *
   * @param size width and height in pixels, at least 1
   * @return a new {@link BufferedImage#TYPE_INT_ARGB} image (not premultiplied)
   */
  public static BufferedImage render(int size) {
    return render(size, 1);
  }

  /**
   * Renders the logo scaled about the image's centre, for platforms that want a wider transparent
   * margin than the logo's own.
   *
   * @param size width and height in pixels, at least 1
   * @param zoom the logo's scale relative to {@link #render(int)}, greater than 0 and at most 1
   * @return a new {@link BufferedImage#TYPE_INT_ARGB} image (not premultiplied)
   */
  public static BufferedImage render(int size, double zoom) {
    if (!(zoom > 0 && zoom <= 1)) {
      throw new IllegalArgumentException("zoom must be in (0, 1]: " + zoom);
    }
    if (size < 1) {
      throw new IllegalArgumentException("size must be at least 1 px: " + size);
    }
    BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      // Exact geometry rather than shapes nudged to pixel centres, which would shift the thin
      // crack by half a pixel at 16 px.
      g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
      g.setRenderingHint(
          RenderingHints.KEY_COLOR_RENDERING, RenderingHints.VALUE_COLOR_RENDER_QUALITY);
      double scale = zoom * size / AppLogo.VIEW_BOX;
      g.translate(size / 2.0, size / 2.0);
      g.transform(AffineTransform.getScaleInstance(scale, scale));
      g.translate(-AppLogo.VIEW_BOX / 2.0, -AppLogo.VIEW_BOX / 2.0);
      List<AppLogo.Layer> layers = AppLogo.layers();
      for (int i = 0; i < layers.size(); i++) {
        g.setPaint(paint(layers.get(i)));
        g.fill(SHAPES.get(i));
      }
    } finally {
      g.dispose();
    }
    return image;
  }

  private static Paint paint(AppLogo.Layer layer) {
    Color start = color(layer.startColor());
    Color end = color(layer.endColor());
    return start.equals(end)
        ? start
        : new GradientPaint(0, 0, start, AppLogo.VIEW_BOX, AppLogo.VIEW_BOX, end);
  }

  /**
   * Parses a {@code #RRGGBB} colour.
   *
   * @throws IllegalArgumentException for any other form
   */
  static Color color(String hex) {
    if (hex == null || !hex.matches("#[0-9A-Fa-f]{6}")) {
      throw new IllegalArgumentException("colour must be #RRGGBB: " + hex);
    }
    return new Color(Integer.parseInt(hex.substring(1), 16));
  }
}
