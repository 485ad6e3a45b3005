package dev.faultline.catalog;

import dev.faultline.model.Params;
import dev.faultline.model.TimeSpan;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Typed access to a step's {@code with:} block, with the descriptor's defaults filled in. Executors
 * read parameters through this instead of casting plain data, so a value the validator let through
 * is read the same way everywhere and a missing required one fails with the parameter's name.
 *
 * <p>Values are converted leniently (a number written as a string is still a number) because the
 * validator has already rejected what does not fit the type.
 */
public final class ParamValues {
  private final Descriptor descriptor;
  private final Params params;

  private ParamValues(Descriptor descriptor, Params params) {
    this.descriptor = descriptor;
    this.params = params == null ? Params.NONE : params;
  }

  public static ParamValues of(Descriptor descriptor, Params params) {
    return new ParamValues(descriptor, params);
  }

  /** The descriptor these values belong to. */
  public Descriptor descriptor() {
    return descriptor;
  }

  /** The value given, else the descriptor's default, else empty. */
  public Optional<Object> raw(String name) {
    Optional<Object> given = params.get(name);
    if (given.isPresent()) {
      return given;
    }
    return descriptor.param(name).map(Param::defaultValue);
  }

  public Optional<String> optionalString(String name) {
    return raw(name).map(String::valueOf);
  }

  public String string(String name) {
    return optionalString(name).orElseThrow(() -> missing(name));
  }

  public Optional<Long> optionalLong(String name) {
    return raw(name).map(v -> v instanceof Number n ? n.longValue() : Long.parseLong(v.toString()));
  }

  public long longValue(String name) {
    return optionalLong(name).orElseThrow(() -> missing(name));
  }

  public int intValue(String name) {
    return Math.toIntExact(longValue(name));
  }

  public Optional<Double> optionalDouble(String name) {
    return raw(name)
        .map(v -> v instanceof Number n ? n.doubleValue() : Double.parseDouble(v.toString()));
  }

  public double doubleValue(String name) {
    return optionalDouble(name).orElseThrow(() -> missing(name));
  }

  public Optional<Boolean> optionalBoolean(String name) {
    return raw(name).map(v -> v instanceof Boolean b ? b : Boolean.parseBoolean(v.toString()));
  }

  public boolean bool(String name) {
    return optionalBoolean(name).orElseThrow(() -> missing(name));
  }

  public Optional<Duration> optionalDuration(String name) {
    return raw(name)
        .map(
            v ->
                TimeSpan.parse(v.toString())
                    .orElseThrow(
                        () ->
                            new IllegalArgumentException(
                                descriptor.id()
                                    + ": parameter '"
                                    + name
                                    + "' is not a duration: "
                                    + v)));
  }

  public Duration duration(String name) {
    return optionalDuration(name).orElseThrow(() -> missing(name));
  }

  public List<String> stringList(String name) {
    return raw(name)
        .map(
            v ->
                v instanceof List<?> l
                    ? l.stream().map(String::valueOf).toList()
                    : List.of(v.toString()))
        .orElse(List.of());
  }

  public Map<String, String> stringMap(String name) {
    var out = new LinkedHashMap<String, String>();
    raw(name)
        .filter(Map.class::isInstance)
        .map(Map.class::cast)
        .ifPresent(m -> m.forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v))));
    return out;
  }

  private IllegalArgumentException missing(String name) {
    return new IllegalArgumentException(
        descriptor.id() + ": required parameter '" + name + "' is missing");
  }
}
