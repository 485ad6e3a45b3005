package dev.faultline.model;

import java.util.List;
import java.util.Objects;

/**
 * A manual gate: the run waits here until a person approves or aborts, for game days.
 *
 * @param gate the question shown to the operator ("Dashboards green? Kill the primary?")
 * @param timeout how long to wait for an answer; {@code null}: forever (interactive) — headless
 *     runs then apply {@code onTimeout} at once
 * @param onTimeout what happens when nobody answers in time; {@code null} means {@link
 *     OnTimeout#ABORT}
 */
public record GateStep(
    String id,
    List<String> after,
    String gate,
    TimeSpan timeout,
    OnTimeout onTimeout,
    Extras extras)
    implements Step {

  public GateStep {
    Objects.requireNonNull(id, "id");
    after = PlainData.strings(after);
    extras = extras == null ? Extras.NONE : extras;
  }

  @Override
  public String kindWord() {
    return "gate";
  }

  public OnTimeout effectiveOnTimeout() {
    return onTimeout == null ? OnTimeout.ABORT : onTimeout;
  }

  @Override
  public GateStep withAfter(List<String> after) {
    return new GateStep(id, after, gate, timeout, onTimeout, extras);
  }

  /** A copy to change a few fields of; also the fluent form of a gate in an experiment builder. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Changes fields of a copy; the record's constructor checks the result as usual. */
  public static final class Builder {
    private String id;
    private List<String> after;
    private String gate;
    private TimeSpan timeout;
    private OnTimeout onTimeout;
    private Extras extras;

    private Builder(GateStep from) {
      id = from.id();
      after = from.after();
      gate = from.gate();
      timeout = from.timeout();
      onTimeout = from.onTimeout();
      extras = from.extras();
    }

    /** The steps that must finish before the question is asked. */
    public Builder after(String... value) {
      after = List.of(value);
      return this;
    }

    /** How long to wait for an answer: {@code "15m"}. */
    public Builder timeout(String value) {
      timeout = TimeSpan.of(value);
      return this;
    }

    /** What happens when nobody answers within the timeout. */
    public Builder onTimeout(OnTimeout value) {
      onTimeout = value;
      return this;
    }

    public Builder extras(Extras value) {
      extras = value;
      return this;
    }

    public GateStep build() {
      return new GateStep(id, after, gate, timeout, onTimeout, extras);
    }
  }

  /** What an unanswered gate does. */
  public enum OnTimeout implements Keyword {
    ABORT("abort"),
    CONTINUE("continue");

    private final String keyword;

    OnTimeout(String keyword) {
      this.keyword = keyword;
    }

    @Override
    public String keyword() {
      return keyword;
    }
  }
}
