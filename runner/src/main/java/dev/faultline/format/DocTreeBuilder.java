package dev.faultline.format;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the entries of one mapping and refuses a key that is already there. Shared by the YAML
 * and JSON readers so duplicate keys give the same message in both.
 */
final class DocTreeBuilder {
  private final List<DocMap.Entry> entries = new ArrayList<>();
  private final Map<String, DocMap.Entry> seen = new HashMap<>();

  void put(String key, int keyLine, int keyColumn, DocNode value) throws SyntaxException {
    var first = seen.get(key);
    if (first != null) {
      throw new SyntaxException(
          "duplicate key '" + key + "' (first defined at line " + first.keyLine() + ")",
          keyLine,
          keyColumn);
    }
    var entry = new DocMap.Entry(key, keyLine, keyColumn, value);
    seen.put(key, entry);
    entries.add(entry);
  }

  DocMap build(int line, int column) {
    return new DocMap(entries, line, column);
  }
}
