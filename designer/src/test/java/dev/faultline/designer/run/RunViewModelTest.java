package dev.faultline.designer.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.attack.Fault;
import dev.faultline.attack.ObjectRef;
import dev.faultline.designer.canvas.StepRunState;
import dev.faultline.designer.fx.SameThreadTaskExecutor;
import dev.faultline.designer.run.chart.ProbeChart;
import dev.faultline.designer.run.chart.ProbeChart.FaultWindow;
import dev.faultline.engine.RunEvent;
import dev.faultline.engine.RunListener;
import dev.faultline.engine.Verdict;
import dev.faultline.format.ExperimentReader;
import dev.faultline.format.Syntax;
import dev.faultline.model.Experiment;
import dev.faultline.probe.ProbeSample;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run view model fed with synthetic event sequences, pulsed by hand (or by a timer thread
 * standing in for the FX pulse), without the FX toolkit.
 */
class RunViewModelTest {
  private static final String RUN = "run-1";
  private static final Instant START = Instant.parse("2026-03-01T10:42:00Z");

  static final Experiment EXPERIMENT =
      new ExperimentReader()
          .read(
              """
              apiVersion: faultline.dev/v1alpha1
              kind: Experiment
              metadata: {name: synthetic}
              spec:
                targets:
                  checkout: {namespaces: [shop], labelSelector: app=checkout}
                steps:
                  - {id: freeze, attack: process.signal, target: checkout, with: {signal: SIGSTOP, process: java}}
                  - {id: check, after: [freeze], probe: http.check, until: failing, timeout: 10s, with: {url: "http://checkout.shop/health"}}
                  - {id: review, after: [check], gate: Kill them?}
                  - {id: kill, after: [review], attack: process.signal, target: checkout, with: {signal: SIGKILL, process: java}}
                probes:
                  - {id: storefront, probe: http.check, with: {url: "http://storefront.shop/health"}}
              """,
              Syntax.YAML)
          .experiment()
          .orElseThrow();

  private final ManualPulse pulse = new ManualPulse();
  private final AtomicLong clock = new AtomicLong(5_000_000_000L);
  private final RunViewModel model =
      new RunViewModel(EXPERIMENT, "alice", new SameThreadTaskExecutor(), pulse, clock::get);
  private final RunListener listener = model.listener();

  @TempDir Path dir;

  @Test
  void everyStepIsPendingAtTheStartAndFollowsItsEvents() {
    emit(started(0));
    pulse.frame();
    assertThat(model.stepStates())
        .containsExactly(
            Map.entry("freeze", StepRunState.PENDING),
            Map.entry("check", StepRunState.PENDING),
            Map.entry("review", StepRunState.PENDING),
            Map.entry("kill", StepRunState.PENDING));
    assertThat(model.phase()).isEqualTo(RunPhase.STARTING);

    emit(new RunEvent.StepStarted(RUN, ms(10), "freeze", "attack", "freeze"));
    emit(new RunEvent.StepSucceeded(RUN, ms(20), "freeze", "3 frozen"));
    emit(new RunEvent.StepStarted(RUN, ms(30), "check", "probe", "check"));
    emit(new RunEvent.StepFailed(RUN, ms(40), "check", "still passing"));
    emit(new RunEvent.StepSkipped(RUN, ms(50), "review", "check failed"));
    pulse.frame();

    assertThat(model.phase()).isEqualTo(RunPhase.RUNNING);
    assertThat(model.stepStates())
        .containsEntry("freeze", StepRunState.SUCCEEDED)
        .containsEntry("check", StepRunState.FAILED)
        .containsEntry("review", StepRunState.SKIPPED)
        .containsEntry("kill", StepRunState.PENDING);
  }

