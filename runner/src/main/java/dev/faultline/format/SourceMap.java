package dev.faultline.format;

import dev.faultline.validate.Locator;
import dev.faultline.validate.Paths;
import java.util.HashMap;
import java.util.Map;

/** Where each field path of a parsed file starts, for problems found after binding. */
public final class SourceMap implements Locator {
  private final Map<String, DocNode> nodes = new HashMap<>();
  private final Map<String, DocMap.Entry> keys = new HashMap<>();

  public static SourceMap of(DocNode root) {
    var map = new SourceMap();
    map.index("", root);
    return map;
  }

  private void index(String path, DocNode node) {
    nodes.put(path, node);
    switch (node) {
      case DocMap map ->
          map.entries()
              .forEach(
                  entry -> {
                    String child = Paths.child(path, entry.key());
                    keys.put(child, entry);
                    index(child, entry.value());
                  });
      case DocList list -> {
        for (int i = 0; i < list.items().size(); i++) {
          index(Paths.index(path, i), list.items().get(i));
        }
      }
      case DocScalar scalar -> {}
    }
  }

  @Override
  public int[] locate(String path, int offset) {
    DocNode exact = nodes.get(path);
    if (exact != null) {
      int shift = exact instanceof DocScalar scalar ? scalar.contentOffset() + offset : 0;
      return new int[] {exact.line(), exact.column() + shift};
    }
    for (String up = Paths.parent(path); ; up = Paths.parent(up)) {
      DocNode node = nodes.get(up);
      if (node != null) {
        return new int[] {node.line(), node.column()};
      }
      if (up.isEmpty()) {
        return new int[] {0, 0};
      }
    }
  }

  /** Position of the key of a field (for "unknown field"), or of the value when it has no key. */
  public int[] locateKey(String path) {
    DocMap.Entry entry = keys.get(path);
    return entry == null ? locate(path, 0) : new int[] {entry.keyLine(), entry.keyColumn()};
  }
}
