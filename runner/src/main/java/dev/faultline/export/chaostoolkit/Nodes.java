package dev.faultline.export.chaostoolkit;

import dev.faultline.export.ConversionWarning;
import dev.faultline.export.ImportException;
import dev.faultline.format.DocList;
import dev.faultline.format.DocMap;
import dev.faultline.format.DocNode;
import dev.faultline.format.DocScalar;
import java.util.List;
import java.util.Optional;

/** Typed reads of a Chaos Toolkit document, failing with the path and position of bad input. */
final class Nodes {
  private Nodes() {}

  static DocMap map(DocNode node, String path) throws ImportException {
    if (node instanceof DocMap map) {
      return map;
    }
    throw wrong(node, path, "a mapping");
  }

  static List<DocNode> list(DocNode node, String path) throws ImportException {
    if (node instanceof DocList list) {
      return list.items();
    }
    throw wrong(node, path, "a list");
  }

  static String requiredString(DocMap map, String key, String path) throws ImportException {
    DocNode node =
        map.get(key)
            .orElseThrow(
                () ->
                    new ImportException(
                        "'" + join(path, key) + "' is required",
                        join(path, key),
                        map.line(),
                        map.column()));
    return string(node, join(path, key));
  }

  static Optional<String> optionalString(DocMap map, String key, String path)
      throws ImportException {
    Optional<DocNode> node = map.get(key);
    return node.isEmpty() ? Optional.empty() : Optional.of(string(node.get(), join(path, key)));
  }

  static String string(DocNode node, String path) throws ImportException {
    if (node instanceof DocScalar s && s.value() instanceof String text) {
      return text;
    }
    throw wrong(node, path, "a string");
  }

  /** A plain value of a field, or null when absent. */
  static Object plain(DocMap map, String key) {
    return map.get(key).map(DocNode::toPlain).orElse(null);
  }

  static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  static ConversionWarning warning(DocNode at, String path, String message) {
    return new ConversionWarning(path, at.line(), at.column(), message);
  }

  private static ImportException wrong(DocNode node, String path, String expected) {
    return new ImportException(
        "'" + path + "' must be " + expected + ", not " + node.describe(),
        path,
        node.line(),
        node.column());
  }
}
