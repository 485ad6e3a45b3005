package dev.faultline.attack;

/**
 * An attack could not be prepared, applied or rolled back. The message names the object and what
 * went wrong in words a person can act on; {@link #retryable()} tells the engine whether trying
 * again later (after an API outage) may help.
 */
public class AttackException extends Exception {
  private final boolean retryable;

  public AttackException(String message, boolean retryable, Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
  }

  public AttackException(String message) {
    this(message, false, null);
  }

  public boolean retryable() {
    return retryable;
  }
}
