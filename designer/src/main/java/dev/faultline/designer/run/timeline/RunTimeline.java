package dev.faultline.designer.run.timeline;

import dev.faultline.designer.run.CanvasPart;
import dev.faultline.designer.run.RunClock;
import dev.faultline.designer.run.RunEventSink;
import dev.faultline.designer.run.RunPalette.Swatch;
import dev.faultline.engine.RunEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.geometry.Rectangle2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

/**
 * The run on a time axis: a lane of step bars coloured by outcome, a lane of fault windows (red
 * while open) and a lane of gate waits, pauses and note pins; a halt is a red line across all lanes
 * and "now" an accent edge that moves while the run goes on.
 *
 * <p>Drawn on one canvas, at most once per pulse: when a batch changed something, when the theme
 * changed, or about four times a second while the run is live so the now edge moves. The axis shows
 * the whole run (at least 30 s) and follows now; Ctrl+wheel zooms around the pointer, the wheel
 * pans, a double click fits the whole run again. Hovering a bar or pin shows its details.
 *
 * <p>Feed it with {@link #accept} on the FX thread; add {@link #stylesheet()} to the scene.
 */
public final class RunTimeline extends CanvasPart implements RunEventSink {

  private static final double AXIS = 22;
  private static final double ROW = 20;
  private static final double PAD = 5;

  private TimelineModel model = new TimelineModel();
  private final List<Hit> hits = new ArrayList<>();

  /** Zoomed span in nanos, or 0 to fit the whole run. */
  private long zoomSpan;

  /** Start of a panned-away window, or -1 to follow now. */
  private long pannedStart = -1;

  private record Hit(Rectangle2D box, String text) {}

  /** A timeline whose "now" runs on {@link System#nanoTime()} between batches. */
  public RunTimeline() {
    this(new RunClock());
  }

  /** A timeline whose "now" comes from {@code clock} (tests pass one on a fake time source). */
  public RunTimeline(RunClock clock) {
    super(clock);
    setId("run-timeline");
    getStyleClass().add("run-timeline");
    tooltip.getStyleClass().add("run-timeline-tooltip");
    canvas.addEventHandler(ScrollEvent.SCROLL, this::scroll);
    canvas.addEventHandler(
        MouseEvent.MOUSE_CLICKED,
        e -> {
          if (e.getClickCount() == 2) {
            fitWholeRun();
          }
        });
  }

  /**
   * The stylesheet with the timeline's background, border and tooltip; add it to the scene once.
   */
  public static String stylesheet() {
    return Objects.requireNonNull(RunTimeline.class.getResource("timeline.css")).toExternalForm();
  }

  @Override
  public void accept(List<RunEvent> batch) {
    // The next loop of a looped run starts over (the charts keep every loop, on wall-clock time).
    List<RunEvent> loop = nextLoop(batch);
    if (loop != null) {
      model = new TimelineModel();
      batch = loop;
    }
    clock.observe(batch);
    if (model.accept(batch)) {
      invalidate();
      requestLayout();
    }
  }

  /** The bars, pins and halts shown. */
  public TimelineModel model() {
    return model;
  }

  /** Shows the whole run again and follows now. */
  public void fitWholeRun() {
    zoomSpan = 0;
    pannedStart = -1;
    invalidate();
  }

  /** Shows {@code span} of run time, ending at now while following. */
  public void zoomTo(long span) {
    zoomSpan = Math.max(1_000_000_000L, span);
    invalidate();
  }

  /** Where {@code bar} was drawn at the last paint, in this region's coordinates. */
  public Rectangle2D bounds(Bar bar) {
    double x0 = axis().x(bar.start());
    double x1 = axis().x(bar.open() ? clock.now() : bar.end());
    double y = rowTop(bar.lane(), bar.row()) + 2;
    return new Rectangle2D(x0, y, Math.max(3, x1 - x0), ROW - 4);
  }

