package dev.faultline.sandbox.api;

/**
 * A PATCH that cannot be applied, with the HTTP status and {@code Status.reason} kube-apiserver
 * answers it with, so the dispatcher can write a {@code Status} kubectl understands.
 */
public final class PatchException extends Exception {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String reason;

  public PatchException(int status, String reason, String message) {
    super(message);
    this.status = status;
    this.reason = reason;
  }

  /** 400 for a body that is not a patch document at all. */
  static PatchException badRequest(String message) {
    return new PatchException(400, "BadRequest", message);
  }

  /** 422 for a well-formed patch that cannot be applied to this object. */
  static PatchException unprocessable(String message) {
    return new PatchException(422, "Invalid", message);
  }

  /** The HTTP status code: 400, 409, 415 or 422. */
  public int status() {
    return status;
  }

  /** The {@code Status.reason}: BadRequest, Conflict, UnsupportedMediaType or Invalid. */
  public String reason() {
    return reason;
  }
}
