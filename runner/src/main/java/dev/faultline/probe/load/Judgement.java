package dev.faultline.probe.load;

import java.time.Duration;

/**
 * A verdict on a window, on a whole load, or on a single check request.
 *
 * @param passed whether the SLO (or, for a check, the expected status) held
 * @param millis the number for charts: the p99 latency in milliseconds (a check's latency); {@code
 *     NaN} when nothing was answered
 * @param latency the same as a duration; zero when nothing was answered
 * @param message the numbers and what broke, for people
 * @param stats the numbers; {@code null} for a check
 */
public record Judgement(
    boolean passed, double millis, Duration latency, String message, WindowStats stats) {

  static Judgement of(WindowStats stats, java.util.List<String> violations, String span) {
    return of(stats, violations, span, String::valueOf);
  }

  static Judgement of(
      WindowStats stats,
      java.util.List<String> violations,
      String span,
      java.util.function.IntFunction<String> statusName) {
    boolean any = stats.latencies() > 0;
    return new Judgement(
        violations.isEmpty(),
        any ? stats.p99Micros() / 1000.0 : Double.NaN,
        any ? stats.p99() : Duration.ZERO,
        LoadText.describe(stats, span, violations, statusName),
        stats);
  }
}
