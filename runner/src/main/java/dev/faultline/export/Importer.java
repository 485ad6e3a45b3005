package dev.faultline.export;

import dev.faultline.format.DocNode;

/**
 * Reads another tool's document into our model. {@link Imports} parses the text once and asks each
 * importer whether the document is its format.
 */
public interface Importer {
  /** What this importer reads, for messages: {@code Chaos Mesh Workflow or chaos object}. */
  String formatName();

  /** Whether {@code root} looks like this importer's format (by apiVersion/kind or keys). */
  boolean accepts(DocNode root);

  /**
   * Maps the document to an experiment with a generated layout.
   *
   * @param sourceName file name for the experiment's name when the document has none
   * @throws ImportException when required parts are missing or malformed, with their position
   */
  ImportResult read(DocNode root, String sourceName) throws ImportException;
}
