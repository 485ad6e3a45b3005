package dev.faultline.probe.load;

import java.time.Duration;
import java.util.Map;

/**
 * The numbers of one window (or of a whole load): what {@link Slo} judges and messages show.
 * Latencies are measured from each request's due time (see {@link Tally}); they cover answered
 * requests and timeouts, not connection failures or requests never sent.
 *
 * @param spanNanos the span of the schedule the window covers
 * @param scheduled requests the schedule made due in that span
 * @param latencies requests with a latency (answers and timeouts)
 * @param ok answers with an expected status
 * @param badStatus answers with another status
 * @param timeouts requests without an answer by their deadline
 * @param failures requests whose connection failed
 * @param notSent requests the client had no room for (client saturated)
 * @param waited requests that found every connection busy and waited for one
 * @param unexpectedStatuses the other statuses, by code
 * @param failure the last connection failure, empty when none
 * @param p50Micros median latency; 0 when there are no latencies
 * @param servicedP99Micros p99 from the moment each request was actually sent (what {@code wrk}
 *     reports); shows how much of {@code p99Micros} was waiting for a connection
 */
public record WindowStats(
    long spanNanos,
    double scheduled,
    long latencies,
    long ok,
    long badStatus,
    long timeouts,
    long failures,
    long notSent,
    long waited,
    Map<Integer, Long> unexpectedStatuses,
    String failure,
    long p50Micros,
    long p95Micros,
    long p99Micros,
    long maxMicros,
    long servicedP99Micros) {

  public WindowStats {
    unexpectedStatuses = Map.copyOf(unexpectedStatuses);
    failure = failure == null ? "" : failure;
  }

  static WindowStats of(Tally tally, long spanNanos, double scheduled) {
    var latency = tally.latency();
    boolean any = latency.getTotalCount() > 0;
    return new WindowStats(
        spanNanos,
        scheduled,
        latency.getTotalCount(),
        tally.ok(),
        tally.badStatus(),
        tally.timeouts(),
        tally.failures(),
        tally.notSent(),
        tally.waitedForConnection(),
        tally.unexpectedStatuses(),
        tally.failure(),
        any ? latency.getValueAtPercentile(50) : 0,
        any ? latency.getValueAtPercentile(95) : 0,
        any ? latency.getValueAtPercentile(99) : 0,
        any ? latency.getMaxValue() : 0,
        tally.serviceTime().getTotalCount() > 0 ? tally.serviceTime().getValueAtPercentile(99) : 0);
  }

  /** Every request that was due and finished one way or another. */
  public long requests() {
    return ok + badStatus + timeouts + failures + notSent;
  }

  public long errors() {
    return requests() - ok;
  }

  /** Failed requests in percent of all; 0 when there were none. */
  public double errorPercent() {
    long all = requests();
    return all == 0 ? 0 : 100.0 * errors() / all;
  }

  /** Successful requests per second of the window's span. */
  public double throughput() {
    return spanNanos <= 0 ? 0 : ok / (spanNanos / 1e9);
  }

  /** The rate the schedule asked for over the window's span, requests per second. */
  public double scheduledRate() {
    return spanNanos <= 0 ? 0 : scheduled / (spanNanos / 1e9);
  }

  public Duration p50() {
    return Duration.ofNanos(p50Micros * 1000);
  }

  public Duration p95() {
    return Duration.ofNanos(p95Micros * 1000);
  }

  public Duration p99() {
    return Duration.ofNanos(p99Micros * 1000);
  }
}
