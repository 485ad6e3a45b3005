package dev.faultline.probe.load;

import java.time.Duration;
import java.util.Objects;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;

/**
 * How to load and what to expect.
 *
 * @param schedule when requests are due
 * @param duration how long a step loads ({@link HttpLoad#run}); a continuous probe loads until it
 *     is closed
 * @param window the span each verdict covers
 * @param timeout how long a request may take, counted from when it was due
 * @param maxConnections the most connections (and so requests in flight) at once
 * @param expected which statuses count as success
 * @param slo what each window and the whole load must meet
 * @param statusName how a status reads in messages: the number for HTTP, the code's name for gRPC
 */
public record LoadSpec(
    OpenLoopSchedule schedule,
    Duration duration,
    Duration window,
    Duration timeout,
    int maxConnections,
    IntPredicate expected,
    Slo slo,
    IntFunction<String> statusName) {

  /** A load whose statuses read as numbers (HTTP). */
  public LoadSpec(
      OpenLoopSchedule schedule,
      Duration duration,
      Duration window,
      Duration timeout,
      int maxConnections,
      IntPredicate expected,
      Slo slo) {
    this(schedule, duration, window, timeout, maxConnections, expected, slo, null);
  }

  public LoadSpec {
    statusName = statusName == null ? String::valueOf : statusName;
    Objects.requireNonNull(schedule, "schedule");
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(slo, "slo");
    if (!duration.isPositive() || !window.isPositive() || !timeout.isPositive()) {
      throw new IllegalArgumentException("duration, window and timeout must be more than 0");
    }
    if (maxConnections < 1) {
      throw new IllegalArgumentException("maxConnections must be at least 1");
    }
  }
}
