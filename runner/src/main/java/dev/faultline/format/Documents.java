package dev.faultline.format;

/**
 * Parses YAML or JSON text into a {@link DocNode} tree with line and column positions, for readers
 * of other formats (importers) that want the same error messages and positions as experiment files.
 */
public final class Documents {
  private Documents() {}

  /**
   * Parses one document.
   *
   * @param sourceName the file name for messages, may be empty
   * @throws SyntaxException with the line and column of the first syntax error
   */
  public static DocNode parse(String text, Syntax syntax, String sourceName)
      throws SyntaxException {
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    return syntax == Syntax.JSON
        ? new JsonDocReader().read(body)
        : new YamlDocReader().read(body, sourceName);
  }
}
