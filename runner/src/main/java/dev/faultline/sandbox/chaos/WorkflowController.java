package dev.faultline.sandbox.chaos;

import dev.faultline.sandbox.api.SandboxStore;
import dev.faultline.sandbox.api.StoreEvent;
import dev.faultline.sandbox.world.ClusterView;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * The sandbox's Chaos Mesh workflow controller: runs each Workflow created in the cluster (see
 * {@link WorkflowExecution} for what a run does), and when a Workflow is deleted stops it and
 * deletes its WorkflowNodes and every chaos, Schedule and StatusCheck object it created — the
 * simulated Chaos Mesh controller then recovers their faults, as Kubernetes' garbage collector and
 * Chaos Mesh do through the owner references in a real cluster.
 */
public final class WorkflowController implements AutoCloseable {
  /** Plurals of what a workflow creates, deleted with it. */
  private static final List<String> OWNED =
      List.of(
          "podchaos",
          "networkchaos",
          "stresschaos",
          "httpchaos",
          "iochaos",
          "dnschaos",
          "timechaos",
          "schedules",
          "statuschecks",
          "workflownodes");

  private final SandboxStore store;
  private final ClusterView cluster;
  private final Clock clock;
  private final Map<String, WorkflowExecution> running = new HashMap<>();
  private final ScheduledExecutorService loop =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().daemon().name("sandbox-workflows").factory());
  private final Consumer<StoreEvent> listener =
      e -> loop.execute(() -> WorkflowExecution.safely(() -> react(e)));

  public WorkflowController(SandboxStore store, Clock clock) {
    this.store = store;
    this.cluster = new ClusterView(store);
    this.clock = clock;
  }

  public void start() {
    store.addListener(listener);
  }

  private void react(StoreEvent event) {
    if (!event.json().contains("\"Workflow\"")) {
      return; // cheap filter: most events are pods and chaos objects
    }
    JsonNode wf = ClusterView.JSON.readTree(event.json());
    if (!wf.path("kind").asString().equals("Workflow")
        || !wf.path("apiVersion").asString().startsWith("chaos-mesh.org/")) {
      return;
    }
    String uid = wf.path("metadata").path("uid").asString();
    switch (event.type()) {
      case "ADDED" -> {
        if (!running.containsKey(uid)) {
          var execution = new WorkflowExecution(cluster, clock, loop, wf);
          running.put(uid, execution);
          execution.start();
        }
      }
      case "DELETED" -> {
        WorkflowExecution execution = running.remove(uid);
        if (execution != null) {
          execution.stop();
        } else {
          deleteOwned(
              cluster,
              wf.path("metadata").path("namespace").asString(),
              wf.path("metadata").path("name").asString());
        }
      }
      default -> {} // status updates, ours or anyone's; spec changes are not re-planned
    }
  }

  /** Deletes every object labelled with the workflow, chaos objects before the nodes. */
  static void deleteOwned(ClusterView cluster, String namespace, String workflow) {
    for (String plural : OWNED) {
      for (var object :
          cluster.list(
              WorkflowObjects.API_VERSION,
              plural,
              namespace,
              Map.of(WorkflowObjects.WORKFLOW_LABEL, workflow))) {
        cluster.delete(
            WorkflowObjects.API_VERSION,
            plural,
            namespace,
            object.path("metadata").path("name").asString());
      }
    }
  }

  @Override
  public void close() {
    store.removeListener(listener);
    loop.shutdownNow();
  }
}
