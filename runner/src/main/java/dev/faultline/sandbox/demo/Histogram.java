package dev.faultline.sandbox.demo;

import java.util.Arrays;

/**
 * A Prometheus-style histogram of durations in seconds.
 *
 * <p>Observations and snapshots share one lock so a scrape never sees a {@code +Inf} bucket that
 * disagrees with {@code _count}; demo traffic is light, so the lock costs nothing that matters.
 */
final class Histogram {
  /** Upper bounds in seconds: Prometheus' default buckets, 5 ms to 10 s. */
  static final double[] BOUNDS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

  private final long[] counts = new long[BOUNDS.length + 1]; // last slot: above the largest bound
  private double sum;

  synchronized void observe(double seconds) {
    int i = 0;
    while (i < BOUNDS.length && seconds > BOUNDS[i]) {
      i++;
    }
    counts[i]++;
    sum += seconds;
  }

  synchronized Snapshot snapshot() {
    long[] cumulative = new long[counts.length];
    long running = 0;
    for (int i = 0; i < counts.length; i++) {
      running += counts[i];
      cumulative[i] = running;
    }
    return new Snapshot(cumulative, sum);
  }

  /**
   * Cumulative counts per bucket (the last one is {@code +Inf}, which is also the total count) and
   * the sum of all observations.
   */
  record Snapshot(long[] cumulative, double sum) {
    long count() {
      return cumulative[cumulative.length - 1];
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Snapshot s && Arrays.equals(cumulative, s.cumulative) && sum == s.sum;
    }

    @Override
    public int hashCode() {
      return 31 * Arrays.hashCode(cumulative) + Double.hashCode(sum);
    }

    @Override
    public String toString() {
      return "Snapshot" + Arrays.toString(cumulative) + " sum=" + sum;
    }
  }
}
