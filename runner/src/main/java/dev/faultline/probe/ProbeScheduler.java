package dev.faultline.probe;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Keeps many probes on time. One platform thread only ticks (so ticks are not delayed by slow
 * calls); each call runs on its own virtual thread. A probe whose previous call is still running
 * skips the tick instead of piling calls up, so a hanging target costs one thread, not one per
 * tick.
 */
public final class ProbeScheduler implements AutoCloseable {
  private final ScheduledThreadPoolExecutor ticker;
  private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();

  public ProbeScheduler() {
    ticker =
        new ScheduledThreadPoolExecutor(
            1, Thread.ofPlatform().name("faultline-probe-ticker").daemon().factory());
    ticker.setRemoveOnCancelPolicy(true);
  }

  /**
   * Receives each sample with when it was due and when the call started ({@link
   * System#nanoTime()}).
   */
  @FunctionalInterface
  public interface SampleSink {
    void accept(ProbeSample sample, long dueNanos, long startedNanos);
  }

  /** A repeating probe; cancel it to stop. */
  public interface Ticket {
    void cancel();
  }

  /**
   * Calls {@code probe} every {@code interval}, the first time after {@code initialDelay}, and
   * hands each sample to {@code sink} on the call's thread.
   */
  public Ticket every(
      Duration initialDelay, Duration interval, PreparedProbe probe, SampleSink sink) {
    long period = Math.max(1, interval.toNanos());
    long first = System.nanoTime() + Math.max(0, initialDelay.toNanos());
    var busy = new AtomicBoolean();
    var ticks = new long[] {0};
    ScheduledFuture<?> future =
        ticker.scheduleAtFixedRate(
            () -> {
              long due = first + ticks[0]++ * period;
              if (!busy.compareAndSet(false, true)) {
                return; // the previous call still runs: skip this tick
              }
              calls.execute(
                  () -> {
                    long started = System.nanoTime();
                    try {
                      sink.accept(probe.sample(), due, started);
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    } finally {
                      busy.set(false);
                    }
                  });
            },
            Math.max(0, initialDelay.toNanos()),
            period,
            TimeUnit.NANOSECONDS);
    return () -> future.cancel(false);
  }

  @Override
  public void close() {
    ticker.shutdownNow();
    calls.shutdownNow();
  }
}
