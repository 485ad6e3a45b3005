package dev.faultline.model;

import java.util.Objects;

/**
 * A probe that runs for the whole run, feeding the live charts and, optionally, halting the run.
 *
 * @param interval pause between calls; {@code null}: 2s
 * @param haltAfter consecutive failures that stop and roll back the run; {@code null}: observe only
 */
public record ContinuousProbe(
    String id,
    String probe,
    String target,
    Params with,
    TimeSpan interval,
    Integer haltAfter,
    Extras extras) {

  public static final TimeSpan DEFAULT_INTERVAL = TimeSpan.of("2s");

  public ContinuousProbe {
    Objects.requireNonNull(id, "id");
    with = with == null ? Params.NONE : with;
    extras = extras == null ? Extras.NONE : extras;
  }

  public TimeSpan effectiveInterval() {
    return interval == null ? DEFAULT_INTERVAL : interval;
  }
}
