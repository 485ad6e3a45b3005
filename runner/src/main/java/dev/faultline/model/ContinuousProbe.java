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