  /** The tooltip text for the point {@code (x, y)} at the last paint, if a bar or pin is there. */
  @Override
  public Optional<String> tooltipAt(double x, double y) {
    for (int i = hits.size() - 1; i >= 0; i--) {
      if (hits.get(i).box().contains(x, y)) {
        return Optional.of(hits.get(i).text());
      }
    }
    return Optional.empty();
  }

  private TimeAxis window(long now, double width) {
    long runEnd = clock.finished() ? Math.max(now, model.lastEventNanos()) : now;
    if (zoomSpan == 0) {
      return wholeRunAxis(runEnd, width);
    }
    long start = pannedStart >= 0 ? pannedStart : Math.max(0, runEnd - zoomSpan * 9 / 10);
    return new TimeAxis(start, start + zoomSpan, GUTTER, width);
  }

  private double laneHeight(Lane lane) {
    int rows = model.rows(lane) + (lane == Lane.GATES && !model.notes().isEmpty() ? 1 : 0);
    return rows * ROW + 2 * PAD;
  }

  private double laneTop(Lane lane) {
    double y = AXIS;
    for (Lane l : Lane.values()) {
      if (l == lane) {
        return y;
      }
      y += laneHeight(l);
    }
    return y;
  }

  private double rowTop(Lane lane, int row) {
    return laneTop(lane) + PAD + row * ROW;
  }

  @Override
  protected double computePrefHeight(double width) {
    double h = AXIS;
    for (Lane lane : Lane.values()) {
      h += laneHeight(lane);
    }
    return h + 1;
  }

  @Override
  protected double computeMinHeight(double width) {
    return computePrefHeight(width);
  }

  @Override
  protected void layoutChildren() {
    fitCanvas(Math.floor(getWidth()), Math.floor(getHeight()));
  }

  @Override
  protected void paint(long now) {
    double w = canvas.getWidth();
    double h = canvas.getHeight();
    hits.clear();
    if (w <= GUTTER + 10 || h <= AXIS) {
      return;
    }
    setAxis(window(now, w - GUTTER - 8));
    GraphicsContext g = canvas.getGraphicsContext2D();
    g.setFill(palette.color(Swatch.BACKGROUND));
    g.fillRect(0, 0, w, h);
    paintGrid(g, h);
    for (Lane lane : Lane.values()) {
      paintLane(g, lane, now, w);
    }
    paintNotes(g);
    paintHalts(g, h);
    paintNow(g, now, h);
    paintGutter(g, h);
  }

  private void paintGrid(GraphicsContext g, double h) {
    paintTickLines(g, AXIS - 4, h);
    paintTickLabels(g, AXIS / 2);
    g.setStroke(palette.color(Swatch.BORDER));
    g.strokeLine(0, AXIS - 0.5, canvas.getWidth(), AXIS - 0.5);
  }

  private void paintLane(GraphicsContext g, Lane lane, long now, double w) {
    double bottom = laneTop(lane) + laneHeight(lane);
    g.setStroke(palette.color(Swatch.BORDER));
    g.setLineWidth(1);
    g.strokeLine(0, Math.round(bottom) - 0.5, w, Math.round(bottom) - 0.5);
    double right = GUTTER + axis().width();
    for (Bar bar : model.bars(lane)) {
      Rectangle2D box = bounds(bar);
      if (box.getMaxX() < GUTTER || box.getMinX() > right) {
        continue;
      }
      paintBar(g, bar, box);
      hits.add(new Hit(box, bar.tooltip()));
    }
  }

