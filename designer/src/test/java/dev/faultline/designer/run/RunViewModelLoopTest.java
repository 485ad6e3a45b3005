package dev.faultline.designer.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.designer.fx.SameThreadTaskExecutor;
import dev.faultline.designer.run.RunViewModelTest.ManualPulse;
import dev.faultline.engine.LoopEvent;
import dev.faultline.engine.LoopListener;
import dev.faultline.engine.LoopResult;
import dev.faultline.engine.RunEvent;
import dev.faultline.engine.RunListener;
import dev.faultline.engine.RunResult;
import dev.faultline.engine.Verdict;
import dev.faultline.format.ExperimentReader;
import dev.faultline.format.Syntax;
import dev.faultline.model.Experiment;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A looped run in one view model: the loop label follows the loop events ("Loop 2 of 3", the pause,
 * the time left of a duration loop), an iteration's end is not the run's end, and the verdict is
 * the loop's, naming the loop that failed.
 */
class RunViewModelLoopTest {
  private static final long SECOND = 1_000_000_000L;

  private final ManualPulse pulse = new ManualPulse();
  private final AtomicLong clock = new AtomicLong(5 * SECOND);

  private static Experiment looped(String loop) {
    return new ExperimentReader()
        .read(
            """
            apiVersion: faultline.dev/v1alpha1
            kind: Experiment
            metadata: {name: looped}
            spec:
              loop: %s
              targets:
                checkout: {namespaces: [shop], labelSelector: app=checkout}
              steps:
                - {id: freeze, attack: process.signal, target: checkout, with: {signal: SIGSTOP, process: java}}
            """
                .formatted(loop),
            Syntax.YAML)
        .experiment()
        .orElseThrow();
  }

  private RunViewModel model(Experiment experiment) {
    return new RunViewModel(experiment, "alice", new SameThreadTaskExecutor(), pulse, clock::get);
  }

  @Test
  void theLabelCountsTheLoopsAndTheRunEndsWithTheLoopsVerdict() {
    RunViewModel model = model(looped("{times: 3, pause: 30s}"));
    RunListener run = model.listener();
    LoopListener loop = model.loopListener();
    List<String> labels = new ArrayList<>();
    model.loopTextProperty().addListener((o, old, now) -> labels.add(now));
    List<RunPhase> phases = new ArrayList<>();
    model.phaseProperty().addListener((o, old, now) -> phases.add(now));

    loop.onLoopEvent(new LoopEvent.LoopStarted(1, 3, "r-loop1"));
    iteration(run, "r-loop1", Verdict.PASSED, "all steps passed");
    pulse.frame();
    // The first loop is over, but the run is not: no verdict yet.
    assertThat(model.verdictProperty().get()).isNull();
    assertThat(model.phase()).isNotEqualTo(RunPhase.FINISHED);
    assertThat(model.statusTextProperty().get()).isEqualTo("Loop 1 passed: all steps passed");
    loop.onLoopEvent(new LoopEvent.LoopFinished(1, 3, result("r-loop1", Verdict.PASSED)));

    loop.onLoopEvent(new LoopEvent.Pausing(2, 3, Duration.ofSeconds(30)));
    pulse.frame();
    assertThat(model.loopTextProperty().get()).isEqualTo("Pausing 30s before loop 2");
    assertThat(model.phase()).isEqualTo(RunPhase.STARTING);

    loop.onLoopEvent(new LoopEvent.LoopStarted(2, 3, "r-loop2"));
    pulse.frame();
    assertThat(model.loopTextProperty().get()).isEqualTo("Loop 2 of 3");
    iteration(run, "r-loop2", Verdict.FAILED, "check still passing");
    loop.onLoopEvent(new LoopEvent.LoopFinished(2, 3, result("r-loop2", Verdict.FAILED)));
    model.loopEnded(
        new LoopResult(
            Verdict.FAILED,
            "loop 2 of 3 failed: check still passing",
            2,
            3,
            List.of(result("r-loop1", Verdict.PASSED), result("r-loop2", Verdict.FAILED))));
    clock.addAndGet(70 * SECOND);
    pulse.frame();

    assertThat(labels)
        .containsSubsequence("Loop 1 of 3", "Pausing 30s before loop 2", "Loop 2 of 3")
        .endsWith("2 of 3 loops ran");
    assertThat(model.verdictProperty().get()).isEqualTo(Verdict.FAILED);
    assertThat(model.reasonProperty().get()).isEqualTo("loop 2 of 3 failed: check still passing");
    assertThat(model.statusTextProperty().get()).contains("loop 2 of 3 failed");
    assertThat(phases.getLast()).isEqualTo(RunPhase.FINISHED);
    // FINISHED once, at the loop's end; the time is the whole run's, pause included.
    assertThat(phases.stream().filter(p -> p == RunPhase.FINISHED)).hasSize(1);
    assertThat(model.elapsedTextProperty().get()).isEqualTo("1:10");
    assertThat(pulse.running).isFalse();
  }

  @Test
  void aDurationLoopShowsTheTimeLeftOncePerSecond() {
    RunViewModel model = model(looped("{for: 5m}"));
    LoopListener loop = model.loopListener();

    loop.onLoopEvent(new LoopEvent.LoopStarted(1, null, "r-loop1"));
    pulse.frame();
    assertThat(model.loopTextProperty().get()).isEqualTo("Loop 1 · 5m left");

    clock.addAndGet(121 * SECOND);
    loop.onLoopEvent(new LoopEvent.LoopStarted(2, null, "r-loop2"));
    pulse.frame();
    assertThat(model.loopTextProperty().get()).isEqualTo("Loop 2 · 3m left");

    clock.addAndGet(150 * SECOND);
    pulse.frame();
    assertThat(model.loopTextProperty().get()).isEqualTo("Loop 2 · 29s left");

    clock.addAndGet(60 * SECOND);
    pulse.frame();
    assertThat(model.loopTextProperty().get()).isEqualTo("Loop 2 · last one");
  }

  @Test
  void aRunWithoutALoopHasNoLoopLabelAndEndsWithItsRun() {
    RunViewModel model = model(RunViewModelTest.EXPERIMENT);
    iteration(model.listener(), "r", Verdict.PASSED, "all steps passed");
    pulse.frame();
    assertThat(model.loopTextProperty().get()).isEmpty();
    assertThat(model.phase()).isEqualTo(RunPhase.FINISHED);
  }

  private static void iteration(RunListener run, String id, Verdict verdict, String reason) {
    run.onEvent(
        new RunEvent.RunStarted(
            id,
            0,
            Instant.parse("2026-12-03T10:00:00Z"),
            "looped",
            "sandbox",
            false,
            List.of("freeze")));
    run.onEvent(new RunEvent.StepStarted(id, SECOND, "freeze", "attack", "freeze"));
    run.onEvent(new RunEvent.RunFinished(id, 2 * SECOND, verdict, reason, 0));
  }

  private static RunResult result(String id, Verdict verdict) {
    return new RunResult(id, verdict, verdict.word(), 0, List.of());
  }
}
