package dev.faultline.sandbox.chaos;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * The checks of one StatusCheck, as Chaos Mesh counts them: one every {@code intervalSeconds}
 * (default 10), the first at once. {@code failureThreshold} (default 3) failures in a row end it
 * failed; in {@code Synchronous} mode {@code successThreshold} (default 1) successes in a row end
 * it succeeded, while a {@code Continuous} check goes on until its node's deadline. The request
 * runs on a virtual thread; counting and the callbacks happen on the controller's loop.
 */
final class StatusCheckRun {
  /** One check's outcome, for the StatusCheck's {@code status.records}. */
  record Record(Instant at, boolean success, String message) {}

  /** Told once, when a threshold is reached. */
  interface Ended {
    void ended(boolean success, String reason);
  }

  private final StatusCheckProbe probe;
  private final ScheduledExecutorService loop;
  private final Ended ended;
  private final Consumer<List<Record>> recorded;
  private final boolean continuous;
  private final long intervalMillis;
  private final int failureThreshold;
  private final int successThreshold;
  private final int historyLimit;
  private final List<Record> records = new ArrayList<>();
  private ScheduledFuture<?> timer;
  private int failures;
  private int successes;
  private boolean stopped;

  StatusCheckRun(
      StatusCheckProbe probe,
      JsonNode spec,
      ScheduledExecutorService loop,
      Ended ended,
      Consumer<List<Record>> recorded) {
    this.probe = probe;
    this.loop = loop;
    this.ended = ended;
    this.recorded = recorded;
    this.continuous = spec.path("mode").asString("Synchronous").equals("Continuous");
    this.intervalMillis = 1000L * Math.max(1, spec.path("intervalSeconds").asInt(10));
    this.failureThreshold = Math.max(1, spec.path("failureThreshold").asInt(3));
    this.successThreshold = Math.max(1, spec.path("successThreshold").asInt(1));
    this.historyLimit = Math.clamp(spec.path("recordsHistoryLimit").asInt(100), 1, 1000);
  }

  void start() {
    timer = loop.scheduleWithFixedDelay(this::launch, 0, intervalMillis, TimeUnit.MILLISECONDS);
  }

  void stop() {
    stopped = true;
    if (timer != null) {
      timer.cancel(false);
    }
  }

  private void launch() {
    if (stopped) {
      return;
    }
    Thread.ofVirtual()
        .name("sandbox-status-check")
        .start(
            () -> {
              Instant at = Instant.now();
              StatusCheckProbe.Result result = probe.check();
              loop.execute(() -> WorkflowExecution.safely(() -> count(at, result)));
            });
  }

  private void count(Instant at, StatusCheckProbe.Result result) {
    if (stopped) {
      return;
    }
    records.add(new Record(at, result.success(), result.outcome()));
    while (records.size() > historyLimit) {
      records.removeFirst();
    }
    recorded.accept(List.copyOf(records));
    if (result.success()) {
      successes++;
      failures = 0;
    } else {
      failures++;
      successes = 0;
    }
    if (failures >= failureThreshold) {
      stop();
      ended.ended(false, failures + " failed check(s) in a row, last: " + result.outcome());
    } else if (!continuous && successes >= successThreshold) {
      stop();
      ended.ended(true, successes + " successful check(s) in a row");
    }
  }
}
