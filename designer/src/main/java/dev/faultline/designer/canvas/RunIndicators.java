package dev.faultline.designer.canvas;

import dev.faultline.designer.canvas.StepGeometry.Point;
import dev.faultline.model.Position;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

/**
 * The moving parts of a run, over the tiles: a ring that widens and fades around each running step
 * and waiting gate, and the running glyph's turning arc. Each animated card on screen has its own
 * small canvas, so a frame of the animation redraws only those few cards and never a tile; with no
 * card running or waiting the layer is empty and nothing is drawn.
 */
final class RunIndicators extends Pane {

  /** One beat of a running step's pulse; a waiting gate calls more slowly. */
  static final long RUNNING_PERIOD_NANOS = 1_400_000_000L;

  static final long WAITING_PERIOD_NANOS = 2_000_000_000L;

  /** One turn of the running glyph's arc. */
  static final long TURN_NANOS = 1_000_000_000L;

  /** Room around a card for the pulse, in canvas units. */
  private static final double MARGIN = DecorationPainter.HALO_REACH + 2;

  private final DecorationPainter painter = new DecorationPainter(new TextFitter());
  private final Map<String, Canvas> canvases = new HashMap<>();
  private final Rectangle clip = new Rectangle();
  private long frames;

  RunIndicators() {
    setManaged(false);
    setMouseTransparent(true);
    setClip(clip);
  }

  /** Draws every animated card on screen as of {@code nanos}; drops those no longer animated. */
  void paint(CanvasViewModel model, CanvasTheme theme, long nanos) {
    Viewport viewport = model.viewport();
    clip.setWidth(viewport.width());
    clip.setHeight(viewport.height());
    Set<String> animated = model.animatedSteps();
    Rect reach = viewport.visible().expanded(MARGIN);
    CanvasGraph graph = model.graph();
    Iterator<Map.Entry<String, Canvas>> shown = canvases.entrySet().iterator();
    while (shown.hasNext()) {
      Map.Entry<String, Canvas> entry = shown.next();
      if (place(graph, model, entry.getKey(), reach).isEmpty()) {
        getChildren().remove(entry.getValue());
        shown.remove();
      }
    }
    for (String id : animated) {
      Optional<Position> at = place(graph, model, id, reach);
      if (at.isEmpty()) {
        continue;
      }
      Canvas canvas =
          canvases.computeIfAbsent(
              id,
              key -> {
                Canvas created = new Canvas();
                getChildren().add(created);
                return created;
              });
      paintCard(canvas, viewport, at.get(), model.decorationOf(id).state(), theme, nanos);
    }
    frames++;
  }

  /** Where an animated card is drawn now, if it is within {@code reach}. */
  private static Optional<Position> place(
      CanvasGraph graph, CanvasViewModel model, String id, Rect reach) {
    StepDecoration decoration = model.decorationOf(id);
    if (decoration == null || !decoration.animated()) {
      return Optional.empty();
    }
    return graph
        .card(id)
        .map(model::positionOf)
        .filter(at -> StepGeometry.bounds(at).intersects(reach));
  }

  private void paintCard(
      Canvas canvas,
      Viewport viewport,
      Position at,
      StepRunState state,
      CanvasTheme theme,
      long nanos) {
    double zoom = viewport.zoom();
    double left = viewport.toScreenX(at.x() - MARGIN);
    double top = viewport.toScreenY(at.y() - MARGIN);
    double width = Math.ceil((StepGeometry.WIDTH + 2 * MARGIN) * zoom) + 1;
    double height = Math.ceil((StepGeometry.HEIGHT + 2 * MARGIN) * zoom) + 1;
    canvas.setLayoutX(Math.floor(left));
    canvas.setLayoutY(Math.floor(top));
    canvas.setWidth(width);
    canvas.setHeight(height);
    GraphicsContext g = canvas.getGraphicsContext2D();
    g.setTransform(1, 0, 0, 1, 0, 0);
    g.clearRect(0, 0, width, height);
    // Canvas units with the card's top-left at the origin, on the same sub-pixel as the tiles.
    double ox = left - Math.floor(left) + MARGIN * zoom;
    double oy = top - Math.floor(top) + MARGIN * zoom;
    g.setTransform(zoom, 0, 0, zoom, ox, oy);
    Color color = DecorationPainter.color(state, theme);
    long period = state == StepRunState.RUNNING ? RUNNING_PERIOD_NANOS : WAITING_PERIOD_NANOS;
    double phase = (double) Math.floorMod(nanos, period) / period;
    DecorationPainter.paintPulse(
        g, StepGeometry.WIDTH, StepGeometry.HEIGHT, color, phase, theme.dark());
    if (state == StepRunState.RUNNING && zoom >= Viewport.DETAIL_ZOOM) {
      Point glyph = painter.glyphCentre(state);
      double degrees = 360.0 * Math.floorMod(nanos, TURN_NANOS) / TURN_NANOS;
      DecorationPainter.paintSpinner(g, glyph.x(), glyph.y(), color, degrees);
    }
  }

  /** Removes every indicator: no card animates any more. */
  void clear() {
    getChildren().clear();
    canvases.clear();
  }

  /** Frames of the animation drawn so far. */
  long frames() {
    return frames;
  }

  /** Cards drawn by the last frame of the animation. */
  int cardsShown() {
    return canvases.size();
  }
}
