package dev.faultline.engine;

import static dev.faultline.engine.EngineHarness.awaitGate;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.cluster.AccessCheck;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The engine with fake executors: ordering, rollback, verdicts, control. */
class EngineTest {
  private final EngineHarness h = new EngineHarness();

  @Test
  void sequenceAppliesInOrderAndRollsBackInReverseAfterJournaling() throws Exception {
    RunResult result =
        h.run(
            """
            steps:
              - {id: a, attack: test.fault}
              - {id: b, after: [a], attack: test.fault, with: {faults: 2}}
              - {id: check, after: [b], probe: test.probe}
            """);

    assertThat(result.verdict()).isEqualTo(Verdict.PASSED);
    assertThat(h.log.only("journal", "apply", "rollback"))
        .containsExactly(
            "journal a#0",
            "apply a#0",
            "journal b#0",
            "apply b#0",
            "journal b#1",
            "apply b#1",
            "rollback b#1",
            "rollback b#0",
            "rollback a#0");
    assertThat(h.journal.open()).isEmpty();
    assertThat(result.events().getLast()).isInstanceOf(RunEvent.RunFinished.class);
    assertThat(h.seen).isEqualTo(result.events());
  }

  @Test
  void parallelBranchesRunConcurrentlyAndAJoinWaitsForBoth() throws Exception {
    long start = System.nanoTime();
    RunResult result =
        h.run(
            """
            steps:
              - {id: left, wait: 400ms}
              - {id: right, wait: 400ms}
              - {id: join, after: [left, right], probe: test.probe}
            """);
    long elapsedMs = (System.nanoTime() - start) / 1_000_000;

    assertThat(result.verdict()).isEqualTo(Verdict.PASSED);
    assertThat(elapsedMs).as("two 400 ms waits side by side").isLessThan(780);
    List<String> order =
        h.events(RunEvent.StepStarted.class).stream().map(RunEvent.StepStarted::stepId).toList();
    assertThat(order.getLast()).isEqualTo("join");
    var leftEnd = endOf(result, "left");
    var joinStart =
        h.events(RunEvent.StepStarted.class).stream()
            .filter(s -> s.stepId().equals("join"))
            .findFirst()
            .orElseThrow();
    assertThat(joinStart.nanos()).isGreaterThanOrEqualTo(leftEnd);
  }

  @Test
  void untilFailingThatNeverFailsFailsTheRunAfterItsTimeoutAndRollsBack() throws Exception {
    RunResult result =
        h.run(
            """
            steps:
              - {id: freeze, attack: test.fault}
              - {id: until-down, after: [freeze], probe: test.probe, until: failing, timeout: 600ms, interval: 100ms, with: {results: pass}}
              - {id: kill, after: [until-down], attack: test.fault}
            """);

    assertThat(result.verdict()).isEqualTo(Verdict.FAILED);
    assertThat(result.reason()).contains("until-down").contains("still passing after 600ms");
    assertThat(h.log.only("apply", "rollback"))
        .containsExactly("apply freeze#0", "rollback freeze#0");
    assertThat(h.events(RunEvent.StepSkipped.class))
        .extracting(RunEvent.StepSkipped::stepId)
        .containsExactly("kill");
    assertThat(h.events(RunEvent.ProbeSampled.class).size()).isBetween(4, 8);
  }

  @Test
  void untilPassingSucceedsOnTheFirstPassingSample() throws Exception {
    RunResult result =
        h.run(
            """
            steps:
              - {id: recover, probe: test.probe, until: passing, timeout: 5s, interval: 50ms, with: {results: "fail,fail,pass"}}
            """);
    assertThat(result.verdict()).isEqualTo(Verdict.PASSED);
    assertThat(h.events(RunEvent.ProbeSampled.class)).hasSize(3);
  }

  @Test
  void aOnceProbeIsRetriedBeforeItFails() throws Exception {
    RunResult result =
        h.run(
            """
            steps:
              - {id: flaky, probe: test.probe, retries: 2, interval: 10ms, with: {results: "fail,fail,pass"}}
              - {id: broken, after: [flaky], probe: test.probe, retries: 1, interval: 10ms, with: {results: fail}}
            """);
    assertThat(result.verdict()).isEqualTo(Verdict.FAILED);
    assertThat(result.reason()).startsWith("step 'broken' failed: probe failed: down");
    assertThat(h.log.only("sample"))
        .containsExactly(
            "sample flaky", "sample flaky", "sample flaky", "sample broken", "sample broken");
  }

  @Test
  void anAttackWithADurationIsRolledBackBeforeTheNextStep() throws Exception {
    RunResult result =
        h.run(
            """
            steps:
              - {id: burst, attack: test.fault, duration: 200ms}
              - {id: after-burst, after: [burst], attack: test.fault}
            """);
    assertThat(result.verdict()).isEqualTo(Verdict.PASSED);
    assertThat(h.log.only("apply", "rollback"))
        .containsExactly(
            "apply burst#0", "rollback burst#0", "apply after-burst#0", "rollback after-burst#0");
  }

