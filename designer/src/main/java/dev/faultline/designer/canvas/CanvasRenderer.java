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
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.PixelReader;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * Paints one frame of the canvas from the view model: the world (dot grid, wires, cards) from a
 * {@link TileCache}, then what changes while a gesture lasts (dragged cards and their wires, the
 * wire being drawn, the rubber band, a refusal), and the overview on its own small canvas. A pan or
 * a zoom therefore shows about a dozen tiles whatever the size of the graph; an edit, a selection,
 * new problems or the view's focus re-render only the tiles where a card or a wire looks different
 * ({@link WorldLook}), in the same frame.
 *
 * <p>Tiles shown at their own scale go to the {@link TileLayer} as image nodes and the canvas is
 * hidden unless a gesture draws on it. Tiles a pan exposes are rendered at most {@link
 * #TILE_BUDGET} per frame, plus one ahead of the pan when none is missing, so frames have no
 * rendering spikes; a tile not in yet is stood in for by the background (or the previous zoom's
 * tile) for a frame or two, and the view keeps asking for frames until all are in.
 *
 * <p>While the zoom changes, the tiles of the zoom they were made at are drawn stretched on the
 * canvas (nearest neighbour: smooth resampling costs the software pipeline more than drawing the
 * cards); when the zoom rests the view calls {@link #settleZoom()} and crisp tiles come in over the
 * next frames, the stretched ones standing in, as map viewers do. A zoom more than twice away from
 * the tiles' renders crisp ones at once.
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

  /** Most tiles rendered in a frame of a pan or zoom: keeps its cost near that of a blit. */
  static final int TILE_BUDGET = 1;

  /** Tiles at the zoom they are drawn at ({@link #tileZoom}). */
  private TileCache tiles = new TileCache();

  /** Tiles of the zoom before the last rest: stand-ins until the new ones are rendered. */
  private TileCache previous = new TileCache();

  private final MinimapLayer minimap = new MinimapLayer();

  private WorldLook look;
  private double tileZoom = Double.NaN;
  private boolean settleRequested;

  private long frames;
  private int lastCardsDrawn;
  private int lastTilesDrawn;
  private int lastTilesRendered;
  private boolean lastFrameScaled;
  private boolean lastFrameComplete = true;
  private boolean frameWanted;
  private Viewport lastPosition;

  private final TileLayer layer;
  private final Canvas overview;
  private final List<TileLayer.Placement> placements = new ArrayList<>();

  /**
   * @param tiled false for the reference that draws everything directly, with no caches
   * @param layer where tiles shown at their own scale go, under the canvas
   * @param overview a small canvas over the main one for the overview
   */
  CanvasRenderer(boolean tiled, TileLayer layer, Canvas overview) {
    this.tiled = tiled;
    this.layer = layer;
    this.overview = overview;
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

  /** Whether the last frame showed every visible tile at its current state (no stand-ins). */
  boolean lastFrameComplete() {
    return lastFrameComplete;
  }

  /**
   * Whether another frame would do more: tiles still stood in for, or the ring of tiles around the
   * view not yet rendered. The view then asks for another pulse.
   */
  boolean wantsFrame() {
    return frameWanted;
  }

  /** The zoom has rested: the next frame renders tiles at the current zoom. */
  void settleZoom() {
    settleRequested = true;
  }

  /**
   * Paints a frame. Returns whether the canvas shows anything: when tiles go to the {@link
   * TileLayer} and no gesture draws over them, the view hides the canvas, which saves the software
   * pipeline a full-size blend.
   */
  boolean paint(
      GraphicsContext g,
      CanvasViewModel model,
      CanvasTheme theme,
      boolean viewFocused,
      double outputScale) {
    frames++;
    Viewport viewport = model.viewport();
    PixelGrid screen = PixelGrid.screen(viewport, outputScale);
    boolean worldChanged = updateLook(model, viewFocused);
    // The context keeps its state from frame to frame: start each one from the defaults.
    g.setTransform(1, 0, 0, 1, 0, 0);
    g.setLineCap(StrokeLineCap.SQUARE);
    g.setLineJoin(StrokeLineJoin.MITER);
    g.setLineDashes((double[]) null);
    world.takeCounts();
    lastTilesDrawn = 0;
    lastFrameScaled = false;

    boolean canvasUsed;
    if (tiled) {
      canvasUsed = paintTiles(g, model, theme, viewFocused, outputScale, screen, worldChanged);
    } else {
      layer.hide();
      paintDirect(g, model, theme, viewFocused, screen);
      canvasUsed = true;
    }
    lastTilesRendered = tiles.takeRendered() + previous.takeRendered();
    paintOverview(model, theme, outputScale);

    CanvasGraph graph = model.graph();
    if (graph.size() == 0) {
      g.setTransform(1, 0, 0, 1, 0, 0);
      paintEmptyHint(g, viewport, theme);
      lastCardsDrawn = 0;
      return true;
    }
    Optional<ConnectPreview> wire = model.connectPreview();
    Optional<Rect> band = model.rubberBand();
    if (!canvasUsed && model.moving().isEmpty() && wire.isEmpty() && band.isEmpty()) {
      lastCardsDrawn = world.takeCounts()[0];
      return false;
    }
    screen.applyTo(g);
    paintMoving(g, model, graph, theme, viewFocused, screen);
    lastCardsDrawn = world.takeCounts()[0];
    wire.ifPresent(w -> paintWire(g, model, graph, w, theme));
    band.ifPresent(b -> paintRubberBand(g, b, theme, viewport.zoom()));
    g.setTransform(1, 0, 0, 1, 0, 0);
    wire.ifPresent(w -> paintRefusal(g, viewport, w, theme));
    return true;
  }

  /** The overview on its own small canvas, hidden when there is none. */
  private void paintOverview(CanvasViewModel model, CanvasTheme theme, double outputScale) {
    Optional<Minimap> map = model.minimap();
    overview.setVisible(map.isPresent());
    if (map.isEmpty()) {
      return;
    }
    Rect f = map.get().frame();
    overview.setLayoutX(f.x());
    overview.setLayoutY(f.y());
    overview.setWidth(f.width());
    overview.setHeight(f.height());
    GraphicsContext g = overview.getGraphicsContext2D();
    g.setTransform(1, 0, 0, 1, 0, 0);
    g.clearRect(0, 0, f.width(), f.height());
    g.setTransform(1, 0, 0, 1, -f.x(), -f.y());
    minimap.paint(g, map.get(), model, theme, outputScale);
  }

  /**
   * Brings the look up to date and drops the tiles where it changed. Returns whether anything the
   * tiles show changed, which must then show in this very frame.
   */
  private boolean updateLook(CanvasViewModel model, boolean viewFocused) {
    WorldLook.Stamp stamp = WorldLook.Stamp.of(model, viewFocused);
    if (look != null && look.stamp().sameAs(stamp)) {
      return false;
    }
    WorldLook next = WorldLook.of(model, stamp);
    if (look != null) {
      List<Rect> changed = next.changesSince(look);
      for (TileCache cache : List.of(tiles, previous)) {
        if (cache.isEmpty()) {
          continue;
        }
        if (changed.size() > 500) {
          cache.clear(); // another file, select all: cheaper to start over
        } else {
          double margin = WorldLook.margin(cache.generation().zoom());
          changed.forEach(area -> cache.invalidate(area.expanded(margin)));
        }
      }
    }
    look = next;
    return true;
  }

  // ---- The world from tiles ----

  /**
   * Blits the visible tiles. Tiles that must show now (after an edit, a selection, a theme switch,
   * on a first frame) are rendered now; tiles a pan or zoom exposes are rendered at most {@link
   * #TILE_BUDGET} per frame, in the meantime showing the older zoom's tiles stretched or the plain
   * background, and the view asks for more frames until all are there ({@link #wantsFrame()}).
   * Spare budget renders a tile just outside the view, ahead of the pan.
   */
  private boolean paintTiles(
      GraphicsContext g,
      CanvasViewModel model,
      CanvasTheme theme,
      boolean viewFocused,
      double outputScale,
      PixelGrid screen,
      boolean worldChanged) {
    Viewport viewport = model.viewport();
    double zoom = viewport.zoom();
    double stretch = zoom / tileZoom;
    TileCache.Generation current = tiles.generation();
    boolean sameLook =
        current != null && current.theme() == theme && current.outputScale() == outputScale;
    boolean mustShow = worldChanged;
    if (!sameLook || tiles.isEmpty() && previous.isEmpty()) {
      // Theme, screen or first frame: nothing at hand is worth showing.
      tileZoom = zoom;
      previous.clear();
      mustShow = true;
    } else if (!(stretch <= MAX_TILE_STRETCH && stretch >= 1 / MAX_TILE_STRETCH)) {
      tileZoom = zoom; // stretched too far to stand in: render crisp at once
      mustShow = true;
    } else if (settleRequested && zoom != tileZoom) {
      // The zoom rests: crisp tiles come in over the next frames, the old ones stand in.
      TileCache old = previous;
      previous = tiles;
      tiles = old;
      tileZoom = zoom;
    }
    settleRequested = false;
    tiles.use(new TileCache.Generation(tileZoom, outputScale, theme));
    TileCache.TilePainter painter =
        new TileCache.TilePainter() {
          @Override
          public void paint(GraphicsContext tg, PixelGrid grid, Rect area) {
            paintTile(tg, grid, area, model, theme, viewFocused);
          }

          @Override
          public void finish(WritableImage tile, PixelGrid grid) {
            stampDots(tile, grid, theme, outputScale);
          }
        };

    Rect visible = viewport.visible();
    long firstColumn = tiles.column(visible.x());
    long lastColumn = tiles.column(visible.maxX());
    long firstRow = tiles.row(visible.y());
    long lastRow = tiles.row(visible.maxY());
    int columns = (int) (lastColumn - firstColumn + 1);
    int rows = (int) (lastRow - firstRow + 1);
    tiles.ensureCapacity((columns + 2) * (rows + 2));

    int budget = mustShow ? Integer.MAX_VALUE : TILE_BUDGET;
    int rendered = 0;
    Image[] shown = new Image[columns * rows];
    boolean complete = true;
    for (int j = 0; j < rows; j++) {
      for (int i = 0; i < columns; i++) {
        Image tile = tiles.cached(firstColumn + i, firstRow + j);
        if (tile == null && rendered < budget) {
          tile = tiles.tile(firstColumn + i, firstRow + j, painter);
          rendered++;
        }
        shown[j * columns + i] = tile;
        complete &= tile != null;
      }
    }

    boolean scaled = zoom != tileZoom;
    placements.clear();
    if (complete && !scaled) {
      // The common case, a pan: the tiles as image nodes, each copied once to the screen.
      for (int j = 0; j < rows; j++) {
        for (int i = 0; i < columns; i++) {
          place(tiles, shown[j * columns + i], firstColumn + i, firstRow + j, screen);
        }
      }
      layer.show(placements, viewport.width(), viewport.height());
      g.clearRect(0, 0, viewport.width(), viewport.height());
    } else {
      layer.hide();
      if (!complete) {
        // Stand-ins: the previous zoom's tiles stretched, else the plain background.
        g.setFill(theme.color(Swatch.BACKGROUND));
        g.fillRect(0, 0, viewport.width(), viewport.height());
        if (!previous.isEmpty() && previous.generation().theme() == theme) {
          placeCached(previous, visible, screen);
        }
      }
      for (int j = 0; j < rows; j++) {
        for (int i = 0; i < columns; i++) {
          Image tile = shown[j * columns + i];
          if (tile != null) {
            place(tiles, tile, firstColumn + i, firstRow + j, screen);
          }
        }
      }
      // Nearest neighbour: smooth resampling costs the software pipeline ~15 ms a frame.
      g.setImageSmoothing(false);
      for (TileLayer.Placement p : placements) {
        g.drawImage(p.image(), p.x(), p.y(), p.width(), p.height());
      }
      g.setImageSmoothing(true);
    }
    if (complete) {
      previous.clear();
    }
    lastFrameScaled = scaled;
    lastFrameComplete = complete;
    boolean ringComplete =
        rendered < budget
            ? prefetchAhead(viewport, firstColumn, lastColumn, firstRow, lastRow, painter)
            : false;
    frameWanted = !complete || !ringComplete;
    lastPosition = viewport;
    return !(complete && !scaled);
  }

  /** Every tile of {@code cache} that is cached and visible, stretched to the viewport. */
  private void placeCached(TileCache cache, Rect visible, PixelGrid screen) {
    for (long ty = cache.row(visible.y()); ty <= cache.row(visible.maxY()); ty++) {
      for (long tx = cache.column(visible.x()); tx <= cache.column(visible.maxX()); tx++) {
        Image tile = cache.cached(tx, ty);
        if (tile != null) {
          place(cache, tile, tx, ty, screen);
        }
      }
    }
  }

  /** One tile at its place: at its own scale on whole device pixels, else stretched to its area. */
  private void place(TileCache cache, Image tile, long tx, long ty, PixelGrid screen) {
    double r = screen.ratio();
    if (cache.generation().scale() == screen.scale()) {
      double x = tx * TileCache.SIZE + screen.originX();
      double y = ty * TileCache.SIZE + screen.originY();
      placements.add(
          new TileLayer.Placement(tile, x / r, y / r, TileCache.SIZE / r, TileCache.SIZE / r));
    } else {
      Rect area = cache.area(tx, ty);
      long x0 = screen.deviceX(area.x());
      long y0 = screen.deviceY(area.y());
      long x1 = screen.deviceX(area.maxX());
      long y1 = screen.deviceY(area.maxY());
      placements.add(new TileLayer.Placement(tile, x0 / r, y0 / r, (x1 - x0) / r, (y1 - y0) / r));
    }
    lastTilesDrawn++;
  }

  /**
   * Renders one missing tile of the ring around the view, the one furthest along the last pan, so
   * panning on finds it ready. Returns whether the ring was already complete.
   */
  /** Whether a ring tile lies where the pan is heading, on every axis it lies out on. */
  private static boolean ahead(
      long tx,
      long ty,
      long firstColumn,
      long lastColumn,
      long firstRow,
      long lastRow,
      double dx,
      double dy) {
    boolean x = tx > lastColumn ? dx > 0 : tx < firstColumn ? dx < 0 : true;
    boolean y = ty > lastRow ? dy > 0 : ty < firstRow ? dy < 0 : true;
    return x && y;
  }

  private boolean prefetchAhead(
      Viewport viewport,
      long firstColumn,
      long lastColumn,
      long firstRow,
      long lastRow,
      TileCache.TilePainter painter) {
    double dx = lastPosition == null ? 0 : lastPosition.offsetX() - viewport.offsetX();
    double dy = lastPosition == null ? 0 : lastPosition.offsetY() - viewport.offsetY();
    double midColumn = (firstColumn + lastColumn) / 2.0;
    double midRow = (firstRow + lastRow) / 2.0;
    long bestX = 0;
    long bestY = 0;
    double bestScore = Double.NEGATIVE_INFINITY;
    boolean anyLeft = false;
    for (long ty = firstRow - 1; ty <= lastRow + 1; ty++) {
      for (long tx = firstColumn - 1; tx <= lastColumn + 1; tx++) {
        boolean inside = tx >= firstColumn && tx <= lastColumn && ty >= firstRow && ty <= lastRow;
        if (inside || tiles.has(tx, ty)) {
          continue;
        }
        double score = (tx - midColumn) * dx + (ty - midRow) * dy;
        boolean moving = dx != 0 || dy != 0;
        if (moving && !ahead(tx, ty, firstColumn, lastColumn, firstRow, lastRow, dx, dy)) {
          // Behind or beside a pan: the pan may never get there. Left for when it rests.
          anyLeft = true;
          continue;
        }
        if (score > bestScore) {
          bestScore = score;
          bestX = tx;
          bestY = ty;
        }
      }
    }
    if (bestScore == Double.NEGATIVE_INFINITY) {
      return !anyLeft;
    }
    tiles.tile(bestX, bestY, painter);
    return false;
  }

  private void paintTile(
      GraphicsContext g,
      PixelGrid grid,
      Rect area,
      CanvasViewModel model,
      CanvasTheme theme,
      boolean viewFocused) {
    // A full-size solid fill: the cheapest thing the software pipeline draws.
    g.setFill(theme.color(Swatch.BACKGROUND));
    g.fillRect(0, 0, TileCache.SIZE, TileCache.SIZE);
    grid.applyTo(g);
    // Cards drawn directly: a tile is one snapshot, where card images would cost one per card.
    world.paint(g, grid, model, look, area, theme, viewFocused, tileZoom, false);
  }

  /**
   * Puts the dot grid into a rendered tile's pixels, where the background shows: a few hundred
   * pixel writes instead of a full-size background image to fill, upload and blit per tile. (Under
   * a wire a dot is left out; drawn first, it would hardly show through anyway.)
   */
  private static void stampDots(
      WritableImage tile, PixelGrid grid, CanvasTheme theme, double outputScale) {
    PixelReader reader = tile.getPixelReader();
    PixelWriter writer = tile.getPixelWriter();
    int background = DotGrid.argb(theme.color(Swatch.BACKGROUND));
    int dot = DotGrid.argb(theme.color(Swatch.DOT));
    int size = TileCache.SIZE;
    DotGrid.forEachDot(
        size,
        size,
        (long) grid.originX(),
        (long) grid.originY(),
        grid.scale(),
        outputScale,
        (x, y, d) -> {
          for (int j = Math.max(0, y); j < Math.min(size, y + d); j++) {
            for (int i = Math.max(0, x); i < Math.min(size, x + d); i++) {
              if (reader.getArgb(i, j) == background) {
                writer.setArgb(i, j, dot);
              }
            }
          }
        });
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
