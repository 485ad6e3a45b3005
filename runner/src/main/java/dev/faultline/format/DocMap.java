package dev.faultline.format;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A mapping with string keys in source order. Duplicate keys are refused while the tree is built
 * ({@link DocTreeBuilder}), so keys here are unique.
 */
public record DocMap(List<Entry> entries, int line, int column) implements DocNode {
  public DocMap {
    entries = List.copyOf(entries);
  }

  /** One {@code key: value} pair; the key's own position is where "unknown field" points. */
  public record Entry(String key, int keyLine, int keyColumn, DocNode value) {}

  public Optional<Entry> entry(String key) {
    return entries.stream().filter(e -> e.key().equals(key)).findFirst();
  }

  public Optional<DocNode> get(String key) {
    return entry(key).map(Entry::value);
  }

  public boolean has(String key) {
    return entry(key).isPresent();
  }

  /** A copy with {@code key} set to {@code value}, in place when it exists, else at the end. */
  public DocMap with(String key, DocNode value) {
    var copy = new java.util.ArrayList<Entry>(entries.size() + 1);
    boolean replaced = false;
    for (Entry e : entries) {
      if (e.key().equals(key)) {
        copy.add(new Entry(key, e.keyLine(), e.keyColumn(), value));
        replaced = true;
      } else {
        copy.add(e);
      }
    }
    if (!replaced) {
      copy.add(new Entry(key, value.line(), value.column(), value));
    }
    return new DocMap(copy, line, column);
  }

  /** A copy with the field renamed, keeping its place and position (for migrations). */
  public DocMap renamed(String from, String to) {
    return new DocMap(
        entries.stream()
            .map(
                e ->
                    e.key().equals(from) ? new Entry(to, e.keyLine(), e.keyColumn(), e.value()) : e)
            .toList(),
        line,
        column);
  }

  @Override
  public String describe() {
    return "a mapping";
  }

  @Override
  public Map<String, Object> toPlain() {
    var plain = new LinkedHashMap<String, Object>();
    entries.forEach(e -> plain.put(e.key(), e.value().toPlain()));
    return Collections.unmodifiableMap(plain);
  }
}
