package dev.faultline.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How the engine runs a {@link dev.faultline.probe.LastingProbe} (a load, a readiness wait): once
 * per step with its windows as samples, only checked in dry runs, and closed as soon as it is done.
 */
class LastingProbeEngineTest {
  private final EngineHarness h = new EngineHarness();

  private List<String> messages(String probeId) {
    return h.events(RunEvent.ProbeSampled.class).stream()
        .filter(e -> e.probeId().equals(probeId))
        .map(e -> e.sample().message())
        .toList();
  }

  @Test
  void aStepRunsOnceReportsEachWindowAndItsWholeVerdictDecidesTheStep() throws Exception {
    RunResult result =
        h.run(
            """
            steps:
              - {id: load, probe: test.lasting, with: {windows: "pass,fail,pass"}}
              - {id: next, after: [load], attack: test.fault}
            """);

    assertThat(result.verdict()).isEqualTo(Verdict.FAILED);
    assertThat(messages("load")).containsExactly("window 0", "window 1", "window 2");
    assertThat(h.events(RunEvent.StepFailed.class).getFirst().message())
        .isEqualTo("probe failed: whole: broken");
    assertThat(h.log.only("run", "sample", "check", "close"))
        .containsExactly("run load", "close load", "close load"); // at the step's end, run's end
    assertThat(h.log.only("apply")).isEmpty();
  }

  @Test
  void theProbeIsClosedBeforeTheNextStepStarts() throws Exception {
    RunResult result =
        h.run(
            """
            steps:
              - {id: load, probe: test.lasting, with: {windows: "pass,pass"}}
              - {id: next, after: [load], attack: test.fault}
            """);

    assertThat(result.verdict()).isEqualTo(Verdict.PASSED);
    assertThat(h.events(RunEvent.StepSucceeded.class).getFirst().message()).isEqualTo("whole: ok");
    assertThat(h.log.only("run", "close", "apply"))
        .startsWith("run load", "close load", "apply next#0");
  }

  @Test
  void aDryRunOnlyChecks() throws Exception {
    h.options = h.options.withDryRun(true);
    RunResult result =
        h.run(
            """
            steps:
              - {id: load, probe: test.lasting, with: {windows: "fail"}}
            probes:
              - {id: background, probe: test.lasting}
            """);

    assertThat(result.verdict()).isEqualTo(Verdict.PASSED);
    assertThat(h.log.only("run", "sample", "check"))
        .containsExactlyInAnyOrder("check load", "check background");
    assertThat(h.events(RunEvent.StepSucceeded.class).getFirst().message())
        .isEqualTo("dry run: probe passes: would load");
  }

  @Test
  void aContinuousLoadIsClosedWhenItsSpanEndsNotAtTheEndOfTheRun() throws Exception {
    RunResult result =
        h.run(
            """
            steps:
              - {id: during, wait: 300ms}
              - {id: later, after: [during], attack: test.fault}
            probes:
              - {id: background, probe: test.lasting, interval: 50ms, to: during}
            """);

    assertThat(result.verdict()).isEqualTo(Verdict.PASSED);
    assertThat(messages("background")).hasSizeBetween(2, 8);
    List<String> lines = h.log.only("close", "apply");
    assertThat(lines.indexOf("close background")).isLessThan(lines.indexOf("apply later#0"));
  }

  @Test
  void anUntilStepSamplesWindowsAndClosesTheProbeWhenDone() throws Exception {
    RunResult result =
        h.run(
            """
            steps:
              - {id: settle, probe: test.lasting, until: passing, timeout: 5s, interval: 10ms,
                 with: {windows: "fail,fail,pass"}}
            """);

    assertThat(result.verdict()).isEqualTo(Verdict.PASSED);
    assertThat(messages("settle")).containsExactly("window 0", "window 1", "window 2");
    assertThat(h.log.only("run", "sample", "close"))
        .startsWith("sample settle", "sample settle", "sample settle", "close settle");
  }
}
