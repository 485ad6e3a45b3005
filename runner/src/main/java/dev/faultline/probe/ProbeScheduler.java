package dev.faultline.probe;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Keeps many probes on time. One platform thread only ticks (so ticks are not delayed by slow
 * calls); each probe has one virtual thread of its own, parked between calls, which the tick wakes.
 * Waking a parked thread costs a fraction of starting one, which is what keeps a burst of probes
 * due at the same instant on time. A probe whose previous call is still running skips the tick
 * instead of piling calls up, so a hanging target costs its one thread, nothing more. A tick
 * allocates nothing.
 *
 * <p>Due times are exactly what the caller asked for ({@code initialDelay + k * interval}); the
 * scheduler does not spread probes that are due at the same instant. Precision, measured by {@code
 * ProbeSchedulingBenchmark} with 1,000 probes at 1 Hz: see {@code docs/probes.md}.
 */
public final class ProbeScheduler implements AutoCloseable {
  private final ScheduledThreadPoolExecutor ticker;
  private final java.util.Set<Repeating> live = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

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
    /**
     * Stops the probe: no call starts afterwards, a call in flight is interrupted, and its sample
     * is dropped (a sample already being handed to the sink is not interrupted: a sink may cancel
     * its own probe, say to halt the run). Idempotent.
     */
    void cancel();
  }

  /**
   * Calls {@code probe} every {@code interval}, the first time after {@code initialDelay}, and
   * hands each sample to {@code sink} on the call's thread. A probe that throws a runtime exception
   * (a bug: failed checks are samples) gives a failed sample naming it.
   */
  public Ticket every(
      Duration initialDelay, Duration interval, PreparedProbe probe, SampleSink sink) {
    long period = Math.max(1, interval.toNanos());
    long delay = Math.max(0, initialDelay.toNanos());
    var repeating = new Repeating(probe, sink, System.nanoTime() + delay, period);
    live.add(repeating);
    if (closed) {
      repeating.cancel();
      return repeating;
    }
    repeating.worker.start();
    repeating.future = ticker.scheduleAtFixedRate(repeating, delay, period, TimeUnit.NANOSECONDS);
    return repeating;
  }

  /** One repeating probe: the ticker runs {@link #run}, which wakes its worker to {@link #call}. */
  private final class Repeating implements Runnable, Ticket {
    private final PreparedProbe probe;
    private final SampleSink sink;
    private final long first;
    private final long period;
    private final AtomicBoolean busy = new AtomicBoolean();
    private final java.util.concurrent.Semaphore wake = new java.util.concurrent.Semaphore(0);
    private final Thread worker = Thread.ofVirtual().name("faultline-probe").unstarted(this::work);
    private long ticks; // ticker thread only
    private long due; // written before the call is submitted, read by the call
    private volatile boolean cancelled;
    private volatile Thread caller;
    private volatile ScheduledFuture<?> future;

    Repeating(PreparedProbe probe, SampleSink sink, long first, long period) {
      this.probe = probe;
      this.sink = sink;
      this.first = first;
      this.period = period;
    }

    @Override
    public void run() {
      long dueNow = first + ticks++ * period;
      if (cancelled || !busy.compareAndSet(false, true)) {
        return; // cancelled, or the previous call still runs: skip this tick
      }
      due = dueNow;
      wake.release();
    }

    /** The worker: parked until a tick (or cancel) wakes it. */
    private void work() {
      while (!cancelled) {
        try {
          wake.acquire();
        } catch (InterruptedException e) {
          continue; // a cancel that came between calls: the loop condition ends it
        }
        if (!cancelled) {
          call();
        } else {
          busy.set(false);
        }
      }
    }

    private void call() {
      long started = System.nanoTime();
      try {
        if (cancelled) {
          return;
        }
        ProbeSample sample;
        caller = Thread.currentThread(); // only while sampling: cancel never interrupts the sink
        try {
          sample = probe.sample();
        } catch (InterruptedException e) {
          return; // cancelled while in flight: nothing to report
        } catch (RuntimeException bug) {
          sample =
              ProbeSample.fail(
                  Double.NaN, Duration.ofNanos(System.nanoTime() - started), "probe error: " + bug);
        } finally {
          caller = null;
        }
        if (cancelled) {
          Thread.interrupted(); // an interrupt from cancel may have arrived just now
          return;
        }
        sink.accept(sample, due, started);
      } finally {
        busy.set(false);
      }
    }

    @Override
    public void cancel() {
      cancelled = true;
      ScheduledFuture<?> f = future;
      if (f != null) {
        f.cancel(false);
      }
      Thread inFlight = caller;
      if (inFlight != null) {
        inFlight.interrupt();
      }
      wake.release(); // a parked worker wakes, sees the cancel and ends
      live.remove(this);
    }
  }

  @Override
  public void close() {
    closed = true;
    ticker.shutdownNow();
    live.forEach(Repeating::cancel);
  }
}
