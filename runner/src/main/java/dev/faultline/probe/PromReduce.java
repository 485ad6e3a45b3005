package dev.faultline.probe;

import java.util.Locale;

/**
 * How the points of one series (a range query, or a range vector such as {@code x[1m]}) become the
 * single value a probe compares and plots. NaN points (0/0 in a step without traffic) say nothing
 * and are left out, except by {@link #LAST}, which is the latest point whatever it is; a series
 * with nothing but NaN gives NaN, which never passes.
 */
enum PromReduce {
  /**
   * The point that fares worst against the comparison: the largest for {@code <} and {@code <=},
   * the smallest for {@code >} and {@code >=}, the first that fails for {@code ==} and {@code !=}.
   * The probe passes only when every point does.
   */
  WORST,
  LAST,
  MIN,
  MAX,
  AVG;

  static PromReduce of(String word) {
    for (PromReduce reduce : values()) {
      if (reduce.word().equals(word)) {
        return reduce;
      }
    }
    throw new IllegalArgumentException(
        "unknown reduce '" + word + "'; use worst, last, min, max or avg");
  }

  String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  double apply(double[] points, PromComparison comparison) {
    if (points.length == 0) {
      return Double.NaN;
    }
    return switch (this) {
      case LAST -> points[points.length - 1];
      case MIN -> min(points);
      case MAX -> max(points);
      case AVG -> avg(points);
      case WORST -> worst(points, comparison);
    };
  }

  private static double worst(double[] points, PromComparison comparison) {
    if (comparison.upperBound()) {
      return max(points);
    }
    if (comparison.lowerBound()) {
      return min(points);
    }
    double last = Double.NaN;
    for (double p : points) {
      if (!Double.isNaN(p)) {
        if (!comparison.holds(p)) {
          return p;
        }
        last = p;
      }
    }
    return last;
  }

  private static double min(double[] points) {
    double min = Double.NaN;
    for (double p : points) {
      if (!Double.isNaN(p) && (Double.isNaN(min) || p < min)) {
        min = p;
      }
    }
    return min;
  }

  private static double max(double[] points) {
    double max = Double.NaN;
    for (double p : points) {
      if (!Double.isNaN(p) && (Double.isNaN(max) || p > max)) {
        max = p;
      }
    }
    return max;
  }

  private static double avg(double[] points) {
    double sum = 0;
    int count = 0;
    for (double p : points) {
      if (!Double.isNaN(p)) {
        sum += p;
        count++;
      }
    }
    return count == 0 ? Double.NaN : sum / count;
  }
}
