package dev.faultline.sandbox.chaos;

import dev.faultline.sandbox.api.SandboxStore;
import dev.faultline.sandbox.api.StoreEvent;
import dev.faultline.sandbox.demo.Faults;
import dev.faultline.sandbox.demo.HttpRewrite;
import dev.faultline.sandbox.demo.RequestMatch;
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
 * containers; NetworkChaos, HTTPChaos, StressChaos, IOChaos and DNSChaos turn into latency, errors
 * and rewritten answers on the demo services in front of the selected pods, and TimeChaos skews
 * their clock. Each experiment gets a Chaos Mesh-style status, and is recovered when its {@code
 * duration} ends or when it is deleted.
 */
public final class ChaosMeshController implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(ChaosMeshController.class.getName());
  private static final Map<String, String> PLURALS =
      Map.of(
          "PodChaos", "podchaos",
          "NetworkChaos", "networkchaos",
          "StressChaos", "stresschaos",
          "HTTPChaos", "httpchaos",
          "IOChaos", "iochaos",
          "DNSChaos", "dnschaos",
          "TimeChaos", "timechaos");

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
      case "IOChaos" -> trafficFault(source, pods, services, ioFaults(spec));
      case "DNSChaos" -> trafficFault(source, pods, services, dnsFaults(spec));
      case "TimeChaos" ->
          trafficFault(
              source,
              pods,
              services,
              Faults.clockOffset(signed(spec.path("timeOffset").asString(""))));
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

  /**
   * HTTPChaos on the matching requests ({@code path} with wildcards, {@code method}, for responses
   * {@code code}): {@code delay}, {@code abort} (503), and {@code replace}/{@code patch} of the
   * request's path and method or the answer's status, body and headers.
   */
  static Faults httpFaults(JsonNode spec) {
    boolean response = spec.path("target").asString("Request").equals("Response");
    Faults result =
        Faults.NONE.withMatch(
            new RequestMatch(
                spec.path("path").asString(""),
                spec.path("method").asString(""),
                response ? spec.path("code").asInt(0) : 0));
    Optional<Duration> delay = GoDuration.parse(spec.path("delay").asString(null));
    if (delay.isPresent()) {
      result = result.withDelay(delay.get(), Duration.ZERO, 100);
    }
    if (spec.path("abort").asBoolean(false)) {
      result = result.withAbort(100, 503);
    }
    JsonNode replace = spec.path("replace");
    JsonNode patch = spec.path("patch");
    var addHeaders = new java.util.LinkedHashMap<String, String>();
    patch
        .path("headers")
        .forEach(pair -> addHeaders.put(pair.path(0).asString(), pair.path(1).asString()));
    var headers = new java.util.LinkedHashMap<String, String>();
    replace
        .path("headers")
        .properties()
        .forEach(e -> headers.put(e.getKey(), e.getValue().asString()));
    HttpRewrite rewrite =
        response
            ? new HttpRewrite(
                "",
                "",
                replace.path("code").asInt(0),
                replace.has("body") ? base64(replace.path("body").asString()) : null,
                headers,
                addHeaders,
                patch.path("body").has("value")
                    ? patch.path("body").path("value").asString()
                    : null)
            // Request bodies and headers are not seen by the demo services; path and method are.
            : new HttpRewrite(
                replace.path("path").asString(""),
                replace.path("method").asString(""),
                0,
                null,
                Map.of(),
                Map.of(),
                null);
    return result.withRewrite(rewrite);
  }

  /**
   * IOChaos: the service's file operations are slow or fail, so {@code percent} of its requests are
   * delayed (latency) or answered 500 (fault, attrOverride).
   */
  static Faults ioFaults(JsonNode spec) {
    double share = Math.clamp(spec.path("percent").asDouble(100), 0, 100);
    return switch (spec.path("action").asString("latency")) {
      case "latency" ->
          Faults.delay(
                  GoDuration.parse(spec.path("delay").asString(null))
                      .orElse(Duration.ofMillis(100)))
              .withDelayPercent(share);
      case "fault", "attrOverride", "mistake" -> Faults.abort(share, 500);
      default -> Faults.NONE;
    };
  }

  /**
   * DNSChaos: the pods cannot resolve the services they call, so their answers fail: 502 for lookup
   * errors, 504 after a second for random addresses (connections that go nowhere).
   */
  static Faults dnsFaults(JsonNode spec) {
    return spec.path("action").asString("error").equals("random")
        ? Faults.abort(100, 504).withDelay(Duration.ofSeconds(1), Duration.ZERO, 100)
        : Faults.abort(100, 502);
  }

  /** A signed Go duration ({@code -10m}); zero when it is not one. */
  static Duration signed(String text) {
    String t = text.strip();
    boolean negative = t.startsWith("-");
    String magnitude = t.startsWith("-") || t.startsWith("+") ? t.substring(1) : t;
    Duration d = GoDuration.parse(magnitude).orElse(Duration.ZERO);
    return negative ? d.negated() : d;
  }

  private static String base64(String text) {
    try {
      return new String(
          java.util.Base64.getDecoder().decode(text), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return text;
    }
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
