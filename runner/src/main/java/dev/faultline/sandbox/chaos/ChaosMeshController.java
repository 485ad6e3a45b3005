package dev.faultline.sandbox.chaos;

import dev.faultline.sandbox.api.SandboxStore;
import dev.faultline.sandbox.api.StoreEvent;
import dev.faultline.sandbox.demo.Faults;
import dev.faultline.sandbox.demo.ServiceKey;
import dev.faultline.sandbox.exec.Signal;
import dev.faultline.sandbox.exec.SimulatedProcesses;
import dev.faultline.sandbox.world.ClusterView;
import dev.faultline.sandbox.world.Pods;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A simulated Chaos Mesh controller. PodChaos kills pods, fails them (not ready) or kills
 * containers; NetworkChaos, HTTPChaos and StressChaos turn into latency and errors on the demo
 * services in front of the selected pods. Each experiment gets a Chaos Mesh-style status, and is
 * recovered when its {@code duration} ends or when it is deleted.
 */
public final class ChaosMeshController implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(ChaosMeshController.class.getName());
  private static final Map<String, String> PLURALS =
      Map.of(
          "PodChaos",
          "podchaos",
          "NetworkChaos",
          "networkchaos",
          "StressChaos",
          "stresschaos",
          "HTTPChaos",
          "httpchaos");

  private final SandboxStore store;
  private final ClusterView cluster;
  private final ServiceFaults faults;
  private final SimulatedProcesses processes;
  private final Clock clock;
  private final RandomGenerator random;
  private final Map<String, Injection> active = new HashMap<>();
  private final ScheduledExecutorService loop =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().daemon().name("sandbox-chaos-mesh").factory());
  private final Consumer<StoreEvent> listener = e -> loop.execute(() -> safely(() -> react(e)));

  /** What one experiment changed, so that recovery undoes exactly that. */
  private record Injection(
      String kind,
      String namespace,
      String name,
      Set<ServiceKey> services,
      List<String[]> failedPods,
      ScheduledFuture<?> timer) {}

  public ChaosMeshController(
      SandboxStore store,
      ServiceFaults faults,
      SimulatedProcesses processes,
      Clock clock,
      RandomGenerator random) {
    this.store = store;
    this.cluster = new ClusterView(store);
    this.faults = faults;
    this.processes = processes;
    this.clock = clock;
    this.random = random;
  }

  public void start() {
    store.addListener(listener);
  }

  private void react(StoreEvent event) {
    JsonNode object = ClusterView.JSON.readTree(event.json());
    if (!object.path("apiVersion").asString().startsWith("chaos-mesh.org/")
        || !PLURALS.containsKey(object.path("kind").asString())) {
      return;
    }
    String uid = object.path("metadata").path("uid").asString();
    switch (event.type()) {
      case "ADDED" -> inject(uid, object);
      case "DELETED" -> recover(uid, false);
      default -> {} // our own status updates; spec changes are not re-applied (see docs/sandbox.md)
    }
  }

  private void inject(String uid, JsonNode chaos) {
    if (active.containsKey(uid)) {
      return;
    }
    String kind = chaos.path("kind").asString();
    String namespace = chaos.path("metadata").path("namespace").asString();
    String name = chaos.path("metadata").path("name").asString();
    String source = kind.toLowerCase(java.util.Locale.ROOT) + "/" + namespace + "/" + name;
    List<ObjectNode> pods = ChaosSelector.select(cluster, chaos, random);
    JsonNode spec = chaos.path("spec");
    Set<ServiceKey> services = new LinkedHashSet<>();
    List<String[]> failed = new ArrayList<>();
    switch (kind) {
      case "PodChaos" -> podChaos(spec, pods, failed);
      case "NetworkChaos" -> trafficFault(source, pods, services, networkFaults(spec));
      case "HTTPChaos" -> trafficFault(source, pods, services, httpFaults(spec));
      case "StressChaos" ->
          trafficFault(
              source,
              pods,
              services,
              Faults.delay(Duration.ofMillis(80)).withJitter(Duration.ofMillis(40)));
      default -> {}
    }
    Optional<Duration> duration = GoDuration.parse(spec.path("duration").asString(null));
    boolean instant =
        kind.equals("PodChaos") && !spec.path("action").asString().equals("pod-failure");
    ScheduledFuture<?> timer =
        duration
            .filter(d -> !instant)
            .map(
                d ->
                    loop.schedule(
                        () -> safely(() -> recover(uid, true)),
                        d.toMillis(),
                        TimeUnit.MILLISECONDS))
            .orElse(null);
    active.put(uid, new Injection(kind, namespace, name, services, failed, timer));
    writeStatus(kind, namespace, name, pods, instant);
  }

  private void podChaos(JsonNode spec, List<ObjectNode> pods, List<String[]> failed) {
    String action = spec.path("action").asString("pod-kill");
    for (ObjectNode pod : pods) {
      String namespace = pod.path("metadata").path("namespace").asString();
      String name = pod.path("metadata").path("name").asString();
      switch (action) {
        case "pod-failure" -> {
          updatePod(namespace, name, p -> Pods.allContainersReady(p, false, clock.instant()));
          failed.add(new String[] {namespace, name});
        }
        case "container-kill" -> {
          for (JsonNode container : spec.path("containerNames")) {
            processes.signal(namespace, name, container.asString(), pod, 1, Signal.SIGKILL);
          }
        }
        default -> cluster.delete("v1", "pods", namespace, name);
      }
    }
  }

  private void trafficFault(
      String source, List<ObjectNode> pods, Set<ServiceKey> services, Faults fault) {
    for (ObjectNode pod : pods) {
      String namespace = pod.path("metadata").path("namespace").asString();
      for (ObjectNode service : cluster.list("v1", "services", namespace, null)) {
        if (selects(service.path("spec").path("selector"), pod.path("metadata").path("labels"))) {
          services.add(new ServiceKey(namespace, service.path("metadata").path("name").asString()));
        }
      }
    }
    services.forEach(s -> faults.put(s, source, fault));
  }

  private static boolean selects(JsonNode selector, JsonNode labels) {
    if (!selector.isObject() || selector.isEmpty()) {
      return false;
    }
    for (Map.Entry<String, JsonNode> e : selector.properties()) {
      if (!labels.path(e.getKey()).asString("\u0000").equals(e.getValue().asString())) {
        return false;
      }
    }
    return true;
  }

  static Faults networkFaults(JsonNode spec) {
    return switch (spec.path("action").asString("delay")) {
      case "delay" -> {
        Duration latency =
            GoDuration.parse(spec.path("delay").path("latency").asString(null))
                .orElse(Duration.ofMillis(100));
        Duration jitter =
            GoDuration.parse(spec.path("delay").path("jitter").asString(null))
                .orElse(Duration.ZERO);
        yield Faults.delay(latency).withJitter(jitter);
      }
      // Lost, duplicated or corrupted packets surface to HTTP clients as failed requests.
      case "loss" -> Faults.abort(percent(spec.path("loss").path("loss").asString("100")), 503);
      case "corrupt" ->
          Faults.abort(percent(spec.path("corrupt").path("corrupt").asString("100")), 502);
      case "partition" -> Faults.abort(100, 503);
      case "bandwidth" -> Faults.delay(Duration.ofMillis(200));
      default -> Faults.NONE;
    };
  }

  static Faults httpFaults(JsonNode spec) {
    Faults result = Faults.NONE;
    Optional<Duration> delay = GoDuration.parse(spec.path("delay").asString(null));
    if (delay.isPresent()) {
      result = result.withDelay(delay.get(), Duration.ZERO, 100);
    }
    if (spec.path("abort").asBoolean(false)) {
      result = result.withAbort(100, 503);
    }
    if (spec.path("replace").path("code").isNumber()) {
      result = result.withAbort(100, spec.path("replace").path("code").asInt());
    }
    return result;
  }

  private static double percent(String text) {
    try {
      return Math.clamp(Double.parseDouble(text.strip()), 0, 100);
    } catch (NumberFormatException e) {
      return 100;
    }
  }

  private void recover(String uid, boolean durationEnded) {
    Injection injection = active.remove(uid);
    if (injection == null) {
      return;
    }
    if (injection.timer() != null) {
      injection.timer().cancel(false);
    }
    String source =
        injection.kind().toLowerCase(java.util.Locale.ROOT)
            + "/"
            + injection.namespace()
            + "/"
            + injection.name();
    injection.services().forEach(s -> faults.remove(s, source));
    for (String[] pod : injection.failedPods()) {
      updatePod(pod[0], pod[1], p -> Pods.allContainersReady(p, true, clock.instant()));
    }
    if (durationEnded) {
      cluster
          .get(
              "chaos-mesh.org/v1alpha1",
              PLURALS.get(injection.kind()),
              injection.namespace(),
              injection.name())
          .ifPresent(
              chaos -> {
                ObjectNode status = chaos.withObjectProperty("status");
                conditions(status, true, true);
                status.withObjectProperty("experiment").put("desiredPhase", "Stop");
                status
                    .withObjectProperty("experiment")
                    .withArrayProperty("containerRecords")
                    .forEach(r -> ((ObjectNode) r).put("phase", "Recovered"));
                cluster.update(PLURALS.get(injection.kind()), chaos);
              });
    }
  }

  private void writeStatus(
      String kind, String namespace, String name, List<ObjectNode> pods, boolean instant) {
    cluster
        .get("chaos-mesh.org/v1alpha1", PLURALS.get(kind), namespace, name)
        .ifPresent(
            chaos -> {
              ObjectNode status = chaos.putObject("status");
              conditions(status, !pods.isEmpty(), instant);
              ObjectNode experiment = status.putObject("experiment");
              experiment.put("desiredPhase", instant ? "Stop" : "Run");
              ArrayNode records = experiment.putArray("containerRecords");
              for (ObjectNode pod : pods) {
                ObjectNode record = records.addObject();
                record.put(
                    "id",
                    pod.path("metadata").path("namespace").asString()
                        + "/"
                        + pod.path("metadata").path("name").asString());
                record.put("phase", instant ? "Recovered" : "Injected");
                record.put("selectorKey", ".");
                record.put("injectedCount", 1);
                record.put("recoveredCount", instant ? 1 : 0);
              }
              cluster.update(PLURALS.get(kind), chaos);
            });
  }

  private void conditions(ObjectNode status, boolean selected, boolean recovered) {
    ArrayNode conditions = status.putArray("conditions");
    condition(conditions, "Selected", selected);
    condition(conditions, "AllInjected", selected);
    condition(conditions, "AllRecovered", recovered);
    condition(conditions, "Paused", false);
  }

  private static void condition(ArrayNode conditions, String type, boolean value) {
    ObjectNode c = conditions.addObject();
    c.put("type", type);
    c.put("status", value ? "True" : "False");
  }

  private void updatePod(String namespace, String name, Consumer<ObjectNode> change) {
    cluster.updatePod(namespace, name, change);
  }

  private static void safely(Runnable task) {
    try {
      task.run();
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "simulated Chaos Mesh controller failed", e);
    }
  }

  @Override
  public void close() {
    store.removeListener(listener);
    loop.shutdownNow();
  }
}
