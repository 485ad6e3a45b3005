package dev.faultline.export;

/**
 * A file cannot be imported: it does not parse, is of no format we know, or lacks what its format
 * requires. Carries the position of the problem (0 when unknown).
 */
public final class ImportException extends Exception {
  private final String path;
  private final int line;
  private final int column;

  public ImportException(String message, String path, int line, int column) {
    super(message);
    this.path = path == null ? "" : path;
    this.line = line;
    this.column = column;
  }

  public String path() {
    return path;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }
}
