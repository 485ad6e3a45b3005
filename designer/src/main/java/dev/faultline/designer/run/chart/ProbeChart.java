package dev.faultline.designer.run.chart;

import dev.faultline.designer.run.chart.ChartColors.Swatch;
import java.nio.IntBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.LongSupplier;
import javafx.animation.AnimationTimer;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;

/**
 * A real-time chart of one probe's values (latency, status, success rate, a jq or metric value)
 * with fault windows shaded, fast enough for millions of samples.
 *
 * <p>Samples arrive in a {@link TimeSeries} from any one thread, never through {@code
 * Platform.runLater}: once per pulse (an {@link AnimationTimer} while the chart is in a scene) the
 * chart reads the series' published size, folds only the new samples into its per-pixel-column
 * min/max cache ({@link ColumnDecimator}) and, only if a column, the window or the look changed,
 * rasterises the plot straight into a {@link PixelBuffer} ({@link ChartRaster}). The y axis
 * auto-ranges over what is visible with a few labelled ticks; the header shows the title and the
 * latest value.
 *
 * <p>It follows "now" (the last {@link #followNow(Duration) window}, 5 minutes by default) or shows
 * a {@link #showRange fixed range}. Add {@link #stylesheet()} to the scene. Use it on the FX thread
 * only (except the series' {@code append}).
 */
public final class ProbeChart extends Region {

  /** The end of a fault window that is still open (the fault is still being injected). */
  public static final long OPEN = Long.MAX_VALUE;

  private static final double HEADER = 22;
  private static final double GUTTER = 52;
  private static final double PAD = 6;
  private static final double FOOTER = 16;
  private static final DateTimeFormatter CLOCK =
      DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
  private static final int MAX_TICKS = 5;

  /** A shaded span of time in epoch millis; {@code end} is {@link #OPEN} while ongoing. */
  public record FaultWindow(long start, long end) {}

  private final TimeSeries series;
  private final LongSupplier clock;
  private final ColumnDecimator columns = new ColumnDecimator();
  private final ChartColors colors = new ChartColors();
  private final Label title = new Label();
  private final Label latest = new Label();
  private final Label startTime = new Label();
  private final Label endTime = new Label();
  private final List<Label> tickLabels = new ArrayList<>();
  private final ImageView plot = new ImageView();
  private final List<FaultWindow> faults = new ArrayList<>();
  private final AnimationTimer pulse =
      new AnimationTimer() {
        @Override
        public void handle(long now) {
          paintIfDirty();
        }
      };

  private long followMillis = Duration.ofMinutes(5).toMillis();
  private long fixedStart;
  private long fixedEnd;
  private boolean following = true;
  private String unit = "";
  private boolean dirty = true;

  private int plotWidth;
  private int plotHeight;
  private int[] pixels = new int[0];
  private PixelBuffer<IntBuffer> buffer;
  private AxisTicks ticks = new AxisTicks(0, 1, 0.25);
  private int latestSize = -1;

  /** A chart of {@code series} titled {@code title}, following the system clock. */
  public ProbeChart(String title, TimeSeries series) {
    this(title, series, System::currentTimeMillis);
  }

  /** A chart whose "now" comes from {@code clock} (epoch millis), for tests and replays. */
  public ProbeChart(String title, TimeSeries series, LongSupplier clock) {
    this.series = Objects.requireNonNull(series);
    this.clock = Objects.requireNonNull(clock);
    getStyleClass().add("probe-chart");
    this.title.setText(title);
    this.title.getStyleClass().add("title");
    latest.getStyleClass().add("latest");
    startTime.getStyleClass().add("tick");
    endTime.getStyleClass().add("tick");
    plot.setManaged(false);
    plot.setSmooth(false);
    getChildren().addAll(plot, this.title, latest, startTime, endTime, colors);
    for (int i = 0; i < MAX_TICKS + 2; i++) {
      Label tick = new Label();
      tick.getStyleClass().add("tick");
      tick.setManaged(false);
      tickLabels.add(tick);
      getChildren().add(tick);
    }
    colors.onChange(this::invalidate);
    sceneProperty()
        .addListener(
            (obs, old, now) -> {
              if (now == null) {
                pulse.stop();
              } else {
                pulse.start();
              }
            });
  }

  /** The stylesheet with the chart's theme swatches and labels; add it to the scene once. */
  public static String stylesheet() {
    return Objects.requireNonNull(ProbeChart.class.getResource("chart.css")).toExternalForm();
  }

