package dev.faultline.model;

/**
 * Field selector text that Kubernetes would reject, or that names a field Faultline cannot select
 * pods by. The message names the problem, e.g. {@code unsupported field 'status.podIP'}.
 */
public final class FieldSelectorException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final int index;

  /**
   * @param message what is wrong, without the selector text itself
   * @param index 0-based offset in the selector text where the problem is
   */
  public FieldSelectorException(String message, int index) {
    super(message);
    this.index = index;
  }

  /** The 0-based character offset in the selector text where the problem is. */
  public int index() {
    return index;
  }
}
