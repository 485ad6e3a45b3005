package dev.faultline.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deep, order-keeping immutable copies of plain data trees: maps, lists, strings, numbers, booleans
 * and null. {@code Map.copyOf} would lose order and reject nulls, both of which a file may have.
 */
public final class PlainData {
  private PlainData() {}

  public static Map<String, Object> freezeMap(Map<String, ?> map) {
    if (map == null || map.isEmpty()) {
      return Map.of();
    }
    var copy = new LinkedHashMap<String, Object>();
    map.forEach((key, value) -> copy.put(key, freeze(value)));
    return Collections.unmodifiableMap(copy);
  }

  public static Object freeze(Object value) {
    if (value instanceof Map<?, ?> map) {
      var copy = new LinkedHashMap<String, Object>();
      map.forEach((key, item) -> copy.put(String.valueOf(key), freeze(item)));
      return Collections.unmodifiableMap(copy);
    }
    if (value instanceof List<?> list) {
      var copy = new ArrayList<>(list.size());
      list.forEach(item -> copy.add(freeze(item)));
      return Collections.unmodifiableList(copy);
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof Float f) {
      return f.doubleValue();
    }
    return value;
  }

  /**
   * An order-keeping map from alternating keys and values, for parameters written in Java: {@code
   * map("app", "details", "tier", null)}. Unlike {@code Map.of} it keeps the written order (so a
   * saved file reads like the code) and allows null values.
   *
   * @throws IllegalArgumentException when a key is missing or not a string
   */
  public static Map<String, Object> map(Object... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException(
          "map(...) takes keys and values in pairs; got " + keysAndValues.length + " arguments");
    }
    var copy = new LinkedHashMap<String, Object>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      if (!(keysAndValues[i] instanceof String key)) {
        throw new IllegalArgumentException(
            "map(...) argument " + (i + 1) + " must be a key (a string): " + keysAndValues[i]);
      }
      copy.put(key, freeze(keysAndValues[i + 1]));
    }
    return Collections.unmodifiableMap(copy);
  }

  /** Immutable copy of a list of strings that treats {@code null} as empty. */
  public static List<String> strings(List<String> list) {
    return list == null ? List.of() : List.copyOf(list);
  }
}