  @Test
  void irreversibleFaultsAreMarkedDoneAndNeverRolledBack() throws Exception {
    RunResult result =
        h.run("steps:\n  - {id: kill, attack: test.fault, with: {reversible: false}}\n");
    assertThat(result.verdict()).isEqualTo(Verdict.PASSED);
    assertThat(h.log.lines())
        .contains("done kill#0 irreversible")
        .doesNotContain("rollback kill#0");
  }

  @Test
  void aFaultThatCannotBeAppliedErrorsTheRunAndEverythingAppliedIsRolledBack() throws Exception {
    RunResult result =
        h.run(
            """
            steps:
              - {id: first, attack: test.fault}
              - {id: second, after: [first], attack: test.fault, with: {faults: 2, failApply: true}}
            """);
    assertThat(result.verdict()).isEqualTo(Verdict.ERROR);
    assertThat(result.reason())
        .contains("could not apply fake fault second#1: refused by the fake");
    // second#1 was journaled before it failed; rollback is idempotent, so it is undone too.
    assertThat(h.log.only("apply", "apply-failed", "rollback"))
        .containsExactly(
            "apply first#0",
            "apply second#0",
            "apply-failed second#1",
            "rollback second#1",
            "rollback second#0",
            "rollback first#0");
    assertThat(h.events(RunEvent.FaultFailed.class)).hasSize(1);
  }

