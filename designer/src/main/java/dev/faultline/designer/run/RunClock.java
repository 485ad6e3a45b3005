package dev.faultline.designer.run;

import dev.faultline.engine.RunEvent;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * "Now" in run time (nanoseconds since the run started), for parts that draw up to the present.
 *
 * <p>Events carry run time, but between batches time goes on: the clock anchors on the newest event
 * it saw and adds the local monotonic time elapsed since it arrived. It never runs backwards (but
 * for {@link #restart}, at the next loop of a looped run) and stops at {@link
 * RunEvent.RunFinished}. Use it on the FX thread.
 */
public final class RunClock {

  private final LongSupplier systemNanos;
  private long anchorRunNanos = -1;
  private long anchorSystemNanos;
  private long lastNow;
  private boolean finished;

  /** A clock driven by {@link System#nanoTime()}. */
  public RunClock() {
    this(System::nanoTime);
  }

  /** A clock driven by {@code systemNanos}, a monotonic nanosecond source (tests pass a fake). */
  public RunClock(LongSupplier systemNanos) {
    this.systemNanos = systemNanos;
  }

  /** Moves the anchor to the newest event of {@code batch}; call it with every batch. */
  public void observe(List<? extends RunEvent> batch) {
    if (batch.isEmpty() || finished) {
      return;
    }
    RunEvent last = batch.getLast();
    anchorRunNanos = Math.max(anchorRunNanos, last.nanos());
    anchorSystemNanos = systemNanos.getAsLong();
    if (last instanceof RunEvent.RunFinished) {
      finished = true;
      lastNow = Math.max(lastNow, last.nanos());
    }
  }

  /** Starts over for the next run (the next loop of a looped run): back to 0, running again. */
  public void restart() {
    anchorRunNanos = -1;
    lastNow = 0;
    finished = false;
  }

  /** Whether the run has started and not finished, so "now" moves. */
  public boolean running() {
    return anchorRunNanos >= 0 && !finished;
  }

  /** Whether {@link RunEvent.RunFinished} was seen. */
  public boolean finished() {
    return finished;
  }

  /** Run time now: 0 before any event, the finish time after the run ended. */
  public long now() {
    if (running()) {
      long estimate = anchorRunNanos + Math.max(0, systemNanos.getAsLong() - anchorSystemNanos);
      lastNow = Math.max(lastNow, estimate);
    }
    return lastNow;
  }
}
