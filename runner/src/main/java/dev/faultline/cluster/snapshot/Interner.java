package dev.faultline.cluster.snapshot;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Shares equal strings between snapshot views. Label keys and values, namespaces, node names, owner
 * names and container names repeat across thousands of pods; sharing them is most of why a {@link
 * PodView} costs a fraction of a fabric8 {@code Pod}.
 */
final class Interner {
  private final ConcurrentHashMap<String, String> strings = new ConcurrentHashMap<>();

  String of(String value) {
    if (value == null) {
      return "";
    }
    String existing = strings.putIfAbsent(value, value);
    return existing == null ? value : existing;
  }

  Map<String, String> of(Map<String, String> map) {
    if (map == null || map.isEmpty()) {
      return Map.of();
    }
    var copy = new LinkedHashMap<String, String>(map.size() * 2);
    map.forEach((k, v) -> copy.put(of(k), of(v)));
    return Collections.unmodifiableMap(copy);
  }

  <T> List<T> list(List<T> values) {
    return values.isEmpty() ? List.of() : List.copyOf(values);
  }

  int size() {
    return strings.size();
  }
}
