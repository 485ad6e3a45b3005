package dev.faultline.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.model.Loop;
import dev.faultline.model.TimeSpan;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LoopRunTest {
  private final EngineHarness h = new EngineHarness();
  private final List<LoopEvent> events = new CopyOnWriteArrayList<>();

  private static final String PASSING =
      """
      steps:
        - {id: a, attack: test.fault}
        - {id: check, after: [a], probe: test.probe}
      """;
  private static final String FAILING =
      PASSING.replace("test.probe}", "test.probe, with: {results: fail}}");

  /** Iteration 2 runs the failing variant, every other iteration the passing one. */
  private LoopRun loop(Loop loop) {
    return new LoopRun(
        loop,
        "r",
        runId -> {
          boolean second = runId.endsWith("-loop2");
          return LoopRun.Iteration.of(
              new Engine(h.environment())
                  .start(
                      EngineHarness.experiment(second ? FAILING : PASSING),
                      RunOptions.defaults(runId),
                      h.seen::add));
        },
        events::add);
  }

  private static Loop times(int n, String pause, Boolean continueOnFailure) {
    return new Loop(n, null, pause == null ? null : TimeSpan.of(pause), continueOnFailure, null);
  }

  @Test
  void aFailedLoopStopsTheLoopAndNamesItself() throws Exception {
    LoopResult result = loop(times(3, "10ms", null)).run();

    assertThat(result.verdict()).isEqualTo(Verdict.FAILED);
    assertThat(result.failedLoop()).isEqualTo(2);
    assertThat(result.loops()).extracting(RunResult::runId).containsExactly("r-loop1", "r-loop2");
    assertThat(result.reason()).startsWith("loop 2 of 3 failed: ");
    // every loop rolls its fault back before the next one (and its pause) begins
    assertThat(h.log.only("apply", "rollback"))
        .containsExactly("apply a#0", "rollback a#0", "apply a#0", "rollback a#0");
    assertThat(events)
        .extracting(e -> e.getClass().getSimpleName() + " " + e.loop())
        .containsExactly(
            "LoopStarted 1", "LoopFinished 1", "Pausing 2", "LoopStarted 2", "LoopFinished 2");
  }

  @Test
  void continueOnFailureRunsEveryLoopAndTheWorstWins() throws Exception {
    LoopResult result = loop(times(3, null, true)).run();

    assertThat(result.loops())
        .extracting(RunResult::verdict)
        .containsExactly(Verdict.PASSED, Verdict.FAILED, Verdict.PASSED);
    assertThat(result.verdict()).isEqualTo(Verdict.FAILED);
    assertThat(result.failedLoop()).isEqualTo(2);
    assertThat(h.journal.open()).isEmpty();
  }

  @Test
  void allPassed() throws Exception {
    LoopResult result =
        new LoopRun(
                times(2, null, null),
                "r",
                runId ->
                    LoopRun.Iteration.of(
                        new Engine(h.environment())
                            .start(EngineHarness.experiment(PASSING), RunOptions.defaults(runId))),
                null)
            .run();
    assertThat(result.verdict()).isEqualTo(Verdict.PASSED);
    assertThat(result.reason()).isEqualTo("all 2 loops passed");
    assertThat(result.failedLoop()).isZero();
  }

  @Test
  void aCancelDuringThePauseEndsTheRunAtOnceWithNothingApplied() throws Exception {
    LoopRun run = loop(times(5, "1h", null));
    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
      Future<LoopResult> future = executor.submit(run::run);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (events.stream().noneMatch(e -> e instanceof LoopEvent.Pausing)
          && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      run.cancel("test");
      LoopResult result = future.get(5, TimeUnit.SECONDS);

      assertThat(result.verdict()).isEqualTo(Verdict.ABORTED);
      assertThat(result.reason()).isEqualTo("cancelled by test after loop 1 of 5");
      assertThat(result.loops()).hasSize(1);
      assertThat(h.journal.open()).isEmpty();
    }
  }

  @Test
  void aLoopForADurationStartsNoLoopAfterItsTime() throws Exception {
    LoopResult result =
        new LoopRun(
                new Loop(null, TimeSpan.of("300ms"), TimeSpan.of("100ms"), null, null),
                "r",
                runId ->
                    LoopRun.Iteration.of(
                        new Engine(h.environment())
                            .start(EngineHarness.experiment(PASSING), RunOptions.defaults(runId))),
                events::add)
            .run();
    assertThat(result.verdict()).isEqualTo(Verdict.PASSED);
    assertThat(result.planned()).isNull();
    assertThat(result.loops().size()).isBetween(2, 4);
    assertThat(Duration.ofNanos(result.loops().getLast().events().getLast().nanos()))
        .isLessThan(Duration.ofSeconds(5));
  }
}