  @Test
  void aContinuousProbeHaltsTheRunAfterItsToleranceAndEverythingIsRolledBack() throws Exception {
    RunResult result =
        h.run(
            """
            steps:
              - {id: freeze, attack: test.fault}
              - {id: hold, after: [freeze], wait: 20s}
            probes:
              - {id: slo, probe: test.probe, interval: 50ms, haltAfter: 3, with: {results: "pass,fail,pass,fail,fail,fail"}}
            """);
    assertThat(result.verdict()).isEqualTo(Verdict.ABORTED);
    assertThat(result.reason())
        .startsWith("continuous probe 'slo' failed 3 times in a row (haltAfter: 3)");
    assertThat(h.events(RunEvent.Halted.class)).hasSize(1);
    assertThat(h.log.only("rollback")).containsExactly("rollback freeze#0");
    var holdEnd =
        h.events(RunEvent.StepFailed.class).stream()
            .filter(f -> f.stepId().equals("hold"))
            .findFirst()
            .orElseThrow();
    assertThat(holdEnd.message()).isEqualTo("stopped: the run is ending");
    assertThat(Duration.ofNanos(result.events().getLast().nanos()))
        .isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void aContinuousProbeSpansFromOneStepToAnother() throws Exception {
    RunResult result =
        h.run(
            """
            steps:
              - {id: before, wait: 300ms}
              - {id: during, after: [before], wait: 300ms}
              - {id: later, after: [during], wait: 300ms}
            probes:
              - {id: watch, probe: test.probe, interval: 50ms, from: during, to: during}
            """);
    assertThat(result.verdict()).isEqualTo(Verdict.PASSED);
    long duringStart = startOf(result, "during");
    long duringEnd = endOf(result, "during");
    var samples = h.events(RunEvent.ProbeSampled.class);
    assertThat(samples).hasSizeBetween(3, 8);
    assertThat(samples)
        .allSatisfy(s -> assertThat(s.nanos()).isBetween(duringStart, duringEnd + 60_000_000));
  }

  @Test
  void maxDurationAbortsTheRun() throws Exception {
    RunResult result =
        h.run(
            """
            safety: {maxDuration: 300ms}
            steps:
              - {id: freeze, attack: test.fault}
              - {id: long, after: [freeze], wait: 1m}
            """);
    assertThat(result.verdict()).isEqualTo(Verdict.ABORTED);
    assertThat(result.reason()).isEqualTo("the run reached spec.safety.maxDuration (300ms)");
    assertThat(h.log.only("rollback")).containsExactly("rollback freeze#0");
  }

  @Test
  void cancelDuringAGateAbortsAndRollsBack() throws Exception {
    RunHandle run =
        h.start(
            """
            steps:
              - {id: freeze, attack: test.fault}
              - {id: review, after: [freeze], gate: Kill the primary?}
              - {id: kill, after: [review], attack: test.fault}
            """);
    awaitGate(run, "review");
    run.cancel("alice");
    RunResult result = run.await(Duration.ofSeconds(10)).orElseThrow();
    assertThat(result.verdict()).isEqualTo(Verdict.ABORTED);
    assertThat(result.reason()).isEqualTo("cancelled by alice");
    assertThat(h.log.only("apply", "rollback"))
        .containsExactly("apply freeze#0", "rollback freeze#0");
    assertThat(h.events(RunEvent.StepSkipped.class))
        .extracting(RunEvent.StepSkipped::stepId)
        .containsExactly("kill");
  }

  @Test
  void gatesAreApprovedThroughTheHandleOrRejectedWhichAborts() throws Exception {
    RunHandle run =
        h.start(
            """
            steps:
              - {id: go, gate: Go?}
              - {id: again, after: [go], gate: Again?}
            """);
    awaitGate(run, "go");
    assertThat(run.approve("nope", "bob")).isFalse();
    assertThat(run.approve("go", "bob")).isTrue();
    awaitGate(run, "again");
    run.reject("again", "carol");
    RunResult result = run.await(Duration.ofSeconds(10)).orElseThrow();
    assertThat(result.verdict()).isEqualTo(Verdict.ABORTED);
    assertThat(h.events(RunEvent.GateAnswered.class))
        .extracting(a -> a.stepId() + " " + a.approved() + " " + a.by())
        .containsExactly("go true bob", "again false carol");
  }

  @Test
  void headlessGatesApplyTheirOnTimeoutAndApproveGatesApprovesAll() throws Exception {
    String steps =
        """
        steps:
          - {id: soft, gate: Continue?, onTimeout: continue}
          - {id: hard, after: [soft], gate: Continue?}
        """;
    h.options = h.options.withGates(RunOptions.GatePolicy.ON_TIMEOUT);
    RunResult headless = h.run(steps);
    assertThat(headless.verdict()).isEqualTo(Verdict.ABORTED);
    assertThat(headless.reason())
        .isEqualTo("step 'hard' failed: gate 'hard' was not approved (nobody (headless run))");

    var approving = new EngineHarness();
    approving.options = approving.options.withGates(RunOptions.GatePolicy.APPROVE);
    assertThat(approving.run(steps).verdict()).isEqualTo(Verdict.PASSED);
  }

  @Test
  void aGateTimeoutAppliesOnTimeout() throws Exception {
    RunResult result =
        h.run("steps:\n  - {id: g, gate: Go?, timeout: 100ms, onTimeout: continue}\n");
    assertThat(result.verdict()).isEqualTo(Verdict.PASSED);
    assertThat(h.events(RunEvent.GateAnswered.class).getFirst().by())
        .isEqualTo("nobody within 100ms");
  }

  @Test
  void pauseStartsNoNewStepsUntilResumed() throws Exception {
    RunHandle run =
        h.start(
            """
            steps:
              - {id: first, wait: 200ms}
              - {id: second, after: [first], attack: test.fault}
            """);
    run.pause("dave");
    Thread.sleep(500);
    assertThat(h.log.only("apply")).isEmpty();
    run.resume("dave");
    RunResult result = run.await(Duration.ofSeconds(10)).orElseThrow();
    assertThat(result.verdict()).isEqualTo(Verdict.PASSED);
    assertThat(h.log.only("apply")).containsExactly("apply second#0");
    assertThat(h.events(RunEvent.RunPaused.class)).hasSize(1);
    assertThat(h.events(RunEvent.RunResumed.class)).hasSize(1);
  }

  @Test
  void rollbackRetriesWhileTheClusterIsUnreachable() throws Exception {
    RunResult result =
        h.run("steps:\n  - {id: a, attack: test.fault, with: {rollbackFailures: 2}}\n");
    assertThat(result.verdict()).isEqualTo(Verdict.PASSED);
    assertThat(h.log.only("rollback", "rollback-failed"))
        .containsExactly("rollback-failed a#0", "rollback-failed a#0", "rollback a#0");
    assertThat(h.events(RunEvent.RollbackFailed.class))
        .allMatch(RunEvent.RollbackFailed::willRetry);
  }

  @Test
  void aFaultThatCannotBeRolledBackByTheDeadlineStaysOpenInTheJournal() throws Exception {
    RunResult result =
        h.run("steps:\n  - {id: a, attack: test.fault, with: {rollbackFailures: -1}}\n");
    assertThat(result.verdict()).isEqualTo(Verdict.ERROR);
    assertThat(result.faultsLeftOpen()).isEqualTo(1);
    assertThat(result.reason())
        .contains(
            "1 fault could not be rolled back and stay open in the journal: run 'faultline cleanup'");
    assertThat(h.journal.open()).extracting(f -> f.id()).containsExactly("a#0");
    assertThat(h.events(RunEvent.RollbackFailed.class).getLast().willRetry()).isFalse();
  }

  @Test
  void aDryRunPlansFaultsAppliesNoneAndRunsEachProbeOnce() throws Exception {
    h.options = h.options.withDryRun(true);
    RunResult result =
        h.run(
            """
            steps:
              - {id: a, attack: test.fault, with: {faults: 2}}
              - {id: until, after: [a], probe: test.probe, until: failing, timeout: 1m, with: {results: pass}}
              - {id: w, after: [until], wait: 1h}
              - {id: g, after: [w], gate: Go?}
            probes:
              - {id: slo, probe: test.probe, haltAfter: 1, with: {results: fail}}
            """);
    assertThat(result.verdict()).isEqualTo(Verdict.PASSED);
    assertThat(h.log.only("journal", "apply", "rollback")).isEmpty();
    assertThat(h.events(RunEvent.FaultPlanned.class)).hasSize(2);
    assertThat(h.log.only("sample")).containsExactlyInAnyOrder("sample until", "sample slo");
  }

  @Test
  void missingPermissionsStopTheRunBeforeAnythingIsApplied() throws Exception {
    h.attack.needs = List.of(AccessCheck.of("delete", "", "pods", "shop"));
    h.denied = List.of("cannot delete pods in shop");
    RunResult result = h.run("steps:\n  - {id: a, attack: test.fault}\n");
    assertThat(result.verdict()).isEqualTo(Verdict.ERROR);
    assertThat(result.reason())
        .isEqualTo(
            "missing permissions on context 'test-context', nothing was applied: cannot delete pods in shop");
    assertThat(h.log.only("apply", "journal")).isEmpty();
    assertThat(h.events(RunEvent.StepSkipped.class)).hasSize(1);
  }

  @Test
  void unmetPrerequisitesStopTheRunNamingEachStepBeforePermissionsAreAsked() throws Exception {
    h.attack.unmet = List.of("the operator is not installed in context 'test-context'");
    h.attack.needs = List.of(AccessCheck.of("delete", "", "pods", "shop"));
    h.denied = List.of("cannot delete pods in shop");
    RunResult result =
        h.run(
            "steps:\n  - {id: a, attack: test.fault}\n  - {id: b, after: [a], attack: test.fault}\n");
    assertThat(result.verdict()).isEqualTo(Verdict.ERROR);
    assertThat(result.reason())
        .isEqualTo(
            "step 'a': the operator is not installed in context 'test-context'; step 'b': the"
                + " operator is not installed in context 'test-context'");
    assertThat(h.log.only("prerequisites")).containsExactly("prerequisites a", "prerequisites b");
    assertThat(h.log.only("apply", "journal")).isEmpty();
    assertThat(h.events(RunEvent.StepSkipped.class)).hasSize(2);
  }

  @Test
  void aProbeThatCannotBeSetUpFailsThePreflight() throws Exception {
    RunResult result =
        h.run(
            "steps:\n  - {id: a, attack: test.fault}\n  - {id: p, after: [a], probe: test.probe, with: {badSetup: true}}\n");
    assertThat(result.verdict()).isEqualTo(Verdict.ERROR);
    assertThat(result.reason()).isEqualTo("probe 'p': jq: syntax error at 1:3 (fake)");
    assertThat(h.log.only("apply")).isEmpty();
  }

  @Test
  void aHangingProbeIsInterruptedWhenTheRunIsCancelled() throws Exception {
    RunHandle run =
        h.start(
            """
            steps:
              - {id: a, attack: test.fault}
              - {id: stuck, after: [a], probe: test.probe, with: {hang: true}}
            """);
    while (h.log.only("sample").isEmpty()) {
      Thread.sleep(10);
    }
    run.emergencyStop("operator");
    RunResult result = run.await(Duration.ofSeconds(10)).orElseThrow();
    assertThat(result.verdict()).isEqualTo(Verdict.ABORTED);
    assertThat(result.reason()).isEqualTo("emergency stop by operator");
    assertThat(h.log.only("rollback")).containsExactly("rollback a#0");
  }

  @Test
  void notesAppearOnTheTimeline() throws Exception {
    RunHandle run = h.start("steps:\n  - {id: g, gate: Go?}\n");
    awaitGate(run, "g");
    run.addNote("erin", "alert fired in #oncall");
    run.approve("g", "erin");
    run.await(Duration.ofSeconds(10)).orElseThrow();
    assertThat(h.events(RunEvent.NoteAdded.class))
        .extracting(RunEvent.NoteAdded::text)
        .containsExactly("alert fired in #oncall");
  }

  private static long startOf(RunResult result, String step) {
    return result.events().stream()
        .filter(e -> e instanceof RunEvent.StepStarted s && s.stepId().equals(step))
        .findFirst()
        .orElseThrow()
        .nanos();
  }

  private static long endOf(RunResult result, String step) {
    return result.events().stream()
        .filter(
            e ->
                (e instanceof RunEvent.StepSucceeded s && s.stepId().equals(step))
                    || (e instanceof RunEvent.StepFailed f && f.stepId().equals(step)))
        .findFirst()
        .orElseThrow()
        .nanos();
  }
}
