package dev.faultline.engine;

import dev.faultline.model.ContinuousProbe;
import dev.faultline.probe.LastingProbe;
import dev.faultline.probe.PreparedProbe;
import dev.faultline.probe.ProbeSample;
import dev.faultline.probe.ProbeScheduler;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The continuous probes of a run: started with the run or with their {@code from} step, stopped
 * with the run or after their {@code to} step, each sample an event, and {@code haltAfter} failures
 * in a row a halt. Each probe's failure streak is readable at any time ({@link ProbeStreaks}) for
 * attacks that stop early when a probe keeps failing.
 */
final class ContinuousProbes implements ProbeStreaks {
  private final List<ContinuousProbe> probes;
  private final Map<String, PreparedProbe> prepared;
  private final ProbeScheduler scheduler;
  private final EventBus bus;
  private final RunOptions options;
  private final Consumer<String> halt;
  private final Map<String, ProbeScheduler.Ticket> running = new ConcurrentHashMap<>();
  private final Map<String, AtomicReference<Streak>> streaks = new ConcurrentHashMap<>();

  ContinuousProbes(
      List<ContinuousProbe> probes,
      Map<String, PreparedProbe> prepared,
      ProbeScheduler scheduler,
      EventBus bus,
      RunOptions options,
      Consumer<String> halt) {
    this.probes = probes;
    this.prepared = prepared;
    this.scheduler = scheduler;
    this.bus = bus;
    this.options = options;
    this.halt = halt;
  }

  void startRunWide() throws InterruptedException {
    for (ContinuousProbe probe : probes) {
      if (probe.from() == null) {
        start(probe);
      }
    }
  }

  /** Called by the coordinator when a step starts. */
  void stepStarted(String stepId) throws InterruptedException {
    for (ContinuousProbe probe : probes) {
      if (stepId.equals(probe.from())) {
        start(probe);
      }
    }
  }

  /** Called by the coordinator when a step ends. */
  void stepEnded(String stepId) {
    for (ContinuousProbe probe : probes) {
      if (stepId.equals(probe.to())) {
        stop(probe.id());
      }
    }
  }

  @Override
  public Streak streak(String probeId) {
    AtomicReference<Streak> streak = streaks.get(probeId);
    return streak == null ? Streak.NONE : streak.get();
  }

  void stopAll() {
    running.keySet().forEach(this::stop);
  }

  private void stop(String id) {
    ProbeScheduler.Ticket ticket = running.remove(id);
    if (ticket != null) {
      ticket.cancel();
      if (prepared.get(id) instanceof LastingProbe lasting) {
        lasting.close(); // a load in the background stops with its probe, not with the run
      }
    }
  }

  private void start(ContinuousProbe probe) throws InterruptedException {
    PreparedProbe call = prepared.get(probe.id());
    if (options.dryRun()) {
      // A dry run checks each probe once; a lasting one (a load) only checks it could start.
      ProbeSample sample = call instanceof LastingProbe lasting ? lasting.check() : call.sample();
      bus.emit(t -> new RunEvent.ProbeSampled(options.runId(), t, probe.id(), sample));
      return;
    }
    var streak = streaks.computeIfAbsent(probe.id(), id -> new AtomicReference<>(Streak.NONE));
    var halted = new AtomicBoolean();
    Duration delay =
        probe.initialDelay() == null ? Duration.ZERO : probe.initialDelay().toDuration();
    running.put(
        probe.id(),
        scheduler.every(
            delay,
            probe.effectiveInterval().toDuration(),
            call,
            (sample, due, started) -> {
              bus.emit(t -> new RunEvent.ProbeSampled(options.runId(), t, probe.id(), sample));
              int failures =
                  streak
                      .updateAndGet(s -> s.next(sample.passed(), sample.message()))
                      .failuresInARow();
              if (probe.haltAfter() != null
                  && failures >= probe.haltAfter()
                  && halted.compareAndSet(false, true)) {
                halt.accept(
                    "continuous probe '"
                        + probe.id()
                        + "' failed "
                        + failures
                        + " time"
                        + (failures == 1 ? "" : "s")
                        + " in a row (haltAfter: "
                        + probe.haltAfter()
                        + "): "
                        + sample.message());
              }
            }));
  }
}
