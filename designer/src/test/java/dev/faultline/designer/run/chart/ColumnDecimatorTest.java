package dev.faultline.designer.run.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ColumnDecimatorTest {

  private static final int WIDTH = 200;

  @Test
  void minMaxFirstLastEqualABruteForceReferenceOnRandomData() {
    Random random = new Random(7);
    TimeSeries series = randomSeries(random, 50_000);
    ColumnDecimator columns = new ColumnDecimator();
    for (int round = 0; round < 20; round++) {
      long start = random.nextInt(400_000) - 20_000;
      long span = 1 + random.nextInt(3_000);
      columns.update(series, start, span, WIDTH);
      assertMatchesReference(series, columns, series.size());
    }
  }

  @Test
  void followingNowWhileAppendingStaysEqualToTheReferenceAndOnlyFoldsNewSamples() {
    Random random = new Random(11);
    TimeSeries series = randomSeries(random, 100_000);
    ColumnDecimator columns = new ColumnDecimator();
    long span = 250;
    long now = series.time(series.size() - 1);
    columns.update(series, now - span * WIDTH, span, WIDTH);
    int totalAdded = 0;
    int totalWork = 0;
    for (int frame = 0; frame < 200; frame++) {
      int added = random.nextInt(40);
      totalAdded += added;
      for (int i = 0; i < added; i++) {
        now += random.nextInt(30);
        series.append(now, random.nextGaussian() * 100);
      }
      now += random.nextInt(200);
      columns.update(series, now - span * WIDTH, span, WIDTH);
      totalWork += columns.lastUpdateWork();
      assertMatchesReference(series, columns, series.size());
    }
    // Incremental: the work is the new samples (plus the few that waited past the first window's
    // rounded-down end), never the 100k in history again.
    assertThat(totalWork).isBetween(totalAdded, totalAdded + 1_000);
  }

  @Test
  void windowEdgesIncludeTheStartAndExcludeTheEnd() {
    TimeSeries series = new TimeSeries();
    series.append(99, 5); // just before
    series.append(100, 1); // first column
    series.append(109, 2); // first column, last millisecond
    series.append(110, 3); // second column
    series.append(100 + 10 * WIDTH - 1, 4); // last column
    series.append(100 + 10 * WIDTH, 9); // just after: must wait
    ColumnDecimator columns = new ColumnDecimator();
    columns.update(series, 100, 10, WIDTH);
    assertThat(columns.count(0)).isEqualTo(2);
    assertThat(columns.min(0)).isEqualTo(1);
    assertThat(columns.max(0)).isEqualTo(2);
    assertThat(columns.first(0)).isEqualTo(1);
    assertThat(columns.last(0)).isEqualTo(2);
    assertThat(columns.count(1)).isEqualTo(1);
    assertThat(columns.last(WIDTH - 1)).isEqualTo(4);
    assertThat(columns.count(WIDTH - 1)).isEqualTo(1);
    // Sliding one column on brings the waiting sample in and drops the first column.
    columns.update(series, 110, 10, WIDTH);
    assertThat(columns.count(0)).isEqualTo(1);
    assertThat(columns.max(0)).isEqualTo(3);
    assertThat(columns.last(WIDTH - 1)).isEqualTo(9);
  }

  @Test
  void nanValuesAreGaps() {
    TimeSeries series = new TimeSeries();
    series.append(0, Double.NaN);
    series.append(15, 3);
    ColumnDecimator columns = new ColumnDecimator();
    columns.update(series, 0, 10, WIDTH);
    assertThat(columns.has(0)).isFalse();
    assertThat(columns.max(1)).isEqualTo(3);
  }

  @Test
  void aFailedReadBreaksTheLineInsteadOfBridgingIt() {
    TimeSeries series = new TimeSeries();
    series.append(5, 5);
    series.append(55, Double.NaN);
    series.append(105, 5);
    series.append(205, 5);
    ColumnDecimator columns = new ColumnDecimator();
    columns.update(series, 0, 10, 30);
    assertThat(columns.gap(5)).isTrue();
    assertThat(columns.gap(15)).isFalse();

    int[] pixels = new int[30 * 10];
    ChartRaster raster = new ChartRaster(30, 10, pixels);
    raster.series(columns, new ChartRaster.YScale(0, 10, 10), 0xff000000);
    int row = new ChartRaster.YScale(0, 10, 10).row(5);
    assertThat(pixels[row * 30 + 3]).as("no join across the failed read").isZero();
    assertThat(pixels[row * 30 + 15]).as("joined between good reads").isEqualTo(0xff000000);
  }

  private static TimeSeries randomSeries(Random random, int n) {
    TimeSeries series = new TimeSeries();
    long t = 0;
    for (int i = 0; i < n; i++) {
      t += random.nextInt(12);
      series.append(
          t, random.nextInt(50) == 0 ? 1000 * random.nextGaussian() : random.nextDouble());
    }
    return series;
  }

  /** Brute force: every sample, one by one, into the column its time falls in. */
  private static void assertMatchesReference(TimeSeries series, ColumnDecimator columns, int size) {
    long start = columns.windowStart();
    long span = columns.columnMillis();
    double[] min = new double[WIDTH];
    double[] max = new double[WIDTH];
    double[] first = new double[WIDTH];
    double[] last = new double[WIDTH];
    int[] count = new int[WIDTH];
    for (int i = 0; i < size; i++) {
      long t = series.time(i);
      if (t < start || t >= start + span * WIDTH) {
        continue;
      }
      int c = (int) ((t - start) / span);
      double v = series.value(i);
      min[c] = count[c] == 0 ? v : Math.min(min[c], v);
      max[c] = count[c] == 0 ? v : Math.max(max[c], v);
      first[c] = count[c] == 0 ? v : first[c];
      last[c] = v;
      count[c]++;
    }
    for (int c = 0; c < WIDTH; c++) {
      assertThat(columns.count(c)).as("count of column " + c).isEqualTo(count[c]);
      if (count[c] > 0) {
        assertThat(columns.min(c)).as("min of column " + c).isEqualTo(min[c]);
        assertThat(columns.max(c)).as("max of column " + c).isEqualTo(max[c]);
        assertThat(columns.first(c)).as("first of column " + c).isEqualTo(first[c]);
        assertThat(columns.last(c)).as("last of column " + c).isEqualTo(last[c]);
      }
    }
  }
}
