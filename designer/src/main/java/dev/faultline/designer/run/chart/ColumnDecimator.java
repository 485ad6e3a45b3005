package dev.faultline.designer.run.chart;

import java.util.Arrays;

/**
 * Min, max, first and last value per pixel column of a time window, kept up to date as samples
 * arrive.
 *
 * <p>Columns are aligned to absolute time: column {@code c} covers {@code [c * span, (c + 1) *
 * span)} millis. That alignment is what makes the cache incremental: when the window slides to
 * follow "now" with the same span, the columns still in view keep their values (the arrays shift)
 * and only samples appended since the last update are folded in, so a frame costs O(new samples)
 * however long the history. Any other change (span, width, the window moving back, another series)
 * rebuilds from the window's first sample: O(samples in window), found by binary search.
 *
 * <p>Not thread-safe: the FX thread owns it; it reads the series' published size once per update.
 */
final class ColumnDecimator {

  private TimeSeries series;
  private long span = -1;
  private long firstColumn;
  private int width = -1;

  /** Samples below this index are folded in (or lie before the window); it only grows. */
  private int folded;

  private double[] min = new double[0];
  private double[] max = new double[0];
  private double[] first = new double[0];
  private double[] last = new double[0];
  private int[] count = new int[0];

  /** Columns holding a NaN sample (a failed read): the line must not be joined across them. */
  private boolean[] gap = new boolean[0];

  private int lastUpdateWork;

  /**
   * Brings the columns up to date for a window starting at {@code startMillis}, {@code
   * columnMillis} per column, {@code width} columns; returns whether any column changed.
   */
  boolean update(TimeSeries source, long startMillis, long columnMillis, int columns) {
    long newSpan = Math.max(1, columnMillis);
    long newFirst = Math.floorDiv(startMillis, newSpan);
    int size = source.size();
    boolean changed = false;
    long shift = newFirst - firstColumn;
    if (source != series || newSpan != span || columns != width || shift < 0 || shift >= columns) {
      rebuild(source, newSpan, newFirst, columns, size);
      changed = true;
    } else if (shift > 0) {
      shiftLeft((int) shift);
      firstColumn = newFirst;
      changed = true;
    }
    int before = folded;
    fold(size);
    lastUpdateWork = folded - before;
    return changed || folded != before;
  }

  private void rebuild(TimeSeries source, long newSpan, long newFirst, int columns, int size) {
    series = source;
    span = newSpan;
    firstColumn = newFirst;
    width = columns;
    if (min.length != columns) {
      min = new double[columns];
      max = new double[columns];
      first = new double[columns];
      last = new double[columns];
      count = new int[columns];
      gap = new boolean[columns];
    } else {
      Arrays.fill(count, 0);
      Arrays.fill(gap, false);
    }
    folded = source.indexAtOrAfter(windowStart(), size);
  }

  private void shiftLeft(int shift) {
    int keep = width - shift;
    System.arraycopy(min, shift, min, 0, keep);
    System.arraycopy(max, shift, max, 0, keep);
    System.arraycopy(first, shift, first, 0, keep);
    System.arraycopy(last, shift, last, 0, keep);
    System.arraycopy(count, shift, count, 0, keep);
    Arrays.fill(count, keep, width, 0);
    System.arraycopy(gap, shift, gap, 0, keep);
    Arrays.fill(gap, keep, width, false);
    // Samples folded earlier that are now before the window simply dropped out with their columns.
  }

  /** Folds samples from {@link #folded} up to the first one past the window's end. */
  private void fold(int size) {
    long windowStart = windowStart();
    long end = windowStart + span * width;
    int i = folded;
    while (i < size) {
      long[] times = series.timeChunk(i);
      double[] values = series.valueChunk(i);
      int offset = TimeSeries.offset(i);
      int stop = Math.min(times.length, offset + (size - i));
      for (int o = offset; o < stop; o++, i++) {
        long time = times[o];
        if (time >= end) {
          folded = i; // later samples wait until the window reaches them
          return;
        }
        double value = values[o];
        if (time < windowStart) {
          continue;
        }
        int column = (int) ((time - windowStart) / span);
        if (Double.isNaN(value)) {
          gap[column] = true;
          continue;
        }
        if (count[column]++ == 0) {
          min[column] = value;
          max[column] = value;
          first[column] = value;
        } else {
          if (value < min[column]) {
            min[column] = value;
          }
          if (value > max[column]) {
            max[column] = value;
          }
        }
        last[column] = value;
      }
    }
    folded = i;
  }

  /** The start of column 0 in millis (the window's start rounded down to a column). */
  long windowStart() {
    return firstColumn * span;
  }

  long columnMillis() {
    return span;
  }

  int width() {
    return width;
  }

  /** Whether a NaN sample (a gap in the data) fell into the column. */
  boolean gap(int column) {
    return gap[column];
  }

  boolean has(int column) {
    return count[column] > 0;
  }

  int count(int column) {
    return count[column];
  }

  double min(int column) {
    return min[column];
  }

  double max(int column) {
    return max[column];
  }

  double first(int column) {
    return first[column];
  }

  double last(int column) {
    return last[column];
  }

  /** Samples folded by the last update: O(new samples) when following, for tests to check. */
  int lastUpdateWork() {
    return lastUpdateWork;
  }
}
