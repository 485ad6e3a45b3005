package dev.faultline.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class ProbeSchedulerTest {
  private static final Duration TICK = Duration.ofMillis(20);

  private static ProbeSample ok() {
    return ProbeSample.pass(1, Duration.ZERO, "ok");
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) throw new AssertionError("not reached: " + what);
      Thread.sleep(5);
    }
  }

  @Test
  void callsOnTheGridWithDueAndStartTimes() throws Exception {
    record Seen(long due, long started) {}
    List<Seen> seen = new CopyOnWriteArrayList<>();
    long before = System.nanoTime();
    try (var scheduler = new ProbeScheduler()) {
      scheduler.every(
          Duration.ofMillis(50),
          TICK,
          ProbeSchedulerTest::ok,
          (s, due, started) -> seen.add(new Seen(due, started)));
      await(() -> seen.size() >= 5, "five samples");
    }
    assertThat(seen.getFirst().due() - before)
        .isGreaterThanOrEqualTo(Duration.ofMillis(50).toNanos());
    for (int i = 1; i < 5; i++) {
      // on the grid; a busy machine may delay a call past the next tick, which is then skipped
      long step = seen.get(i).due() - seen.get(i - 1).due();
      assertThat(step).isPositive();
      assertThat(step % TICK.toNanos()).isZero();
    }
    // never early (a few microseconds of slack between computing the grid and scheduling it)
    assertThat(seen).allMatch(s -> s.started() >= s.due() - 100_000);
  }

  @Test
  void skipsTicksWhileACallHangsInsteadOfPilingCallsUp() throws Exception {
    var calls = new AtomicInteger();
    var samples = new AtomicInteger();
    var release = new CountDownLatch(1);
    PreparedProbe hanging =
        () -> {
          if (calls.incrementAndGet() == 1) {
            release.await();
          }
          return ok();
        };
    try (var scheduler = new ProbeScheduler()) {
      scheduler.every(Duration.ZERO, TICK, hanging, (s, due, started) -> samples.incrementAndGet());
      Thread.sleep(TICK.toMillis() * 15);
      assertThat(calls.get()).as("one call in flight, the other ticks skipped").isEqualTo(1);
      assertThat(samples.get()).isZero();
      release.countDown();
      await(() -> calls.get() >= 3, "calls resume after the hang");
      assertThat(samples.get()).isGreaterThanOrEqualTo(1);
    }
  }

  @Test
  void cancelStopsCallsAndInterruptsTheOneInFlight() throws Exception {
    var calls = new AtomicInteger();
    var samples = new AtomicInteger();
    var interrupted = new CountDownLatch(1);
    var hang = new java.util.concurrent.atomic.AtomicBoolean();
    PreparedProbe probe =
        () -> {
          calls.incrementAndGet();
          if (hang.get()) {
            try {
              Thread.sleep(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
              interrupted.countDown();
              throw e;
            }
          }
          return ok();
        };
    try (var scheduler = new ProbeScheduler()) {
      ProbeScheduler.Ticket ticket =
          scheduler.every(
              Duration.ZERO, TICK, probe, (s, due, started) -> samples.incrementAndGet());
      await(() -> samples.get() >= 3, "three samples");
      hang.set(true);
      int before = calls.get();
      await(() -> calls.get() > before, "a hanging call");
      int samplesBefore = samples.get();
      ticket.cancel();
      assertThat(interrupted.await(5, TimeUnit.SECONDS)).as("in-flight call interrupted").isTrue();
      int callsAtCancel = calls.get();
      Thread.sleep(TICK.toMillis() * 10);
      assertThat(calls.get()).isEqualTo(callsAtCancel);
      assertThat(samples.get()).isEqualTo(samplesBefore);
      ticket.cancel(); // idempotent
    }
  }

  @Test
  void aSinkMayCancelItsOwnProbeWithoutBeingInterrupted() throws Exception {
    var interruptedInSink = new java.util.concurrent.atomic.AtomicBoolean(true);
    var done = new CountDownLatch(1);
    var samples = new AtomicInteger();
    var ticket = new java.util.concurrent.atomic.AtomicReference<ProbeScheduler.Ticket>();
    try (var scheduler = new ProbeScheduler()) {
      ticket.set(
          scheduler.every(
              Duration.ofMillis(50),
              TICK,
              ProbeSchedulerTest::ok,
              (s, due, started) -> {
                samples.incrementAndGet();
                ticket.get().cancel(); // as a halt does
                interruptedInSink.set(Thread.currentThread().isInterrupted());
                done.countDown();
              }));
      assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
      Thread.sleep(TICK.toMillis() * 5);
    }
    assertThat(interruptedInSink.get()).isFalse();
    assertThat(samples.get()).isEqualTo(1);
  }

  @Test
  void aProbeThatThrowsGivesAFailedSample() throws Exception {
    List<ProbeSample> seen = new CopyOnWriteArrayList<>();
    PreparedProbe broken =
        () -> {
          throw new IllegalStateException("boom");
        };
    try (var scheduler = new ProbeScheduler()) {
      var ticket = scheduler.every(Duration.ZERO, TICK, broken, (s, due, started) -> seen.add(s));
      await(() -> seen.size() >= 2, "two samples");
      ticket.cancel();
    }
    assertThat(seen.getFirst().passed()).isFalse();
    assertThat(seen.getFirst().message())
        .isEqualTo("probe error: java.lang.IllegalStateException: boom");
  }

  @Test
  void closeStopsEverything() throws Exception {
    var calls = new AtomicInteger();
    var scheduler = new ProbeScheduler();
    for (int i = 0; i < 50; i++) {
      scheduler.every(
          Duration.ZERO,
          TICK,
          () -> {
            calls.incrementAndGet();
            return ok();
          },
          (s, due, started) -> {});
    }
    await(() -> calls.get() >= 100, "calls of 50 probes");
    scheduler.close();
    Thread.sleep(200); // calls submitted before close may still be starting
    int after = calls.get();
    Thread.sleep(TICK.toMillis() * 5);
    assertThat(calls.get()).isEqualTo(after);
  }
}
