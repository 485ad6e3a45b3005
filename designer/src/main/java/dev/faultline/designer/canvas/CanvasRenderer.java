package dev.faultline.designer.canvas;

import dev.faultline.designer.canvas.CanvasTheme.Swatch;
import dev.faultline.designer.canvas.CanvasViewModel.ConnectPreview;
import dev.faultline.designer.canvas.StepGeometry.Point;
import dev.faultline.icons.Icons;
import dev.faultline.model.Position;
import dev.faultline.validate.Problem;
import java.util.List;
import java.util.Optional;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * Paints one frame of the canvas from the view model: dot grid, wires, cards, gesture previews and
 * the overview. Only what intersects the viewport is drawn; below {@link Viewport#DETAIL_ZOOM}
 * cards are plain boxes and wires straight lines, since text would be unreadable anyway.
 *
 * <p>Drawing happens in canvas units under the viewport's transform, so text measurements (cached
 * by {@link TextFitter}) do not depend on the zoom.
 */
final class CanvasRenderer {

  private static final double ARC = 10;
  private static final double STRIPE = 5;
  private static final double PAD = 12;
  private static final double ICON_BOX = 26;
  private static final double ICON_SIZE = 18;
  private static final double TEXT_LEFT = PAD + ICON_BOX + 10;

