package dev.faultline.model.edit;

/** An edit that does not fit the experiment; the message says why, in the user's words. */
public final class EditRefused extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public EditRefused(String message) {
    super(message);
  }
}
