package dev.faultline.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Attacks with a {@code stopWhen}: rolled back early when their continuous probe keeps failing. */
class EngineStopWhenTest {
  private final EngineHarness h = new EngineHarness();

  @Test
  void anAttackStopsEarlyWhenItsProbeFailsOftenEnoughAndTheRunGoesOn() throws Exception {
    RunResult result =
        h.run(
            """
            steps:
              - id: slow
                attack: test.fault
                duration: 20s
                stopWhen: {probe: latency, failures: 2}
              - {id: next, after: [slow], attack: test.fault}
            probes:
              - {id: latency, probe: test.probe, interval: 50ms, with: {results: "pass,pass,fail,fail"}}
            """);

    assertThat(result.verdict()).as(result.reason()).isEqualTo(Verdict.PASSED);
    assertThat(h.log.only("apply", "rollback"))
        .containsExactly("apply slow#0", "rollback slow#0", "apply next#0", "rollback next#0");
    String message = succeeded("slow").message();
    assertThat(message)
        .startsWith("applied 1 fault, stopped early after ")
        .endsWith(": probe 'latency' failed 2 times in a row, rolled back");
    assertThat(Duration.ofNanos(succeeded("slow").nanos() - started("slow").nanos()))
        .isLessThan(Duration.ofSeconds(5));
    assertThat(h.events(RunEvent.NoteAdded.class))
        .extracting(RunEvent.NoteAdded::text)
        .anySatisfy(
            text ->
                assertThat(text)
                    .startsWith("attack 'slow' stopped early after ")
                    .contains("probe 'latency' failed 2 times in a row (stopWhen), rolling it back")
                    .endsWith(": down"));
    assertThat(h.events(RunEvent.Halted.class)).isEmpty();
  }

  @Test
  void anAttackWhoseProbeKeepsPassingLastsItsWholeDuration() throws Exception {
    RunResult result =
        h.run(
            """
            steps:
              - {id: slow, attack: test.fault, duration: 600ms, stopWhen: {probe: latency}}
            probes:
              - {id: latency, probe: test.probe, interval: 50ms, with: {results: pass}}
            """);

    assertThat(result.verdict()).isEqualTo(Verdict.PASSED);
    assertThat(succeeded("slow").message()).isEqualTo("applied 1 fault for 600ms, rolled back");
    assertThat(Duration.ofNanos(succeeded("slow").nanos() - started("slow").nanos()))
        .isGreaterThanOrEqualTo(Duration.ofMillis(600));
    assertThat(h.events(RunEvent.ProbeSampled.class).size()).isGreaterThan(5);
  }

  @Test
  void aPassResetsTheStreakSoAlternatingFailuresNeverStopTheAttack() throws Exception {
    RunResult result =
        h.run(
            """
            steps:
              - {id: slow, attack: test.fault, duration: 700ms, stopWhen: {probe: flaky, failures: 2}}
            probes:
              - {id: flaky, probe: test.probe, interval: 40ms, with: {results: "fail,pass,fail,pass,fail,pass,fail,pass,fail,pass,fail,pass,fail,pass,fail,pass,fail,pass,fail,pass,fail,pass,fail,pass,fail,pass,fail,pass,fail,pass"}}
            """);

    assertThat(result.verdict()).isEqualTo(Verdict.PASSED);
    assertThat(succeeded("slow").message()).isEqualTo("applied 1 fault for 700ms, rolled back");
    assertThat(h.events(RunEvent.ProbeSampled.class))
        .as("the probe failed many times, never twice in a row")
        .filteredOn(s -> !s.sample().passed())
        .hasSizeGreaterThan(3);
  }

  @Test
  void failuresFromBeforeTheAttackDoNotCountAgainstIt() throws Exception {
    RunResult result =
        h.run(
            """
            steps:
              - {id: settle, wait: 400ms}
              - {id: slow, after: [settle], attack: test.fault, duration: 20s, stopWhen: {probe: down, failures: 3}}
            probes:
              - {id: down, probe: test.probe, interval: 50ms, with: {results: fail}}
            """);

    assertThat(result.verdict()).isEqualTo(Verdict.PASSED);
    long streakBefore =
        h.events(RunEvent.ProbeSampled.class).stream()
            .filter(s -> s.nanos() < started("slow").nanos())
            .count();
    assertThat(streakBefore).as("failures before the attack").isGreaterThanOrEqualTo(4);
    assertThat(succeeded("slow").message())
        .endsWith("probe 'down' failed 3 times in a row, rolled back");
    long samplesDuring =
        h.events(RunEvent.ProbeSampled.class).stream()
            .filter(
                s -> s.nanos() > started("slow").nanos() && s.nanos() < succeeded("slow").nanos())
            .count();
    assertThat(samplesDuring).as("it waited for three fresh failures").isGreaterThanOrEqualTo(3);
  }

  @Test
  void aProbeThatStartsWithTheAttackCanStopIt() throws Exception {
    RunResult result =
        h.run(
            """
            steps:
              - {id: slow, attack: test.fault, duration: 20s, stopWhen: {probe: during}}
              - {id: next, after: [slow], wait: 10ms}
            probes:
              - {id: during, probe: test.probe, interval: 50ms, from: slow, to: slow, with: {results: "pass,fail"}}
            """);

    assertThat(result.verdict()).isEqualTo(Verdict.PASSED);
    assertThat(succeeded("slow").message()).contains("probe 'during' failed 1 time in a row");
  }

  private RunEvent.StepSucceeded succeeded(String stepId) {
    return h.events(RunEvent.StepSucceeded.class).stream()
        .filter(e -> e.stepId().equals(stepId))
        .findFirst()
        .orElseThrow(() -> new AssertionError("step " + stepId + " did not succeed: " + h.seen));
  }

  private RunEvent.StepStarted started(String stepId) {
    return h.events(RunEvent.StepStarted.class).stream()
        .filter(e -> e.stepId().equals(stepId))
        .findFirst()
        .orElseThrow();
  }
}
