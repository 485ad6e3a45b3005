package dev.faultline.sandbox.api;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * {@code kubectl get pods}: the STATUS column follows the printer's reasoning step by step (init
 * containers first, then the app containers from last to first so the first one's reason wins, then
 * deletion), because that column is what people read during a chaos experiment.
 */
final class PodPrinter implements Printer {
  private static final List<Column> COLUMNS =
      List.of(
          Column.objectName(),
          Column.string(
              "Ready", "The aggregate readiness state of this pod for accepting traffic."),
          Column.string("Status", "The aggregate status of the containers in this pod."),
          Column.string(
              "Restarts",
              "The number of times the containers in this pod have been restarted and when the"
                  + " last container in this pod has restarted."),
          Column.age(),
          Column.string("IP", "podIP address allocated to the pod.").wide(),
          Column.string("Node", "NodeName indicates in which node this pod is scheduled.").wide(),
          Column.string(
                  "Nominated Node",
                  "nominatedNodeName is set only when this pod preempts other pods on the node.")
              .wide(),
          Column.string(
                  "Readiness Gates",
                  "If specified, all readiness gates will be evaluated for pod readiness.")
              .wide());

  @Override
  public List<Column> columns() {
    return COLUMNS;
  }

  @Override
  public void print(JsonNode pod, Instant now, Row row) {
    JsonNode spec = pod.path("spec");
    JsonNode status = pod.path("status");
    String phase = Json.text(status.path("phase"));

    var state = new State();
    state.total = spec.path("containers").size();
    String statusReason = Json.text(status.path("reason"));
    state.reason = statusReason.isEmpty() ? phase : statusReason;
    for (JsonNode condition : status.path("conditions")) {
      if (Json.text(condition.path("type")).equals("PodScheduled")
          && Json.text(condition.path("reason")).equals("SchedulingGated")) {
        state.reason = "SchedulingGated";
      }
    }
    switch (phase) {
      case "Succeeded" ->
          row.condition("Completed", "True", "Succeeded", "The pod has completed successfully.");
      case "Failed" -> row.condition("Completed", "True", "Failed", "The pod failed.");
      default -> {}
    }

    boolean initializing = initContainers(spec, status, state);
    if (!initializing || hasCondition(status, "Initialized")) {
      // Once initialized, only sidecar restarts still count, plus those of the app containers.
      state.restarts = state.sidecarRestarts;
      state.lastRestart = state.lastSidecarRestart;
      appContainers(status, state);
    }

    boolean deleting = pod.path("metadata").hasNonNull("deletionTimestamp");
    if (deleting && statusReason.equals("NodeLost")) {
      state.reason = "Unknown";
    } else if (deleting && !phase.equals("Succeeded") && !phase.equals("Failed")) {
      state.reason = "Terminating";
    }

    String restarts = Long.toString(state.restarts);
    if (state.restarts != 0 && state.lastRestart != null) {
      restarts = state.restarts + " (" + HumanDuration.since(state.lastRestart, now) + " ago)";
    }
    row.add(Json.text(pod.path("metadata").path("name")))
        .add(state.ready + "/" + state.total)
        .add(state.reason)
        .add(restarts)
        .add(HumanDuration.since(Json.time(pod.path("metadata").path("creationTimestamp")), now));

    row.add(orNone(podIp(status)))
        .add(orNone(Json.text(spec.path("nodeName"))))
        .add(orNone(Json.text(status.path("nominatedNodeName"))))
        .add(readinessGates(spec, status));
  }

  /** What the loops over container statuses accumulate. */
  private static final class State {
    String reason;
    int total;
    int ready;
    long restarts;
    Instant lastRestart;
    long sidecarRestarts;
    Instant lastSidecarRestart;
  }