  /** The samples this chart shows. */
  public TimeSeries series() {
    return series;
  }

  /** Shows the last {@code window} up to now, sliding as time passes. */
  public void followNow(Duration window) {
    followMillis = Math.max(1, window.toMillis());
    following = true;
    invalidate();
  }

  /** Shows the fixed range {@code [startMillis, endMillis)} (epoch millis). */
  public void showRange(long startMillis, long endMillis) {
    if (endMillis <= startMillis) {
      throw new IllegalArgumentException("empty range " + startMillis + ".." + endMillis);
    }
    fixedStart = startMillis;
    fixedEnd = endMillis;
    following = false;
    invalidate();
  }

  /** Shades {@code [startMillis, endMillis)}; pass {@link #OPEN} while the fault is ongoing. */
  public void addFaultWindow(long startMillis, long endMillis) {
    faults.add(new FaultWindow(startMillis, endMillis));
    invalidate();
  }

  /** Ends every open fault window at {@code endMillis} (the fault was rolled back). */
  public void closeFaultWindows(long endMillis) {
    faults.replaceAll(f -> f.end() == OPEN ? new FaultWindow(f.start(), endMillis) : f);
    invalidate();
  }

  /** The shaded windows, oldest first. */
  public List<FaultWindow> faultWindows() {
    return List.copyOf(faults);
  }

  /** The unit shown after the latest value and tick labels, e.g. {@code "ms"}; empty for none. */
  public void setUnit(String unit) {
    this.unit = unit == null ? "" : unit;
    latestSize = -1;
    invalidate();
  }

  /** The visible window's start in epoch millis, rounded down to a whole pixel column. */
  public long visibleStart() {
    return columns.windowStart();
  }

  /** Millis per pixel column of the plot. */
  public long millisPerPixel() {
    return columns.columnMillis();
  }

  /** The plot's top-left corner within the chart, in pixels. */
  public double plotX() {
    return GUTTER;
  }

  /** The plot's top edge within the chart, in pixels. */
  public double plotY() {
    return HEADER;
  }

  /** The plot's height in pixels (its width is the chart's minus the gutter and padding). */
  public int plotHeight() {
    return plotHeight;
  }

  /** The y axis currently shown: its bottom, top and tick step. */
  public double[] yAxis() {
    return new double[] {ticks.low(), ticks.high(), ticks.step()};
  }

  private void invalidate() {
    dirty = true;
  }

  @Override
  protected void layoutChildren() {
    double w = getWidth();
    double h = getHeight();
    title.resizeRelocate(PAD, 2, Math.max(0, w / 2 - PAD), HEADER - 4);
    double latestWidth = latest.prefWidth(-1);
    latest.resizeRelocate(w - PAD - latestWidth, 2, latestWidth, HEADER - 4);
    int newWidth = (int) Math.max(0, Math.floor(w - GUTTER - PAD));
    int newHeight = (int) Math.max(0, Math.floor(h - HEADER - FOOTER));
    if (newWidth != plotWidth || newHeight != plotHeight) {
      plotWidth = newWidth;
      plotHeight = newHeight;
      dirty = true;
    }
    plot.relocate(GUTTER, HEADER);
    double footerY = HEADER + newHeight + 1;
    startTime.resizeRelocate(GUTTER, footerY, startTime.prefWidth(-1), FOOTER - 2);
    double endWidth = endTime.prefWidth(-1);
    endTime.resizeRelocate(GUTTER + newWidth - endWidth, footerY, endWidth, FOOTER - 2);
    placeTickLabels();
  }

  @Override
  protected double computePrefWidth(double height) {
    return 320;
  }

  @Override
  protected double computePrefHeight(double width) {
    return 160;
  }

  /**
   * Folds in new samples and repaints the plot if anything visible changed; returns whether it
   * painted. The pulse calls this; benchmarks and tests call it to paint synchronously.
   */
  public boolean paintIfDirty() {
    if (plotWidth <= 0 || plotHeight <= 0) {
      return false;
    }
    long start;
    long end;
    if (following) {
      end = clock.getAsLong();
      start = end - followMillis;
    } else {
      start = fixedStart;
      end = fixedEnd;
    }
    long columnMillis = Math.max(1, (end - start + plotWidth - 1) / plotWidth);
    boolean changed = columns.update(series, start, columnMillis, plotWidth);
    updateLatest();
    if (!changed && !dirty) {
      return false;
    }
    dirty = false;
    paint();
    return true;
  }