  private static final Font TITLE = Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, 13);
  private static final Font SMALL = Font.font(Font.getDefault().getFamily(), 11);
  private static final Font BADGE = Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, 10);
  private static final Font LABEL = Font.font(Font.getDefault().getFamily(), 12);

  private final TextFitter fitter = new TextFitter();

  /** Frames painted so far; tests and benchmarks use it to see that a repaint happened. */
  private long frames;

  /** Cards drawn in the last frame: the culling at work. */
  private int lastCardsDrawn;

  /** Of those, how many came from the image cache. */
  private int lastCardsCached;

  int lastCardsCached() {
    return lastCardsCached;
  }

  long frames() {
    return frames;
  }

  int lastCardsDrawn() {
    return lastCardsDrawn;
  }

  private final CardImageCache cardImages = new CardImageCache();

  /**
   * The zoom of the previous frame and for how many frames it has held: cards are cached only once
   * the zoom holds still, since during a zoom gesture every cached image would be stale at once.
   */
  private double previousZoom = Double.NaN;

  private int steadyFrames;

  void paint(
      GraphicsContext g,
      CanvasViewModel model,
      CanvasTheme theme,
      boolean focused,
      double outputScale) {
    frames++;
    Viewport viewport = model.viewport();
    steadyFrames = viewport.zoom() == previousZoom ? steadyFrames + 1 : 0;
    previousZoom = viewport.zoom();
    boolean steadyZoom = steadyFrames >= 2;
    CanvasGraph graph = model.graph();
    double width = viewport.width();
    double height = viewport.height();

    g.setTransform(1, 0, 0, 1, 0, 0);
    g.setFill(theme.color(Swatch.BACKGROUND));
    g.fillRect(0, 0, width, height);
    paintDots(g, viewport, theme);

    if (graph.size() == 0) {
      paintEmptyHint(g, viewport, theme);
      lastCardsDrawn = 0;
      return;
    }

    g.setTransform(viewport.zoom(), 0, 0, viewport.zoom(), viewport.offsetX(), viewport.offsetY());
    Rect visible = viewport.visible();
    boolean detailed = viewport.detailed();
    paintEdges(g, model, graph, theme, visible, detailed);
    List<StepCard> cards = graph.cardsIn(visible.expanded(StepGeometry.WIDTH));
    if (!model.moving().isEmpty()) {
      // Dragged cards are indexed where they were; they may have come from far off screen.
      var listed = new java.util.HashSet<String>();
      cards.forEach(card -> listed.add(card.id()));
      cards = new java.util.ArrayList<>(cards);
      for (String id : model.moving()) {
        if (listed.add(id)) {
          cards.add(graph.card(id).orElseThrow());
        }
      }
      cards.sort((a, b) -> Integer.compare(a.order(), b.order()));
    }
    int drawn = 0;
    int cached = 0;
    for (StepCard card : cards) {
      Position at = model.positionOf(card);
      if (!StepGeometry.bounds(at).intersects(visible)) {
        continue;
      }
      drawn++;
      if (detailed && steadyZoom) {
        paintCachedCard(g, model, graph, card, at, theme, focused, outputScale);
        cached++;
      } else if (detailed) {
        paintCard(g, model, graph, card, at, theme, focused);
      } else {
        paintBox(g, model, card, at, theme, viewport.zoom());
      }
    }
    lastCardsDrawn = drawn;
    lastCardsCached = cached;
    model.connectPreview().ifPresent(wire -> paintWire(g, model, graph, wire, theme));
    model.rubberBand().ifPresent(band -> paintRubberBand(g, band, theme, viewport.zoom()));

    g.setTransform(1, 0, 0, 1, 0, 0);
    model.connectPreview().ifPresent(wire -> paintRefusal(g, viewport, wire, theme));
    model.minimap().ifPresent(minimap -> paintMinimap(g, minimap, model, graph, theme));
  }

  // ---- Background ----

  /**
   * The dot grid as one image blit. The software pipeline pays per fill and per pattern pixel, so
   * thousands of tiny fills (or an image pattern) cost several milliseconds a frame; a cached layer
   * one grid step larger than the view, shifted by the pan, costs a copy. It is redrawn only when
   * the spacing, the colour or the view's size changes.
   */
  private void paintDots(GraphicsContext g, Viewport viewport, CanvasTheme theme) {
    double spacing = StepGeometry.GRID;
    while (spacing * viewport.zoom() < 10 && spacing < 1000) {
      spacing *= 5; // too dense: show every fifth line, then none
    }
    double step = spacing * viewport.zoom();
    if (step < 10) {
      return;
    }
    Image layer =
        dotLayer((int) viewport.width(), (int) viewport.height(), step, theme.color(Swatch.DOT));
    double x = viewport.offsetX() % step;
    double y = viewport.offsetY() % step;
    g.drawImage(layer, Math.round(x < 0 ? x : x - step), Math.round(y < 0 ? y : y - step));
  }

  private WritableImage dotLayer;
  private double dotLayerStep;
  private Color dotLayerColor;

  private Image dotLayer(int width, int height, double step, Color color) {
    int w = width + (int) Math.ceil(step) + 1;
    int h = height + (int) Math.ceil(step) + 1;
    if (dotLayer != null
        && dotLayer.getWidth() == w
        && dotLayer.getHeight() == h
        && dotLayerStep == step
        && color.equals(dotLayerColor)) {
      return dotLayer;
    }
    int[] argb = new int[w * h];
    int pixel =
        (int) Math.round(color.getOpacity() * 255) << 24
            | (int) Math.round(color.getRed() * 255) << 16
            | (int) Math.round(color.getGreen() * 255) << 8
            | (int) Math.round(color.getBlue() * 255);
    int dot = step >= 30 ? 2 : 1;
    for (double dy = 0; dy < h; dy += step) {
      for (double dx = 0; dx < w; dx += step) {
        int px = (int) Math.round(dx);
        int py = (int) Math.round(dy);
        for (int j = 0; j < dot && py + j < h; j++) {
          for (int i = 0; i < dot && px + i < w; i++) {
            argb[(py + j) * w + px + i] = pixel;
          }
        }
      }
    }
    WritableImage layer = new WritableImage(w, h);
    layer.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
    dotLayer = layer;
    dotLayerStep = step;
    dotLayerColor = color;
    return layer;
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

  // ---- Wires ----

  private void paintEdges(
      GraphicsContext g,
      CanvasViewModel model,
      CanvasGraph graph,
      CanvasTheme theme,
      Rect visible,
      boolean detailed) {
    Optional<Edge> selected = model.selectedEdge();
    double zoom = model.viewport().zoom();
    g.setLineCap(StrokeLineCap.ROUND);
    g.setLineJoin(StrokeLineJoin.ROUND);
    g.setStroke(theme.color(Swatch.EDGE));
    g.setLineWidth(detailed ? 1.5 : 1 / zoom);
    g.beginPath();
    // Arrowheads go into a second path, filled once after all wires are stroked.
    double[] heads = new double[graph.edges().size() * 6];
    int headCount = 0;
    for (Edge edge : graph.edges()) {
      Point from = StepGeometry.outputPort(model.positionOf(graph.card(edge.from()).orElseThrow()));
      Point to = StepGeometry.inputPort(model.positionOf(graph.card(edge.to()).orElseThrow()));
      if (!EdgeGeometry.bounds(from, to).expanded(10).intersects(visible)) {
        continue;
      }
      if (selected.isPresent() && selected.get().equals(edge)) {
        continue; // drawn last, highlighted
      }
      appendWire(g, from, to, detailed);
      if (detailed) {
        int i = headCount * 6;
        arrowHead(heads, i, to);
        headCount++;
      }
    }
    g.stroke();
    if (detailed) {
      g.setFill(theme.color(Swatch.EDGE));
      g.beginPath();
      for (int i = 0; i < headCount * 6; i += 6) {
        g.moveTo(heads[i], heads[i + 1]);
        g.lineTo(heads[i + 2], heads[i + 3]);
        g.lineTo(heads[i + 4], heads[i + 5]);
        g.closePath();
      }
      g.fill();
    }
    selected.ifPresent(
        edge -> {
          Point from =
              StepGeometry.outputPort(model.positionOf(graph.card(edge.from()).orElseThrow()));
          Point to = StepGeometry.inputPort(model.positionOf(graph.card(edge.to()).orElseThrow()));
          g.setStroke(theme.color(Swatch.ACCENT));
          g.setLineWidth(detailed ? 3 : 2 / zoom);
          g.beginPath();
          appendWire(g, from, to, detailed);
          g.stroke();
          if (detailed) {
            double[] head = new double[6];
            arrowHead(head, 0, to);
            g.setFill(theme.color(Swatch.ACCENT));
            g.fillPolygon(
                new double[] {head[0], head[2], head[4]},
                new double[] {head[1], head[3], head[5]},
                3);
          }
        });
  }

  private static void appendWire(GraphicsContext g, Point from, Point to, boolean curved) {
    g.moveTo(from.x(), from.y());
    if (curved) {
      double[] c = EdgeGeometry.controls(from, to);
      // End at the arrow's base so the line does not poke through the arrowhead's tip.
      g.bezierCurveTo(c[0], c[1], c[2], c[3], to.x() - 8, to.y());
    } else {
      g.lineTo(to.x(), to.y());
    }
  }

  /** A small triangle pointing right into the input port. */
  private static void arrowHead(double[] into, int i, Point tip) {
    double x = tip.x() - StepGeometry.PORT_RADIUS;
    into[i] = x;
    into[i + 1] = tip.y();
    into[i + 2] = x - 9;
    into[i + 3] = tip.y() - 5;
    into[i + 4] = x - 9;
    into[i + 5] = tip.y() + 5;
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
                g.strokeRoundRect(b.x(), b.y(), b.width(), b.height(), ARC + 4, ARC + 4);
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

  // ---- Cards ----

  private static void paintBox(
      GraphicsContext g,
      CanvasViewModel model,
      StepCard card,
      Position at,
      CanvasTheme theme,
      double zoom) {
    g.setFill(theme.kind(card.kind()).deriveColor(0, 1, 1, 0.85));
    g.fillRect(at.x(), at.y(), StepGeometry.WIDTH, StepGeometry.HEIGHT);
    if (model.isSelected(card.id())) {
      g.setStroke(theme.color(Swatch.ACCENT));
      g.setLineWidth(3 / zoom);
      double m = 2 / zoom;
      g.strokeRect(at.x() - m, at.y() - m, StepGeometry.WIDTH + 2 * m, StepGeometry.HEIGHT + 2 * m);
    }
  }

  private void paintCachedCard(
      GraphicsContext g,
      CanvasViewModel model,
      CanvasGraph graph,
      StepCard card,
      Position at,
      CanvasTheme theme,
      boolean viewFocused,
      double outputScale) {
    var key =
        new CardImageCache.Key(
            card,
            model.isSelected(card.id()),
            viewFocused && card.id().equals(model.focusedProperty().get()),
            model.problemsOf(card.id()),
            joins(graph, card),
            graph.dependents(card.id()) > 1,
            theme,
            model.viewport().zoom(),
            outputScale);
    var image =
        cardImages.image(
            key, cg -> paintCard(cg, model, graph, card, new Position(0, 0), theme, viewFocused));
    // One image pixel on one device pixel: placed on whole pixels and at its own size, the blit
    // needs no resampling, so text stays as crisp as when drawn directly.
    Viewport viewport = model.viewport();
    double m = CardImageCache.MARGIN;
    double factor = viewport.zoom() * outputScale;
    double x =
        viewport.toCanvasX(Math.round(viewport.toScreenX(at.x() - m) * outputScale) / outputScale);
    double y =
        viewport.toCanvasY(Math.round(viewport.toScreenY(at.y() - m) * outputScale) / outputScale);
    g.drawImage(image, x, y, image.getWidth() / factor, image.getHeight() / factor);
  }

  private static int joins(CanvasGraph graph, StepCard card) {
    int joins = 0;
    for (String id : card.step().after()) {
      if (graph.card(id).isPresent()) {
        joins++;
      }
    }
    return joins;
  }

  private void paintCard(
      GraphicsContext g,
      CanvasViewModel model,
      CanvasGraph graph,
      StepCard card,
      Position at,
      CanvasTheme theme,
      boolean viewFocused) {
    double x = at.x();
    double y = at.y();
    double w = StepGeometry.WIDTH;
    double h = StepGeometry.HEIGHT;
    Color kind = theme.kind(card.kind());
    boolean selected = model.isSelected(card.id());

    // Body with a soft shadow line under it, then the kind stripe on the left edge.
    g.setFill(theme.color(Swatch.BORDER).deriveColor(0, 1, 1, 0.6));
    g.fillRoundRect(x, y + 1.5, w, h, ARC, ARC);
    g.setFill(theme.color(Swatch.CARD));
    g.fillRoundRect(x, y, w, h, ARC, ARC);
    g.setFill(kind);
    g.fillRoundRect(x, y, STRIPE * 2, h, ARC, ARC);
    g.setFill(theme.color(Swatch.CARD));
    g.fillRect(x + STRIPE, y, STRIPE, h);
    g.setStroke(selected ? theme.color(Swatch.ACCENT) : theme.color(Swatch.BORDER));
    g.setLineWidth(selected ? 2 : 1);
    g.strokeRoundRect(x, y, w, h, ARC, ARC);

    if (viewFocused && card.id().equals(model.focusedProperty().get())) {
      g.setStroke(theme.color(Swatch.ACCENT).deriveColor(0, 1, 1, 0.45));
      g.setLineWidth(3);
      g.strokeRoundRect(x - 4, y - 4, w + 8, h + 8, ARC + 6, ARC + 6);
    }

    paintIcon(g, card, x + PAD, y + 10, kind, theme);

    List<Problem> problems = model.problemsOf(card.id());
    double badges = paintBadges(g, problems, x + w - 8, y + 8, theme);

    StepText.Lines texts = card.texts();
    g.setTextBaseline(VPos.BASELINE);
    g.setFont(TITLE);
    g.setFill(theme.color(Swatch.TEXT));
    g.fillText(fitter.fit(texts.title(), TITLE, w - TEXT_LEFT - 8 - badges), x + TEXT_LEFT, y + 21);
    g.setFont(SMALL);
    g.setFill(theme.color(Swatch.MUTED));
    g.fillText(fitter.fit(texts.subtitle(), SMALL, w - TEXT_LEFT - 8), x + TEXT_LEFT, y + 35);
    double textWidth = w - PAD - 10;
    g.setFill(theme.color(Swatch.TEXT));
    g.fillText(fitter.fit(texts.detail(), SMALL, textWidth), x + PAD, y + 54);
    g.setFill(theme.color(Swatch.MUTED));
    g.fillText(fitter.fit(texts.context(), SMALL, textWidth), x + PAD, y + 68);

    paintPorts(g, graph, card, at, kind, theme);
  }

  private static void paintIcon(
      GraphicsContext g, StepCard card, double x, double y, Color kind, CanvasTheme theme) {
    g.setFill(kind.deriveColor(0, 1, 1, theme.dark() ? 0.25 : 0.12));
    g.fillRoundRect(x, y, ICON_BOX, ICON_BOX, 7, 7);
    Optional<String> path = Icons.svgPath(card.iconId());
    if (path.isEmpty()) {
      return;
    }
    double scale = ICON_SIZE / Icons.VIEW_BOX;
    double inset = (ICON_BOX - ICON_SIZE) / 2;
    g.save();
    g.translate(x + inset, y + inset);
    g.scale(scale, scale);
    g.setStroke(kind);
    g.setLineWidth(Icons.STROKE_WIDTH);
    g.setLineCap(StrokeLineCap.ROUND);
    g.setLineJoin(StrokeLineJoin.ROUND);
    g.beginPath();
    g.appendSVGPath(path.get());
    g.stroke();
    g.restore();
  }

  /** Error and warning counts as pills ending at {@code right}; returns the width they take. */
  private double paintBadges(
      GraphicsContext g, List<Problem> problems, double right, double top, CanvasTheme theme) {
    if (problems.isEmpty()) {
      return 0;
    }
    long errors = problems.stream().filter(Problem::isError).count();
    long warnings = problems.size() - errors;
    double x = right;
    g.setFont(BADGE);
    g.setTextBaseline(VPos.CENTER);
    g.setTextAlign(TextAlignment.CENTER);
    for (int i = 0; i < 2; i++) {
      long n = i == 0 ? warnings : errors;
      if (n == 0) {
        continue;
      }
      String label = (i == 0 ? "\u26a0 " : "\u2715 ") + n;
      double w = fitter.width(label, BADGE) + 10;
      x -= w;
      g.setFill(i == 0 ? theme.color(Swatch.WARNING) : theme.color(Swatch.DANGER));
      g.fillRoundRect(x, top, w, 16, 16, 16);
      g.setFill(theme.color(Swatch.ON_EMPHASIS));
      g.fillText(label, x + w / 2, top + 8.5);
      x -= 4;
    }
    g.setTextAlign(TextAlignment.LEFT);
    g.setTextBaseline(VPos.BASELINE);
    return right - x;
  }

  /**
   * Ports on the card edges. A join (several {@code after}) shows how many wires meet at its input
   * port; a fan-out (several dependents) has a filled output port.
   */
  private void paintPorts(
      GraphicsContext g,
      CanvasGraph graph,
      StepCard card,
      Position at,
      Color kind,
      CanvasTheme theme) {
    Point in = StepGeometry.inputPort(at);
    Point out = StepGeometry.outputPort(at);
    double r = StepGeometry.PORT_RADIUS;
    int joins = joins(graph, card);
    g.setLineWidth(1.5);
    if (joins > 1) {
      double jr = 8;
      g.setFill(theme.color(Swatch.TEXT));
      g.fillOval(in.x() - jr, in.y() - jr, 2 * jr, 2 * jr);
      g.setFill(theme.color(Swatch.CARD));
      g.setFont(BADGE);
      g.setTextAlign(TextAlignment.CENTER);
      g.setTextBaseline(VPos.CENTER);
      g.fillText(Integer.toString(joins), in.x(), in.y() + 0.5);
      g.setTextAlign(TextAlignment.LEFT);
      g.setTextBaseline(VPos.BASELINE);
    } else {
      g.setFill(theme.color(Swatch.CARD));
      g.fillOval(in.x() - r, in.y() - r, 2 * r, 2 * r);
      g.setStroke(theme.color(Swatch.EDGE));
      g.strokeOval(in.x() - r, in.y() - r, 2 * r, 2 * r);
    }
    g.setFill(graph.dependents(card.id()) > 1 ? kind : theme.color(Swatch.CARD));
    g.fillOval(out.x() - r, out.y() - r, 2 * r, 2 * r);
    g.setStroke(kind);
    g.strokeOval(out.x() - r, out.y() - r, 2 * r, 2 * r);
  }

  // ---- Overview ----

  private static void paintMinimap(
      GraphicsContext g,
      Minimap minimap,
      CanvasViewModel model,
      CanvasGraph graph,
      CanvasTheme theme) {
    Rect f = minimap.frame();
    g.setFill(theme.color(Swatch.CARD).deriveColor(0, 1, 1, 0.94));
    g.fillRoundRect(f.x(), f.y(), f.width(), f.height(), 8, 8);
    g.setStroke(theme.color(Swatch.BORDER));
    g.setLineWidth(1);
    g.strokeRoundRect(f.x() + 0.5, f.y() + 0.5, f.width() - 1, f.height() - 1, 8, 8);
    double w = Math.max(1.5, StepGeometry.WIDTH * minimap.scale());
    double h = Math.max(1, StepGeometry.HEIGHT * minimap.scale());
    for (StepCard card : graph.cards()) {
      Position at = model.positionOf(card);
      g.setFill(model.isSelected(card.id()) ? theme.color(Swatch.ACCENT) : theme.kind(card.kind()));
      g.fillRect(minimap.toScreenX(at.x()), minimap.toScreenY(at.y()), w, h);
    }
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
}
