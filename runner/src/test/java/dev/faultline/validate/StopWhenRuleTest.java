package dev.faultline.validate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StopWhenRuleTest {
  private static final String PROBES =
      """
        probes:
          - {id: latency, probe: tcp.connect, with: {host: db, port: 5432}}
      """;

  @Test
  void aStopWhenOnARunWideContinuousProbeWithADurationIsValid() {
    assertThat(
            Check.problems(
                """
                spec:
                  steps:
                    - {id: a, attack: k8s.manifest, with: {manifest: "x"}, duration: 1m, stopWhen: {probe: latency, failures: 2}}
                """
                    + PROBES))
        .isEmpty();
  }

  @Test
  void theProbeMustBeAContinuousProbe() {
    assertThat(
            Check.located(
                """
                spec:
                  steps:
                    - {id: a, attack: k8s.manifest, with: {manifest: "x"}, duration: 1m, stopWhen: {probe: latncy}}
                    - {id: check, after: [a], probe: tcp.connect, with: {host: db, port: 5432}}
                    - {id: b, after: [check], attack: k8s.manifest, with: {manifest: "x"}, duration: 1m, stopWhen: {probe: check}}
                """
                    + PROBES))
        .containsExactly(
            "7:92 stopWhen names probe 'latncy', which is not a continuous probe in spec.probes;"
                + " did you mean 'latency'?",
            "9:108 stopWhen names 'check', which is a step; it needs a continuous probe from"
                + " spec.probes, which runs alongside the attack");
    assertThat(
            Check.messages(
                """
                spec:
                  steps:
                    - {id: a, attack: k8s.manifest, with: {manifest: "x"}, duration: 1m, stopWhen: {probe: latency}}
                """))
        .containsExactly(
            "error: stopWhen names probe 'latency', which is not a continuous probe in spec.probes"
                + " (there are none; add one under spec.probes)");
  }

  @Test
  void stopWhenNeedsADurationAndAtLeastOneFailure() {
    assertThat(
            Check.located(
                """
                spec:
                  steps:
                    - id: a
                      attack: k8s.manifest
                      with: {manifest: "x"}
                      stopWhen: {probe: latency, failures: 0}
                """
                    + PROBES))
        .containsExactly(
            "10:17 stopWhen ends the attack early, so step 'a' needs a 'duration' (how long the"
                + " attack lasts while the probe passes), such as 'duration: 2m'",
            "10:44 stopWhen.failures must be 1 or more failures in a row; leave it out for 1");
  }

  @Test
  void theProbeMustRunWhileTheAttackLasts() {
    String body =
        """
        spec:
          steps:
            - {id: first, wait: 1s}
            - {id: a, after: [first], attack: k8s.manifest, with: {manifest: "x"}, duration: 1m, stopWhen: {probe: latency}}
            - {id: last, after: [a], wait: 1s}
            - {id: side, wait: 1s}
          probes:
            - {id: latency, probe: tcp.connect, from: %s, to: %s, with: {host: db, port: 5432}}
        """;
    assertThat(Check.problems(body.formatted("first", "last"))).isEmpty();
    assertThat(Check.problems(body.formatted("a", "a"))).isEmpty();
    assertThat(Check.messages(body.formatted("last", "last")))
        .containsExactly(
            "error: probe 'latency' starts with step 'last', which runs after 'a', so it never"
                + " watches this attack");
    assertThat(Check.messages(body.formatted("first", "first")))
        .containsExactly(
            "error: probe 'latency' stops when step 'first' ends, before 'a' starts, so it never"
                + " watches this attack");
    assertThat(Check.messages(body.formatted("side", "side")))
        .containsExactly(
            "warning: probe 'latency' starts with step 'side', which may start after 'a'; its"
                + " failures count only once it runs",
            "warning: probe 'latency' stops when step 'side' ends, which may be before 'a' ends;"
                + " from then on nothing stops the attack early");
  }

  @Test
  void aHaltAfterThatIsNotAboveFailuresHaltsTheRunFirst() {
    String body =
        """
        spec:
          steps:
            - {id: a, attack: k8s.manifest, with: {manifest: "x"}, duration: 1m, stopWhen: %s}
          probes:
            - {id: latency, probe: tcp.connect, haltAfter: 2, with: {host: db, port: 5432}}
        """;
    assertThat(Check.problems(body.formatted("{probe: latency}"))).isEmpty();
    assertThat(Check.located(body.formatted("{probe: latency, failures: 3}")))
        .containsExactly(
            "7:111 probe 'latency' halts the whole run after 2 failures in a row (haltAfter), so"
                + " stopWhen after 3 never stops just this attack; stopWhen.failures must be below"
                + " haltAfter");
  }
}
