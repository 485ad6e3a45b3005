package dev.faultline.designer.run.timeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Maps run time to pixels for a window {@code [start, end)} drawn over {@code width} pixels from
 * {@code left}, and picks round tick steps (1 s … 1 h) at least {@code minTickGap} pixels apart.
 */
public record TimeAxis(long start, long end, double left, double width) {

  private static final long SECOND = 1_000_000_000L;
  private static final long[] STEPS = {
    SECOND,
    2 * SECOND,
    5 * SECOND,
    10 * SECOND,
    15 * SECOND,
    30 * SECOND,
    60 * SECOND,
    120 * SECOND,
    300 * SECOND,
    600 * SECOND,
    900 * SECOND,
    1800 * SECOND,
    3600 * SECOND
  };

  public TimeAxis {
    if (end <= start) {
      end = start + 1;
    }
  }

  /** The x of run time {@code nanos} (may lie outside the plot). */
  public double x(long nanos) {
    return left + (nanos - start) * width / (double) (end - start);
  }

  /** The run time at {@code x}. */
  public long nanos(double x) {
    return start + Math.round((x - left) / width * (end - start));
  }

  /**
   * Ticks inside the window, on multiples of a round step whose spacing is at least {@code minGap}
   * px.
   */
  public List<Long> ticks(double minGap) {
    long step = STEPS[STEPS.length - 1];
    for (long candidate : STEPS) {
      if (candidate * width / (double) (end - start) >= minGap) {
        step = candidate;
        break;
      }
    }
    List<Long> ticks = new ArrayList<>();
    for (long t = Math.floorDiv(start + step - 1, step) * step; t <= end; t += step) {
      ticks.add(t);
    }
    return ticks;
  }

  /** {@code 0:30}, {@code 12:05}, {@code 1:02:00}: run time as on a stopwatch. */
  public static String label(long nanos) {
    long s = Math.max(0, nanos) / SECOND;
    return s >= 3600
        ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }
}
