package dev.faultline.target;

/**
 * A target that cannot be resolved because a selector, regex or blast radius in it is invalid. The
 * validator reports the same mistakes with their position in the file; this is for callers that
 * resolve a target without validating it first.
 */
public final class InvalidTargetException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String field;

  /**
   * @param field the target field at fault, e.g. {@code podName} or {@code blastRadius}
   * @param message what is wrong
   */
  public InvalidTargetException(String field, String message, Throwable cause) {
    super(field + ": " + message, cause);
    this.field = field;
  }

  /** The target field at fault, e.g. {@code podName}. */
  public String field() {
    return field;
  }
}
