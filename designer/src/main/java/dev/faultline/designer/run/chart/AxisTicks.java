package dev.faultline.designer.run.chart;

/**
 * A y-axis range rounded out to "nice" steps (1, 2 or 5 times a power of ten) and its ticks.
 *
 * @param low the bottom of the axis, a multiple of {@code step}
 * @param high the top of the axis, a multiple of {@code step}
 * @param step the distance between ticks
 */
record AxisTicks(double low, double high, double step) {

  /**
   * At most about {@code maxTicks} ticks covering {@code [min, max]}; a flat range gets padding.
   */
  static AxisTicks covering(double min, double max, int maxTicks) {
    if (!(min <= max) || Double.isInfinite(min) || Double.isInfinite(max)) {
      return new AxisTicks(0, 1, 0.25);
    }
    if (min == max) {
      double pad = min == 0 ? 1 : Math.abs(min) * 0.1;
      min -= pad;
      max += pad;
    }
    double raw = (max - min) / Math.max(1, maxTicks - 1);
    double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
    double fraction = raw / magnitude;
    double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
    double step = nice * magnitude;
    return new AxisTicks(Math.floor(min / step) * step, Math.ceil(max / step) * step, step);
  }

  int count() {
    return (int) Math.round((high - low) / step) + 1;
  }

  double tick(int index) {
    return low + index * step;
  }
}
