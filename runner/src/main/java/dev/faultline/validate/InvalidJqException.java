package dev.faultline.validate;

import java.util.Objects;

/** A jq expression that does not compile or calls a function that does not exist. */
public final class InvalidJqException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final transient JqError error;

  public InvalidJqException(JqError error) {
    super(Objects.requireNonNull(error, "error").message());
    this.error = error;
  }

  /** What is wrong and where. */
  public JqError error() {
    return error;
  }
}
