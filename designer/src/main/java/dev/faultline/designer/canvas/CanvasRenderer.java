package dev.faultline.designer.canvas;

import dev.faultline.designer.canvas.CanvasTheme.Swatch;
import dev.faultline.designer.canvas.CanvasViewModel.ConnectPreview;
import dev.faultline.designer.canvas.StepGeometry.Point;
import dev.faultline.designer.canvas.WorldLook.WireLook;
import dev.faultline.model.Position;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * Paints one frame of the canvas from the view model: the world from a {@link TileCache}, then what
 * changes while a gesture lasts (dragged cards and their wires, the wire being drawn, the rubber
 * band, a refusal) and the overview. A pan or a zoom therefore blits about a dozen tiles whatever
 * the size of the graph; an edit, a selection or new problems re-render only the tiles where a card
 * or a wire looks different ({@link WorldLook}).
 *
 * <p>While the zoom changes, the tiles of the zoom they were made at are drawn scaled (nearest
 * neighbour: smooth resampling costs the software pipeline more than drawing the cards); when the
 * zoom rests the view calls {@link #settleZoom()} and the next frame renders crisp tiles, as map
 * viewers do. A zoom more than twice away from the tiles' renders new ones at once.
 *
 * <p>Constructed with {@code tiled = false} it draws everything directly every frame with no image
 * caches at all: the reference the tile cache's tests compare against.
 */
final class CanvasRenderer {

  private static final Font LABEL = Font.font(Font.getDefault().getFamily(), 12);

  /** Scaling tiles further than this from their zoom would blur them badly: re-render instead. */
  private static final double MAX_TILE_STRETCH = 2;

  private final boolean tiled;
  private final TextFitter fitter = new TextFitter();
  private final WorldPainter world = new WorldPainter(fitter);
  private final TileCache tiles = new TileCache();
  private final MinimapLayer minimap = new MinimapLayer();

  private WorldLook look;
  private WritableImage tileBackground;
  private double tileZoom = Double.NaN;
  private boolean settleRequested;

  private long frames;
  private int lastCardsDrawn;
  private int lastTilesDrawn;
  private int lastTilesRendered;
  private boolean lastFrameScaled;

  CanvasRenderer(boolean tiled) {
    this.tiled = tiled;
  }

  long frames() {
    return frames;
  }

  /** Cards drawn in the last frame, into tiles or directly. */
  int lastCardsDrawn() {
    return lastCardsDrawn;
  }

  /** Tiles blitted in the last frame. */
  int lastTilesDrawn() {
    return lastTilesDrawn;
  }

  /** Tiles rendered (not found in the cache) in the last frame. */
  int lastTilesRendered() {
    return lastTilesRendered;
  }

  /** Whether the last frame showed tiles made at another zoom, stretched. */
  boolean lastFrameScaled() {
    return lastFrameScaled;
  }

  /** The zoom has rested: the next frame renders tiles at the current zoom. */
  void settleZoom() {
    settleRequested = true;
  }

  void paint(
      GraphicsContext g,
      CanvasViewModel model,
      CanvasTheme theme,
      boolean viewFocused,
      double outputScale) {
    frames++;
    Viewport viewport = model.viewport();
    PixelGrid screen = PixelGrid.screen(viewport, outputScale);
    updateLook(model, viewFocused);
    // The context keeps its state from frame to frame: start each one from the defaults.
    g.setLineCap(StrokeLineCap.SQUARE);
    g.setLineJoin(StrokeLineJoin.MITER);
    g.setLineDashes((double[]) null);
    world.takeCounts();
    lastTilesDrawn = 0;
    lastFrameScaled = false;

    if (tiled) {
      paintTiles(g, model, theme, viewFocused, outputScale, screen);
    } else {
      paintDirect(g, model, theme, viewFocused, screen);
    }
    lastTilesRendered = tiles.takeRendered();

    CanvasGraph graph = model.graph();
    if (graph.size() == 0) {
      g.setTransform(1, 0, 0, 1, 0, 0);
      paintEmptyHint(g, viewport, theme);
      lastCardsDrawn = 0;
      return;
    }
    screen.applyTo(g);
    paintMoving(g, model, graph, theme, viewFocused, screen);
    lastCardsDrawn = world.takeCounts()[0];
    model.connectPreview().ifPresent(wire -> paintWire(g, model, graph, wire, theme));
    model.rubberBand().ifPresent(band -> paintRubberBand(g, band, theme, viewport.zoom()));

    g.setTransform(1, 0, 0, 1, 0, 0);
    model.connectPreview().ifPresent(wire -> paintRefusal(g, viewport, wire, theme));
    model.minimap().ifPresent(m -> minimap.paint(g, m, model, theme, outputScale));
  }

  /** Brings the look up to date and drops the tiles where it changed. */
  private void updateLook(CanvasViewModel model, boolean viewFocused) {
    WorldLook.Stamp stamp = WorldLook.Stamp.of(model, viewFocused);
    if (look != null && look.stamp().sameAs(stamp)) {
      return;
    }
    WorldLook next = WorldLook.of(model, stamp);
    if (look != null && !tiles.isEmpty()) {
      double margin = WorldLook.margin(Double.isNaN(tileZoom) ? 1 : tileZoom);
      List<Rect> changed = next.changesSince(look);
      if (changed.size() > 500) {
        tiles.clear(); // another file, select all: cheaper to start over
      } else {
        changed.forEach(area -> tiles.invalidate(area.expanded(margin)));
      }
    }
    look = next;
  }

  // ---- The world from tiles ----

  private void paintTiles(
      GraphicsContext g,
      CanvasViewModel model,
      CanvasTheme theme,
      boolean viewFocused,
      double outputScale,
      PixelGrid screen) {
    Viewport viewport = model.viewport();
    double zoom = viewport.zoom();
    double stretch = zoom / tileZoom;
    TileCache.Generation current = tiles.generation();
    boolean sameLook =
        current != null && current.theme() == theme && current.scale() == tileZoom * outputScale;
    if (settleRequested
        || !sameLook
        || tiles.isEmpty()
        || !(stretch <= MAX_TILE_STRETCH && stretch >= 1 / MAX_TILE_STRETCH)) {
      tileZoom = zoom;
      settleRequested = false;
    }
    tiles.use(new TileCache.Generation(tileZoom * outputScale, theme));
    TileCache.TilePainter painter =
        (tg, grid, area, pixels) ->
            paintTile(tg, grid, area, pixels, model, theme, viewFocused, outputScale);

    g.setTransform(1, 0, 0, 1, 0, 0);
    double r = screen.ratio();
    Rect visible = viewport.visible();
    long firstColumn = tiles.column(visible.x());
    long lastColumn = tiles.column(visible.maxX());
    long firstRow = tiles.row(visible.y());
    long lastRow = tiles.row(visible.maxY());
    tiles.ensureCapacity((int) ((lastColumn - firstColumn + 1) * (lastRow - firstRow + 1)));
    boolean scaled = zoom != tileZoom;
    // Nearest neighbour while stretched: smooth resampling costs the software pipeline ~15 ms.
    g.setImageSmoothing(!scaled);
    for (long ty = firstRow; ty <= lastRow; ty++) {
      for (long tx = firstColumn; tx <= lastColumn; tx++) {
        Image tile = tiles.tile(tx, ty, painter);
        if (scaled) {
          Rect area = tiles.area(tx, ty);
          long x0 = screen.deviceX(area.x());
          long y0 = screen.deviceY(area.y());
          long x1 = screen.deviceX(area.maxX());
          long y1 = screen.deviceY(area.maxY());
          g.drawImage(tile, x0 / r, y0 / r, (x1 - x0) / r, (y1 - y0) / r);
        } else {
          // Whole device pixels at the tile's own size: a plain copy, no resampling.
          double x = tx * TileCache.SIZE + screen.originX();
          double y = ty * TileCache.SIZE + screen.originY();
          g.drawImage(tile, x / r, y / r, TileCache.SIZE / r, TileCache.SIZE / r);
        }
        lastTilesDrawn++;
      }
    }
    g.setImageSmoothing(true);
    lastFrameScaled = scaled;
  }

  private void paintTile(
      GraphicsContext g,
      PixelGrid grid,
      Rect area,
      int[] pixels,
      CanvasViewModel model,
      CanvasTheme theme,
      boolean viewFocused,
      double outputScale) {
    int size = TileCache.SIZE;
    if (tileBackground == null) {
      tileBackground = new WritableImage(size, size);
    }
    // One image for every tile's background: the tile's snapshot consumes it before the next.
    g.drawImage(background(tileBackground, pixels, grid, outputScale, theme), 0, 0);
    grid.applyTo(g);
    world.paint(g, grid, model, look, area, theme, viewFocused, tileZoom, true);
  }

  /**
   * Background and dots as an image. {@code ratio} is the device pixels per point of the screen the
   * dots are meant for.
   */
  private static WritableImage background(
      WritableImage image, int[] pixels, PixelGrid grid, double ratio, CanvasTheme theme) {
    int width = (int) image.getWidth();
    int height = (int) image.getHeight();
    DotGrid.fill(
        pixels,
        width,
        height,
        (long) grid.originX(),
        (long) grid.originY(),
        grid.scale(),
        ratio,
        theme.color(Swatch.BACKGROUND),
        theme.color(Swatch.DOT));
    image
        .getPixelWriter()
        .setPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), pixels, 0, width);
    return image;
  }

  // ---- The world drawn directly: the reference ----

  private void paintDirect(
      GraphicsContext g,
      CanvasViewModel model,
      CanvasTheme theme,
      boolean viewFocused,
      PixelGrid screen) {
    Viewport viewport = model.viewport();
    double r = screen.ratio();
    int w = (int) Math.ceil(viewport.width() * r);
    int h = (int) Math.ceil(viewport.height() * r);
    g.setTransform(1 / r, 0, 0, 1 / r, 0, 0);
    g.drawImage(background(new WritableImage(w, h), new int[w * h], screen, r, theme), 0, 0);
    screen.applyTo(g);
    world.paint(
        g, screen, model, look, viewport.visible(), theme, viewFocused, viewport.zoom(), false);
  }

  // ---- Overlays ----

  /** Cards being dragged and every wire that ends at one, where the drag has taken them. */
  private void paintMoving(
      GraphicsContext g,
      CanvasViewModel model,
      CanvasGraph graph,
      CanvasTheme theme,
      boolean viewFocused,
      PixelGrid screen) {
    Set<String> moving = model.moving();
    if (moving.isEmpty()) {
      return;
    }
    double zoom = model.viewport().zoom();
    List<WireLook> wires = new ArrayList<>();
    Optional<Edge> selected = model.selectedEdge();
    for (Edge edge : graph.edges()) {
      if (moving.contains(edge.from()) || moving.contains(edge.to())) {
        Point from =
            StepGeometry.outputPort(model.positionOf(graph.card(edge.from()).orElseThrow()));
        Point to = StepGeometry.inputPort(model.positionOf(graph.card(edge.to()).orElseThrow()));
        wires.add(
            new WireLook(edge, from, to, selected.isPresent() && selected.get().equals(edge)));
      }
    }
    world.paintWires(g, wires, theme, zoom);
    Rect visible = model.viewport().visible().expanded(WorldLook.margin(zoom));
    for (StepCard card : graph.cards()) {
      Position at = model.positionOf(card);
      if (moving.contains(card.id()) && StepGeometry.bounds(at).intersects(visible)) {
        world.paintCard(g, screen, model, graph, card, at, theme, viewFocused, zoom, tiled);
      }
    }
  }

  private void paintWire(
      GraphicsContext g,
      CanvasViewModel model,
      CanvasGraph graph,
      ConnectPreview wire,
      CanvasTheme theme) {
    Optional<StepCard> from = graph.card(wire.from());
    if (from.isEmpty()) {
      return;
    }
    Color color =
        wire.target() == null
            ? theme.color(Swatch.ACCENT)
            : wire.accepted() ? theme.color(Swatch.SUCCESS) : theme.color(Swatch.DANGER);
    if (wire.target() != null) {
      graph
          .card(wire.target())
          .ifPresent(
              target -> {
                Rect b = StepGeometry.bounds(model.positionOf(target)).expanded(3);
                g.setStroke(color);
                g.setLineWidth(2.5);
                g.strokeRoundRect(
                    b.x(),
                    b.y(),
                    b.width(),
                    b.height(),
                    WorldPainter.ARC + 4,
                    WorldPainter.ARC + 4);
              });
    }
    Point start = StepGeometry.outputPort(model.positionOf(from.get()));
    Point end = wire.end();
    g.setStroke(color);
    g.setLineWidth(2);
    g.setLineDashes(6, 4);
    g.beginPath();
    double[] c = EdgeGeometry.controls(start, end);
    g.moveTo(start.x(), start.y());
    g.bezierCurveTo(c[0], c[1], c[2], c[3], end.x(), end.y());
    g.stroke();
    g.setLineDashes((double[]) null);
    g.setFill(color);
    g.fillOval(end.x() - 4, end.y() - 4, 8, 8);
  }

  /** The refusal next to the cursor, in screen pixels so it stays readable at any zoom. */
  private void paintRefusal(
      GraphicsContext g, Viewport viewport, ConnectPreview wire, CanvasTheme theme) {
    if (wire.refusal() == null) {
      return;
    }
    double x = viewport.toScreenX(wire.end().x()) + 14;
    double y = viewport.toScreenY(wire.end().y()) + 14;
    String text = fitter.fit(wire.refusal(), LABEL, 420);
    double w = fitter.width(text, LABEL) + 16;
    x = Math.min(x, viewport.width() - w - 4);
    g.setFill(theme.color(Swatch.DANGER));
    g.fillRoundRect(x, y, w, 22, 8, 8);
    g.setFill(theme.color(Swatch.ON_EMPHASIS));
    g.setFont(LABEL);
    g.setTextBaseline(VPos.CENTER);
    g.fillText(text, x + 8, y + 11);
    g.setTextBaseline(VPos.BASELINE);
  }

  private static void paintRubberBand(
      GraphicsContext g, Rect band, CanvasTheme theme, double zoom) {
    Color accent = theme.color(Swatch.ACCENT);
    g.setFill(accent.deriveColor(0, 1, 1, 0.12));
    g.fillRect(band.x(), band.y(), band.width(), band.height());
    g.setStroke(accent);
    g.setLineWidth(1 / zoom);
    g.strokeRect(band.x(), band.y(), band.width(), band.height());
  }

  private void paintEmptyHint(GraphicsContext g, Viewport viewport, CanvasTheme theme) {
    g.setFill(theme.color(Swatch.MUTED));
    g.setFont(Font.font(Font.getDefault().getFamily(), 14));
    g.setTextAlign(TextAlignment.CENTER);
    g.setTextBaseline(VPos.CENTER);
    g.fillText(
        "Drag attacks and probes here from the palette",
        viewport.width() / 2,
        viewport.height() / 2);
    g.setTextAlign(TextAlignment.LEFT);
    g.setTextBaseline(VPos.BASELINE);
  }
}
