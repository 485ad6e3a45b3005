package dev.faultline.catalog;

import java.util.List;
import java.util.Objects;

/**
 * One parameter of an attack or probe.
 *
 * @param defaultValue used when the step leaves the parameter out; {@code null}: no default
 * @param allowed the values an {@link ParamType#ENUM} takes, in display order
 * @param min smallest value for numbers, {@code null}: unbounded
 * @param max largest value for numbers, {@code null}: unbounded
 * @param docs one or two sentences for tooltips and the reference docs
 */
public record Param(
    String name,
    ParamType type,
    boolean required,
    Object defaultValue,
    List<String> allowed,
    Double min,
    Double max,
    String docs) {

  public Param {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    allowed = allowed == null ? List.of() : List.copyOf(allowed);
    docs = docs == null ? "" : docs;
  }

  public static Builder required(String name, ParamType type) {
    return new Builder(name, type, true);
  }

  public static Builder optional(String name, ParamType type) {
    return new Builder(name, type, false);
  }

  /** Fluent construction, so the built-in catalog reads like a table. */
  public static final class Builder {
    private final String name;
    private final ParamType type;
    private final boolean required;
    private Object defaultValue;
    private List<String> allowed = List.of();
    private Double min;
    private Double max;

    private Builder(String name, ParamType type, boolean required) {
      this.name = name;
      this.type = type;
      this.required = required;
    }

    public Builder defaultValue(Object value) {
      this.defaultValue = value;
      return this;
    }

    public Builder allowed(String... values) {
      this.allowed = List.of(values);
      return this;
    }

    public Builder range(double min, double max) {
      this.min = min;
      this.max = max;
      return this;
    }

    public Builder min(double min) {
      this.min = min;
      return this;
    }

    public Param docs(String docs) {
      return new Param(name, type, required, defaultValue, allowed, min, max, docs);
    }
  }
}
