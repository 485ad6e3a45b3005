package dev.faultline.export.chaostoolkit;

import dev.faultline.model.TimeSpan;
import java.time.Duration;

/** Chaos Toolkit counts time in seconds (numbers); we write durations ({@code 1m30s}). */
final class Seconds {
  private Seconds() {}

  /** Whole seconds as a Long, else a Double, so {@code 30s} is written {@code 30}, not 30.0. */
  static Number of(TimeSpan span) {
    Duration duration = span.toDuration();
    long millis = duration.toMillis();
    return millis % 1000 == 0 ? (Number) (millis / 1000) : (Number) (millis / 1000.0);
  }

  /** The duration of a number of seconds; empty when it is negative or not finite. */
  static java.util.Optional<TimeSpan> span(Number seconds) {
    double value = seconds.doubleValue();
    if (!(value >= 0) || Double.isInfinite(value)) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(TimeSpan.of(Duration.ofMillis(Math.round(value * 1000))));
  }
}
