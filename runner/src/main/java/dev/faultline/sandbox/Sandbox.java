package dev.faultline.sandbox;

import dev.faultline.sandbox.api.SandboxApiServer;
import dev.faultline.sandbox.api.SandboxStore;
import dev.faultline.sandbox.api.StandardSubresources;
import dev.faultline.sandbox.chaos.ChaosMeshController;
import dev.faultline.sandbox.chaos.IstioController;
import dev.faultline.sandbox.chaos.ServiceFaults;
import dev.faultline.sandbox.chaos.WorkflowController;
import dev.faultline.sandbox.demo.BackendState;
import dev.faultline.sandbox.demo.Backends;
import dev.faultline.sandbox.demo.DemoServices;
import dev.faultline.sandbox.demo.ServiceKey;
import dev.faultline.sandbox.exec.ExecHandler;
import dev.faultline.sandbox.exec.SimulatedProcesses;
import dev.faultline.sandbox.world.Churn;
import dev.faultline.sandbox.world.ClusterView;
import dev.faultline.sandbox.world.Pods;
import dev.faultline.sandbox.world.SimulatedControllers;
import dev.faultline.sandbox.world.WorldBuilder;
import dev.faultline.sandbox.world.WorldSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import tools.jackson.databind.node.ObjectNode;

/**
 * A running sandbox cluster: the API server, its seeded world, the simulated controllers and the
 * demo HTTP services, plus the kubeconfig that points at it. Start one with {@link
 * #start(SandboxOptions)}; close it to stop everything.
 */
public final class Sandbox implements AutoCloseable {
  /** Namespaces of the hand-made demo world, whose Services get a demo HTTP service. */
  private static final Set<String> DEMO_NAMESPACES =
      Set.of("shop", "payments", "monitoring", "kube-system");

  public static final String DEMO_URL_ANNOTATION = "faultline.dev/demo-url";

  /**
   * The Service annotation with the {@code http://127.0.0.1:PORT} of a demo service's gRPC side
   * ({@code grpc.health} and {@code load.grpc} reach the Service there).
   */
  public static final String DEMO_GRPC_ANNOTATION = "faultline.dev/demo-grpc";

  /** The demo Services that also serve gRPC ({@code demo.Checkout/Quote} and health). */
  private static final Set<String> GRPC_SERVICES = Set.of("shop/checkout");

  private final SandboxStore store;
  private final SandboxApiServer api;
  private final List<AutoCloseable> controllers;
  private final Churn churn;
  private final SimulatedProcesses processes;
  private final DemoServices demo;
  private final Map<ServiceKey, URI> demoUrls;
  private final Path kubeconfig;
  private final int objects;

  private Sandbox(
      SandboxStore store,
      SandboxApiServer api,
      List<AutoCloseable> controllers,
      Churn churn,
      SimulatedProcesses processes,
      DemoServices demo,
      Map<ServiceKey, URI> demoUrls,
      Path kubeconfig,
      int objects) {
    this.store = store;
    this.api = api;
    this.controllers = controllers;
    this.churn = churn;
    this.processes = processes;
    this.demo = demo;
    this.demoUrls = demoUrls;
    this.kubeconfig = kubeconfig;
    this.objects = objects;
  }

