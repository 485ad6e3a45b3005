package dev.faultline.designer.canvas;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.image.WritableImage;

/**
 * The rendered world (dot grid, wires, cards) in square tiles of {@link #SIZE} device pixels at one
 * scale, anchored at the world's origin so that a pan never invalidates a tile. A frame blits the
 * handful of tiles it needs, whatever the number of steps; a tile is rendered when it first shows
 * and again only when something inside it changed ({@link #invalidate}), the scale or the theme
 * changed ({@link #use}).
 */
final class TileCache {

  /** Device pixels per tile side: few blits per frame, little to redraw for a small change. */
  static final int SIZE = 512;

  /** Tiles kept beyond those on screen, least recently drawn dropped first (1 MB each). */
  private static final int MIN_CAPACITY = 48;

  /**
   * What all tiles of the cache were rendered for.
   *
   * @param zoom the viewport's zoom
   * @param outputScale device pixels per point of the screen
   */
  record Generation(double zoom, double outputScale, CanvasTheme theme) {
    /** Device pixels per canvas unit. */
    double scale() {
      return zoom * outputScale;
    }
  }

  /** Renders the world into one tile: {@code grid} maps canvas units to the tile's pixels. */
  interface TilePainter {
    void paint(GraphicsContext g, PixelGrid grid, Rect area);

    /** Pixel work on the rendered tile, after its snapshot (the dot grid). */
    void finish(WritableImage tile, PixelGrid grid);
  }

  private final Map<Long, WritableImage> tiles = new LinkedHashMap<>(64, 0.75f, true);
  private final ArrayDeque<WritableImage> spare = new ArrayDeque<>();
  private final Canvas scratch = new Canvas(SIZE, SIZE);
  private final SnapshotParameters parameters = new SnapshotParameters();
  private Generation generation;
  private int capacity = MIN_CAPACITY;
  private int rendered;

  /**
   * Makes {@code next} the cache's generation; when it differs from the current one, every tile is
   * dropped. Returns whether it did.
   */
  boolean use(Generation next) {
    if (next.equals(generation)) {
      return false;
    }
    generation = next;
    clear();
    return true;
  }

  Generation generation() {
    return generation;
  }

  /** Keeps at least this many tiles: what a frame needs, plus room to pan back. */
  void ensureCapacity(int tilesPerFrame) {
    capacity = Math.max(MIN_CAPACITY, 2 * tilesPerFrame);
  }

  boolean isEmpty() {
    return tiles.isEmpty();
  }

  /** The canvas area tile ({@code tx}, {@code ty}) covers. */
  Rect area(long tx, long ty) {
    double s = generation.scale();
    return new Rect(tx * SIZE / s, ty * SIZE / s, SIZE / s, SIZE / s);
  }

  /** The tile column a canvas x falls in. */
  long column(double canvasX) {
    return Math.floorDiv((long) Math.floor(canvasX * generation.scale()), SIZE);
  }

  long row(double canvasY) {
    return Math.floorDiv((long) Math.floor(canvasY * generation.scale()), SIZE);
  }

  /** Tile ({@code tx}, {@code ty}) if it is cached, else null. */
  Image cached(long tx, long ty) {
    return tiles.get(key(tx, ty));
  }

  /** Tile ({@code tx}, {@code ty}), rendered with {@code painter} if it is not cached. */
  Image tile(long tx, long ty, TilePainter painter) {
    long key = key(tx, ty);
    WritableImage image = tiles.get(key);
    if (image != null) {
      return image;
    }
    GraphicsContext g = scratch.getGraphicsContext2D();
    PixelGrid grid = new PixelGrid(generation.scale(), -tx * SIZE, -ty * SIZE, 1);
    g.setTransform(1, 0, 0, 1, 0, 0);
    painter.paint(g, grid, area(tx, ty));
    image = scratch.snapshot(parameters, spare.isEmpty() ? null : spare.pop());
    painter.finish(image, grid);
    tiles.put(key, image);
    rendered++;
    while (tiles.size() > capacity) {
      Iterator<WritableImage> eldest = tiles.values().iterator();
      WritableImage dropped = eldest.next();
      if (spare.size() < 16) {
        spare.push(dropped);
      }
      eldest.remove();
    }
    return image;
  }

  /** Whether tile ({@code tx}, {@code ty}) is cached, without touching its age. */
  boolean has(long tx, long ty) {
    return tiles.containsKey(key(tx, ty));
  }

  /** Drops the tiles that {@code area} (canvas units, margins included) touches. */
  void invalidate(Rect area) {
    if (generation == null || tiles.isEmpty()) {
      return;
    }
    for (long tx = column(area.x()); tx <= column(area.maxX()); tx++) {
      for (long ty = row(area.y()); ty <= row(area.maxY()); ty++) {
        // Safe to reuse: rendering a tile into it is queued on the render thread after every
        // frame that blitted it, and this frame has not blitted it yet.
        WritableImage image = tiles.remove(key(tx, ty));
        if (image != null && spare.size() < 16) {
          spare.push(image);
        }
      }
    }
  }

  void clear() {
    for (WritableImage image : tiles.values()) {
      if (spare.size() < 16) {
        spare.push(image);
      }
    }
    tiles.clear();
  }

  /** Tiles rendered since the last call: tests and the benchmark see the cache at work. */
  int takeRendered() {
    int count = rendered;
    rendered = 0;
    return count;
  }

  private static long key(long tx, long ty) {
    return (tx << 32) ^ (ty & 0xffffffffL);
  }
}
