package dev.faultline.engine;

import dev.faultline.attack.Fault;
import dev.faultline.attack.FaultStatus;
import dev.faultline.model.AttackStep;
import dev.faultline.model.StopWhen;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The wait while an attack with a {@code duration} lasts: the faults' status is polled (a target
 * that vanished is noted on the timeline), and an attack with a {@code stopWhen} ends early once
 * its continuous probe has failed often enough in a row since the faults were applied.
 */
final class AttackWatch {
  /** How often an attack with a {@code stopWhen} looks at its probe's streak. */
  private static final Duration STOP_CHECK = Duration.ofMillis(50);

  private final FaultLedger ledger;
  private final EventBus bus;
  private final RunOptions options;
  private final ProbeStreaks streaks;

  AttackWatch(FaultLedger ledger, EventBus bus, RunOptions options, ProbeStreaks streaks) {
    this.ledger = ledger;
    this.bus = bus;
    this.options = options;
    this.streaks = streaks;
  }

  /**
   * How an attack's time went.
   *
   * @param vanished a note about faults whose object vanished, or empty
   * @param stoppedEarly why the attack ended before its duration ({@code stopWhen}), or {@code
   *     null}
   */
  record Watched(String vanished, String stoppedEarly) {}

  /**
   * Waits while the attack lasts: polls the faults' status every status interval, and with a {@code
   * stopWhen} ends the wait as soon as its probe has failed often enough in a row since now.
   */
  Watched watch(AttackStep step, List<Fault> faults, Duration duration)
      throws InterruptedException {
    long start = System.nanoTime();
    long end = start + duration.toNanos();
    long statusEvery = options.statusInterval().toNanos();
    long nextStatus = start + statusEvery;
    StopWhen stopWhen = step.stopWhen();
    long baseline = stopWhen == null ? 0 : streaks.streak(stopWhen.probe()).samples();
    var gone = new LinkedHashSet<String>();
    String stoppedEarly = null;
    while (true) {
      long now = System.nanoTime();
      if (stopWhen != null) {
        ProbeStreaks.Streak streak = streaks.streak(stopWhen.probe());
        if (streak.failedSince(baseline, stopWhen.effectiveFailures())) {
          stoppedEarly = stoppedEarly(step, streak, now - start);
          break;
        }
      }
      if (now >= end) {
        break;
      }
      long wake = Math.min(end, nextStatus);
      if (stopWhen != null) {
        wake = Math.min(wake, now + STOP_CHECK.toNanos());
      }
      Thread.sleep(Duration.ofNanos(Math.max(0, wake - now)));
      if (System.nanoTime() >= nextStatus) {
        nextStatus += statusEvery;
        pollStatus(faults, gone);
      }
    }
    return new Watched(
        gone.isEmpty() ? "" : " (" + gone.size() + " target(s) vanished during the attack)",
        stoppedEarly);
  }

  /** The reason an attack stops early, also put on the timeline as a note. */
  private String stoppedEarly(AttackStep step, ProbeStreaks.Streak streak, long elapsedNanos) {
    // The condition that held, not the streak when it was seen: a sample or two more may have
    // come in before this thread looked, and failures from before the attack do not count.
    int failures = step.stopWhen().effectiveFailures();
    String reason =
        "stopped early after "
            + StepRunner.seconds(elapsedNanos)
            + ": probe '"
            + step.stopWhen().probe()
            + "' failed "
            + failures
            + " time"
            + (failures == 1 ? "" : "s")
            + " in a row";
    bus.emit(
        t ->
            new RunEvent.NoteAdded(
                options.runId(),
                t,
                "faultline",
                "attack '"
                    + step.id()
                    + "' "
                    + reason
                    + " (stopWhen), rolling it back: "
                    + streak.lastMessage()));
    return reason;
  }

  private void pollStatus(List<Fault> faults, Set<String> gone) {
    for (Fault fault : faults) {
      FaultStatus status = ledger.status(fault).status();
      if (status.state() == FaultStatus.State.GONE && gone.add(fault.object().display())) {
        bus.emit(
            t ->
                new RunEvent.NoteAdded(
                    options.runId(),
                    t,
                    "faultline",
                    fault.object().display() + " is gone: " + status.message()));
      }
    }
  }
}
