package dev.faultline.sandbox.demo;

import java.time.Duration;
import java.util.Objects;

/**
 * Faults one source (a simulated NetworkChaos, an Istio VirtualService, ...) injects into a demo
 * service's traffic.
 *
 * <p>A delayed request waits {@code latency} plus a uniform offset in {@code [-jitter, +jitter]}
 * (never less than zero), like netem's delay with jitter. Only {@code delayPercent} of requests are
 * delayed, like Istio's {@code fault.delay.percentage}. Independently, {@code abortPercent} of
 * requests are answered with {@code abortStatus} instead of reaching a backend, like Istio's {@code
 * fault.abort}.
 *
 * @param latency added latency of a delayed request; zero for none
 * @param jitter half-width of the uniform spread around {@code latency}; zero for none
 * @param delayPercent share of requests that are delayed, 0 to 100
 * @param abortPercent share of requests that are aborted, 0 to 100
 * @param abortStatus HTTP status of an aborted request, 400 to 599
 * @param match the requests the layer acts on (HTTPChaos matching); {@link RequestMatch#ALL} for
 *     every request
 * @param rewrite how matching requests and their answers are rewritten (HTTPChaos replace and
 *     patch)
 * @param clockOffset how far the service's clock is off (TimeChaos): the {@code Date} header and
 *     the {@code time} field of its answers show it
 */
public record Faults(
    Duration latency,
    Duration jitter,
    double delayPercent,
    double abortPercent,
    int abortStatus,
    RequestMatch match,
    HttpRewrite rewrite,
    Duration clockOffset) {

  /** No fault at all. */
  public static final Faults NONE = new Faults(Duration.ZERO, Duration.ZERO, 100, 0, 503);

  /** Delays and aborts of every request, without rewrites or clock skew. */
  public Faults(
      Duration latency,
      Duration jitter,
      double delayPercent,
      double abortPercent,
      int abortStatus) {
    this(
        latency,
        jitter,
        delayPercent,
        abortPercent,
        abortStatus,
        RequestMatch.ALL,
        HttpRewrite.NONE,
        Duration.ZERO);
  }

  /** Rejects values a fault controller cannot mean. */
  public Faults {
    Objects.requireNonNull(latency, "latency");
    Objects.requireNonNull(jitter, "jitter");
    match = match == null ? RequestMatch.ALL : match;
    rewrite = rewrite == null ? HttpRewrite.NONE : rewrite;
    clockOffset = clockOffset == null ? Duration.ZERO : clockOffset;
    if (latency.isNegative() || jitter.isNegative()) {
      throw new IllegalArgumentException("latency and jitter must not be negative");
    }
    checkPercent("delayPercent", delayPercent);
    checkPercent("abortPercent", abortPercent);
    // An "abort" answered with 2xx or 3xx would not look like a failure to anyone.
    if (abortStatus < 400 || abortStatus > 599) {
      throw new IllegalArgumentException("abortStatus must be 400..599, got " + abortStatus);
    }
  }

  private static void checkPercent(String name, double value) {
    if (!(value >= 0 && value <= 100)) {
      throw new IllegalArgumentException(name + " must be 0..100, got " + value);
    }
  }

  /** Every request is delayed by {@code latency}. */
  public static Faults delay(Duration latency) {
    return NONE.withDelay(latency, Duration.ZERO, 100);
  }

  /** {@code percent} of requests are aborted with {@code status}. */
  public static Faults abort(double percent, int status) {
    return NONE.withAbort(percent, status);
  }

  /** The service's clock is off by {@code offset}; requests are otherwise untouched. */
  public static Faults clockOffset(Duration offset) {
    return NONE.withClockOffset(offset);
  }

  /** A copy with the given delay; {@code percent} of requests are delayed. */
  public Faults withDelay(Duration latency, Duration jitter, double percent) {
    return new Faults(
        latency, jitter, percent, abortPercent, abortStatus, match, rewrite, clockOffset);
  }

  /** A copy with the given jitter around the latency. */
  public Faults withJitter(Duration jitter) {
    return withDelay(latency, jitter, delayPercent);
  }

  /** A copy in which only {@code percent} of requests are delayed. */
  public Faults withDelayPercent(double percent) {
    return withDelay(latency, jitter, percent);
  }

  /** A copy that aborts {@code percent} of requests with {@code status}. */
  public Faults withAbort(double percent, int status) {
    return new Faults(latency, jitter, delayPercent, percent, status, match, rewrite, clockOffset);
  }

  /** A copy that acts only on the requests {@code match} selects. */
  public Faults withMatch(RequestMatch match) {
    return new Faults(
        latency, jitter, delayPercent, abortPercent, abortStatus, match, rewrite, clockOffset);
  }

  /** A copy that rewrites matching requests and answers. */
  public Faults withRewrite(HttpRewrite rewrite) {
    return new Faults(
        latency, jitter, delayPercent, abortPercent, abortStatus, match, rewrite, clockOffset);
  }

  /** A copy with the service's clock off by {@code offset}. */
  public Faults withClockOffset(Duration offset) {
    return new Faults(
        latency, jitter, delayPercent, abortPercent, abortStatus, match, rewrite, offset);
  }

  /** Whether some request could be delayed. */
  public boolean delays() {
    return delayPercent > 0 && (latency.isPositive() || jitter.isPositive());
  }

  /** Whether some request could be aborted. */
  public boolean aborts() {
    return abortPercent > 0;
  }
}
