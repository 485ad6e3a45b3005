package dev.faultline.model;

import java.util.List;
import java.util.Objects;

/**
 * Injects a fault.
 *
 * @param attack descriptor id, e.g. {@code k8s.pod.delete}
 * @param target name of an entry in {@code spec.targets}; {@code null} for attacks that need none
 * @param with parameters defined by the attack's descriptor
 * @param duration how long the fault stays before it is rolled back; {@code null}: until the run
 *     ends (instant attacks such as pod delete ignore it)
 * @param stopWhen rolls the fault back before {@code duration} ends when a continuous probe keeps
 *     failing; {@code null}: the fault lasts its whole duration
 */
public record AttackStep(
    String id,
    List<String> after,
    String attack,
    String target,
    Params with,
    TimeSpan duration,
    StopWhen stopWhen,
    Extras extras)
    implements Step {

  public AttackStep {
    Objects.requireNonNull(id, "id");
    after = PlainData.strings(after);
    with = with == null ? Params.NONE : with;
    extras = extras == null ? Extras.NONE : extras;
  }

  /** An attack step without a stop condition. */
  public AttackStep(
      String id,
      List<String> after,
      String attack,
      String target,
      Params with,
      TimeSpan duration,
      Extras extras) {
    this(id, after, attack, target, with, duration, null, extras);
  }

  @Override
  public String kindWord() {
    return "attack";
  }

  @Override
  public AttackStep withAfter(List<String> after) {
    return new AttackStep(id, after, attack, target, with, duration, stopWhen, extras);
  }

  /** A copy to change a few fields of: {@code step.toBuilder().timeout(t).build()}. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * Changes fields of a copy; also the fluent form of {@code Experiment.named(...).attack(id, type,
   * a -> ...)}. The record's constructor checks the result as usual.
   */
  public static final class Builder {
    private String id;
    private List<String> after;
    private String attack;
    private String target;
    private Params with;
    private TimeSpan duration;
    private StopWhen stopWhen;
    private Extras extras;

    private Builder(AttackStep from) {
      id = from.id();
      after = from.after();
      attack = from.attack();
      target = from.target();
      with = from.with();
      duration = from.duration();
      stopWhen = from.stopWhen();
      extras = from.extras();
    }

    public Builder id(String value) {
      id = value;
      return this;
    }

    public Builder after(List<String> value) {
      after = value;
      return this;
    }

    /** The steps that must finish before this one starts ({@code after: [freeze]}). */
    public Builder after(String... value) {
      return after(List.of(value));
    }

    public Builder attack(String value) {
      attack = value;
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

    /**
     * Sets one parameter of the attack's descriptor ({@code with: {signal: SIGSTOP}}), in order.
     * Numbers, strings, booleans, lists and maps are plain data as in a file.
     */
    public Builder with(String name, Object value) {
      with = with.with(name, value);
      return this;
    }

    /** How long the fault stays, as in a file: {@code "30s"}, {@code "2m"}, {@code "1m30s"}. */
    public Builder duration(String value) {
      return duration(TimeSpan.of(value));
    }

    public Builder duration(TimeSpan value) {
      duration = value;
      return this;
    }

    /**
     * Rolls the fault back early once the continuous probe {@code probe} failed {@code failures}
     * times in a row ({@code stopWhen: {probe: errors, failures: 3}}).
     */
    public Builder stopWhen(String probe, int failures) {
      return stopWhen(StopWhen.probe(probe, failures));
    }

    /** Rolls the fault back early at the first failure of the continuous probe {@code probe}. */
    public Builder stopWhen(String probe) {
      return stopWhen(StopWhen.probe(probe, null));
    }

    public Builder stopWhen(StopWhen value) {
      stopWhen = value;
      return this;
    }

    public Builder extras(Extras value) {
      extras = value;
      return this;
    }

    public AttackStep build() {
      return new AttackStep(id, after, attack, target, with, duration, stopWhen, extras);
    }
  }
}
