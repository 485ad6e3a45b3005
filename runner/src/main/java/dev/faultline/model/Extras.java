package dev.faultline.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fields of a file object that this version of Faultline does not know. They are kept in their
 * original order and written back unchanged, so files from newer tools or with {@code x-} extension
 * fields survive a load/save cycle.
 *
 * @param fields field name to plain data (String, Long, Double, Boolean, null, List, Map)
 */
public record Extras(Map<String, Object> fields) {
  public static final Extras NONE = new Extras(Map.of());

  public Extras {
    fields = PlainData.freezeMap(fields);
  }

  public static Extras of(Map<String, Object> fields) {
    return fields == null || fields.isEmpty() ? NONE : new Extras(fields);
  }

  public boolean isEmpty() {
    return fields.isEmpty();
  }

  /** A copy with one more (or a replaced) field, keeping order. */
  public Extras with(String name, Object value) {
    var copy = new LinkedHashMap<>(fields);
    copy.put(name, value);
    return new Extras(Collections.unmodifiableMap(copy));
  }
}