  private void paint() {
    ensureBuffer();
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int x = 0; x < plotWidth; x++) {
      if (columns.has(x)) {
        min = Math.min(min, columns.min(x));
        max = Math.max(max, columns.max(x));
      }
    }
    AxisTicks newTicks =
        min <= max ? AxisTicks.covering(min, max, MAX_TICKS) : new AxisTicks(0, 1, 0.25);
    ChartRaster raster = new ChartRaster(plotWidth, plotHeight, pixels);
    raster.fill(colors.argb(Swatch.BACKGROUND, 0xff));
    int fault = colors.argb(Swatch.FAULT, 0x30);
    long windowStart = columns.windowStart();
    long span = columns.columnMillis();
    for (FaultWindow window : faults) {
      long x0 = Math.floorDiv(window.start() - windowStart, span);
      long x1 = window.end() == OPEN ? plotWidth : Math.floorDiv(window.end() - windowStart, span);
      if (x1 > 0 && x0 < plotWidth) {
        raster.band((int) Math.max(0, x0), (int) Math.min(plotWidth, Math.max(x0 + 1, x1)), fault);
      }
    }
    ChartRaster.YScale scale = new ChartRaster.YScale(newTicks.low(), newTicks.high(), plotHeight);
    int grid = colors.argb(Swatch.GRID, 0xff);
    for (int i = 0; i < newTicks.count(); i++) {
      raster.horizontalLine(scale.row(newTicks.tick(i)), grid);
    }
    raster.series(columns, scale, colors.argb(Swatch.LINE, 0xff));
    buffer.updateBuffer(b -> null);
    setTimeLabel(startTime, windowStart);
    setTimeLabel(endTime, windowStart + span * plotWidth);
    if (!newTicks.equals(ticks)) {
      ticks = newTicks;
      placeTickLabels();
    }
  }

  private void ensureBuffer() {
    if (buffer != null && buffer.getWidth() == plotWidth && buffer.getHeight() == plotHeight) {
      return;
    }
    pixels = new int[plotWidth * plotHeight];
    buffer =
        new PixelBuffer<>(
            plotWidth, plotHeight, IntBuffer.wrap(pixels), PixelFormat.getIntArgbPreInstance());
    plot.setImage(new WritableImage(buffer));
    placeTickLabels();
  }

  private void placeTickLabels() {
    int count = plotHeight > 0 ? Math.min(ticks.count(), tickLabels.size()) : 0;
    ChartRaster.YScale scale = new ChartRaster.YScale(ticks.low(), ticks.high(), plotHeight);
    for (int i = 0; i < tickLabels.size(); i++) {
      Label label = tickLabels.get(i);
      label.setVisible(i < count);
      if (i < count) {
        label.setText(format(ticks.tick(i), ticks.step()));
        double w = label.prefWidth(-1);
        double h = label.prefHeight(-1);
        label.resizeRelocate(GUTTER - 4 - w, HEADER + scale.row(ticks.tick(i)) - h / 2, w, h);
      }
    }
  }

  /** Wall-clock time under the plot's edges; a new text only when the second changes. */
  private void setTimeLabel(Label label, long millis) {
    String text = CLOCK.format(Instant.ofEpochMilli(millis));
    if (!text.equals(label.getText())) {
      label.setText(text);
      requestLayout();
    }
  }

  private void updateLatest() {
    int size = series.size();
    if (size == latestSize) {
      return;
    }
    latestSize = size;
    latest.setText(size == 0 ? "" : format(series.value(size - 1), 0) + unitSuffix());
    requestLayout();
  }

  private String unitSuffix() {
    return unit.isEmpty() ? "" : " " + unit;
  }

  /** A value with as many decimals as its magnitude (or the tick step) needs. */
  static String format(double value, double step) {
    if (Double.isNaN(value)) {
      return "—";
    }
    double scale = step > 0 ? step : Math.abs(value);
    int decimals = scale >= 10 || scale == 0 ? 0 : scale >= 1 ? 1 : scale >= 0.1 ? 2 : 3;
    if (step > 0 && Math.abs(step - Math.rint(step)) < 1e-9) {
      decimals = 0;
    }
    return String.format(Locale.ROOT, "%." + decimals + "f", value);
  }
}
