package dev.faultline.probe;

/**
 * A probe cannot be set up (bad jq, bad URL, unknown target); failed checks are samples, not this.
 */
public class ProbeException extends Exception {
  public ProbeException(String message, Throwable cause) {
    super(message, cause);
  }

  public ProbeException(String message) {
    super(message);
  }
}
