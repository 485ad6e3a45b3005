package dev.faultline.model;

import java.util.List;
import java.util.Objects;

/**
 * Pauses this branch of the graph for a fixed time. Written {@code wait: 30s} in files.
 *
 * @param duration how long to wait
 */
public record WaitStep(String id, List<String> after, TimeSpan duration, Extras extras)
    implements Step {

  public WaitStep {
    Objects.requireNonNull(id, "id");
    after = PlainData.strings(after);
    extras = extras == null ? Extras.NONE : extras;
  }

  @Override
  public String kindWord() {
    return "wait";
  }

  @Override
  public WaitStep withAfter(List<String> after) {
    return new WaitStep(id, after, duration, extras);
  }

  /** A copy with other {@code after} edges, from ids: the fluent form in an experiment builder. */
  public WaitStep after(String... ids) {
    return withAfter(List.of(ids));
  }
}
