package dev.faultline.sandbox.chaos;

import dev.faultline.sandbox.api.SandboxStore;
import dev.faultline.sandbox.api.StoreEvent;
import dev.faultline.sandbox.demo.Faults;
import dev.faultline.sandbox.demo.ServiceKey;
import dev.faultline.sandbox.world.ClusterView;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * Istio's fault injection, simulated: a VirtualService's {@code http[].fault} (delay with {@code
 * fixedDelay} and {@code percentage}, abort with {@code httpStatus} and {@code percentage}, either
 * or both) applies to the demo service of each host it routes, until the VirtualService changes or
 * goes. Each request rolls the delay and the abort dice independently, as Envoy's fault filter
 * does; a fault without a percentage hits every request. Route matches are not simulated: the fault
 * of the first HTTP route that has one applies to all of the service's traffic.
 */
public final class IstioController implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(IstioController.class.getName());
  private final SandboxStore store;
  private final ServiceFaults faults;
  private final Map<String, Set<ServiceKey>> applied = new HashMap<>();
  private final ExecutorService loop =
      Executors.newSingleThreadExecutor(
          Thread.ofPlatform().daemon().name("sandbox-istio").factory());
  private final Consumer<StoreEvent> listener = e -> loop.execute(() -> react(e));

  public IstioController(SandboxStore store, ServiceFaults faults) {
    this.store = store;
    this.faults = faults;
  }

  public void start() {
    store.addListener(listener);
  }

  private void react(StoreEvent event) {
    try {
      JsonNode vs = ClusterView.JSON.readTree(event.json());
      if (!vs.path("kind").asString().equals("VirtualService")
          || !vs.path("apiVersion").asString().startsWith("networking.istio.io/")) {
        return;
      }
      String namespace = vs.path("metadata").path("namespace").asString();
      String source =
          "virtualservice/" + namespace + "/" + vs.path("metadata").path("name").asString();
      Set<ServiceKey> before = applied.remove(source);
      if (before != null) {
        before.forEach(s -> faults.remove(s, source));
      }
      if (event.type().equals("DELETED")) {
        return;
      }
      Faults fault = faultOf(vs.path("spec").path("http"));
      if (fault.equals(Faults.NONE)) {
        return;
      }
      Set<ServiceKey> services = new LinkedHashSet<>();
      vs.path("spec").path("hosts").forEach(h -> services.add(service(h.asString(), namespace)));
      services.forEach(s -> faults.put(s, source, fault));
      applied.put(source, services);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "simulated Istio fault injection failed", e);
    }
  }

  /** The fault of the first HTTP route that has one. */
  static Faults faultOf(JsonNode routes) {
    for (JsonNode route : routes) {
      JsonNode fault = route.path("fault");
      if (!fault.isObject()) {
        continue;
      }
      Faults result = Faults.NONE;
      JsonNode delay = fault.path("delay");
      if (delay.isObject()) {
        Duration fixed =
            GoDuration.parse(delay.path("fixedDelay").asString(null)).orElse(Duration.ZERO);
        result = result.withDelay(fixed, Duration.ZERO, percent(delay));
      }
      JsonNode abort = fault.path("abort");
      int status = abort.path("httpStatus").asInt(503);
      if (abort.isObject() && status >= 400 && status <= 599) {
        result = result.withAbort(percent(abort), status);
      } else if (abort.isObject()) {
        // A 1xx-3xx "abort" would not look like a failure; the demo services cannot answer it as
        // one, so only the delay of this fault applies.
        LOG.log(
            System.Logger.Level.WARNING,
            "simulated Istio abort with HTTP status {0} ignored; the sandbox aborts with 400-599",
            status);
      }
      return result;
    }
    return Faults.NONE;
  }

  private static double percent(JsonNode fault) {
    if (fault.path("percentage").has("value")) {
      return Math.clamp(fault.path("percentage").path("value").asDouble(), 0, 100);
    }
    return fault.has("percent") ? Math.clamp(fault.path("percent").asDouble(), 0, 100) : 100;
  }

  /** {@code ratings}, {@code ratings.bookinfo}, {@code ratings.bookinfo.svc.cluster.local}. */
  static ServiceKey service(String host, String namespace) {
    String[] parts = host.split("\\.");
    return new ServiceKey(parts.length > 1 ? parts[1] : namespace, parts[0]);
  }

  @Override
  public void close() {
    store.removeListener(listener);
    loop.shutdownNow();
  }
}
