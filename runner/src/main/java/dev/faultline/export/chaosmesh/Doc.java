package dev.faultline.export.chaosmesh;

import dev.faultline.export.ConversionWarning;
import dev.faultline.export.ImportException;
import dev.faultline.format.DocList;
import dev.faultline.format.DocMap;
import dev.faultline.format.DocNode;
import dev.faultline.format.DocScalar;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A node of an imported document with its path ({@code spec.templates[2].deadline}), read with type
 * checks that fail as an {@link ImportException} naming the path, line and column. Every key read
 * is recorded in a shared set, so what nobody read can be listed as warnings afterwards.
 */
record Doc(DocNode node, String path, Set<String> read) {
  Doc child(DocNode value, String key) {
    return new Doc(value, path.isEmpty() ? key : path + "." + key, read);
  }

  boolean isMap() {
    return node instanceof DocMap;
  }

  /** The value under {@code key}, marked as read; empty when absent or null. */
  Optional<Doc> get(String key) throws ImportException {
    DocMap map = map();
    Optional<DocNode> value = map.get(key);
    Doc child = child(value.orElse(null), key);
    read.add(child.path);
    if (value.isEmpty() || value.get() instanceof DocScalar s && s.value() == null) {
      return Optional.empty();
    }
    return Optional.of(child);
  }

  Doc required(String key) throws ImportException {
    return get(key).orElseThrow(() -> error("'" + key + "' is missing"));
  }

  DocMap map() throws ImportException {
    if (node instanceof DocMap map) {
      return map;
    }
    throw error("expected a mapping, found " + describe());
  }

  List<Doc> list() throws ImportException {
    if (node instanceof DocList list) {
      var items = new ArrayList<Doc>();
      for (int i = 0; i < list.items().size(); i++) {
        items.add(new Doc(list.items().get(i), path + "[" + i + "]", read));
      }
      return items;
    }
    throw error("expected a list, found " + describe());
  }

  /** A scalar as text: numbers and booleans are accepted as they are written. */
  String string() throws ImportException {
    if (node instanceof DocScalar s && s.value() != null) {
      return String.valueOf(s.value());
    }
    throw error("expected a text value, found " + describe());
  }

  List<String> strings() throws ImportException {
    var values = new ArrayList<String>();
    for (Doc item : list()) {
      values.add(item.string());
    }
    return values;
  }

  long integer() throws ImportException {
    if (node instanceof DocScalar s && s.value() instanceof Long l) {
      return l;
    }
    if (node instanceof DocScalar s && s.value() instanceof String text && text.matches("-?\\d+")) {
      try {
        return Long.parseLong(text);
      } catch (NumberFormatException e) {
        throw error("the whole number " + text + " is too large");
      }
    }
    throw error("expected a whole number, found " + describe());
  }

  boolean bool() throws ImportException {
    if (node instanceof DocScalar s && s.value() instanceof Boolean b) {
      return b;
    }
    throw error("expected true or false, found " + describe());
  }

  /** The keys of a mapping, in document order. */
  List<String> keys() throws ImportException {
    return map().entries().stream().map(DocMap.Entry::key).toList();
  }

  ImportException error(String message) {
    return new ImportException(
        (path.isEmpty() ? "" : path + ": ") + message, path, line(), column());
  }

  ConversionWarning warning(String message) {
    return new ConversionWarning(path, line(), column(), message);
  }

  int line() {
    return node == null ? 0 : node.line();
  }

  int column() {
    return node == null ? 0 : node.column();
  }

  private String describe() {
    return node == null ? "nothing" : node.describe();
  }

  /**
   * Warnings for every key under this mapping that was not read, naming the key; keys below an
   * unread key are not listed again.
   */
  void unread(String what, List<ConversionWarning> warnings) {
    if (!(node instanceof DocMap map)) {
      return;
    }
    for (DocMap.Entry entry : map.entries()) {
      Doc child = child(entry.value(), entry.key());
      if (!read.contains(child.path)) {
        warnings.add(
            new ConversionWarning(
                child.path,
                entry.keyLine(),
                entry.keyColumn(),
                "'" + entry.key() + "' of " + what + " has no Faultline counterpart; left out"));
      } else {
        child.unread(what, warnings);
      }
    }
  }

  /** The node at a path like {@code spec.templates[3].children[1]}, or the deepest that exists. */
  Doc at(String target) {
    Doc current = this;
    for (String part : target.split("\\.")) {
      String key = part.contains("[") ? part.substring(0, part.indexOf('[')) : part;
      if (!key.isEmpty()) {
        if (!(current.node instanceof DocMap map) || map.get(key).isEmpty()) {
          return current;
        }
        current = current.child(map.get(key).get(), key);
      }
      var index = java.util.regex.Pattern.compile("\\[(\\d+)]").matcher(part);
      while (index.find()) {
        int i = Integer.parseInt(index.group(1));
        if (!(current.node instanceof DocList list) || i >= list.items().size()) {
          return current;
        }
        current = new Doc(list.items().get(i), current.path + "[" + i + "]", read);
      }
    }
    return current;
  }
}
