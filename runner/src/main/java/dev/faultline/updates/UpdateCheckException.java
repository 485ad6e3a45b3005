package dev.faultline.updates;

/**
 * A check that found nothing, with a message for the user that names the feed's URL and the cause
 * (offline, an HTTP status, a feed that is not what was expected). Never a stack trace.
 */
public final class UpdateCheckException extends Exception {
  private static final long serialVersionUID = 1L;

  UpdateCheckException(String message) {
    super(message);
  }

  UpdateCheckException(String message, Throwable cause) {
    super(message, cause);
  }
}
