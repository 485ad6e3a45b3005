package dev.faultline.designer.run;

import dev.faultline.designer.run.RunPalette.Swatch;
import dev.faultline.designer.run.timeline.TimeAxis;
import dev.faultline.engine.RunEvent;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;

/**
 * The machinery shared by the run parts that paint run time on one canvas (the timeline, the pod
 * strip), so the two stay alike in how they paint, follow the clock and show tooltips.
 *
 * <p>A part paints at most once per pulse, and only when something {@link #invalidate() changed} (a
 * batch, a resize, the theme through its {@link RunPalette}) or when the run is live and "now" is
 * due to move; the pulse runs only while the part is in a scene, so a closed run view costs
 * nothing. Both parts share the run-time axis geometry ({@link #GUTTER}, the whole-run window) so
 * their axes line up when stacked, and a hover tooltip fed by {@link #tooltipAt}.
 *
 * <p>A subclass adds its own children after the canvas, sizes the canvas with {@link #fitCanvas} in
 * {@code layoutChildren}, paints in {@link #paint} and stores the axis it painted with {@link
 * #setAxis}. Use on the FX thread.
 */
public abstract class CanvasPart extends Region {

  /** Width of the title column left of the axis; the same in every part so their axes line up. */
  public static final double GUTTER = 190;

  /** The least run time shown, so a run's first seconds do not fill the whole width. */
  protected static final long MIN_SPAN = 30_000_000_000L;

  protected static final Font FONT = Font.font(11.5);
  protected static final Font BOLD = Font.font(null, FontWeight.BOLD, 11.5);

  /** How often a live part repaints so its now edge moves: four times a second is smooth enough. */
  private static final long FOLLOW_PERIOD = 250_000_000L;

  /** Pixels between time ticks, at the least. */
  private static final double TICK_SPACING = 70;

  protected final RunClock clock;
  protected final Canvas canvas = new Canvas();
  protected final RunPalette palette = new RunPalette();
  protected final Tooltip tooltip = new Tooltip();
  private final Text measure = new Text();
  private final FramePulse pulse = FramePulse.animationTimer();

  private boolean dirty = true;
  private long lastPaint = Long.MIN_VALUE;
  private TimeAxis axis = new TimeAxis(0, MIN_SPAN, GUTTER, 1);
  private String hoveredText;

  /**
   * When {@code batch} starts the next loop of a looped run (a {@link RunEvent.RunStarted} after
   * this part saw another run's events): restarts the clock and returns the batch from that start
   * on, for the part to start over; else null. Times count from each loop's own start, so one
   * loop's bars read better alone than stacked over the loops before.
   */
  protected final List<RunEvent> nextLoop(List<RunEvent> batch) {
    for (int i = batch.size() - 1; i >= 0; i--) {
      if (batch.get(i) instanceof RunEvent.RunStarted) {
        if (i == 0 && !clock.running() && !clock.finished()) {
          return null; // the first run: nothing to start over
        }
        clock.restart();
        return batch.subList(i, batch.size());
      }
    }
    return null;
  }

