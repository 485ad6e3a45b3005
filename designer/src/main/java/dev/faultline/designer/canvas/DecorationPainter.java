package dev.faultline.designer.canvas;

import dev.faultline.designer.canvas.CanvasTheme.Swatch;
import dev.faultline.designer.canvas.StepGeometry.Point;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.ArcType;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * Draws what the live preview and a run add to a card, in canvas units: the badge pill in the
 * top-right corner, the run state's halo, border, dimming and its chip (glyph and word) in the
 * bottom-right corner, and the moving parts the {@link RunIndicators} animate over the tiles.
 *
 * <p>Colours are the theme's {@code -fg} shades (text and thin lines that read on the card in light
 * and dark) and {@code -subtle} ones (the pills' tinted backgrounds).
 */
final class DecorationPainter {

  static final Font LABEL = Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, 10);

  /** Height of the badge pill, the same as the problem badges beside it. */
  static final double BADGE_HEIGHT = 16;

  /** Height of the state chip in the card's bottom-right corner. */
  static final double CHIP_HEIGHT = 15;

  /** Distance of the state chip from the card's right and bottom edges. */
  static final double CHIP_INSET = 6;

  /** Widest badge text; longer ones are shortened with an ellipsis. */
  private static final double BADGE_TEXT_MAX = 64;

  private static final double GLYPH_RADIUS = 3.5;
  private static final double CHIP_PAD = 6;
  private static final double GLYPH_GAP = 4;

  /** How far outside the card the halo and the pulse reach (within the tiles' margin). */
  static final double HALO_REACH = 8;

  private final TextFitter fitter;

  DecorationPainter(TextFitter fitter) {
    this.fitter = fitter;
  }

  // ---- Colours ----

  /** The state's colour: border, glyph and word. */
  static Color color(StepRunState state, CanvasTheme theme) {
    return switch (state) {
      case PENDING, SKIPPED -> theme.color(Swatch.MUTED);
      case RUNNING -> theme.color(Swatch.ACCENT_FG);
      case WAITING -> theme.color(Swatch.WARNING_FG);
      case SUCCEEDED -> theme.color(Swatch.SUCCESS_FG);
      case FAILED -> theme.color(Swatch.DANGER_FG);
    };
  }

  /** The chip's tinted background. */
  static Color tint(StepRunState state, CanvasTheme theme) {
    return switch (state) {
      case PENDING, SKIPPED -> theme.color(Swatch.NEUTRAL_SUBTLE);
      case RUNNING -> theme.color(Swatch.ACCENT_SUBTLE);
      case WAITING -> theme.color(Swatch.WARNING_SUBTLE);
      case SUCCEEDED -> theme.color(Swatch.SUCCESS_SUBTLE);
      case FAILED -> theme.color(Swatch.DANGER_SUBTLE);
    };
  }

  /**
   * The card's border in this state, or {@code null} for the ordinary one: steps not started or
   * skipped keep it, so the eye goes to the ones that ran.
   */
  static Color border(StepRunState state, CanvasTheme theme) {
    return state == StepRunState.PENDING || state == StepRunState.SKIPPED
        ? null
        : color(state, theme);
  }

  /** How much the card's content fades: a step not (yet) part of what happens. */
  static double dimming(StepRunState state) {
    return switch (state) {
      case PENDING -> 0.35;
      case SKIPPED -> 0.5;
      default -> 0;
    };
  }

  // ---- Halo and dimming ----

  /**
   * A soft ring around the card for the states that call for attention (running, waiting, failed).
   * Drawn before the card's body.
   */
  void paintHalo(
      GraphicsContext g,
      double x,
      double y,
      double w,
      double h,
      StepRunState state,
      CanvasTheme t) {
    if (state != StepRunState.RUNNING
        && state != StepRunState.WAITING
        && state != StepRunState.FAILED) {
      return;
    }
    g.setStroke(color(state, t).deriveColor(0, 1, 1, t.dark() ? 0.32 : 0.22));
    g.setLineWidth(4);
    g.strokeRoundRect(x - 2.5, y - 2.5, w + 5, h + 5, WorldPainter.ARC + 5, WorldPainter.ARC + 5);
  }

  /** Fades the card's content towards its background (pending, skipped). */
  void paintDimming(
      GraphicsContext g,
      double x,
      double y,
      double w,
      double h,
      StepRunState state,
      CanvasTheme t) {
    double amount = dimming(state);
    if (amount > 0) {
      g.setFill(t.color(Swatch.CARD).deriveColor(0, 1, 1, amount));
      g.fillRoundRect(x, y, w, h, WorldPainter.ARC, WorldPainter.ARC);
    }
  }

  // ---- Badge ----

  /**
   * The badge pill ending at {@code right}: accent, or warning when it says nothing would be hit.
   * Returns its width.
   */
  double paintBadge(GraphicsContext g, String badge, double right, double top, CanvasTheme t) {
    String text = fitter.fit(badge.strip(), LABEL, BADGE_TEXT_MAX);
    double w = badgeWidth(badge);
    double x = right - w;
    boolean nothing = badge.startsWith("0/");
    Color fg = nothing ? t.color(Swatch.WARNING_FG) : t.color(Swatch.ACCENT_FG);
    g.setFill(nothing ? t.color(Swatch.WARNING_SUBTLE) : t.color(Swatch.ACCENT_SUBTLE));
    g.fillRoundRect(x, top, w, BADGE_HEIGHT, BADGE_HEIGHT, BADGE_HEIGHT);
    g.setStroke(fg.deriveColor(0, 1, 1, 0.45));
    g.setLineWidth(1);
    g.strokeRoundRect(
        x + 0.5, top + 0.5, w - 1, BADGE_HEIGHT - 1, BADGE_HEIGHT - 1, BADGE_HEIGHT - 1);
    g.setFill(fg);
    g.setFont(LABEL);
    g.setTextAlign(TextAlignment.CENTER);
    g.setTextBaseline(VPos.CENTER);
    g.fillText(text, x + w / 2, top + BADGE_HEIGHT / 2 + 0.5);
    g.setTextAlign(TextAlignment.LEFT);
    g.setTextBaseline(VPos.BASELINE);
    return w;
  }

  double badgeWidth(String badge) {
    return fitter.width(fitter.fit(badge.strip(), LABEL, BADGE_TEXT_MAX), LABEL) + 14;
  }

  // ---- State chip ----

  /** The word on the chip: {@code Running}, {@code Waiting for Continue}. */
  static String label(StepRunState state) {
    String words = StepDecoration.stateWords(state);
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  double chipWidth(StepRunState state) {
    return CHIP_PAD + 2 * GLYPH_RADIUS + GLYPH_GAP + fitter.width(label(state), LABEL) + CHIP_PAD;
  }

  /** Top-left of the chip of a card at the origin (canvas units). */
  Point chipOrigin(StepRunState state) {
    return new Point(
        StepGeometry.WIDTH - CHIP_INSET - chipWidth(state),
        StepGeometry.HEIGHT - CHIP_INSET - CHIP_HEIGHT);
  }

  /** Centre of the chip's glyph on a card at the origin: where the spinner turns. */
  Point glyphCentre(StepRunState state) {
    Point chip = chipOrigin(state);
    return new Point(chip.x() + CHIP_PAD + GLYPH_RADIUS, chip.y() + CHIP_HEIGHT / 2);
  }

  /**
   * The state's chip (glyph and word) in the bottom-right corner of the card at ({@code x}, {@code
   * y}). Returns its left edge.
   */
  double paintChip(GraphicsContext g, double x, double y, StepRunState state, CanvasTheme t) {
    Point origin = chipOrigin(state);
    double cx = x + origin.x();
    double cy = y + origin.y();
    double w = chipWidth(state);
    Color fg = color(state, t);
    g.setFill(tint(state, t));
    g.fillRoundRect(cx, cy, w, CHIP_HEIGHT, CHIP_HEIGHT, CHIP_HEIGHT);
    Point glyph = glyphCentre(state);
    paintGlyph(g, state, x + glyph.x(), y + glyph.y(), fg);
    g.setFill(fg);
    g.setFont(LABEL);
    g.setTextBaseline(VPos.CENTER);
    g.fillText(
        label(state), cx + CHIP_PAD + 2 * GLYPH_RADIUS + GLYPH_GAP, cy + CHIP_HEIGHT / 2 + 0.5);
    g.setTextBaseline(VPos.BASELINE);
    return cx;
  }

  /** A small vector glyph (no font has them all): ring, pause, check, cross, slashed ring. */
  private static void paintGlyph(
      GraphicsContext g, StepRunState state, double cx, double cy, Color color) {
    double r = GLYPH_RADIUS;
    g.setLineCap(StrokeLineCap.ROUND);
    g.setLineJoin(StrokeLineJoin.ROUND);
    g.setStroke(color);
    g.setFill(color);
    g.setLineWidth(1.5);
    switch (state) {
      case PENDING -> g.strokeOval(cx - r, cy - r, 2 * r, 2 * r);
      case RUNNING -> {
        // The track; the turning arc is drawn over it by the run indicators.
        g.setStroke(color.deriveColor(0, 1, 1, 0.3));
        g.strokeOval(cx - r, cy - r, 2 * r, 2 * r);
      }
      case WAITING -> {
        g.fillRoundRect(cx - 3, cy - 3.5, 2.2, 7, 1, 1);
        g.fillRoundRect(cx + 0.8, cy - 3.5, 2.2, 7, 1, 1);
      }
      case SUCCEEDED ->
          g.strokePolyline(
              new double[] {cx - 3.5, cx - 1, cx + 3.5}, new double[] {cy, cy + 2.7, cy - 2.8}, 3);
      case FAILED -> {
        g.strokeLine(cx - 3, cy - 3, cx + 3, cy + 3);
        g.strokeLine(cx - 3, cy + 3, cx + 3, cy - 3);
      }
      case SKIPPED -> {
        g.setLineWidth(1.2);
        g.strokeOval(cx - r, cy - r, 2 * r, 2 * r);
        g.strokeLine(cx - 2.4, cy + 2.4, cx + 2.4, cy - 2.4);
      }
    }
    g.setLineCap(StrokeLineCap.SQUARE);
    g.setLineJoin(StrokeLineJoin.MITER);
  }

  // ---- Moving parts (drawn by the run indicators, never into tiles) ----

  /** A quarter-turn arc on the running glyph's track, at {@code degrees}. */
  static void paintSpinner(GraphicsContext g, double cx, double cy, Color color, double degrees) {
    double r = GLYPH_RADIUS;
    g.setStroke(color);
    g.setLineWidth(1.5);
    g.setLineCap(StrokeLineCap.ROUND);
    g.strokeArc(cx - r, cy - r, 2 * r, 2 * r, -degrees, 110, ArcType.OPEN);
  }

  /**
   * A ring that widens and fades around the card, {@code phase} from 0 (at the border) to 1 (gone):
   * a running step's heartbeat, a waiting gate's call.
   */
  static void paintPulse(
      GraphicsContext g, double w, double h, Color color, double phase, boolean dark) {
    double spread = 1.5 + (HALO_REACH - 2.5) * phase;
    double alpha = (dark ? 0.55 : 0.45) * (1 - phase) * (1 - phase);
    g.setStroke(color.deriveColor(0, 1, 1, alpha));
    g.setLineWidth(2);
    g.strokeRoundRect(
        -spread,
        -spread,
        w + 2 * spread,
        h + 2 * spread,
        WorldPainter.ARC + 2 * spread,
        WorldPainter.ARC + 2 * spread);
  }
}
