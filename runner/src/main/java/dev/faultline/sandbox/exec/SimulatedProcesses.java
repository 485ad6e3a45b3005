package dev.faultline.sandbox.exec;

import dev.faultline.sandbox.world.ClusterView;
import dev.faultline.sandbox.world.Pods;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The processes inside the sandbox's containers and what signals do to them, reflected in the pod's
 * status as a kubelet would: a stopped process makes its container not ready until it is continued;
 * a killed main process restarts the container (restartCount + 1, not ready for a moment, last
 * state terminated with exit code 128 + signal).
 */
public final class SimulatedProcesses implements AutoCloseable {
  private final ClusterView cluster;
  private final Clock clock;
  private final Duration restartTime;
  private final Map<String, ContainerProcesses> tables = new HashMap<>();
  private final ScheduledExecutorService kubelet =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().daemon().name("sandbox-kubelet").factory());

  public SimulatedProcesses(ClusterView cluster, Clock clock, Duration restartTime) {
    this.cluster = cluster;
    this.clock = clock;
    this.restartTime = restartTime;
  }

  /** The processes of a container, creating its table from the pod spec on first use. */
  synchronized List<ContainerProcesses.Process> processes(
      String namespace, String pod, String container, JsonNode podObject) {
    return table(namespace, pod, container, podObject).processes();
  }

  private ContainerProcesses table(
      String namespace, String pod, String container, JsonNode podObject) {
    return tables.computeIfAbsent(
        key(namespace, pod, container),
        k -> ContainerProcesses.forCommand(commandLine(podObject, container)));
  }

  private static String commandLine(JsonNode pod, String container) {
    for (JsonNode c : pod.path("spec").path("containers")) {
      if (c.path("name").asString().equals(container)) {
        var parts = new ArrayList<String>();
        c.path("command").forEach(p -> parts.add(p.asString()));
        c.path("args").forEach(p -> parts.add(p.asString()));
        if (!parts.isEmpty()) {
          return String.join(" ", parts);
        }
        String image = c.path("image").asString("app");
        String name = image.substring(image.lastIndexOf('/') + 1).replaceAll(":.*", "");
        return "/usr/local/bin/" + name;
      }
    }
    return "/pause";
  }

  /**
   * Sends {@code signal} to process {@code pid} of a container; false when there is no such
   * process.
   */
  public synchronized boolean signal(
      String namespace, String pod, String container, JsonNode podObject, int pid, Signal signal) {
    ContainerProcesses table = table(namespace, pod, container, podObject);
    Optional<ContainerProcesses.Process> target =
        table.processes().stream().filter(p -> p.pid() == pid).findFirst();
    if (target.isEmpty()) {
      return false;
    }
    String key = key(namespace, pod, container);
    switch (signal) {
      case SIGSTOP -> {
        tables.put(key, replace(table, target.get().withStopped(true)));
        updatePod(namespace, pod, p -> Pods.containerReady(p, container, false, clock.instant()));
      }
      case SIGCONT -> {
        ContainerProcesses after = replace(table, target.get().withStopped(false));
        tables.put(key, after);
        if (!after.anyStopped()) {
          updatePod(namespace, pod, p -> Pods.containerReady(p, container, true, clock.instant()));
        }
      }
      default -> {
        if (signal.terminates() && pid == 1) {
          restart(namespace, pod, container, podObject, signal);
        }
      }
    }
    return true;
  }

  /** The main process died: the kubelet restarts the container. */
  private void restart(
      String namespace, String pod, String container, JsonNode podObject, Signal signal) {
    tables.put(
        key(namespace, pod, container),
        ContainerProcesses.forCommand(commandLine(podObject, container)));
    updatePod(
        namespace,
        pod,
        p -> {
          Pods.restarted(
              p,
              container,
              signal == Signal.SIGKILL ? "Error" : "Completed",
              128 + signal.number(),
              clock.instant());
          Pods.containerReady(p, container, false, clock.instant());
        });
    kubelet.schedule(
        () ->
            updatePod(
                namespace, pod, p -> Pods.containerReady(p, container, true, clock.instant())),
        restartTime.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  private void updatePod(
      String namespace, String pod, java.util.function.Consumer<ObjectNode> change) {
    cluster.updatePod(namespace, pod, change);
  }

  private static ContainerProcesses replace(
      ContainerProcesses table, ContainerProcesses.Process process) {
    var list = new ArrayList<>(table.processes());
    list.replaceAll(p -> p.pid() == process.pid() ? process : p);
    return new ContainerProcesses(List.copyOf(list));
  }

  /**
   * Forgets a deleted pod's processes, so a StatefulSet pod recreated under the same name starts
   * fresh. Asynchronous: it is called from inside a store write, which must not wait for the lock
   * an exec holds while it writes to the store.
   */
  public void forgetLater(String namespace, String pod) {
    kubelet.execute(() -> forget(namespace, pod));
  }

  private synchronized void forget(String namespace, String pod) {
    tables.keySet().removeIf(k -> k.startsWith(namespace + "/" + pod + "/"));
  }

  private static String key(String namespace, String pod, String container) {
    return namespace + "/" + pod + "/" + container;
  }

  @Override
  public void close() {
    kubelet.shutdownNow();
  }
}
