package dev.faultline.designer.canvas;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/**
 * Rendered cards, kept as images while the zoom stays the same: tiles are made of them. Text is by
 * far the most expensive thing to draw (the software pipeline rasterises every glyph on every
 * frame), so a pan or a drag blits a few dozen images instead of drawing a few hundred texts; a
 * card is drawn again only when it, its selection, its problems, the theme or the zoom changed.
 *
 * <p>Images are made at device resolution ({@code factor}: device pixels per canvas unit, the zoom
 * times the window's output scale) so cards stay sharp on HiDPI screens.
 */
final class CardImageCache {

  /** Room around the card for the focus ring, the join disc and the ports. */
  static final double MARGIN = 10;

  /** Enough for several screens of cards; the least recently drawn go first. */
  private static final int CAPACITY = 400;

  /** Everything a card image depends on: how the card looks, the theme and the scale. */
  record Key(WorldLook.CardLook look, CanvasTheme theme, double factor) {

    boolean sameAs(Key other) {
      return look.sameAs(other.look) && theme == other.theme && factor == other.factor;
    }
  }

  private record Entry(Key key, Image image) {}

  /** Draws one card at the origin (top-left at {@code (MARGIN, MARGIN)} after translation). */
  interface CardPainter {
    void paint(GraphicsContext g);
  }

  private final Map<String, Entry> entries = new LinkedHashMap<>(256, 0.75f, true);
  private final Canvas scratch = new Canvas();
  private final SnapshotParameters transparent = new SnapshotParameters();

  CardImageCache() {
    transparent.setFill(Color.TRANSPARENT);
  }

  /** The image for {@code key}, rendered with {@code painter} when there is none yet. */
  Image image(Key key, CardPainter painter) {
    Entry entry = entries.get(key.look().card().id());
    if (entry != null && entry.key().sameAs(key)) {
      return entry.image();
    }
    double factor = key.factor();
    int width = (int) Math.ceil((StepGeometry.WIDTH + 2 * MARGIN) * factor);
    int height = (int) Math.ceil((StepGeometry.HEIGHT + 2 * MARGIN) * factor);
    scratch.setWidth(width);
    scratch.setHeight(height);
    GraphicsContext g = scratch.getGraphicsContext2D();
    g.setTransform(1, 0, 0, 1, 0, 0);
    g.clearRect(0, 0, width, height);
    g.setTransform(factor, 0, 0, factor, MARGIN * factor, MARGIN * factor);
    painter.paint(g);
    WritableImage image = scratch.snapshot(transparent, null);
    entries.put(key.look().card().id(), new Entry(key, image));
    if (entries.size() > CAPACITY) {
      var eldest = entries.keySet().iterator();
      eldest.next();
      eldest.remove();
    }
    return image;
  }

  void clear() {
    entries.clear();
  }
}
