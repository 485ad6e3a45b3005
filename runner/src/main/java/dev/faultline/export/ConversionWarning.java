package dev.faultline.export;

import java.util.Objects;

/**
 * Something an export or import could not carry over exactly: a jq filter Chaos Mesh cannot
 * express, a Chaos Toolkit action we have no attack for. Listed to the user, never dropped
 * silently.
 *
 * @param path where in the source it is: a field path of our experiment for exports ({@code
 *     spec.steps[2].with.jq}), of the foreign document for imports ({@code
 *     spec.templates[3].task}); empty for the whole document
 * @param line 1-based line in the source text, 0 when unknown (always 0 for exports, whose source
 *     is a model)
 * @param column 1-based column in the source text, 0 when unknown
 * @param message what was lost or changed and what the result does instead, in the user's words
 */
public record ConversionWarning(String path, int line, int column, String message) {
  public ConversionWarning {
    path = path == null ? "" : path;
    Objects.requireNonNull(message, "message");
  }

  /** A warning without a position in a text. */
  public static ConversionWarning at(String path, String message) {
    return new ConversionWarning(path, 0, 0, message);
  }

  /** {@code LINE:COL: path: message}, leaving out what is unknown. */
  @Override
  public String toString() {
    String where = line > 0 ? line + ":" + column + ": " : "";
    return where + (path.isEmpty() ? "" : path + ": ") + message;
  }
}
