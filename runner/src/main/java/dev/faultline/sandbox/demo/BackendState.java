package dev.faultline.sandbox.demo;

/**
 * How many of a Service's backing pods are ready, at one instant.
 *
 * <p>One value rather than two separate reads, so a request never sees a ready count taken before a
 * scale-down combined with a total taken after it.
 *
 * @param ready pods that are Ready and would receive traffic
 * @param total pods that back the Service, ready or not
 */
public record BackendState(int ready, int total) {
  /** Rejects counts no pod list can produce. */
  public BackendState {
    if (ready < 0 || total < 0 || ready > total) {
      throw new IllegalArgumentException(
          "need 0 <= ready <= total, got ready=" + ready + " total=" + total);
    }
  }
}
