package dev.faultline.sandbox.api;

/** TEMPORARY STUB. */
public class PatchException extends Exception {
  private final int status;

  public PatchException(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
