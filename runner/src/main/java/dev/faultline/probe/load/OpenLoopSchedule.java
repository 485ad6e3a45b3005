package dev.faultline.probe.load;

import java.time.Duration;

/**
 * When each request of an open-loop load is due, as an offset from the start of the load: a
 * constant {@code rate}, optionally reached by a linear ramp from {@code rampFrom} over {@code
 * rampUp}. The schedule never looks at answers: a slow server does not make later requests due
 * later, which is what makes the load open-loop (the way users keep arriving whether the server
 * keeps up or not).
 *
 * <p>The number of requests due by time {@code t} is {@code N(t) = ∫ rate(s) ds}; with a ramp from
 * {@code r0} to {@code r1} over {@code T} that is {@code r0·t + (r1 − r0)·t²/(2T)} while ramping
 * and {@code N(T) + r1·(t − T)} after. Request {@code k} (from 0) is due at the {@code t} where
 * {@code N(t) = k}, so the first is due at once and the {@code k}-th when {@code k} requests' worth
 * of rate has passed.
 *
 * @param rate requests per second after the ramp, more than 0
 * @param rampFrom requests per second at the start, 0 or more; equal to {@code rate} for no ramp
 * @param rampNanos length of the ramp; 0 for none
 */
public record OpenLoopSchedule(double rate, double rampFrom, long rampNanos) {
  private static final double NANOS = 1e9;

  public OpenLoopSchedule {
    if (!(rate > 0) || Double.isInfinite(rate)) {
      throw new IllegalArgumentException("rate must be more than 0, got " + rate);
    }
    if (!(rampFrom >= 0) || Double.isInfinite(rampFrom)) {
      throw new IllegalArgumentException("rampFrom must be 0 or more, got " + rampFrom);
    }
    if (rampNanos < 0) {
      throw new IllegalArgumentException("rampUp must not be negative");
    }
    if (rampNanos == 0) {
      rampFrom = rate;
    }
  }

  /** A constant rate from the first request on. */
  public static OpenLoopSchedule constant(double rate) {
    return new OpenLoopSchedule(rate, rate, 0);
  }

  /** A linear ramp from {@code from} to {@code to} requests per second over {@code rampUp}. */
  public static OpenLoopSchedule ramp(double from, double to, Duration rampUp) {
    return new OpenLoopSchedule(to, from, rampUp.toNanos());
  }

  /** When request {@code k} (from 0) is due, in nanoseconds after the start. */
  public long dueNanos(long k) {
    if (k <= 0) {
      return 0;
    }
    double rampSeconds = rampNanos / NANOS;
    double dueAtRampEnd = expectedBy(rampNanos);
    double seconds;
    if (k < dueAtRampEnd) {
      // Solve r0·t + a·t²/2 = k for t; written as 2k / (r0 + √(r0² + 2ak)), which stays exact
      // when a is 0 or tiny and has no cancellation when r0 is large.
      double a = (rate - rampFrom) / rampSeconds;
      seconds = 2 * k / (rampFrom + Math.sqrt(Math.max(0, rampFrom * rampFrom + 2 * a * k)));
    } else {
      seconds = rampSeconds + (k - dueAtRampEnd) / rate;
    }
    return Math.round(seconds * NANOS);
  }

  /** How many requests are due before {@code nanos} after the start: {@code ⌈N(t)⌉}. */
  public long countBefore(long nanos) {
    if (nanos <= 0) {
      return 0;
    }
    long n = (long) Math.ceil(expectedBy(nanos) - 1e-9);
    // Rounding of due times to whole nanoseconds may move one request across the boundary.
    while (n > 0 && dueNanos(n - 1) >= nanos) {
      n--;
    }
    while (dueNanos(n) < nanos) {
      n++;
    }
    return n;
  }

  /** {@code N(t)}: the requests' worth of rate from the start to {@code nanos} after it. */
  public double expectedBy(long nanos) {
    double t = Math.max(0, nanos) / NANOS;
    double ramp = rampNanos / NANOS;
    if (rampNanos == 0) {
      return rate * t;
    }
    if (t <= ramp) {
      return rampFrom * t + (rate - rampFrom) * t * t / (2 * ramp);
    }
    return (rampFrom + rate) / 2 * ramp + rate * (t - ramp);
  }

  /** The scheduled rate at {@code nanos} after the start, requests per second. */
  public double rateAt(long nanos) {
    if (nanos >= rampNanos) {
      return rate;
    }
    return rampFrom + (rate - rampFrom) * Math.max(0, nanos) / (double) rampNanos;
  }

  /** The highest rate the schedule reaches. */
  public double peakRate() {
    return Math.max(rate, rampFrom);
  }
}
