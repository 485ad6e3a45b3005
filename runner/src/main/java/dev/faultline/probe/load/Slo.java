package dev.faultline.probe.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The service level a load must see, judged per window and over the whole load.
 *
 * <ul>
 *   <li>{@code maxP50}, {@code maxP95}, {@code maxP99}: the latency percentiles (from each
 *       request's due time) must not be over these; checked when the window has latencies.
 *   <li>{@code maxErrorPercent}: unexpected statuses, timeouts, connection failures and requests
 *       not sent, in percent of the requests that finished.
 *   <li>{@code minThroughput}: successful requests per second must reach this in every window whose
 *       schedule asks for at least as much, so windows of a ramp still below it are not held to it.
 * </ul>
 *
 * @param maxP50 {@code null}: no limit
 * @param maxP95 {@code null}: no limit
 * @param maxP99 {@code null}: no limit
 * @param maxErrorPercent 0 to 100
 * @param minThroughput requests per second; {@code null}: no limit
 */
public record Slo(
    Duration maxP50,
    Duration maxP95,
    Duration maxP99,
    double maxErrorPercent,
    Double minThroughput) {

  public Slo {
    if (!(maxErrorPercent >= 0 && maxErrorPercent <= 100)) {
      throw new IllegalArgumentException("maxErrorPercent must be 0..100, got " + maxErrorPercent);
    }
    if (minThroughput != null && !(minThroughput >= 0)) {
      throw new IllegalArgumentException("minThroughput must be 0 or more");
    }
  }

  /** What the window breaks, in words ({@code p99 over 10 ms}); empty when it meets the SLO. */
  public List<String> violations(WindowStats stats) {
    var out = new ArrayList<String>(2);
    if (stats.latencies() > 0) {
      over("p50", stats.p50(), maxP50, out);
      over("p95", stats.p95(), maxP95, out);
      over("p99", stats.p99(), maxP99, out);
    }
    if (stats.requests() > 0 && stats.errorPercent() > maxErrorPercent) {
      out.add("errors over " + LoadText.percent(maxErrorPercent));
    }
    if (judgesThroughput(stats) && stats.throughput() < minThroughput) {
      out.add("throughput under " + LoadText.rate(minThroughput));
    }
    return out;
  }

  /** Whether the window is held to {@code minThroughput}: its schedule asked for as much. */
  boolean judgesThroughput(WindowStats stats) {
    return minThroughput != null
        && stats.spanNanos() > 0
        && stats.scheduledRate() >= minThroughput * (1 - 1e-9);
  }

  private static void over(String name, Duration seen, Duration limit, List<String> out) {
    if (limit != null && seen.compareTo(limit) > 0) {
      out.add(name + " over " + LoadText.millis(limit));
    }
  }
}
