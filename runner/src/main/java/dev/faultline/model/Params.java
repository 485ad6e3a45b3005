package dev.faultline.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code with:} block of an attack or probe: parameter name to plain data, in file order. What
 * the parameters mean is defined by the step's descriptor in {@code dev.faultline.catalog}.
 */
public record Params(Map<String, Object> values) {
  public static final Params NONE = new Params(Map.of());

  public Params {
    values = PlainData.freezeMap(values);
  }

  public static Params of(Map<String, ?> values) {
    return values == null || values.isEmpty() ? NONE : new Params(PlainData.freezeMap(values));
  }

  public Optional<Object> get(String name) {
    return Optional.ofNullable(values.get(name));
  }

  public boolean has(String name) {
    return values.containsKey(name);
  }

  /** A copy with one parameter set, keeping the position of an existing one. */
  public Params with(String name, Object value) {
    var copy = new LinkedHashMap<String, Object>(values);
    copy.put(name, value);
    return new Params(copy);
  }

  /** A copy without the named parameter. */
  public Params without(String name) {
    var copy = new LinkedHashMap<String, Object>(values);
    copy.remove(name);
    return new Params(copy);
  }
}
