package dev.faultline.designer.canvas;

import dev.faultline.designer.canvas.CanvasTheme.Swatch;
import dev.faultline.designer.canvas.StepGeometry.Point;
import dev.faultline.designer.canvas.WorldLook.WireLook;
import dev.faultline.icons.Icons;
import dev.faultline.model.Position;
import dev.faultline.validate.Problem;
import java.util.List;
import java.util.Optional;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * Draws the world (wires and cards) into any target: a tile, the screen, or the overlay of cards
 * being dragged. Drawing happens in canvas units under a {@link PixelGrid}, so text measurements
 * (cached by {@link TextFitter}) do not depend on the zoom; below {@link Viewport#DETAIL_ZOOM}
 * cards are plain boxes and wires straight lines, since text would be unreadable anyway.
 */
final class WorldPainter {

  static final double ARC = 10;
  private static final double STRIPE = 5;
  private static final double PAD = 12;
  private static final double ICON_BOX = 26;
  private static final double ICON_SIZE = 18;
  private static final double TEXT_LEFT = PAD + ICON_BOX + 10;

  /** A line shortened to fewer characters than this (ellipsis included) is left out. */
  private static final int MIN_SHORTENED = 10;

  private static final Font TITLE = Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, 13);
  private static final Font SMALL = Font.font(Font.getDefault().getFamily(), 11);
  private static final Font BADGE = Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, 10);

  private final TextFitter fitter;
  private final CardImageCache cardImages = new CardImageCache();
  private final DecorationPainter decorations;

  /** Cards drawn since the counter was last reset, and how many of them came as images. */
  private int cardsDrawn;

  private int cardsFromImages;

  WorldPainter(TextFitter fitter) {
    this.fitter = fitter;
    this.decorations = new DecorationPainter(fitter);
  }

  /**
   * Wires, then cards, of {@code look} that touch {@code area} (canvas units). The caller has
   * applied {@code grid} to {@code g}.
   *
   * @param zoom screen pixels per canvas unit, for line widths meant in screen pixels
   * @param images whether cards are blitted from the card image cache or drawn directly
   */
  void paint(
      GraphicsContext g,
      PixelGrid grid,
      CanvasViewModel model,
      WorldLook look,
      Rect area,
      CanvasTheme theme,
      boolean viewFocused,
      double zoom,
      boolean images) {
    Rect reach = area.expanded(WorldLook.margin(zoom));
    paintWires(g, look.wiresIn(reach), theme, zoom);
    CanvasGraph graph = look.stamp().graph();
    for (StepCard card : look.cardsIn(reach)) {
      paintCard(g, grid, model, graph, card, card.position(), theme, viewFocused, zoom, images);
    }
  }

  /** Plain wires in one path, their arrowheads in another, the selected one highlighted last. */
  void paintWires(GraphicsContext g, List<WireLook> wires, CanvasTheme theme, double zoom) {
    boolean detailed = zoom >= Viewport.DETAIL_ZOOM;
    g.setLineCap(StrokeLineCap.ROUND);
    g.setLineJoin(StrokeLineJoin.ROUND);
    g.setStroke(theme.color(Swatch.EDGE));
    g.setLineWidth(detailed ? 1.5 : 1 / zoom);
    g.beginPath();
    double[] heads = new double[wires.size() * 6];
    int headCount = 0;
    WireLook selected = null;
    for (WireLook wire : wires) {
      if (wire.selected()) {
        selected = wire;
        continue;
      }
      appendWire(g, wire.from(), wire.to(), detailed);
      if (detailed) {
        arrowHead(heads, headCount * 6, wire.to());
        headCount++;
      }
    }
    g.stroke();
    if (detailed && headCount > 0) {
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
    if (selected != null) {
      g.setStroke(theme.color(Swatch.ACCENT));
      g.setLineWidth(detailed ? 3 : 2 / zoom);
      g.beginPath();
      appendWire(g, selected.from(), selected.to(), detailed);
      g.stroke();
      if (detailed) {
        double[] head = new double[6];
        arrowHead(head, 0, selected.to());
        g.setFill(theme.color(Swatch.ACCENT));
        g.fillPolygon(
            new double[] {head[0], head[2], head[4]}, new double[] {head[1], head[3], head[5]}, 3);
      }
    }
  }

  /** One card at {@code at}: a box when zoomed out, else the full card (as an image or not). */
  void paintCard(
      GraphicsContext g,
      PixelGrid grid,
      CanvasViewModel model,
      CanvasGraph graph,
      StepCard card,
      Position at,
      CanvasTheme theme,
      boolean viewFocused,
      double zoom,
      boolean images) {
    cardsDrawn++;
    if (zoom < Viewport.DETAIL_ZOOM) {
      paintBox(g, model, card, at, theme, zoom);
    } else if (images) {
      paintCachedCard(g, grid, model, graph, card, at, theme, viewFocused);
      cardsFromImages++;
    } else {
      paintCard(g, model, graph, card, at, theme, viewFocused);
    }
  }

  /** Resets and returns the card counters: {@code [drawn, from images]}. */
  int[] takeCounts() {
    int[] counts = {cardsDrawn, cardsFromImages};
    cardsDrawn = 0;
    cardsFromImages = 0;
    return counts;
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

  private static void paintBox(
      GraphicsContext g,
      CanvasViewModel model,
      StepCard card,
      Position at,
      CanvasTheme theme,
      double zoom) {
    StepDecoration decoration = model.decorationOf(card.id());
    StepRunState state = decoration == null ? null : decoration.state();
    double opacity = state == null ? 0.85 : 0.85 * (1 - DecorationPainter.dimming(state));
    g.setFill(theme.kind(card.kind()).deriveColor(0, 1, 1, opacity));
    g.fillRect(at.x(), at.y(), StepGeometry.WIDTH, StepGeometry.HEIGHT);
    Color stateBorder = state == null ? null : DecorationPainter.border(state, theme);
    if (stateBorder != null && !model.isSelected(card.id())) {
      // The run at a glance when zoomed far out: the state's colour around each box.
      g.setStroke(stateBorder);
      g.setLineWidth(3 / zoom);
      double m = 1.5 / zoom;
      g.strokeRect(at.x() - m, at.y() - m, StepGeometry.WIDTH + 2 * m, StepGeometry.HEIGHT + 2 * m);
    }
    if (model.isSelected(card.id())) {
      g.setStroke(theme.color(Swatch.ACCENT));
      g.setLineWidth(3 / zoom);
      double m = 2 / zoom;
      g.strokeRect(at.x() - m, at.y() - m, StepGeometry.WIDTH + 2 * m, StepGeometry.HEIGHT + 2 * m);
    }
  }

  private void paintCachedCard(
      GraphicsContext g,
      PixelGrid grid,
      CanvasViewModel model,
      CanvasGraph graph,
      StepCard card,
      Position at,
      CanvasTheme theme,
      boolean viewFocused) {
    var key =
        new CardImageCache.Key(
            WorldLook.CardLook.of(
                model,
                graph,
                card,
                viewFocused && card.id().equals(model.focusedProperty().get()),
                model.decorationOf(card.id())),
            theme,
            grid.scale());
    Image image =
        cardImages.image(
            key, cg -> paintCard(cg, model, graph, card, new Position(0, 0), theme, viewFocused));
    // One image pixel on one device pixel: placed on whole pixels and at its own size, the blit
    // needs no resampling (which the software pipeline makes very slow) and text stays crisp.
    double m = CardImageCache.MARGIN;
    double r = grid.ratio();
    g.setTransform(1 / r, 0, 0, 1 / r, 0, 0);
    g.drawImage(image, grid.deviceX(at.x() - m), grid.deviceY(at.y() - m));
    grid.applyTo(g);
  }

  static int joins(CanvasGraph graph, StepCard card) {
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
    StepDecoration decoration = model.decorationOf(card.id());
    StepRunState state = decoration == null ? null : decoration.state();
    String badge = decoration == null || decoration.badge() == null ? "" : decoration.badge();

    if (state != null && !selected) {
      decorations.paintHalo(g, x, y, w, h, state, theme);
    }
    // Body with a soft shadow line under it, then the kind stripe on the left edge.
    g.setFill(theme.color(Swatch.BORDER).deriveColor(0, 1, 1, 0.6));
    g.fillRoundRect(x, y + 1.5, w, h, ARC, ARC);
    g.setFill(theme.color(Swatch.CARD));
    g.fillRoundRect(x, y, w, h, ARC, ARC);
    g.setFill(kind);
    g.fillRoundRect(x, y, STRIPE * 2, h, ARC, ARC);
    g.setFill(theme.color(Swatch.CARD));
    g.fillRect(x + STRIPE, y, STRIPE, h);

    paintIcon(g, card, x + PAD, y + 10, kind, theme);

    // Top-right corner: the badge, then the problem counts to its left.
    double corner = x + w - 8;
    double badgeWidth = badge.isBlank() ? 0 : decorations.badgeWidth(badge) + 4;
    List<Problem> problems = model.problemsOf(card.id());
    double badges = badgeWidth + paintBadges(g, problems, corner - badgeWidth, y + 8, theme);

    StepText.Lines texts = card.texts();
    g.setTextBaseline(VPos.BASELINE);
    g.setFont(TITLE);
    g.setFill(theme.color(Swatch.TEXT));
    String title = fitter.fit(texts.title(), TITLE, w - TEXT_LEFT - 8 - badges);
    g.fillText(title, x + TEXT_LEFT, y + 21);
    g.setFont(SMALL);
    g.setFill(theme.color(Swatch.MUTED));
    g.fillText(fitter.fit(texts.subtitle(), SMALL, w - TEXT_LEFT - 8), x + TEXT_LEFT, y + 35);
    double textWidth = w - PAD - 10;
    g.setFill(theme.color(Swatch.TEXT));
    g.fillText(fitter.fit(texts.detail(), SMALL, textWidth), x + PAD, y + 54);
    g.setFill(theme.color(Swatch.MUTED));
    double contextWidth = state == null ? textWidth : decorations.chipOrigin(state).x() - 6 - PAD;
    String context = fitter.fit(texts.context(), SMALL, contextWidth);
    if (context.equals(texts.context()) || context.length() >= MIN_SHORTENED) {
      // Beside a long state chip a stub such as "after…" says nothing: leave it out.
      g.fillText(context, x + PAD, y + 68);
    }

    if (state != null) {
      decorations.paintDimming(g, x, y, w, h, state, theme);
      if (state == StepRunState.SKIPPED) {
        double titleWidth = fitter.width(title, TITLE);
        g.setStroke(theme.color(Swatch.MUTED));
        g.setLineWidth(1.2);
        g.strokeLine(x + TEXT_LEFT, y + 16.5, x + TEXT_LEFT + titleWidth, y + 16.5);
      }
    }
    paintBorder(g, x, y, w, h, selected, state, theme);
    if (viewFocused && card.id().equals(model.focusedProperty().get())) {
      g.setStroke(theme.color(Swatch.ACCENT).deriveColor(0, 1, 1, 0.45));
      g.setLineWidth(3);
      g.strokeRoundRect(x - 4, y - 4, w + 8, h + 8, ARC + 6, ARC + 6);
    }
    if (!badge.isBlank()) {
      decorations.paintBadge(g, badge, corner, y + 8, theme);
    }
    if (state != null) {
      decorations.paintChip(g, x, y, state, theme);
    }

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

  /**
   * The outline: accent when selected, else the run state's colour (dashed when skipped), else the
   * plain border. A selected card in a run keeps its state's colour and gets an accent ring.
   */
  private static void paintBorder(
      GraphicsContext g,
      double x,
      double y,
      double w,
      double h,
      boolean selected,
      StepRunState state,
      CanvasTheme theme) {
    Color stateBorder = state == null ? null : DecorationPainter.border(state, theme);
    if (stateBorder != null) {
      g.setStroke(stateBorder);
      g.setLineWidth(2);
      g.strokeRoundRect(x, y, w, h, ARC, ARC);
      if (selected) {
        g.setStroke(theme.color(Swatch.ACCENT));
        g.strokeRoundRect(x - 3.5, y - 3.5, w + 7, h + 7, ARC + 6, ARC + 6);
      }
      return;
    }
    g.setStroke(selected ? theme.color(Swatch.ACCENT) : theme.color(Swatch.BORDER));
    g.setLineWidth(selected ? 2 : 1);
    if (state == StepRunState.SKIPPED && !selected) {
      g.setLineDashes(4, 3);
    }
    g.strokeRoundRect(x, y, w, h, ARC, ARC);
    g.setLineDashes((double[]) null);
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
}
