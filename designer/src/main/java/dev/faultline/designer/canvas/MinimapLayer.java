package dev.faultline.designer.canvas;

import dev.faultline.designer.canvas.CanvasTheme.Swatch;
import dev.faultline.model.Position;
import java.util.Set;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * Draws the overview: a frame, every card as a few pixels, the viewport as a rectangle. The cards
 * are written into an image's pixels (a few thousand fills would cost the software pipeline
 * milliseconds) and the image is kept until the graph, the selection, the theme or the overview's
 * mapping changes, so a pan redraws only the frame and the viewport rectangle.
 */
final class MinimapLayer {

  private record Key(
      CanvasGraph graph,
      Set<String> selection,
      Set<String> moving,
      CanvasTheme theme,
      Minimap minimap,
      double ratio) {}

  private Key key;
  private WritableImage image;
  private int[] pixels = new int[0];

  /** Paints the overview where its frame is; {@code g}'s transform maps the view's points. */
  void paint(
      GraphicsContext g, Minimap minimap, CanvasViewModel model, CanvasTheme theme, double ratio) {
    Rect f = minimap.frame();
    g.setFill(theme.color(Swatch.CARD).deriveColor(0, 1, 1, 0.94));
    g.fillRoundRect(f.x(), f.y(), f.width(), f.height(), 8, 8);
    g.setStroke(theme.color(Swatch.BORDER));
    g.setLineWidth(1);
    g.strokeRoundRect(f.x() + 0.5, f.y() + 0.5, f.width() - 1, f.height() - 1, 8, 8);
    g.drawImage(cards(minimap, model, theme, ratio), f.x(), f.y(), f.width(), f.height());

    Rect v = model.viewport().visible();
    double vx = Math.max(f.x(), minimap.toScreenX(v.x()));
    double vy = Math.max(f.y(), minimap.toScreenY(v.y()));
    double vw = Math.min(f.maxX(), minimap.toScreenX(v.maxX())) - vx;
    double vh = Math.min(f.maxY(), minimap.toScreenY(v.maxY())) - vy;
    g.setStroke(theme.color(Swatch.ACCENT));
    g.setLineWidth(1.5);
    g.setFill(theme.color(Swatch.ACCENT).deriveColor(0, 1, 1, 0.08));
    g.fillRect(vx, vy, Math.max(0, vw), Math.max(0, vh));
    g.strokeRect(vx, vy, Math.max(0, vw), Math.max(0, vh));
  }

  private WritableImage cards(
      Minimap minimap, CanvasViewModel model, CanvasTheme theme, double ratio) {
    CanvasGraph graph = model.graph();
    Key next =
        new Key(graph, model.selectionLook(), Set.copyOf(model.moving()), theme, minimap, ratio);
    if (model.moving().isEmpty() && next.equals(key)) {
      return image;
    }
    Rect f = minimap.frame();
    int w = (int) Math.round(f.width() * ratio);
    int h = (int) Math.round(f.height() * ratio);
    if (pixels.length != w * h) {
      pixels = new int[w * h];
    } else {
      java.util.Arrays.fill(pixels, 0);
    }
    double s = minimap.scale() * ratio;
    int cw = (int) Math.max(Math.round(1.5 * ratio), Math.round(StepGeometry.WIDTH * s));
    int ch = (int) Math.max(Math.round(ratio), Math.round(StepGeometry.HEIGHT * s));
    int accent = DotGrid.argb(theme.color(Swatch.ACCENT));
    for (StepCard card : graph.cards()) {
      Position at = model.positionOf(card);
      int x0 = (int) Math.round((minimap.toScreenX(at.x()) - f.x()) * ratio);
      int y0 = (int) Math.round((minimap.toScreenY(at.y()) - f.y()) * ratio);
      int colour = model.isSelected(card.id()) ? accent : DotGrid.argb(theme.kind(card.kind()));
      for (int y = Math.max(0, y0); y < Math.min(h, y0 + ch); y++) {
        for (int x = Math.max(0, x0); x < Math.min(w, x0 + cw); x++) {
          pixels[y * w + x] = colour;
        }
      }
    }
    // A new image, not the old one rewritten: the canvas may still hold a blit of the old one.
    image = new WritableImage(w, h);
    image.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbPreInstance(), pixels, 0, w);
    key = next;
    return image;
  }
}
