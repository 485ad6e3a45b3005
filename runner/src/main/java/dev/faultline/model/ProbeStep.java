package dev.faultline.model;

import java.util.List;
import java.util.Objects;

/**
 * Checks the system once, or repeatedly until it reaches a state.
 *
 * <ul>
 *   <li>{@code until} absent: the probe runs once; the step fails when the probe fails.
 *   <li>{@code until: failing|passing}: the probe repeats every {@code interval} until it gives
 *       that result; the step fails when {@code timeout} passes first. A timeout is required.
 * </ul>
 *
 * @param probe descriptor id, e.g. {@code http.check}
 * @param target name of an entry in {@code spec.targets} for probes that read cluster state
 * @param timeout limit for {@code until} (and for one call when {@code until} is absent)
 * @param interval pause between tries of an {@code until} probe, and between retries; {@code null}:
 *     1s
 * @param initialDelay pause after the step starts before the first call; {@code null}: none
 * @param retries for a probe without {@code until}: how many more calls a failing probe gets (an
 *     {@code interval} apart) before the step fails; {@code null}: 0
 * @param context the kubeconfig context whose cluster the probe reads; {@code null}: its target's,
 *     else the run's
 */
public record ProbeStep(
    String id,
    List<String> after,
    String probe,
    String target,
    Params with,
    Until until,
    TimeSpan timeout,
    TimeSpan interval,
    TimeSpan initialDelay,
    Integer retries,
    Extras extras,
    String context)
    implements Step {

  public static final TimeSpan DEFAULT_INTERVAL = TimeSpan.of("1s");

  public ProbeStep {
    Objects.requireNonNull(id, "id");
    after = PlainData.strings(after);
    with = with == null ? Params.NONE : with;
    extras = extras == null ? Extras.NONE : extras;
    context = context == null || context.isBlank() ? null : context;
  }

  /** A probe step in its target's or the run's context (no {@code context} field). */
  public ProbeStep(
      String id,
      List<String> after,
      String probe,
      String target,
      Params with,
      Until until,
      TimeSpan timeout,
      TimeSpan interval,
      TimeSpan initialDelay,
      Integer retries,
      Extras extras) {
    this(
        id,
        after,
        probe,
        target,
        with,
        until,
        timeout,
        interval,
        initialDelay,
        retries,
        extras,
        null);
  }

  @Override
  public String kindWord() {
    return "probe";
  }

  public TimeSpan effectiveInterval() {
    return interval == null ? DEFAULT_INTERVAL : interval;
  }

  @Override
  public ProbeStep withAfter(List<String> after) {
    return new ProbeStep(
        id,
        after,
        probe,
        target,
        with,
        until,
        timeout,
        interval,
        initialDelay,
        retries,
        extras,
        context);
  }

  public int effectiveRetries() {
    return retries == null ? 0 : retries;
  }

  /** A copy to change a few fields of: {@code step.toBuilder().timeout(t).build()}. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * Changes fields of a copy; also the fluent form of {@code Experiment.named(...).probe(id, type,
   * p -> ...)}. The record's constructor checks the result as usual.
   */
  public static final class Builder {
    private String id;
    private List<String> after;
    private String probe;
    private String target;
    private Params with;
    private Until until;
    private TimeSpan timeout;
    private TimeSpan interval;
    private TimeSpan initialDelay;
    private Integer retries;
    private Extras extras;
    private String context;

    private Builder(ProbeStep from) {
      id = from.id();
      after = from.after();
      probe = from.probe();
      target = from.target();
      with = from.with();
      until = from.until();
      timeout = from.timeout();
      interval = from.interval();
      initialDelay = from.initialDelay();
      retries = from.retries();
      extras = from.extras();
      context = from.context();
    }

    /** The kubeconfig context whose cluster the probe reads ({@code context: prod-us}). */
    public Builder context(String value) {
      context = value;
      return this;
    }

    public Builder id(String value) {
      id = value;
      return this;
    }

    public Builder after(List<String> value) {
      after = value;
      return this;
    }

    /** The steps that must finish before this one starts ({@code after: [kill]}). */
    public Builder after(String... value) {
      return after(List.of(value));
    }

    public Builder probe(String value) {
      probe = value;
      return this;
    }

    public Builder target(String value) {
      target = value;
      return this;
    }

    public Builder with(Params value) {
      with = value;
      return this;
    }

    /** Sets one parameter of the probe's descriptor ({@code with: {url: ...}}), in order. */
    public Builder with(String name, Object value) {
      with = with.with(name, value);
      return this;
    }

    /**
     * Repeats the probe until it passes; the step fails when {@code timeout} passes first ({@code
     * until: passing, timeout: 2m}).
     */
    public Builder untilPassing(String timeout) {
      return until(Until.PASSING).timeout(timeout);
    }

    /** Repeats the probe until it fails, within {@code timeout} ({@code until: failing}). */
    public Builder untilFailing(String timeout) {
      return until(Until.FAILING).timeout(timeout);
    }

    public Builder until(Until value) {
      until = value;
      return this;
    }

    public Builder timeout(TimeSpan value) {
      timeout = value;
      return this;
    }

    /** The limit for {@code until}, or for one call of a single probe: {@code "10s"}. */
    public Builder timeout(String value) {
      return timeout(TimeSpan.of(value));
    }

    /** The pause between tries: {@code "500ms"}. */
    public Builder interval(String value) {
      return interval(TimeSpan.of(value));
    }

    public Builder interval(TimeSpan value) {
      interval = value;
      return this;
    }

    public Builder initialDelay(TimeSpan value) {
      initialDelay = value;
      return this;
    }

    /** The pause before the first call: {@code "5s"}. */
    public Builder initialDelay(String value) {
      return initialDelay(TimeSpan.of(value));
    }

    public Builder retries(Integer value) {
      retries = value;
      return this;
    }

    public Builder extras(Extras value) {
      extras = value;
      return this;
    }

    public ProbeStep build() {
      return new ProbeStep(
          id,
          after,
          probe,
          target,
          with,
          until,
          timeout,
          interval,
          initialDelay,
          retries,
          extras,
          context);
    }
  }
}
