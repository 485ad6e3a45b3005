package dev.faultline.designer.run;

import dev.faultline.engine.LoopEvent;
import dev.faultline.engine.LoopResult;
import dev.faultline.model.Loop;
import dev.faultline.model.TimeSpan;
import java.time.Duration;

/**
 * Where a looped run is, as one short label for the run bar: "Loop 2 of 5", "Loop 2 · 3m left" for
 * a loop that runs for a duration, "Pausing 30s before loop 3" between loops, "2 of 2 loops ran" at
 * the end. Plain state on the FX thread; times are the model's monotonic nanos.
 */
final class LoopProgress {
  private final Duration duration;
  private long originNanos = Long.MIN_VALUE;
  private int loop;
  private Integer planned;
  private Duration pause;

  /**
   * @param loop the experiment's {@code spec.loop}; {@code null} when it has none
   */
  LoopProgress(Loop loop) {
    this.duration =
        loop == null || loop.duration() == null ? null : loop.duration().parse().orElse(null);
  }

  /** Whether a loop event was seen: the run is one iteration of a loop. */
  boolean looped() {
    return loop > 0;
  }

  /** The number of the current (or next) loop; 0 before the first. */
  int number() {
    return loop;
  }

  /** When the first loop started ({@code nanos} of the model's clock); MIN_VALUE before. */
  long originNanos() {
    return originNanos;
  }

  /** Folds {@code event}, received at {@code nanos}. */
  void accept(LoopEvent event, long nanos) {
    if (originNanos == Long.MIN_VALUE) {
      originNanos = nanos;
    }
    loop = event.loop();
    planned = event.planned();
    pause = event instanceof LoopEvent.Pausing p ? p.pause() : null;
  }

  /** The label now; empty for a run without a loop. */
  String text(long nowNanos) {
    if (!looped()) {
      return "";
    }
    if (pause != null) {
      return "Pausing " + TimeSpan.of(pause).text() + " before loop " + loop;
    }
    if (planned != null) {
      return "Loop " + loop + " of " + planned;
    }
    if (duration == null) {
      return "Loop " + loop;
    }
    Duration left = duration.minusNanos(nowNanos - originNanos);
    // Past the deadline the running loop still ends normally, but no other one starts.
    return "Loop " + loop + " · " + (left.isPositive() ? roundUp(left) + " left" : "last one");
  }

  /** The label once the loop is over: how many loops ran, of how many planned. */
  static String finished(LoopResult result) {
    int ran = result.loops().size();
    String loops = ran == 1 ? " loop" : " loops";
    return result.planned() == null
        ? ran + loops + " ran"
        : ran + " of " + result.planned() + loops + " ran";
  }

  /** "3m" up to an hour, then "1h 5m"; under a minute "40s", so the label changes slowly. */
  private static String roundUp(Duration left) {
    long seconds = (left.toMillis() + 999) / 1000;
    if (seconds < 60) {
      return seconds + "s";
    }
    long minutes = (seconds + 59) / 60;
    return minutes < 60 ? minutes + "m" : minutes / 60 + "h " + minutes % 60 + "m";
  }
}
