package dev.faultline.model;

/**
 * When an attack ends early: its {@code stopWhen} condition. While the attack lasts (its {@code
 * duration}), the engine watches the named continuous probe; once that probe has failed {@code
 * failures} times in a row since the fault was applied, the attack is rolled back at once and its
 * step succeeds with a note that it stopped early. Unlike a probe's {@code haltAfter}, the run goes
 * on.
 *
 * @param probe id of a continuous probe in {@code spec.probes}; {@code null} only while a file is
 *     being written (validation reports it)
 * @param failures failures in a row that stop the attack; {@code null}: 1
 */
public record StopWhen(String probe, Integer failures, Extras extras) {
  public static final int DEFAULT_FAILURES = 1;

  public StopWhen {
    extras = extras == null ? Extras.NONE : extras;
  }

  public static StopWhen probe(String probe, Integer failures) {
    return new StopWhen(probe, failures, Extras.NONE);
  }

  public int effectiveFailures() {
    return failures == null ? DEFAULT_FAILURES : failures;
  }
}
