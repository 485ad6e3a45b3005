package dev.faultline.probe;

/**
 * Runs one probe type of the catalog (the executor for {@link #probeId()}).
 *
 * <p>{@link #prepare} checks and compiles everything once (URL, jq filter, target) without calling
 * anything; the engine then calls {@link PreparedProbe#sample()} as often as the probe's mode says.
 * Executors are stateless and thread-safe. A new probe type is one descriptor in the catalog plus
 * one executor registered in {@link ProbeExecutors}.
 */
public interface ProbeExecutor {
  /** The descriptor id this executor runs, e.g. {@code http.check}. */
  String probeId();

  /**
   * Makes a probe ready to sample.
   *
   * @throws ProbeException when the parameters cannot work (jq syntax, malformed URL)
   */
  PreparedProbe prepare(ProbeRequest request, ProbeContext context) throws ProbeException;
}
