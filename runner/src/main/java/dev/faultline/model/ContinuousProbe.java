package dev.faultline.model;

import java.util.Objects;

/**
 * A probe that runs alongside the steps, for the whole run or a span of steps, feeding the live
 * charts and, optionally, halting the run.
 *
 * @param interval pause between calls; {@code null}: 2s
 * @param initialDelay pause before the first call; {@code null}: none
 * @param haltAfter the tolerance: this many failures in a row stop and roll back the run; {@code
 *     null}: observe only
 * @param from a step id: the probe starts when that step starts; {@code null}: when the run starts
 * @param to a step id: the probe stops when that step ends; {@code null}: when the run ends
 * @param context the kubeconfig context whose cluster the probe reads; {@code null}: its target's,
 *     else the run's
 */
public record ContinuousProbe(
    String id,
    String probe,
    String target,
    Params with,
    TimeSpan interval,
    TimeSpan initialDelay,
    Integer haltAfter,
    String from,
    String to,
    Extras extras,
    String context) {

  public static final TimeSpan DEFAULT_INTERVAL = TimeSpan.of("2s");

  public ContinuousProbe {
    Objects.requireNonNull(id, "id");
    with = with == null ? Params.NONE : with;
    extras = extras == null ? Extras.NONE : extras;
    context = context == null || context.isBlank() ? null : context;
  }

  /** A probe in its target's or the run's context (no {@code context} field). */
  public ContinuousProbe(
      String id,
      String probe,
      String target,
      Params with,
      TimeSpan interval,
      TimeSpan initialDelay,
      Integer haltAfter,
      String from,
      String to,
      Extras extras) {
    this(id, probe, target, with, interval, initialDelay, haltAfter, from, to, extras, null);
  }

  public TimeSpan effectiveInterval() {
    return interval == null ? DEFAULT_INTERVAL : interval;
  }

  /** A copy to change a few fields of; also the fluent form in an experiment builder. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * Changes fields of a copy. Each method is named after the field it sets in a file; the record's
   * constructor checks the result as usual.
   */
  public static final class Builder {
    private final String id;
    private final String probe;
    private String target;
    private Params with;
    private TimeSpan interval;
    private TimeSpan initialDelay;
    private Integer haltAfter;
    private String from;
    private String to;
    private Extras extras;
    private String context;

    private Builder(ContinuousProbe source) {
      id = source.id();
      probe = source.probe();
      target = source.target();
      with = source.with();
      interval = source.interval();
      initialDelay = source.initialDelay();
      haltAfter = source.haltAfter();
      from = source.from();
      to = source.to();
      extras = source.extras();
      context = source.context();
    }

    /** The kubeconfig context whose cluster the probe reads ({@code context: prod-us}). */
    public Builder context(String value) {
      context = value;
      return this;
    }

    /** Name of an entry in {@code spec.targets}, for probes that read cluster state. */
    public Builder target(String value) {
      target = value;
      return this;
    }

    /** Sets one parameter of the probe's descriptor, in order. */
    public Builder with(String name, Object value) {
      with = with.with(name, value);
      return this;
    }

    /** The pause between calls: {@code "500ms"}. */
    public Builder interval(String value) {
      interval = TimeSpan.of(value);
      return this;
    }

    /** The pause before the first call: {@code "5s"}. */
    public Builder initialDelay(String value) {
      initialDelay = TimeSpan.of(value);
      return this;
    }

    /** Stops and rolls back the run after this many failures in a row. */
    public Builder haltAfter(int failures) {
      haltAfter = failures;
      return this;
    }

    /** The probe starts when this step starts (instead of with the run). */
    public Builder from(String stepId) {
      from = stepId;
      return this;
    }

    /** The probe stops when this step ends (instead of with the run). */
    public Builder to(String stepId) {
      to = stepId;
      return this;
    }

    public Builder extras(Extras value) {
      extras = value;
      return this;
    }

    public ContinuousProbe build() {
      return new ContinuousProbe(
          id, probe, target, with, interval, initialDelay, haltAfter, from, to, extras, context);
    }
  }
}
