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
 */
public record Faults(
    Duration latency, Duration jitter, double delayPercent, double abortPercent, int abortStatus) {

  /** No fault at all. */
  public static final Faults NONE = new Faults(Duration.ZERO, Duration.ZERO, 100, 0, 503);

  /** Rejects values a fault controller cannot mean. */
  public Faults {
    Objects.requireNonNull(latency, "latency");
    Objects.requireNonNull(jitter, "jitter");
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

  /** A copy with the given delay; {@code percent} of requests are delayed. */
  public Faults withDelay(Duration latency, Duration jitter, double percent) {
    return new Faults(latency, jitter, percent, abortPercent, abortStatus);
  }

  /** A copy with the given jitter around the latency. */
  public Faults withJitter(Duration jitter) {
    return new Faults(latency, jitter, delayPercent, abortPercent, abortStatus);
  }

  /** A copy in which only {@code percent} of requests are delayed. */
  public Faults withDelayPercent(double percent) {
    return new Faults(latency, jitter, percent, abortPercent, abortStatus);
  }

  /** A copy that aborts {@code percent} of requests with {@code status}. */
  public Faults withAbort(double percent, int status) {
    return new Faults(latency, jitter, delayPercent, percent, status);
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
