package dev.faultline.validate;

/** How bad a problem is. Errors make a file invalid; warnings do not. */
public enum Severity {
  ERROR("error"),
  WARNING("warning");

  private final String word;

  Severity(String word) {
    this.word = word;
  }

  /** The word used in CLI output ({@code error}, {@code warning}). */
  public String word() {
    return word;
  }
}
