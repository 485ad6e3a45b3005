package dev.faultline.format;

import dev.faultline.model.Extras;
import dev.faultline.model.Keyword;
import dev.faultline.model.TimeSpan;
import dev.faultline.validate.Paths;
import dev.faultline.validate.Problem;
import dev.faultline.validate.Severity;
import dev.faultline.validate.Suggestions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the fields of one mapping of a file, reporting wrong types, unknown words and unknown
 * fields as problems with the position of the offending node. Binding goes on after a problem so
 * one pass reports everything; a field with a wrong type reads as absent.
 */
final class Binding {
  private final DocMap map;
  private final String path;
  private final String what;
  private final List<Problem> problems;

  Binding(DocMap map, String path, String what, List<Problem> problems) {
    this.map = map;
    this.path = path;
    this.what = what;
    this.problems = problems;
  }

  /** Binds the node as a mapping, or reports that it is not one. */
  static Optional<Binding> of(DocNode node, String path, String what, List<Problem> problems) {
    if (node instanceof DocMap docMap) {
      return Optional.of(new Binding(docMap, path, what, problems));
    }
    if (!(node instanceof DocScalar scalar && scalar.value() == null)) {
      problems.add(
          error(
              node, path, what + " must be a mapping (key: value lines), not " + node.describe()));
    }
    return Optional.empty();
  }

  String path() {
    return path;
  }

  DocMap map() {
    return map;
  }

  String childPath(String key) {
    return Paths.child(path, key);
  }

  boolean has(String key) {
    return map.has(key);
  }

  Optional<DocNode> node(String key) {
    return map.get(key);
  }

  /** A text field; numbers and booleans are taken as their text (YAML reads {@code id: 1} as 1). */
  String string(String key) {
    return map.get(key).map(node -> stringValue(node, childPath(key))).orElse(null);
  }

  String requiredString(String key) {
    String value = string(key);
    if (value == null && !map.has(key)) {
      problems.add(error(map, path, what + " is missing the required field '" + key + "'"));
    }
    return value;
  }

  private String stringValue(DocNode node, String at) {
    if (node instanceof DocScalar scalar) {
      return scalar.value() == null ? null : scalarText(scalar.value());
    }
    problems.add(error(node, at, "expected a single value, not " + node.describe()));
    return null;
  }

  private static String scalarText(Object value) {
    if (value instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
      return String.valueOf(d);
    }
    return String.valueOf(value);
  }

  TimeSpan duration(String key) {
    String text = string(key);
    return text == null ? null : TimeSpan.of(text);
  }

  Integer integer(String key) {
    return wholeNumber(key, Integer.MIN_VALUE, Integer.MAX_VALUE).map(Long::intValue).orElse(null);
  }

  /** A whole number of up to 64 bits ({@code seed}). */
  Long longInteger(String key) {
    return wholeNumber(key, Long.MIN_VALUE, Long.MAX_VALUE).orElse(null);
  }

  private Optional<Long> wholeNumber(String key, long min, long max) {
    Optional<DocNode> node = map.get(key);
    if (node.isEmpty()) {
      return Optional.empty();
    }
    if (node.get() instanceof DocScalar scalar) {
      if (scalar.value() == null) {
        return Optional.empty();
      }
      if (scalar.value() instanceof Long value && value >= min && value <= max) {
        return Optional.of(value);
      }
    }
    problems.add(
        error(node.get(), childPath(key), "expected a whole number, not " + node.get().describe()));
    return Optional.empty();
  }

  /** A {@code true}/{@code false} field; {@code null} when absent. */
  Boolean bool(String key) {
    Optional<DocNode> node = map.get(key);
    if (node.isEmpty()) {
      return null;
    }
    if (node.get() instanceof DocScalar scalar
        && (scalar.value() == null || scalar.value() instanceof Boolean)) {
      return (Boolean) scalar.value();
    }
    problems.add(
        error(node.get(), childPath(key), "expected true or false, not " + node.get().describe()));
    return null;
  }

  Double number(String key) {
    Optional<DocNode> node = map.get(key);
    if (node.isEmpty()) {
      return null;
    }
    if (node.get() instanceof DocScalar scalar && scalar.value() instanceof Number value) {
      return value.doubleValue();
    }
    problems.add(
        error(node.get(), childPath(key), "expected a number, not " + node.get().describe()));
    return null;
  }

  <E extends Enum<E> & Keyword> E keyword(String key, Class<E> type) {
    String text = string(key);
    if (text == null) {
      return null;
    }
    Optional<E> value = Keyword.parse(type, text);
    if (value.isEmpty()) {
      List<String> words = Keyword.words(type);
      problems.add(
          error(
              map.get(key).orElseThrow(),
              childPath(key),
              "'"
                  + text
                  + "' is not a valid "
                  + key
                  + "; use one of "
                  + String.join(", ", words)
                  + Suggestions.didYouMean(text, words)));
    }
    return value.orElse(null);
  }

  /**
   * A list of words of one {@link Keyword} type ({@code phases: [Running, Pending]}); each word
   * that is not one is reported at its own position and left out. {@code null} when absent.
   */
  <E extends Enum<E> & Keyword> List<E> keywords(String key, String noun, Class<E> type) {
    List<String> texts = strings(key);
    if (texts == null) {
      return null;
    }
    DocList list = (DocList) map.get(key).orElseThrow();
    var values = new ArrayList<E>();
    for (int i = 0; i < list.items().size(); i++) {
      DocNode item = list.items().get(i);
      if (!(item instanceof DocScalar scalar) || scalar.value() == null) {
        continue; // strings() has reported it
      }
      String text = scalarText(scalar.value());
      Optional<E> value = Keyword.parse(type, text);
      if (value.isPresent()) {
        values.add(value.get());
      } else {
        List<String> words = Keyword.words(type);
        problems.add(
            error(
                item,
                Paths.index(childPath(key), i),
                "'"
                    + text
                    + "' is not a valid "
                    + noun
                    + "; use one of "
                    + String.join(", ", words)
                    + Suggestions.didYouMean(text, words)));
      }
    }
    return values;
  }