  @Test
  void phasesGoFromStartingToFinishedWithTheVerdictAndReason() {
    List<RunPhase> seen = new ArrayList<>();
    model.phaseProperty().addListener((o, old, now) -> seen.add(now));
    emit(started(0));
    emit(new RunEvent.StepStarted(RUN, ms(10), "freeze", "attack", "freeze"));
    pulse.frame();
    emit(new RunEvent.RunPaused(RUN, ms(20), "bob"));
    pulse.frame();
    assertThat(model.statusTextProperty().get()).contains("Paused by bob");
    emit(new RunEvent.RunResumed(RUN, ms(30), "bob"));
    emit(new RunEvent.Halted(RUN, ms(40), "emergency stop by alice"));
    pulse.frame();
    assertThat(model.statusTextProperty().get()).contains("rolling back").contains("alice");
    emit(new RunEvent.RunFinished(RUN, ms(65_000), Verdict.ABORTED, "emergency stop by alice", 0));
    pulse.frame();

    assertThat(seen)
        .containsExactly(
            RunPhase.RUNNING,
            RunPhase.PAUSED,
            RunPhase.RUNNING,
            RunPhase.STOPPING,
            RunPhase.FINISHED);
    assertThat(model.verdictProperty().get()).isEqualTo(Verdict.ABORTED);
    assertThat(model.reasonProperty().get()).isEqualTo("emergency stop by alice");
    assertThat(model.statusTextProperty().get()).isEqualTo("ABORTED: emergency stop by alice");
    assertThat(model.elapsedTextProperty().get()).isEqualTo("1:05");
    assertThat(pulse.running).as("the pulse stops after the last event").isFalse();
  }

  @Test
  void elapsedTimeTicksWithTheClockWhileRunning() {
    emit(started(0));
    pulse.frame();
    assertThat(model.elapsedTextProperty().get()).isEqualTo("0:00");
    clock.addAndGet(Duration.ofSeconds(75).toNanos());
    pulse.frame();
    assertThat(model.elapsedTextProperty().get()).isEqualTo("1:15");
    assertThat(RunViewModel.elapsed(Duration.ofSeconds(3723).toNanos())).isEqualTo("1:02:03");
  }

  @Test
  void gatesWaitAndAreAnsweredWithWhoAndWhen() {
    emit(started(0));
    emit(new RunEvent.StepStarted(RUN, ms(5), "review", "gate", "review"));
    emit(new RunEvent.GateWaiting(RUN, ms(10), "review", "Kill them?"));
    pulse.frame();
    assertThat(model.waitingGates())
        .containsExactly(
            new RunViewModel.WaitingGate("review", "Kill them?", START.plusMillis(10)));
    assertThat(model.stepStates()).containsEntry("review", StepRunState.WAITING);

    emit(new RunEvent.GateAnswered(RUN, ms(7_000), "review", true, "alice"));
    pulse.frame();
    assertThat(model.waitingGates()).isEmpty();
    assertThat(model.answeredGates())
        .containsExactly(
            new RunViewModel.AnsweredGate(
                "review", "Kill them?", true, "alice", START.plusMillis(7_000)));
    assertThat(model.stepStates()).containsEntry("review", StepRunState.RUNNING);
  }

  @Test
  void faultsAreCountedAndOpenAFaultWindowUntilTheLastIsRolledBack() {
    emit(started(0));
    emit(new RunEvent.FaultApplied(RUN, ms(100), fault("freeze#1", true)));
    emit(new RunEvent.FaultApplied(RUN, ms(110), fault("freeze#2", true)));
    pulse.frame();
    assertThat(model.faultsAppliedProperty().get()).isEqualTo(2);
    assertThat(model.faultsOpenProperty().get()).isEqualTo(2);
    assertThat(model.faultWindows())
        .containsExactly(new FaultWindow(START.toEpochMilli() + 100, ProbeChart.OPEN));

    emit(new RunEvent.FaultRolledBack(RUN, ms(500), fault("freeze#1", true)));
    pulse.frame();
    assertThat(model.faultsOpenProperty().get()).isEqualTo(1);
    assertThat(model.faultWindows().getFirst().end()).isEqualTo(ProbeChart.OPEN);

    emit(new RunEvent.FaultRolledBack(RUN, ms(900), fault("freeze#2", true)));
    emit(new RunEvent.FaultApplied(RUN, ms(1_000), fault("kill#1", false)));
    pulse.frame();
    assertThat(model.faultsAppliedProperty().get()).isEqualTo(3);
    assertThat(model.faultsRolledBackProperty().get()).isEqualTo(2);
    assertThat(model.faultsOpenProperty().get()).as("a kill leaves nothing to roll back").isZero();
    long t0 = START.toEpochMilli();
    assertThat(model.faultWindows())
        .containsExactly(
            new FaultWindow(t0 + 100, t0 + 900), new FaultWindow(t0 + 1_000, t0 + 1_001));
  }