  public static Sandbox start(SandboxOptions options) {
    Clock clock = Clock.systemUTC();
    var random = new SplittableRandom(options.seed());
    var store = new SandboxStore();
    // At least two nodes in each of the three zones, so "one node in each of 2 zones" and "a
    // whole zone" are different choices; the seed varies how many zones get a third node.
    int nodes = 6 + (int) Math.floorMod(options.seed(), 3L);
    WorldSpec spec =
        options.pods() > 0 ? WorldSpec.scaled(options.pods(), nodes) : WorldSpec.demo(nodes);
    List<ObjectNode> world =
        new WorldBuilder(random.split(), store::nextResourceVersion, clock.instant()).build(spec);

    var cluster = new ClusterView(store);
    DemoServices demo =
        options.demoServices()
            ? new DemoServices(key -> backends(cluster, key), options.seed())
            : null;
    var demoUrls = new LinkedHashMap<ServiceKey, URI>();
    if (demo != null) {
      for (ObjectNode object : world) {
        String namespace = object.path("metadata").path("namespace").asString("");
        if (object.path("kind").asString().equals("Service")
            && DEMO_NAMESPACES.contains(namespace)) {
          var key = new ServiceKey(namespace, object.path("metadata").path("name").asString());
          var service = demo.start(key);
          URI url = service.url();
          demoUrls.put(key, url);
          var annotations = object.withObjectProperty("metadata").withObjectProperty("annotations");
          annotations.put(DEMO_URL_ANNOTATION, url.toString());
          if (GRPC_SERVICES.contains(key.toString())) {
            annotations.put(DEMO_GRPC_ANNOTATION, "http://127.0.0.1:" + service.serveGrpc());
          }
        }
      }
    }
    var json = new ArrayList<String>(world.size());
    world.forEach(o -> json.add(o.toString()));
    store.seed(json);

    var controllers = new SimulatedControllers(store, clock, options.timings(), random.split());
    controllers.start();
    var processes = new SimulatedProcesses(cluster, clock, options.timings().start());
    store.addListener(
        event -> {
          if (event.type().equals("DELETED") && event.json().contains("\"kind\":\"Pod\"")) {
            var pod = ClusterView.JSON.readTree(event.json()).path("metadata");
            processes.forgetLater(pod.path("namespace").asString(), pod.path("name").asString());
          }
        });
    ServiceFaults serviceFaults = demo == null ? ServiceFaults.NONE : ServiceFaults.of(demo);
    var chaosRandom = random.split(); // split either way, so the world stays the same per seed
    var started = new ArrayList<AutoCloseable>(List.of(controllers));
    if (options.chaosMesh()) {
      var chaosMesh = new ChaosMeshController(store, serviceFaults, processes, clock, chaosRandom);
      chaosMesh.start();
      started.add(chaosMesh);
    }
    var istio = new IstioController(store, serviceFaults);
    istio.start();
    started.add(istio);
    if (options.chaosMesh()) {
      var workflows = new WorkflowController(store, clock);
      workflows.start();
      started.add(workflows);
    }
    var api =
        new SandboxApiServer(
            store,
            clock,
            new StandardSubresources(store, new ExecHandler(cluster, processes), new DemoLogs()));
    if (!options.chaosMesh()) {
      api.absentGroups().hide("chaos-mesh.org");
    }
    api.start(options.port());
    var churn = new Churn(cluster, random.split());
    churn.start(options.churnPerSecond());

    Path kubeconfig =
        options.kubeconfig() != null ? options.kubeconfig() : Kubeconfig.defaultPath();
    try {
      Kubeconfig.write(kubeconfig, api.url());
    } catch (IOException e) {
      api.close();
      throw new UncheckedIOException("cannot write the sandbox kubeconfig " + kubeconfig, e);
    }
    return new Sandbox(
        store,
        api,
        List.copyOf(started),
        churn,
        processes,
        demo,
        java.util.Collections.unmodifiableMap(demoUrls),
        kubeconfig,
        world.size());
  }

  /** Ready and total pods behind a Service, read from the store on each demo request. */
  private static Backends backends(ClusterView cluster, ServiceKey key) {
    return () -> {
      var service = cluster.get("v1", "services", key.namespace(), key.name());
      if (service.isEmpty()) {
        return new BackendState(0, 0);
      }
      var selector = new LinkedHashMap<String, String>();
      service
          .get()
          .path("spec")
          .path("selector")
          .properties()
          .forEach(e -> selector.put(e.getKey(), e.getValue().asString()));
      var pods =
          cluster.list("v1", "pods", key.namespace(), selector).stream()
              .filter(p -> !Pods.isTerminating(p))
              .toList();
      int ready = (int) pods.stream().filter(Pods::isReady).count();
      return new BackendState(ready, pods.size());
    };
  }

  public String url() {
    return api.url();
  }

  public int port() {
    return api.port();
  }

  public Path kubeconfig() {
    return kubeconfig;
  }

  /** Objects in the seeded world (before any change). */
  public int seededObjects() {
    return objects;
  }

  public Map<ServiceKey, URI> demoUrls() {
    return demoUrls;
  }

  public SandboxStore store() {
    return store;
  }

  /**
   * What the API forbids: nothing by default. Tests of the "RBAC forbidden" path deny permissions
   * here (see {@link dev.faultline.sandbox.api.AccessRules}).
   */
  public dev.faultline.sandbox.api.AccessRules accessRules() {
    return api.accessRules();
  }

  /** Stops serving the API (simulating an outage); the world and controllers keep running. */
  public void stopApi() {
    api.stop();
  }

  /** Serves the API again on the same port. */
  public void startApi() {
    api.start(api.port());
  }

  @Override
  public void close() {
    churn.close();
    for (AutoCloseable controller : controllers) {
      try {
        controller.close();
      } catch (Exception e) {
        // Closing is best effort; the others must still stop.
      }
    }
    processes.close();
    api.close();
    if (demo != null) {
      demo.close();
    }
  }
}
