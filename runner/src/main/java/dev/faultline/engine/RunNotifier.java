package dev.faultline.engine;

import dev.faultline.model.Notification;
import dev.faultline.notify.LogFileSink;
import dev.faultline.notify.NotifyMessage;
import dev.faultline.notify.SinkWorker;
import dev.faultline.notify.WebhookSink;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Turns a run's events into notifications ({@code spec.notifications} plus {@link
 * RunOptions#notifications()}): start, gate and halt as the events pass by, finish when the engine
 * hands over the verdict. Each sink has its own {@link SinkWorker}, so delivery never blocks the
 * event thread; only {@link #finish} waits, and at most {@link #FLUSH_BOUND}.
 */
final class RunNotifier implements RunListener {
  /** How long the end of a run waits for the last notifications. */
  static final Duration FLUSH_BOUND = Duration.ofSeconds(5);

  private record Route(Notification config, SinkWorker worker) {}

  private final List<Route> routes;
  private final String experiment;
  private final String context;
  private final Consumer<String> warnings;
  private final List<String> setupProblems = new ArrayList<>();

  /**
   * @param warnings receives one secret-free sentence per delivery problem (the run adds it as a
   *     note to its timeline)
   */
  RunNotifier(
      List<Notification> notifications,
      String experiment,
      String context,
      UnaryOperator<String> environment,
      WebhookSink.Timing timing,
      Consumer<String> warnings) {
    this.experiment = experiment;
    this.context = context;
    this.warnings = warnings;
    var list = new ArrayList<Route>();
    for (Notification config : notifications) {
      try {
        var sink =
            switch (config) {
              case Notification.Webhook hook -> new WebhookSink(hook, environment, timing);
              case Notification.LogFile log -> LogFileSink.of(log);
            };
        list.add(new Route(config, new SinkWorker(sink, warnings)));
      } catch (RuntimeException e) {
        // An unusable path (say, one with a NUL) must not stop the run from starting.
        setupProblems.add("notification skipped: " + e.getMessage());
      }
    }
    this.routes = List.copyOf(list);
  }

  boolean isEmpty() {
    return routes.isEmpty() && setupProblems.isEmpty();
  }

  @Override
  public void onEvent(RunEvent event) {
    switch (event) {
      case RunEvent.RunStarted e -> {
        setupProblems.forEach(warnings);
        var details = new LinkedHashMap<String, Object>();
        details.put("dryRun", e.dryRun());
        details.put("steps", e.stepIds());
        send(Notification.Event.START, e.runId(), details);
      }
      case RunEvent.GateWaiting e -> {
        var details = new LinkedHashMap<String, Object>();
        details.put("step", e.stepId());
        details.put("question", e.question() == null ? "" : e.question());
        send(Notification.Event.GATE, e.runId(), details);
      }
      case RunEvent.Halted e ->
          send(Notification.Event.HALT, e.runId(), Map.of("reason", e.reason()));
      default -> {}
    }
  }

  /** Queues the finish notification and lets each worker end once it has delivered. */
  void finish(String runId, Verdict verdict, String reason, int faultsLeftOpen, long nanos) {
    var details = new LinkedHashMap<String, Object>();
    details.put("verdict", verdict.word());
    details.put("reason", reason);
    details.put("durationSeconds", Math.round(nanos / 1e6) / 1000.0);
    details.put("faultsLeftOpen", faultsLeftOpen);
    send(Notification.Event.FINISH, runId, details);
    routes.forEach(r -> r.worker().close());
  }

  /**
   * Waits until every sink delivered (or gave up), at most until {@code deadline} ({@link
   * System#nanoTime()}); returns a warning per sink still busy.
   */
  List<String> awaitDelivered(long deadline) throws InterruptedException {
    var late = new ArrayList<String>();
    for (Route route : routes) {
      if (!route.worker().awaitDelivered(deadline - System.nanoTime())) {
        late.add(
            "notification to "
                + route.worker().label()
                + " not confirmed within "
                + FLUSH_BOUND.toSeconds()
                + " s; the run did not wait for it");
      }
    }
    return late;
  }

  private void send(Notification.Event event, String runId, Map<String, Object> details) {
    NotifyMessage message = null;
    for (Route route : routes) {
      if (route.config().wants(event)) {
        if (message == null) {
          message = new NotifyMessage(event, runId, experiment, context, Instant.now(), details);
        }
        route.worker().offer(message);
      }
    }
  }
}