  private void paintBar(GraphicsContext g, Bar bar, Rectangle2D box) {
    Color fill = color(bar.tone());
    double arc = 6;
    if (bar.hollow()) {
      g.setStroke(fill);
      g.setLineWidth(1.5);
      g.strokeRoundRect(
          box.getMinX() + 0.75,
          box.getMinY() + 0.75,
          box.getWidth() - 1.5,
          box.getHeight() - 1.5,
          arc,
          arc);
    } else {
      g.setFill(fill);
      g.fillRoundRect(box.getMinX(), box.getMinY(), box.getWidth(), box.getHeight(), arc, arc);
    }
    if (bar.open()) {
      // The live end: a lighter cap says "still going".
      g.setFill(palette.color(Swatch.ON_EMPHASIS).deriveColor(0, 1, 1, 0.55));
      g.fillRect(box.getMaxX() - 3, box.getMinY() + 3, 1.5, box.getHeight() - 6);
    }
    Color ink =
        bar.hollow() || bar.tone() == Tone.DANGER_MUTED
            ? palette.color(Swatch.TEXT)
            : palette.color(Swatch.ON_EMPHASIS);
    for (long mark : bar.marks()) {
      double x = axis().x(mark);
      double cy = box.getMinY() + box.getHeight() / 2;
      g.setStroke(
          bar.tone() == Tone.DANGER
              ? palette.color(Swatch.ON_EMPHASIS)
              : palette.color(Swatch.DANGER));
      g.setLineWidth(1.6);
      g.strokeLine(x - 3, cy - 3, x + 3, cy + 3);
      g.strokeLine(x - 3, cy + 3, x + 3, cy - 3);
    }
    g.setTextAlign(TextAlignment.LEFT);
    g.setTextBaseline(VPos.CENTER);
    g.setFont(FONT);
    double textY = box.getMinY() + box.getHeight() / 2;
    String label = fitLabel(bar.label(), box.getWidth() - 10);
    if (!label.isEmpty()) {
      g.setFill(ink);
      g.fillText(label, box.getMinX() + 5, textY);
    }
    if (!bar.endLabel().isEmpty()) {
      g.setFill(
          bar.tone() == Tone.DANGER ? palette.color(Swatch.DANGER) : palette.color(Swatch.TEXT));
      g.fillText(bar.endLabel(), box.getMaxX() + 5, textY);
    }
  }

  private void paintNotes(GraphicsContext g) {
    List<Pin> notes = model.notes();
    if (notes.isEmpty()) {
      return;
    }
    double cy = rowTop(Lane.GATES, model.rows(Lane.GATES)) + ROW / 2;
    g.setFont(FONT);
    g.setTextBaseline(VPos.CENTER);
    g.setTextAlign(TextAlignment.LEFT);
    for (Pin note : notes) {
      double x = axis().x(note.nanos());
      if (x < GUTTER - 6) {
        continue;
      }
      g.setFill(palette.color(Swatch.ACCENT));
      g.fillPolygon(new double[] {x, x + 6, x, x - 6}, new double[] {cy - 6, cy, cy + 6, cy}, 4);
      g.setFill(palette.color(Swatch.MUTED));
      g.fillText(note.label(), x + 9, cy);
      hits.add(new Hit(new Rectangle2D(x - 7, cy - 8, 14, 16), note.tooltip()));
    }
  }

  private void paintHalts(GraphicsContext g, double h) {
    for (Pin halt : model.halts()) {
      double x = Math.round(axis().x(halt.nanos())) + 0.5;
      if (x < GUTTER) {
        continue;
      }
      g.setStroke(palette.color(Swatch.DANGER));
      g.setLineWidth(2);
      g.strokeLine(x, AXIS, x, h);
      g.setFill(palette.color(Swatch.DANGER));
      g.fillRoundRect(x - 1, 2, textWidth(halt.label(), BOLD) + 10, AXIS - 5, 6, 6);
      g.setFont(BOLD);
      g.setTextAlign(TextAlignment.LEFT);
      g.setTextBaseline(VPos.CENTER);
      g.setFill(palette.color(Swatch.ON_EMPHASIS));
      g.fillText(halt.label(), x + 4, AXIS / 2);
      hits.add(
          new Hit(
              new Rectangle2D(x - 4, 0, 8 + textWidth(halt.label(), BOLD) + 6, h), halt.tooltip()));
    }
  }

