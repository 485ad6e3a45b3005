package dev.faultline.format;

/** The text is not well-formed YAML or JSON, or breaks a rule every file must keep. */
public final class SyntaxException extends Exception {
  private final int line;
  private final int column;

  public SyntaxException(String message, int line, int column) {
    super(message);
    this.line = line;
    this.column = column;
  }

  /** 1-based, 0 when unknown. */
  public int line() {
    return line;
  }

  /** 1-based, 0 when unknown. */
  public int column() {
    return column;
  }
}
