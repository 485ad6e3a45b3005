package dev.faultline.safety;

/**
 * Annotations Faultline puts on every object it changes, so leftovers of a crashed run can be found
 * in the cluster even without the journal file (another machine, a lost home directory).
 */
public final class FaultAnnotations {
  private FaultAnnotations() {}

  /** The id of the run that changed the object. */
  public static final String RUN_ID = "faultline.dev/run-id";

  /**
   * The fault (JSON, as in the journal) that the object carries, for rollback without the journal.
   */
  public static final String FAULT = "faultline.dev/fault";

  /**
   * Label on objects an attack created ({@code k8s.manifest}, {@code mesh.istio.fault}), with the
   * run id as value.
   */
  public static final String CREATED_BY_RUN = "faultline.dev/created-by-run";
}