  /** A list of text values; {@code null} when absent. */
  List<String> strings(String key) {
    Optional<DocNode> node = map.get(key);
    if (node.isEmpty() || node.get() instanceof DocScalar s && s.value() == null) {
      return null;
    }
    if (!(node.get() instanceof DocList list)) {
      problems.add(
          error(
              node.get(),
              childPath(key),
              "'"
                  + key
                  + "' must be a list such as ["
                  + (node.get() instanceof DocScalar s ? scalarText(s.value()) : "a, b")
                  + "], not "
                  + node.get().describe()));
      return null;
    }
    var values = new ArrayList<String>();
    for (int i = 0; i < list.items().size(); i++) {
      String value = stringValue(list.items().get(i), Paths.index(childPath(key), i));
      if (value != null) {
        values.add(value);
      }
    }
    return values;
  }

  /** A nested mapping of text values ({@code labels}). */
  Map<String, String> stringMap(String key) {
    return map.get(key)
        .flatMap(node -> of(node, childPath(key), "'" + key + "'", problems))
        .map(
            inner -> {
              var values = new LinkedHashMap<String, String>();
              inner.map.entries().forEach(e -> values.put(e.key(), inner.string(e.key())));
              return (Map<String, String>) values;
            })
        .orElse(null);
  }

  /** A list of mappings, each handed to {@code item} with its path. */
  <T> List<T> list(String key, String itemWhat, ItemBinder<T> item) {
    Optional<DocNode> node = map.get(key);
    if (node.isEmpty() || node.get() instanceof DocScalar s && s.value() == null) {
      return List.of();
    }
    if (!(node.get() instanceof DocList list)) {
      problems.add(
          error(
              node.get(),
              childPath(key),
              "'" + key + "' must be a list, not " + node.get().describe()));
      return List.of();
    }
    var values = new ArrayList<T>();
    for (int i = 0; i < list.items().size(); i++) {
      String itemPath = Paths.index(childPath(key), i);
      int index = i;
      of(list.items().get(i), itemPath, itemWhat, problems)
          .map(binding -> item.bind(binding, index))
          .ifPresent(values::add);
    }
    return values;
  }

  /** A mapping of name to mapping, each handed to {@code item}, in file order. */
  <T> Map<String, T> namedMap(String key, String itemWhat, NamedBinder<T> item) {
    Optional<DocNode> node = map.get(key);
    var values = new LinkedHashMap<String, T>();
    node.flatMap(n -> of(n, childPath(key), "'" + key + "'", problems))
        .ifPresent(
            inner ->
                inner
                    .map
                    .entries()
                    .forEach(
                        e ->
                            of(
                                    e.value(),
                                    inner.childPath(e.key()),
                                    itemWhat + " '" + e.key() + "'",
                                    problems)
                                .map(binding -> item.bind(binding, e.key()))
                                .ifPresent(value -> values.put(e.key(), value))));
    return values;
  }

  /** A nested mapping bound by {@code inner}; {@code null} when absent or not a mapping. */
  <T> T object(String key, String innerWhat, java.util.function.Function<Binding, T> inner) {
    return map.get(key)
        .flatMap(node -> of(node, childPath(key), innerWhat, problems))
        .map(inner)
        .orElse(null);
  }

  /** Plain data of a free-form mapping ({@code with:}), or {@code null}. */
  Map<String, Object> plainMap(String key) {
    return map.get(key)
        .flatMap(node -> of(node, childPath(key), "'" + key + "'", problems))
        .map(inner -> inner.map.toPlain())
        .orElse(null);
  }

  /**
   * Fields not in {@code known}, kept as extras. Each one is reported as a warning (it may be a
   * typo) unless it starts with {@code x-}, the prefix for deliberate extension fields.
   */
  Extras extras(Set<String> known) {
    return extras(known, Set.of());
  }

  /**
   * Like {@link #extras(Set)}, keeping {@code quiet} fields without a warning (reported otherwise).
   */
  Extras extras(Set<String> known, Set<String> quiet) {
    var unknown = new LinkedHashMap<String, Object>();
    for (DocMap.Entry entry : map.entries()) {
      if (known.contains(entry.key())) {
        continue;
      }
      unknown.put(entry.key(), entry.value().toPlain());
      if (!entry.key().startsWith("x-") && !quiet.contains(entry.key())) {
        problems.add(
            new Problem(
                Severity.WARNING,
                childPath(entry.key()),
                entry.keyLine(),
                entry.keyColumn(),
                "unknown field '"
                    + entry.key()
                    + "' in "
                    + what
                    + Suggestions.didYouMean(entry.key(), known)
                    + " (kept as is; prefix extension fields with 'x-')"));
      }
    }
    return Extras.of(unknown);
  }

  void error(String key, String message) {
    problems.add(error(map.get(key).map(n -> (DocNode) n).orElse(map), childPath(key), message));
  }

  static Problem error(DocNode node, String path, String message) {
    return new Problem(Severity.ERROR, path, node.line(), node.column(), message);
  }

  @FunctionalInterface
  interface ItemBinder<T> {
    T bind(Binding item, int index);
  }

  @FunctionalInterface
  interface NamedBinder<T> {
    T bind(Binding item, String name);
  }
}