  private void paintNow(GraphicsContext g, long now, double h) {
    double x = Math.round(axis().x(now)) + 0.5;
    if (x < GUTTER
        || x > GUTTER + axis().width() + 1
        || model.bars(Lane.STEPS).isEmpty() && !clock.running()) {
      return;
    }
    Color edge = clock.running() ? palette.color(Swatch.ACCENT) : palette.color(Swatch.MUTED);
    g.setStroke(edge);
    g.setLineWidth(1);
    g.setLineDashes(clock.running() ? null : new double[] {3, 3});
    g.strokeLine(x, AXIS, x, h);
    g.setLineDashes((double[]) null);
    g.setFill(edge);
    g.fillPolygon(new double[] {x - 5, x + 5, x}, new double[] {AXIS - 6, AXIS - 6, AXIS}, 3);
  }

  private void paintGutter(GraphicsContext g, double h) {
    g.setFill(palette.color(Swatch.SUBTLE));
    g.fillRect(0, 0, GUTTER, h);
    g.setStroke(palette.color(Swatch.BORDER));
    g.setLineWidth(1);
    g.strokeLine(GUTTER - 0.5, 0, GUTTER - 0.5, h);
    g.strokeLine(0, AXIS - 0.5, GUTTER, AXIS - 0.5);
    g.setFont(BOLD);
    g.setTextAlign(TextAlignment.LEFT);
    g.setTextBaseline(VPos.CENTER);
    g.setFill(palette.color(Swatch.MUTED));
    g.fillText(
        clock.running()
            ? "● LIVE  " + TimeAxis.label(clock.now())
            : clock.finished() ? "Finished  " + TimeAxis.label(model.finishedAt()) : "Run time",
        10,
        AXIS / 2);
    for (Lane lane : Lane.values()) {
      double top = laneTop(lane);
      g.setFill(palette.color(Swatch.TEXT));
      g.fillText(lane.title(), 10, top + PAD + ROW / 2);
      g.setStroke(palette.color(Swatch.BORDER));
      double bottom = Math.round(top + laneHeight(lane)) - 0.5;
      g.strokeLine(0, bottom, GUTTER, bottom);
    }
  }

  private Color color(Tone tone) {
    return switch (tone) {
      case ACCENT -> palette.color(Swatch.ACCENT);
      case SUCCESS -> palette.color(Swatch.SUCCESS);
      case DANGER -> palette.color(Swatch.DANGER);
      case WARNING -> palette.color(Swatch.WARNING);
      case NEUTRAL -> palette.color(Swatch.NEUTRAL);
      case DANGER_MUTED -> palette.color(Swatch.DANGER).deriveColor(0, 0.8, 1, 0.3);
    };
  }

  /** A bar's label cut to {@code width}; none on a bar too narrow for even a few letters. */
  private String fitLabel(String text, double width) {
    return width < 14 ? "" : fit(text, width, FONT);
  }

  private void scroll(ScrollEvent e) {
    long now = clock.now();
    TimeAxis current = axis();
    long span = current.end() - current.start();
    if (e.isShortcutDown() || e.isControlDown()) {
      double factor = e.getDeltaY() > 0 ? 0.8 : 1.25;
      long anchor = current.nanos(e.getX());
      long newSpan = Math.max(1_000_000_000L, (long) (span * factor));
      long runSpan = Math.max(MIN_SPAN, now);
      if (newSpan >= runSpan) {
        fitWholeRun();
      } else {
        zoomSpan = newSpan;
        long start = Math.max(0, anchor - (long) ((anchor - current.start()) * factor));
        pannedStart = start + newSpan >= now ? -1 : start;
        invalidate();
      }
    } else if (zoomSpan > 0) {
      double delta = e.getDeltaX() != 0 ? e.getDeltaX() : e.getDeltaY();
      long start = Math.max(0, current.start() - (long) (delta / current.width() * span));
      // Panning back to the live edge follows now again.
      pannedStart = start + zoomSpan * 9 / 10 >= now ? -1 : start;
      invalidate();
    }
    e.consume();
  }
}