  /**
   * Returns whether the pod is still initializing; counts the restarts of all init containers, and
   * separately of the restartable ones (sidecars).
   */
  private static boolean initContainers(JsonNode spec, JsonNode status, State state) {
    Map<String, JsonNode> byName = new HashMap<>();
    for (JsonNode container : spec.path("initContainers")) {
      byName.put(Json.text(container.path("name")), container);
      if (restartable(container)) {
        state.total++; // sidecars count as containers of the pod
      }
    }
    boolean initializing = false;
    JsonNode statuses = status.path("initContainerStatuses");
    for (int i = 0; i < statuses.size(); i++) {
      JsonNode container = statuses.get(i);
      long count = Json.integer(container.path("restartCount"));
      Instant finished = lastTermination(container);
      state.restarts += count;
      state.lastRestart = later(state.lastRestart, finished);
      boolean sidecar = restartable(byName.get(Json.text(container.path("name"))));
      if (sidecar) {
        state.sidecarRestarts += count;
        state.lastSidecarRestart = later(state.lastSidecarRestart, finished);
      }
      JsonNode terminated = container.path("state").path("terminated");
      JsonNode waiting = container.path("state").path("waiting");
      if (terminated.isObject() && Json.integer(terminated.path("exitCode")) == 0) {
        continue;
      }
      if (sidecar && Json.bool(container.path("started"))) {
        if (Json.bool(container.path("ready"))) {
          state.ready++;
        }
        continue;
      }
      if (terminated.isObject()) {
        String reason = Json.text(terminated.path("reason"));
        if (!reason.isEmpty()) {
          state.reason = "Init:" + reason;
        } else if (Json.integer(terminated.path("signal")) != 0) {
          state.reason = "Init:Signal:" + Json.integer(terminated.path("signal"));
        } else {
          state.reason = "Init:ExitCode:" + Json.integer(terminated.path("exitCode"));
        }
      } else if (waiting.isObject()
          && !Json.text(waiting.path("reason")).isEmpty()
          && !Json.text(waiting.path("reason")).equals("PodInitializing")) {
        state.reason = "Init:" + Json.text(waiting.path("reason"));
      } else {
        state.reason = "Init:" + i + "/" + spec.path("initContainers").size();
      }
      initializing = true;
      break;
    }
    return initializing;
  }

  private static void appContainers(JsonNode status, State state) {
    boolean hasRunning = false;
    JsonNode statuses = status.path("containerStatuses");
    for (int i = statuses.size() - 1; i >= 0; i--) {
      JsonNode container = statuses.get(i);
      state.restarts += Json.integer(container.path("restartCount"));
      state.lastRestart = later(state.lastRestart, lastTermination(container));
      JsonNode waiting = container.path("state").path("waiting");
      JsonNode terminated = container.path("state").path("terminated");
      if (waiting.isObject() && !Json.text(waiting.path("reason")).isEmpty()) {
        state.reason = Json.text(waiting.path("reason"));
      } else if (terminated.isObject() && !Json.text(terminated.path("reason")).isEmpty()) {
        state.reason = Json.text(terminated.path("reason"));
      } else if (terminated.isObject()) {
        long signal = Json.integer(terminated.path("signal"));
        state.reason =
            signal != 0
                ? "Signal:" + signal
                : "ExitCode:" + Json.integer(terminated.path("exitCode"));
      } else if (Json.bool(container.path("ready"))
          && container.path("state").path("running").isObject()) {
        hasRunning = true;
        state.ready++;
      }
    }
    // A pod whose first container completed but another still runs is not "Completed".
    if (state.reason.equals("Completed") && hasRunning) {
      state.reason = hasCondition(status, "Ready") ? "Running" : "NotReady";
    }
  }

  private static boolean restartable(JsonNode initContainer) {
    return initContainer != null && Json.text(initContainer.path("restartPolicy")).equals("Always");
  }

  private static Instant lastTermination(JsonNode containerStatus) {
    JsonNode terminated = containerStatus.path("lastState").path("terminated");
    return terminated.isObject() ? Json.time(terminated.path("finishedAt")) : null;
  }

  private static Instant later(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b != null && b.isAfter(a) ? b : a;
  }

  private static boolean hasCondition(JsonNode status, String type) {
    for (JsonNode condition : status.path("conditions")) {
      if (Json.text(condition.path("type")).equals(type)) {
        return Json.text(condition.path("status")).equals("True");
      }
    }
    return false;
  }

  /** {@code podIPs[0]}; a v1 object with only {@code podIP} converts to the same thing. */
  private static String podIp(JsonNode status) {
    JsonNode ips = status.path("podIPs");
    if (ips.size() > 0) {
      return Json.text(ips.get(0).path("ip"));
    }
    return Json.text(status.path("podIP"));
  }

  private static String readinessGates(JsonNode spec, JsonNode status) {
    JsonNode gates = spec.path("readinessGates");
    if (gates.size() == 0) {
      return "<none>";
    }
    int satisfied = 0;
    for (JsonNode gate : gates) {
      String type = Json.text(gate.path("conditionType"));
      for (JsonNode condition : status.path("conditions")) {
        if (Json.text(condition.path("type")).equals(type)) {
          if (Json.text(condition.path("status")).equals("True")) {
            satisfied++;
          }
          break;
        }
      }
    }
    return satisfied + "/" + gates.size();
  }

  static String orNone(String text) {
    return text.isEmpty() ? "<none>" : text;
  }
}