  /** A part whose "now" comes from {@code clock}. */
  protected CanvasPart(RunClock clock) {
    this.clock = Objects.requireNonNull(clock);
    getChildren().addAll(canvas, palette);
    tooltip.setShowDelay(Duration.millis(150));
    palette.onChange(this::invalidate);
    canvas.addEventHandler(
        MouseEvent.MOUSE_MOVED, e -> hover(e.getX(), e.getY(), e.getScreenX(), e.getScreenY()));
    canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> hover(-1, -1, 0, 0));
    sceneProperty()
        .addListener(
            (obs, old, scene) -> {
              if (scene == null) {
                pulse.stop();
              } else {
                pulse.start(this::onPulse);
              }
            });
  }

  /** The axis of the last paint. */
  public TimeAxis axis() {
    return axis;
  }

  /** The tooltip text for the point {@code (x, y)} at the last paint, if anything is there. */
  public abstract Optional<String> tooltipAt(double x, double y);

  /**
   * Repaints if something changed (a batch, the theme, the size) or if the run is live and the now
   * edge is due to move; returns whether it painted. The pulse calls it; tests call it to paint
   * now.
   */
  public boolean paintIfDirty() {
    long now = clock.now();
    boolean nowMoved = clock.running() && now - lastPaint >= FOLLOW_PERIOD;
    if (!dirty && !nowMoved) {
      return false;
    }
    dirty = false;
    lastPaint = now;
    paint(now);
    return true;
  }

  /** Paints the whole canvas for run time {@code now}. */
  protected abstract void paint(long now);

  /** Once per frame while in a scene; a part that polls something does it here first. */
  protected void onPulse() {
    paintIfDirty();
  }

  /** Marks the canvas for a repaint at the next pulse. */
  protected final void invalidate() {
    dirty = true;
  }

  /** Records the axis a paint used, for {@link #axis()} and the tick helpers. */
  protected final void setAxis(TimeAxis axis) {
    this.axis = Objects.requireNonNull(axis);
  }

  /**
   * The whole run up to {@code runEnd} across {@code width} pixels right of the gutter, at least
   * {@link #MIN_SPAN}, with a little room ahead so the live edge is not on the border.
   */
  protected final TimeAxis wholeRunAxis(long runEnd, double width) {
    long span = Math.max(MIN_SPAN, runEnd + runEnd / (clock.finished() ? 24 : 12));
    return new TimeAxis(0, span, GUTTER, width);
  }

  /** Gives the canvas this size, repainting if that changed it. */
  protected final void fitCanvas(double width, double height) {
    if (canvas.getWidth() != width || canvas.getHeight() != height) {
      canvas.setWidth(width);
      canvas.setHeight(height);
      invalidate();
    }
  }

  /** Vertical grid lines at the current axis' ticks, from {@code top} to {@code bottom}. */
  protected final void paintTickLines(GraphicsContext g, double top, double bottom) {
    g.setLineWidth(1);
    g.setStroke(palette.color(Swatch.GRID));
    for (long tick : axis.ticks(TICK_SPACING)) {
      double x = Math.round(axis.x(tick)) + 0.5;
      g.strokeLine(x, top, x, bottom);
    }
  }

  /** The current axis' tick labels, centred on their ticks at height {@code y}. */
  protected final void paintTickLabels(GraphicsContext g, double y) {
    g.setFont(FONT);
    g.setTextBaseline(VPos.CENTER);
    g.setFill(palette.color(Swatch.MUTED));
    for (long tick : axis.ticks(TICK_SPACING)) {
      double x = Math.round(axis.x(tick)) + 0.5;
      // The first label would straddle the gutter's edge: start it there instead.
      boolean atGutter = x < GUTTER + 12;
      g.setTextAlign(atGutter ? TextAlignment.LEFT : TextAlignment.CENTER);
      g.fillText(TimeAxis.label(tick), atGutter ? x + 3 : x, y);
    }
  }

  /**
   * {@code text} cut with an ellipsis to {@code width} pixels in {@code font}; empty if none fit.
   */
  protected final String fit(String text, double width, Font font) {
    if (textWidth(text, font) <= width) {
      return text;
    }
    for (int n = text.length() - 1; n > 0; n--) {
      String cut = text.substring(0, n) + "…";
      if (textWidth(cut, font) <= width) {
        return cut;
      }
    }
    return "";
  }

  /** The width of {@code text} in {@code font}, in pixels. */
  protected final double textWidth(String text, Font font) {
    measure.setFont(font);
    measure.setText(text);
    return measure.getLayoutBounds().getWidth();
  }

  @Override
  protected double computePrefWidth(double height) {
    return 720;
  }

  private void hover(double x, double y, double screenX, double screenY) {
    String text = x < 0 ? null : tooltipAt(x, y).orElse(null);
    if (Objects.equals(text, hoveredText)) {
      return;
    }
    hoveredText = text;
    if (text == null) {
      tooltip.hide();
    } else {
      tooltip.setText(text);
      tooltip.show(canvas, screenX + 12, screenY + 16);
    }
  }
}