  @Test
  void probeSamplesFillTheSeriesWithFailuresAsGapsAndCountThem() {
    emit(started(0));
    emit(sampled("check", 1_000, ProbeSample.pass(12, Duration.ofMillis(12), "200 in 12 ms")));
    emit(sampled("check", 2_000, ProbeSample.fail(30, Duration.ofMillis(30), "503 in 30 ms")));
    emit(sampled("storefront", 2_000, ProbeSample.pass(8, Duration.ofMillis(8), "200 in 8 ms")));
    emit(sampled("surprise", 2_500, ProbeSample.pass(1, Duration.ofMillis(1), "ok")));
    pulse.frame();

    ProbeTrack check = track("check");
    assertThat(check.unit()).isEqualTo("ms");
    assertThat(check.title()).isEqualTo("check · http.check");
    assertThat(check.series().size()).isEqualTo(2);
    assertThat(check.series().time(0)).isEqualTo(START.toEpochMilli() + 1_000);
    assertThat(check.series().value(0)).isEqualTo(12.0);
    assertThat(check.series().value(1)).isNaN();
    assertThat(check.samplesProperty().get()).isEqualTo(2);
    assertThat(check.failuresProperty().get()).isEqualTo(1);
    assertThat(check.lastMessageProperty().get()).isEqualTo("✗ 503 in 30 ms");
    assertThat(track("storefront").series().size()).isEqualTo(1);
    assertThat(model.probes())
        .extracting(ProbeTrack::id)
        .as("experiment probes first, unknown ones as they appear")
        .containsExactly("check", "storefront", "surprise");
    assertThat(track("surprise").series().value(0)).isEqualTo(1.0);
  }

  @Test
  void notesAndEventsAreKeptAndTheReportHasTheNotes() throws Exception {
    emit(started(0));
    emit(new RunEvent.NoteAdded(RUN, ms(3_000), "alice", "alert fired in #oncall"));
    emit(new RunEvent.RunFinished(RUN, ms(4_000), Verdict.PASSED, "", 0));
    pulse.frame();
    assertThat(model.notes())
        .containsExactly(
            new RunViewModel.Note(
                "alice", "alert fired in #oncall", START.plusMillis(3_000), ms(3_000)));
    assertThat(model.events()).hasSize(3);

    Path file = dir.resolve("reports/run.html");
    model.saveReport(file);

    assertThat(model.reportStatusProperty().get()).startsWith("Report saved to");
    assertThat(Files.readString(file)).contains("alert fired in #oncall").contains("PASSED");
  }

  @Test
  void aReportThatCannotBeWrittenSaysWhy() throws Exception {
    Path blocker = Files.writeString(dir.resolve("file"), "x");
    model.saveReport(blocker.resolve("report.html"));
    assertThat(model.reportStatusProperty().get()).startsWith("Could not save the report:");
    assertThat(model.savingReportProperty().get()).isFalse();
  }

  @Test
  void sinksGetEachBatchInOrderAfterTheModelFoldedIt() {
    List<List<RunEvent>> batches = new ArrayList<>();
    List<StepRunState> seenBySink = new ArrayList<>();
    model.addSink(
        batch -> {
          batches.add(batch);
          seenBySink.add(model.stepStates().get("freeze"));
        });
    RunEvent a = started(0);
    RunEvent b = new RunEvent.StepStarted(RUN, ms(1), "freeze", "attack", "freeze");
    emit(a);
    emit(b);
    pulse.frame();
    pulse.frame(); // nothing new: no empty batch
    assertThat(batches).containsExactly(List.of(a, b));
    assertThat(seenBySink).containsExactly(StepRunState.RUNNING);
  }

