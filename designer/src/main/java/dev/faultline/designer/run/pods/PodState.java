package dev.faultline.designer.run.pods;

/** What a targeted pod looked like at one sample. */
public enum PodState {
  /** Not sampled yet. */
  UNKNOWN,
  READY,
  /** Present but not ready: starting, frozen, failing its readiness probe, terminating. */
  NOT_READY,
  /** No longer in the cluster. */
  GONE
}
