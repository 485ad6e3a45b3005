package dev.faultline.designer.run.chart;

import atlantafx.base.theme.PrimerLight;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Frame time of {@link ProbeChart} against JavaFX's {@link LineChart} (no symbols, no animation),
 * and of 50 probe charts full against the same charts empty. Run with {@code ./mvnw -o -Pbench
 * verify -pl icons,runner,designer -Dtest=ChartBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * -DskipITs}; results in {@code designer/target/bench/chart.json}.
 *
 * <p><b>What a frame is.</b> As in the canvas benchmark, a frame is timed on the FX thread from a
 * change to a rendered image of the chart ({@link javafx.scene.Node#snapshot}), because on the
 * headless platform real pulses are capped at 60 per second and rendering finishes on the render
 * thread with no hook to time it. (a) The change is a viewport pan: the visible time window moves 1
 * % to the right and zooms by 5 % (LineChart: its x axis bounds; ProbeChart: {@code showRange}), so
 * every frame re-decimates the whole window. (b) The change is a batch of appends (10 samples per
 * series, one second of a 10 Hz probe) with the clock one second on, all 50 charts following "now".
 *
 * <p><b>Points held.</b> For each LineChart size the report gives the largest ProbeChart size whose
 * p50 frame time is at or below LineChart's p50 at that size, and the ratio of the two sizes; the
 * target is at least 100×. Software rendering is noisy: compare ratios within one run.
 */
@Tag("bench")
@ExtendWith(ApplicationExtension.class)
class ChartBenchmark {

  private static final int WIDTH = 800;
  private static final int HEIGHT = 300;
  private static final int[] LINE_SIZES = {10_000, 50_000, 500_000};
  private static final int[] PROBE_SIZES = {
    10_000, 50_000, 500_000, 1_000_000, 5_000_000, 20_000_000, 50_000_000
  };
  private static final int GRID_SERIES = 50;
  private static final int GRID_POINTS = 100_000;
  private static final long T0 = 1_700_000_000_000L;

  /** Millis between samples in (a), so that a 5 % zoom always changes the column width. */
  private static final long SPACING = 10;

  private StackPane root;

  @Start
  void start(Stage stage) {
    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    root = new StackPane();
    Scene scene = new Scene(root, 1250, 780);
    scene.getStylesheets().add(ProbeChart.stylesheet());
    stage.setScene(scene);
    stage.show();
  }

  @Test
  void lineChartAgainstProbeChart() throws Exception {
    Path out = Path.of("target", "bench");
    Files.createDirectories(out);
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("chartSize", WIDTH + "x" + HEIGHT);
    report.put("loadAverageAtStart", load());
    onFx(() -> measureProbe(10_000, 20)); // warm-up: JIT, fonts, first textures
    onFx(() -> measureLine(20_000, 12));

    Map<Integer, Map<String, Object>> line = new LinkedHashMap<>();
    for (int n : LINE_SIZES) {
      line.put(n, onFx(() -> measureLine(n, n >= 500_000 ? 4 : 12)));
      System.err.println("LineChart " + n + ": " + line.get(n));
    }
    Map<Integer, Map<String, Object>> probe = new LinkedHashMap<>();
    for (int n : PROBE_SIZES) {
      probe.put(n, onFx(() -> measureProbe(n, n >= 20_000_000 ? 20 : 60)));
      System.err.println("ProbeChart " + n + ": " + probe.get(n));
    }
    report.put("lineChart", line);
    report.put("probeChart", probe);
    Map<String, Object> held = new LinkedHashMap<>();
    for (int n : LINE_SIZES) {
      double budget = p50(line.get(n));
      int most = 0;
      for (int m : PROBE_SIZES) {
        if (p50(probe.get(m)) <= budget) {
          most = m;
        }
      }
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("lineChartP50Ms", budget);
      entry.put("probeChartPointsWithinThatMs", most);
      entry.put("ratio", round((double) most / n));
      entry.put(
          "note", most == PROBE_SIZES[PROBE_SIZES.length - 1] ? "lower bound: largest size" : "");
      held.put(Integer.toString(n), entry);
    }
    report.put("pointsHeldAtLineChartFrameTime", held);

    Map<String, Object> empty = onFx(() -> measureGrid(0));
    Map<String, Object> full = onFx(() -> measureGrid(GRID_POINTS));
    report.put("grid50Empty", empty);
    report.put("grid50With5MPoints", full);
    report.put("gridFullOverEmptyP50", round(p50(full) / p50(empty)));
    report.put("gridFullOverEmptyP90", round(ms(full, "p90Ms") / ms(empty, "p90Ms")));
    report.put("loadAverageAtEnd", load());
    report.put(
        "targets", "points held >= 100x LineChart's at its frame time; grid full/empty p50 <= 1.5");
    Files.writeString(
        out.resolve("chart.json"),
        JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(report));
    System.err.println(Files.readString(out.resolve("chart.json")));
  }

  // ---- (a) one chart, panning ----

  private Map<String, Object> measureLine(int n, int frames) {
    NumberAxis x = new NumberAxis();
    x.setAutoRanging(false);
    NumberAxis y = new NumberAxis();
    LineChart<Number, Number> chart = new LineChart<>(x, y);
    chart.setCreateSymbols(false);
    chart.setAnimated(false);
    chart.setLegendVisible(false);
    XYChart.Series<Number, Number> data = new XYChart.Series<>();
    Random random = new Random(1);
    List<XYChart.Data<Number, Number>> points = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      points.add(new XYChart.Data<>(i, value(random, i)));
    }
    data.getData().setAll(points);
    chart.getData().add(data);
    show(chart);
    double step = n * 0.001;
    return frames(
        frames,
        chart,
        i -> {
          x.setLowerBound(i * step);
          x.setUpperBound(i * step + zoomedWindow(n, i));
          // About ten ticks, as auto-ranging would give: the default unit of 5 means thousands.
          x.setTickUnit(zoomedWindow(n, i) / 10);
        });
  }

  private Map<String, Object> measureProbe(int n, int frames) {
    TimeSeries series = new TimeSeries();
    Random random = new Random(1);
    for (int i = 0; i < n; i++) {
      series.append(T0 + i * SPACING, value(random, i));
    }
    ProbeChart chart = new ProbeChart("latency", series, () -> T0 + n * SPACING);
    show(chart);
    long step = Math.max(1, n * SPACING / 1000);
    return frames(
        frames,
        chart,
        i -> {
          long start = T0 + i * step;
          chart.showRange(start, start + (long) (zoomedWindow(n, i) * SPACING));
          chart.paintIfDirty();
        });
  }

  /**
   * The visible width in samples at frame {@code i}: 85 % to 100 % of them, a different zoom each
   * frame, so the probe chart's columns change width and it re-decimates the whole window every
   * frame (its worst case; a pure pan right would only fold in the newly exposed columns).
   */
  private static double zoomedWindow(int n, int i) {
    return n * (0.85 + 0.05 * (i % 4));
  }

  // ---- (b) 50 charts following now ----

  private Map<String, Object> measureGrid(int pointsPerSeries) {
    long[] now = {T0 + 300_000};
    GridPane grid = new GridPane();
    List<ProbeChart> charts = new ArrayList<>();
    List<TimeSeries> all = new ArrayList<>();
    Random random = new Random(3);
    for (int s = 0; s < GRID_SERIES; s++) {
      TimeSeries series = new TimeSeries();
      // The history spread over the 5 minutes before now: all of it in view.
      for (int i = 0; i < pointsPerSeries; i++) {
        series.append(T0 + (long) i * 300_000 / Math.max(1, pointsPerSeries), value(random, i));
      }
      ProbeChart chart = new ProbeChart("probe " + s, series, () -> now[0]);
      chart.setPrefSize(240, 120);
      chart.setMinSize(240, 120);
      chart.addFaultWindow(T0 + 100_000, ProbeChart.OPEN);
      grid.add(chart, s % 5, s / 5);
      charts.add(chart);
      all.add(series);
    }
    show(grid);
    charts.forEach(ProbeChart::paintIfDirty);
    return frames(
        60,
        grid,
        i -> {
          now[0] += 1_000;
          for (TimeSeries series : all) {
            for (int k = 0; k < 10; k++) {
              series.append(now[0] - 1_000 + k * 100, value(random, i * 10 + k));
            }
          }
          charts.forEach(ProbeChart::paintIfDirty);
        });
  }

  // ---- Measuring ----

  private interface Change {
    void apply(int frame);
  }

  private void show(Parent node) {
    if (node instanceof Region region && !(node instanceof GridPane)) {
      region.setPrefSize(WIDTH, HEIGHT);
      region.setMaxSize(WIDTH, HEIGHT);
    }
    if (node instanceof GridPane grid) {
      grid.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
    }
    root.getChildren().setAll(node);
    root.applyCss();
    root.layout();
  }

  private Map<String, Object> frames(int count, Parent node, Change change) {
    WritableImage image = null;
    double[] ms = new double[count];
    for (int i = 0; i < count; i++) {
      long start = System.nanoTime();
      change.apply(i);
      image = node.snapshot(null, image);
      ms[i] = (System.nanoTime() - start) / 1e6;
    }
    root.getChildren().clear();
    Map<String, Object> stats = new LinkedHashMap<>();
    stats.put("frames", count);
    stats.put("p50Ms", percentile(ms, 0.5));
    stats.put("p90Ms", percentile(ms, 0.9));
    stats.put("maxMs", percentile(ms, 1));
    return stats;
  }

  /** A noisy latency with occasional spikes, like a probe under fault. */
  private static double value(Random random, int i) {
    return 20 + 5 * Math.sin(i / 500.0) + random.nextGaussian() + (i % 997 == 0 ? 80 : 0);
  }

  private static double p50(Map<String, Object> result) {
    return ms(result, "p50Ms");
  }

  private static double ms(Map<String, Object> result, String key) {
    return (double) result.get(key);
  }

  private static double percentile(double[] values, double p) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return round(sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))]);
  }

  private static <T> T onFx(Callable<T> work) throws Exception {
    return WaitForAsyncUtils.asyncFx(work).get(20, TimeUnit.MINUTES);
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }

  private static double load() {
    return round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }
}
