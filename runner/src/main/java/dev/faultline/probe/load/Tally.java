package dev.faultline.probe.load;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.AtomicHistogram;
import org.HdrHistogram.Histogram;

/**
 * What happened to the requests of one window (or, summed, of a whole load): latencies in two
 * HdrHistograms and outcomes in counters. Many workers record into one tally at once; a tally is
 * read only after the generator has swapped it out ({@link WindowCutter}), so readers see a
 * finished window.
 *
 * <p>Two latencies per answered request: {@link #latency()} from the moment the request was
 * <em>due</em> by the schedule to its answer, which is what a user arriving at that moment would
 * have waited (the coordinated-omission correction: time a request spent waiting for a free
 * connection because earlier ones were slow counts), and {@link #serviceTime()} from the moment it
 * was actually written, which is what a closed-loop tool such as {@code wrk} reports. Values are
 * microseconds, three significant digits, up to {@value #MAX_MICROS} µs (an hour); longer ones are
 * recorded as an hour.
 */
final class Tally {
  static final long MAX_MICROS = 3_600_000_000L;
  private static final int STATUSES = 600;

  private final AtomicHistogram latency = new AtomicHistogram(1, MAX_MICROS, 3);
  private final AtomicHistogram serviceTime = new AtomicHistogram(1, MAX_MICROS, 3);
  private final LongAdder ok = new LongAdder();
  private final LongAdder badStatus = new LongAdder();
  private final LongAdder timeouts = new LongAdder();
  private final LongAdder failures = new LongAdder();
  private final LongAdder notSent = new LongAdder();
  private final LongAdder waited = new LongAdder();
  private final AtomicLongArray statuses = new AtomicLongArray(STATUSES);
  private volatile String failure = "";

  /** An answer arrived with {@code status}; {@code expected} says whether that status passes. */
  void answered(int status, boolean expected, long dueNanos, long sentNanos, long endNanos) {
    record(dueNanos, sentNanos, endNanos);
    if (expected) {
      ok.increment();
    } else {
      badStatus.increment();
      if (status >= 0 && status < STATUSES) {
        statuses.incrementAndGet(status);
      }
    }
  }

  /** No answer by the request's deadline. */
  void timedOut(long dueNanos, long sentNanos, long endNanos) {
    record(dueNanos, sentNanos, endNanos);
    timeouts.increment();
  }

  /**
   * The request waited for a free connection until its deadline and was never sent: a timeout, with
   * its latency (the wait) but no service time.
   */
  void expired(long dueNanos, long endNanos) {
    latency.recordValue(micros(endNanos - dueNanos));
    timeouts.increment();
  }

  /** Every connection was busy when the request was due, so it waited for one. */
  void waited() {
    waited.increment();
  }

  /** The connection failed (refused, reset): no latency to speak of. */
  void failed(String why) {
    failures.increment();
    failure = why;
  }

  /** The generator had no room to queue the request (client saturated). */
  void markNotSent() {
    notSent.increment();
  }

  private void record(long dueNanos, long sentNanos, long endNanos) {
    latency.recordValue(micros(endNanos - dueNanos));
    serviceTime.recordValue(micros(endNanos - sentNanos));
  }

  private static long micros(long nanos) {
    return Math.clamp((nanos + 500) / 1000, 1, MAX_MICROS);
  }

  /** Adds another (finished) tally into this one. */
  void add(Tally other) {
    latency.add(other.latency);
    serviceTime.add(other.serviceTime);
    ok.add(other.ok.sum());
    badStatus.add(other.badStatus.sum());
    timeouts.add(other.timeouts.sum());
    failures.add(other.failures.sum());
    notSent.add(other.notSent.sum());
    waited.add(other.waited.sum());
    for (int i = 0; i < STATUSES; i++) {
      long n = other.statuses.get(i);
      if (n != 0) {
        statuses.addAndGet(i, n);
      }
    }
    if (!other.failure.isEmpty()) {
      failure = other.failure;
    }
  }

  Histogram latency() {
    return latency;
  }

  Histogram serviceTime() {
    return serviceTime;
  }

  long ok() {
    return ok.sum();
  }

  long badStatus() {
    return badStatus.sum();
  }

  long timeouts() {
    return timeouts.sum();
  }

  long failures() {
    return failures.sum();
  }

  long notSent() {
    return notSent.sum();
  }

  long waitedForConnection() {
    return waited.sum();
  }

  /** The unexpected statuses seen, by code. */
  Map<Integer, Long> unexpectedStatuses() {
    var out = new TreeMap<Integer, Long>();
    for (int i = 0; i < STATUSES; i++) {
      long n = statuses.get(i);
      if (n != 0) {
        out.put(i, n);
      }
    }
    return out;
  }

  /** The last connection failure, empty when none. */
  String failure() {
    return failure;
  }
}