  @Test
  void aThousandEventsFromAnotherThreadArriveAsAHandfulOfOrderedBatches() throws Exception {
    var fx = Executors.newSingleThreadScheduledExecutor();
    var timed = new TimedPulse(fx);
    var threaded =
        new RunViewModel(
            EXPERIMENT, "alice", new SameThreadTaskExecutor(), timed, System::nanoTime);
    List<List<RunEvent>> batches = new CopyOnWriteArrayList<>();
    threaded.addSink(batches::add);
    RunListener runner = threaded.listener();
    List<RunEvent> sent = new ArrayList<>();
    sent.add(started(0));
    for (int i = 1; i < 999; i++) {
      sent.add(new RunEvent.NoteAdded(RUN, ms(i), "bot", "note " + i));
    }
    sent.add(new RunEvent.RunFinished(RUN, ms(1_000), Verdict.PASSED, "", 0));
    long begin = System.nanoTime();
    Thread producer =
        Thread.ofPlatform()
            .start(
                () -> {
                  for (int i = 0; i < sent.size(); i++) {
                    runner.onEvent(sent.get(i));
                    if (i % 100 == 0) {
                      sleepMillis(5); // a burst every few milliseconds, like a busy run
                    }
                  }
                });
    producer.join();
    long deadline = System.currentTimeMillis() + 5_000;
    while (batches.stream().mapToInt(List::size).sum() < sent.size()
        && System.currentTimeMillis() < deadline) {
      Thread.sleep(10);
    }
    long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin);
    fx.shutdown();
    assertThat(fx.awaitTermination(5, TimeUnit.SECONDS)).isTrue();

    assertThat(batches.stream().flatMap(List::stream).toList())
        .as("nothing lost, in order")
        .isEqualTo(sent);
    assertThat(batches).allSatisfy(batch -> assertThat(batch).isNotEmpty());
    assertThat(batches.size())
        .as("at most one batch per 16 ms pulse over " + took + " ms")
        .isLessThanOrEqualTo((int) (took / TimedPulse.PERIOD_MS) + 2)
        .isLessThan(100);
    assertThat(timed.frames)
        .as("each batch is one frame")
        .hasValueGreaterThanOrEqualTo(batches.size());
    assertThat(threaded.notes()).hasSize(998);
  }

  private ProbeTrack track(String id) {
    return model.probes().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
  }

  private void emit(RunEvent event) {
    listener.onEvent(event);
  }

  private static RunEvent started(long nanos) {
    return new RunEvent.RunStarted(
        RUN,
        nanos,
        START,
        "synthetic",
        "faultline-sandbox",
        false,
        List.of("freeze", "check", "review", "kill"));
  }

  private static RunEvent sampled(String probe, long millis, ProbeSample sample) {
    return new RunEvent.ProbeSampled(RUN, ms(millis), probe, sample);
  }

  private static long ms(long millis) {
    return millis * 1_000_000L;
  }

  private static Fault fault(String id, boolean reversible) {
    return new Fault(
        id,
        RUN,
        id.substring(0, id.indexOf('#')),
        "process.signal",
        "faultline-sandbox",
        new ObjectRef("v1", "Pod", "shop", "checkout-1", "app"),
        "SIGSTOP",
        reversible,
        Map.of());
  }

  private static void sleepMillis(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A pulse the test fires by hand; remembers whether the model wants it running. */
  static final class ManualPulse implements FramePulse {
    private Runnable frame;
    boolean running;

    @Override
    public void start(Runnable onFrame) {
      frame = onFrame;
      running = true;
    }

    @Override
    public void stop() {
      running = false;
    }

    void frame() {
      frame.run();
    }
  }

  /** A 60 Hz pulse on one scheduler thread, standing in for the FX thread's pulse. */
  static final class TimedPulse implements FramePulse {
    static final long PERIOD_MS = 16;
    private final ScheduledExecutorService thread;
    private ScheduledFuture<?> ticking;
    final AtomicLong frames = new AtomicLong();

    TimedPulse(ScheduledExecutorService thread) {
      this.thread = thread;
    }

    @Override
    public void start(Runnable frame) {
      ticking =
          thread.scheduleAtFixedRate(
              () -> {
                frames.incrementAndGet();
                frame.run();
              },
              PERIOD_MS,
              PERIOD_MS,
              TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
      if (ticking != null) {
        ticking.cancel(false);
      }
    }
  }
}
