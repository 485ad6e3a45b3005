package dev.faultline.model;

/**
 * Selector text that Kubernetes would reject. The message names the problem and the offending
 * token, e.g. {@code expected ',' or end of selector after 'app=web', found 'tier'}.
 */
public final class LabelSelectorException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final int index;

  /**
   * @param message what is wrong, without the selector text itself
   * @param index 0-based offset in the selector text where the problem is
   */
  public LabelSelectorException(String message, int index) {
    super(message);
    this.index = index;
  }

  /**
   * The 0-based character offset in the selector text where the problem is; the text's length when
   * something is missing at the end.
   */
  public int index() {
    return index;
  }
}
