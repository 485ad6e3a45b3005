package dev.faultline.validate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DurationRuleTest {
  @Test
  void durationsMustParse() {
    assertThat(
            Check.located(
                """
        spec:
          safety: {maxDuration: 10 min}
          steps:
            - {id: w, wait: 5}
            - {id: g, gate: Go?, timeout: 1s5m}
        """))
        .containsExactly(
            "6:25 '10 min' is not a duration; write a number and a unit: 500ms, 10s, 2m, 1h, 1m30s",
            "8:21 '5' is not a duration; write a number and a unit: 500ms, 10s, 2m, 1h, 1m30s",
            "9:35 '1s5m' is not a duration; write a number and a unit: 500ms, 10s, 2m, 1h, 1m30s");
  }

  @Test
  void untilNeedsATimeout() {
    assertThat(
            Check.located(
                """
        spec:
          steps:
            - id: down
              probe: tcp.connect
              until: failing
              with: {host: db, port: 5432}
        """))
        .containsExactly(
            "9:14 step 'down' waits until the probe fails and needs a 'timeout' (at most how long to wait), such as 'timeout: 30s'");
  }

  @Test
  void untilWithTimeoutIsValidAndChecksPlausibility() {
    String body =
        """
        spec:
          safety: {maxDuration: 1m}
          steps:
            - id: up
              probe: tcp.connect
              until: passing
              timeout: %s
              interval: %s
              with: {host: db, port: 5432}
        """;
    assertThat(Check.problems(body.formatted("30s", "2s"))).isEmpty();
    assertThat(Check.messages(body.formatted("2m", "2s")))
        .containsExactly(
            "warning: timeout 2m is longer than spec.safety.maxDuration; the run stops first");
    assertThat(Check.messages(body.formatted("1s", "5s")))
        .containsExactly(
            "warning: timeout 1s is shorter than the interval 5s; the probe runs once");
    assertThat(Check.messages(body.formatted("10s", "0s")))
        .containsExactly("error: an interval must be more than 0");
    assertThat(Check.messages(body.formatted("0s", "1s")))
        .contains("error: timeout must be more than 0");
  }

  @Test
  void waitNeedsADuration() {
    assertThat(
            Check.messages(
                """
        spec:
          steps:
            - {id: w, wait: null}
        """))
        .containsExactly("error: wait step 'w' needs a duration, such as 'wait: 30s'");
  }

  @Test
  void continuousProbeHaltAfter() {
    assertThat(
            Check.messages(
                """
        spec:
          steps: []
          probes:
            - {id: p, probe: tcp.connect, haltAfter: 0, interval: 1x, with: {host: a, port: 1}}
        """))
        .containsExactly(
            "error: haltAfter must be 1 or more failures in a row; leave it out to only observe",
            "error: '1x' is not a duration; write a number and a unit: 500ms, 10s, 2m, 1h, 1m30s");
  }

  @Test
  void retriesApplyToProbesThatRunOnce() {
    assertThat(
            Check.messages(
                """
        spec:
          steps:
            - {id: a, probe: tcp.connect, retries: -1, with: {host: a, port: 1}}
            - {id: b, probe: tcp.connect, until: passing, timeout: 5s, retries: 2, with: {host: a, port: 1}}
            - {id: c, probe: tcp.connect, retries: 2, interval: 2s, initialDelay: 1s, with: {host: a, port: 1}}
        """))
        .containsExactly(
            "error: retries must be 0 or more",
            "warning: 'retries' only applies to probes that run once; an 'until' probe repeats anyway");
  }

  @Test
  void continuousProbeSpanNamesSteps() {
    assertThat(
            Check.messages(
                """
        spec:
          steps:
            - {id: settle, wait: 5s}
          probes:
            - {id: p, probe: tcp.connect, from: setle, to: settle, with: {host: a, port: 1}}
        """))
        .containsExactly(
            "error: a continuous probe's 'from' and 'to' name steps, and 'setle' is not one; did you mean 'settle'?");
  }
}
