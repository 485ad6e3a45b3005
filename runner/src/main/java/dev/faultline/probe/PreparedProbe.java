package dev.faultline.probe;

/**
 * A probe ready to call. {@link #sample()} may be called from several threads, but the engine never
 * overlaps two calls of the same probe (a slow call makes the next one start late, not twice).
 */
public interface PreparedProbe extends AutoCloseable {
  /**
   * Checks once. A failed check is a failed sample, never an exception. Returns within the probe's
   * own timeout (a hanging target gives a failed sample naming the timeout).
   *
   * @throws InterruptedException when the run is cancelled while the call is in flight
   */
  ProbeSample sample() throws InterruptedException;

  /** Releases connections or port-forwards. */
  @Override
  default void close() {}
}
