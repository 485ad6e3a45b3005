package dev.faultline.designer.run.pods;

import dev.faultline.cluster.snapshot.ClusterSnapshot;
import dev.faultline.designer.fx.UiTaskExecutor;
import dev.faultline.designer.run.CanvasPart;
import dev.faultline.designer.run.RunClock;
import dev.faultline.designer.run.RunEventSink;
import dev.faultline.designer.run.RunPalette.Swatch;
import dev.faultline.designer.run.timeline.TimeAxis;
import dev.faultline.engine.RunEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import javafx.geometry.Orientation;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ScrollBar;
import javafx.scene.input.ScrollEvent;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * The targeted pods over run time, one row each: green while ready, amber while not ready, grey
 * hatched once gone, a red tick where the restart count rose. Replacement pods of the same workload
 * join as rows marked ↳.
 *
 * <p>Rows come from the run's {@link RunEvent.TargetsResolved} events; a multi-cluster run's rows
 * are grouped under a header per context. States come from each pod's cluster: about once a second,
 * while the run is live, the strip reads the tracked pods from the snapshot off the FX thread
 * (through the {@link UiTaskExecutor}) and repaints once the sample is back. One canvas paints only
 * the visible rows, so a hundred pods cost little.
 *
 * <p>Feed it with {@link #accept} on the FX thread; add {@link #stylesheet()} to the scene.
 */
public final class PodStatusStrip extends CanvasPart implements RunEventSink {

  private static final double HEADER = 22;
  private static final double ROW = 20;
  private static final int PREF_ROWS = 10;
  private static final long SAMPLE_PERIOD = 1_000_000_000L;
  private static final Font SMALL = Font.font(10.5);

  private PodStripModel model = new PodStripModel();
  private final Function<String, ? extends ClusterSnapshot> snapshots;
  private final UiTaskExecutor executor;
  private final LongSupplier systemNanos;
  private final ScrollBar scroll = new ScrollBar();

  private boolean sampling;
  private boolean finalSampleTaken;

  /** Counts the loops started over: a sample taken in the loop before is dropped. */
  private int generation;

  private long lastSampleSystem = Long.MIN_VALUE / 2;

  /**
   * A strip that samples {@code snapshot} (read on a background thread; return the current live
   * snapshot, or null while there is none) through {@code executor}.
   */
  public PodStatusStrip(Supplier<? extends ClusterSnapshot> snapshot, UiTaskExecutor executor) {
    this(context -> snapshot.get(), executor, new RunClock(), System::nanoTime);
  }

  /**
   * A strip that samples each context's pods from {@code snapshots} (given the context the run's
   * events name; called on a background thread; null while that cluster cannot be read).
   */
  public static PodStatusStrip perContext(
      Function<String, ? extends ClusterSnapshot> snapshots, UiTaskExecutor executor) {
    return new PodStatusStrip(snapshots, executor, new RunClock(), System::nanoTime);
  }

  /** As above, with the run clock and the sampling period's time source given (for tests). */
  public PodStatusStrip(
      Supplier<? extends ClusterSnapshot> snapshot,
      UiTaskExecutor executor,
      RunClock clock,
      LongSupplier systemNanos) {
    this(context -> snapshot.get(), executor, clock, systemNanos);
  }

  /** Per context, with the run clock and the sampling period's time source given (for tests). */
  public PodStatusStrip(
      Function<String, ? extends ClusterSnapshot> snapshots,
      UiTaskExecutor executor,
      RunClock clock,
      LongSupplier systemNanos) {
    super(clock);
    this.snapshots = Objects.requireNonNull(snapshots);
    this.executor = Objects.requireNonNull(executor);
    this.systemNanos = Objects.requireNonNull(systemNanos);
    setId("pod-strip");
    getStyleClass().add("pod-strip");
    scroll.setOrientation(Orientation.VERTICAL);
    scroll.setMin(0);
    scroll.valueProperty().addListener((obs, o, n) -> invalidate());
    getChildren().add(scroll);
    canvas.addEventHandler(
        ScrollEvent.SCROLL,
        e -> {
          scroll.setValue(Math.clamp(scroll.getValue() - e.getDeltaY(), 0, scroll.getMax()));
          e.consume();
        });
  }

  /** The stylesheet with the strip's background and border; add it to the scene once. */
  public static String stylesheet() {
    return Objects.requireNonNull(PodStatusStrip.class.getResource("pods.css")).toExternalForm();
  }

  @Override
  public void accept(List<RunEvent> batch) {
    // The next loop of a looped run starts over, as the timeline does, and samples again.
    List<RunEvent> loop = nextLoop(batch);
    if (loop != null) {
      model = new PodStripModel();
      finalSampleTaken = false;
      generation++;
      batch = loop;
    }
    clock.observe(batch);
    if (model.accept(batch)) {
      requestLayout();
      // New targets: look at them at once rather than up to a second later.
      lastSampleSystem = Long.MIN_VALUE / 2;
    }
    invalidate();
  }

  /** The rows and their states. */
  public PodStripModel model() {
    return model;
  }

  /** The y of row {@code index}'s top at the last paint (may be outside the visible area). */
  public double rowTop(int index) {
    PodRow row = model.rows().get(index);
    List<Line> lines = lines();
    int line = 0;
    while (line < lines.size() && lines.get(line).row() != row) {
      line++;
    }
    return lineTop(line);
  }

  private double lineTop(int line) {
    return HEADER + line * ROW - scroll.getValue();
  }

  /** The context headers shown, in order; empty when the rows are not grouped. */
  public List<String> groups() {
    return lines().stream().filter(l -> l.row() == null).map(Line::context).toList();
  }

  /** One line of the strip: a context's header ({@code row} null) or a pod's row. */
  private record Line(String context, PodRow row) {}

  /** The rows, each context's under a header when the model is grouped. */
  private List<Line> lines() {
    List<PodRow> rows = model.rows();
    boolean grouped = model.grouped();
    List<Line> lines = new ArrayList<>(rows.size() + 2);
    String current = null;
    for (PodRow row : rows) {
      if (grouped && !row.context().equals(current)) {
        current = row.context();
        lines.add(new Line(current, null));
      }
      lines.add(new Line(row.context(), row));
    }
    return lines;
  }

  /** Samples the cluster now (off the FX thread), unless a sample is already under way. */
  public void sampleNow() {
    if (sampling || model.trackedKeys().isEmpty()) {
      return;
    }
    sampling = true;
    lastSampleSystem = systemNanos.getAsLong();
    long at = clock.now();
    int taken = generation;
    Map<String, Set<String>> keys = model.trackedKeysByContext();
    Map<String, Set<String>> workloads = new HashMap<>();
    keys.keySet().forEach(context -> workloads.put(context, model.trackedWorkloads(context)));
    executor.execute(
        () -> {
          // Each cluster's pods from its own snapshot: one pass over each.
          Map<String, Map<String, PodObservation>> seen = new HashMap<>();
          keys.forEach(
              (context, inContext) -> {
                ClusterSnapshot current = snapshots.apply(context);
                if (current != null) {
                  seen.put(context, PodSampler.sample(current, inContext, workloads.get(context)));
                }
              });
          return seen;
        },
        seen -> {
          sampling = false;
          if (!seen.isEmpty() && taken == generation && model.observe(at, seen::get)) {
            requestLayout();
            invalidate();
          }
        },
        failure -> sampling = false);
  }

  @Override
  protected void onPulse() {
    sampleIfDue();
    super.onPulse();
  }

  private void sampleIfDue() {
    boolean live = clock.running() || (clock.finished() && !finalSampleTaken);
    if (!live || systemNanos.getAsLong() - lastSampleSystem < SAMPLE_PERIOD) {
      return;
    }
    if (clock.finished()) {
      finalSampleTaken = true;
    }
    sampleNow();
  }

  @Override
  protected double computePrefHeight(double width) {
    int rows = Math.max(1, Math.min(PREF_ROWS, lines().size()));
    return HEADER + rows * ROW + 1;
  }

  @Override
  protected double computeMinHeight(double width) {
    return HEADER + ROW + 1;
  }

  @Override
  protected void layoutChildren() {
    double w = Math.floor(getWidth());
    double h = Math.floor(getHeight());
    double content = HEADER + lines().size() * ROW;
    boolean overflow = content > h;
    double barWidth = overflow ? scroll.prefWidth(-1) : 0;
    scroll.setVisible(overflow);
    scroll.resizeRelocate(w - barWidth, HEADER, barWidth, Math.max(0, h - HEADER));
    scroll.setMax(Math.max(0, content - h));
    scroll.setVisibleAmount(Math.max(1, h - HEADER));
    if (scroll.getValue() > scroll.getMax()) {
      scroll.setValue(scroll.getMax());
    }
    fitCanvas(Math.max(0, w - barWidth), h);
  }

  @Override
  protected void paint(long now) {
    double w = canvas.getWidth();
    double h = canvas.getHeight();
    if (w <= GUTTER + 10 || h <= HEADER) {
      return;
    }
    long runEnd = clock.finished() ? Math.max(now, model.lastSample()) : now;
    setAxis(wholeRunAxis(runEnd, w - GUTTER - 8));
    GraphicsContext g = canvas.getGraphicsContext2D();
    g.setFill(palette.color(Swatch.BACKGROUND));
    g.fillRect(0, 0, w, h);
    List<Line> lines = lines();
    // Only the rows in view: a strip of a hundred pods paints twenty.
    int first = Math.max(0, (int) Math.floor(scroll.getValue() / ROW));
    int last = Math.min(lines.size() - 1, (int) Math.ceil((scroll.getValue() + h - HEADER) / ROW));
    paintTickLines(g, HEADER, h);
    for (int i = first; i <= last; i++) {
      Line line = lines.get(i);
      if (line.row() == null) {
        paintGroup(g, line.context(), lineTop(i), w);
      } else {
        paintRow(g, line.row(), lineTop(i), now, w);
      }
    }
    List<PodRow> rows = model.rows();
    paintHeader(g, w, rows.size());
    if (rows.isEmpty()) {
      g.setFill(palette.color(Swatch.MUTED));
      g.setFont(FONT);
      g.setTextAlign(TextAlignment.LEFT);
      g.setTextBaseline(VPos.CENTER);
      g.fillText("No pods targeted yet", GUTTER + 10, HEADER + ROW / 2);
    }
  }

  private void paintRow(GraphicsContext g, PodRow row, double top, long now, double w) {
    double mid = top + ROW / 2;
    long liveEnd = clock.running() ? now : model.lastSample();
    List<PodRow.Segment> segments = row.segments();
    for (int i = 0; i < segments.size(); i++) {
      PodRow.Segment segment = segments.get(i);
      long end =
          i + 1 < segments.size() ? segments.get(i + 1).start() : Math.max(segment.end(), liveEnd);
      double x0 = Math.max(GUTTER, axis().x(segment.start()));
      double x1 = Math.max(x0 + 2, axis().x(end));
      paintSegment(g, segment.state(), x0, top + 4, x1 - x0, ROW - 8);
    }
    for (long restart : row.restarts()) {
      double x = Math.round(axis().x(restart));
      g.setFill(palette.color(Swatch.DANGER));
      g.fillRect(x - 1, top + 1, 2.5, ROW - 2);
      g.fillPolygon(
          new double[] {x - 3.5, x + 4.5, x + 0.5}, new double[] {top + 1, top + 1, top + 5}, 3);
    }
    // Label column over whatever scrolled under it.
    g.setFill(palette.color(Swatch.SUBTLE));
    g.fillRect(0, top, GUTTER, ROW);
    g.setTextAlign(TextAlignment.LEFT);
    g.setTextBaseline(VPos.CENTER);
    double x = 10;
    if (row.replacement()) {
      g.setFill(palette.color(Swatch.MUTED));
      g.setFont(FONT);
      g.fillText("↳", x, mid);
      x += 12;
    }
    g.setFill(statusDot(row.state()));
    g.fillOval(x, mid - 3.5, 7, 7);
    x += 12;
    double nsWidth = textWidth(row.namespace(), SMALL);
    String name = fit(row.name(), GUTTER - x - nsWidth - 14, FONT);
    g.setFont(FONT);
    g.setFill(palette.color(Swatch.TEXT));
    g.fillText(name, x, mid);
    g.setFont(SMALL);
    g.setFill(palette.color(Swatch.MUTED));
    g.fillText(row.namespace(), x + textWidth(name, FONT) + 6, mid);
    g.setStroke(palette.color(Swatch.BORDER));
    g.strokeLine(GUTTER - 0.5, top, GUTTER - 0.5, top + ROW);
    g.setStroke(palette.color(Swatch.GRID).deriveColor(0, 1, 1, 0.5));
    g.strokeLine(0, Math.round(top + ROW) - 0.5, w, Math.round(top + ROW) - 0.5);
  }

  /** A context's header line: its name and how many of its pods are ready now. */
  private void paintGroup(GraphicsContext g, String context, double top, double w) {
    double mid = top + ROW / 2;
    g.setFill(palette.color(Swatch.SUBTLE));
    g.fillRect(0, top, w, ROW);
    g.setTextAlign(TextAlignment.LEFT);
    g.setTextBaseline(VPos.CENTER);
    g.setFont(BOLD);
    g.setFill(palette.color(Swatch.TEXT));
    String title = context.isEmpty() ? "run's context" : context;
    g.fillText(title, 10, mid);
    List<PodRow> inContext =
        model.rows().stream().filter(r -> r.context().equals(context)).toList();
    long ready = inContext.stream().filter(r -> r.state() == PodState.READY).count();
    g.setFont(SMALL);
    g.setFill(palette.color(Swatch.MUTED));
    g.fillText(ready + "/" + inContext.size() + " ready", 10 + textWidth(title, BOLD) + 8, mid);
    g.setStroke(palette.color(Swatch.BORDER));
    g.strokeLine(0, Math.round(top + ROW) - 0.5, w, Math.round(top + ROW) - 0.5);
  }

  private void paintSegment(
      GraphicsContext g, PodState state, double x, double y, double w, double h) {
    switch (state) {
      case READY -> {
        g.setFill(palette.color(Swatch.SUCCESS));
        g.fillRect(x, y, w, h);
      }
      case NOT_READY -> {
        g.setFill(palette.color(Swatch.WARNING));
        g.fillRect(x, y, w, h);
      }
      case GONE -> {
        g.setFill(palette.color(Swatch.NEUTRAL).deriveColor(0, 1, 1, 0.18));
        g.fillRect(x, y, w, h);
        g.save();
        g.beginPath();
        g.rect(x, y, w, h);
        g.clip();
        g.setStroke(palette.color(Swatch.NEUTRAL).deriveColor(0, 1, 1, 0.7));
        g.setLineWidth(1);
        for (double hx = x - h; hx < x + w; hx += 5) {
          g.strokeLine(hx, y + h, hx + h, y);
        }
        g.restore();
      }
      case UNKNOWN -> {}
    }
  }

  private void paintHeader(GraphicsContext g, double w, int count) {
    g.setFill(palette.color(Swatch.BACKGROUND));
    g.fillRect(0, 0, w, HEADER);
    g.setFill(palette.color(Swatch.SUBTLE));
    g.fillRect(0, 0, GUTTER, HEADER);
    paintTickLabels(g, HEADER / 2);
    g.setTextAlign(TextAlignment.LEFT);
    g.setFont(BOLD);
    g.setFill(palette.color(Swatch.TEXT));
    String title = "Pods";
    g.fillText(title, 10, HEADER / 2);
    Map<PodState, Integer> counts = model.counts();
    g.setFont(SMALL);
    g.setFill(palette.color(Swatch.MUTED));
    String summary =
        count == 0
            ? ""
            : counts.getOrDefault(PodState.READY, 0)
                + "/"
                + count
                + " ready"
                + (counts.getOrDefault(PodState.GONE, 0) > 0
                    ? " · " + counts.get(PodState.GONE) + " gone"
                    : "");
    g.fillText(summary, 10 + textWidth(title, BOLD) + 8, HEADER / 2);
    g.setStroke(palette.color(Swatch.BORDER));
    g.setLineWidth(1);
    g.strokeLine(0, HEADER - 0.5, w, HEADER - 0.5);
    g.strokeLine(GUTTER - 0.5, 0, GUTTER - 0.5, HEADER);
  }

  private Color statusDot(PodState state) {
    return switch (state) {
      case READY -> palette.color(Swatch.SUCCESS);
      case NOT_READY -> palette.color(Swatch.WARNING);
      case GONE -> palette.color(Swatch.NEUTRAL);
      case UNKNOWN -> palette.color(Swatch.GRID);
    };
  }

  /** The tooltip for {@code (x, y)}: the row's pod and its state there, if a row is under it. */
  @Override
  public Optional<String> tooltipAt(double x, double y) {
    List<Line> lines = lines();
    if (y < HEADER) {
      return Optional.empty();
    }
    int index = (int) Math.floor((y - HEADER + scroll.getValue()) / ROW);
    if (index < 0 || index >= lines.size()) {
      return Optional.empty();
    }
    Line line = lines.get(index);
    if (line.row() == null) {
      return Optional.of("Pods in context " + line.context());
    }
    PodRow row = line.row();
    StringBuilder text = new StringBuilder(row.key());
    if (model.grouped()) {
      text.append(" in ").append(row.context());
    }
    if (row.replacement()) {
      text.append(" (replacement)");
    }
    PodObservation last = row.last();
    text.append("\nnow: ").append(describe(row.state()));
    if (last != null) {
      text.append(", ")
          .append(last.phase())
          .append(", ")
          .append(last.restarts())
          .append(last.restarts() == 1 ? " restart" : " restarts");
    }
    if (x >= GUTTER) {
      long t = axis().nanos(x);
      PodState then = PodState.UNKNOWN;
      for (PodRow.Segment segment : row.segments()) {
        if (segment.start() <= t) {
          then = segment.state();
        }
      }
      text.append("\nat ").append(TimeAxis.label(t)).append(": ").append(describe(then));
    }
    return Optional.of(text.toString());
  }

  private static String describe(PodState state) {
    return switch (state) {
      case READY -> "ready";
      case NOT_READY -> "not ready";
      case GONE -> "gone";
      case UNKNOWN -> "not sampled yet";
    };
  }
}
