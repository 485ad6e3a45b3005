package dev.faultline.chaos;

/**
 * A run could not start: the experiment has errors, no cluster could be chosen or reached, or the
 * context is protected and was not confirmed. Nothing was applied to the cluster.
 */
public final class ChaosRunException extends RuntimeException {
  public ChaosRunException(String message) {
    super(message);
  }

  public ChaosRunException(String message, Throwable cause) {
    super(message, cause);
  }
}
