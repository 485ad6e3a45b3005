package dev.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.safety.FileRollbackJournal;
import dev.faultline.safety.StateDirectory;
import dev.faultline.sandbox.Sandbox;
import dev.faultline.sandbox.SandboxClients;
import dev.faultline.sandbox.SandboxOptions;
import dev.faultline.sandbox.world.ControllerTimings;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code load.http} and {@code k8s.ready} through {@code faultline run} against the sandbox's demo
 * services: a load that meets its SLO passes, the same load under a NetworkChaos delay fails with
 * exit code 1, a continuous load feeds samples to the run, and a readiness gate holds the load
 * until a scaled-down deployment is back. The sandbox runs with its demo timings, so pods take
 * about two seconds to come back, long enough to see a gate wait.
 */
class LoadHttpIT {
  @TempDir static Path dir;
  private static Sandbox sandbox;
  private static KubernetesClient client;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeAll
  static void start() throws Exception {
    System.setProperty(StateDirectory.PROPERTY, dir.resolve("state").toString());
    sandbox =
        Sandbox.start(
            SandboxOptions.defaults()
                .withKubeconfig(dir.resolve("kc"))
                .withTimings(ControllerTimings.DEMO));
    client = SandboxClients.connect(sandbox);
  }

  @AfterAll
  static void stop() {
    client.close();
    sandbox.close();
    System.clearProperty(StateDirectory.PROPERTY);
  }

  @BeforeEach
  void checkoutIsReady() throws Exception {
    dev.faultline.LeftBehind.await(
        java.time.Duration.ofSeconds(20),
        () -> client.pods().inNamespace("shop").withLabel("app", "checkout").list().getItems(),
        pods -> pods.size() == 3 && pods.stream().allMatch(dev.faultline.LeftBehind::ready));
  }

  private int run(String experiment, String... args) throws Exception {
    Path file = Files.createTempFile(dir, "experiment", ".yaml");
    Files.writeString(
        file,
        """
        apiVersion: faultline.dev/v1alpha1
        kind: Experiment
        metadata:
          name: load-test
        spec:
          safety:
            namespaces: {allow: [shop]}
            maxDuration: 2m
          targets:
            checkout-pods: {namespaces: [shop], labelSelector: app=checkout}
            checkout-deployment: {kind: Deployment, namespaces: [shop], labelSelector: app=checkout}
        """
            + experiment.indent(2));
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    var all = new ArrayList<>(List.of("run", file.toString()));
    all.addAll(List.of(args));
    all.addAll(List.of("--kubeconfig", sandbox.kubeconfig().toString()));
    return cli.execute(all.toArray(String[]::new));
  }

  /** The messages of a probe's samples in the JSON run report printed by {@code -o json}. */
  private List<JsonNode> samples(String probeId) {
    JsonNode report = JsonMapper.builder().build().readTree(out.toString());
    var found = new ArrayList<JsonNode>();
    for (JsonNode event : report.path("events")) {
      if (event.path("type").asString().equals("ProbeSampled")
          && event.path("probeId").asString().equals(probeId)) {
        found.add(event.path("sample"));
      }
    }
    return found;
  }

  private static final String LOAD =
      """
      probe: load.http
      with:
        url: http://checkout.shop/orders
        rate: 40
        duration: 4s
        window: 2s
        maxP99: 1s
        maxErrorPercent: 1
      """;

  @Test
  void aLoadThatMeetsItsSloPassesAndReportsItsWindowsAndTheWhole() throws Exception {
    Path reports = dir.resolve("pass-reports");
    int exit =
        run(
            "steps:\n  - id: load\n" + LOAD.indent(4),
            "-o",
            "json",
            "--report-dir",
            reports.toString());

    assertThat(exit).as(err.toString()).isZero();
    List<JsonNode> windows = samples("load");
    assertThat(windows).hasSize(2);
    assertThat(windows)
        .allSatisfy(
            w -> {
              assertThat(w.path("passed").asBoolean()).as(w.toString()).isTrue();
              assertThat(w.path("message").asString())
                  .matches("p50 .+, p95 .+, p99 .+, 0 % errors, 40 req/s \\(window 2 s\\)")
                  .as("reached through the demo URL annotation");
            });
    String html = Files.readString(reports.resolve("report.html"));
    assertThat(html).contains("40 req/s (4 s, 2 windows)");
  }

  @Test
  void aNetworkDelayBreaksTheLatencySloAndTheRunExitsOne() throws Exception {
    int exit =
        run(
            """
            steps:
              - id: slow-checkout
                attack: k8s.manifest
                duration: 6s
                with:
                  manifest: |
                    apiVersion: chaos-mesh.org/v1alpha1
                    kind: NetworkChaos
                    metadata: {name: slow-checkout, namespace: shop}
                    spec:
                      action: delay
                      mode: all
                      selector: {namespaces: [shop], labelSelectors: {app: checkout}}
                      delay: {latency: 1500ms}
              - id: load
            """
                + LOAD.indent(4));

    assertThat(exit).as(err.toString()).isEqualTo(1);
    assertThat(out.toString())
        .contains("FAILED")
        .contains("load")
        .containsPattern("p99 1\\.\\d+ s, .*\\(4 s, 2 windows\\) — p99 over 1 s");
    assertThat(err.toString()).contains("rolled back: ");
    assertThat(
            client
                .genericKubernetesResources("chaos-mesh.org/v1alpha1", "NetworkChaos")
                .inNamespace("shop")
                .list()
                .getItems())
        .isEmpty();
    assertThat(FileRollbackJournal.withOpenFaults(dir.resolve("state"))).isEmpty();
  }

  @Test
  void aContinuousLoadFeedsSamplesToTheRunAndStopsWithIt() throws Exception {
    int exit =
        run(
            """
            steps:
              - {id: hold, wait: 4s}
            probes:
              - id: background
                interval: 500ms
                probe: load.http
                with: {url: "http://checkout.shop/orders", rate: 20, window: 1s, maxP99: 3s}
            """,
            "-o",
            "json");

    assertThat(exit).as(err.toString()).isZero();
    List<JsonNode> windows = samples("background");
    assertThat(windows).hasSizeBetween(3, 5);
    assertThat(windows)
        .allSatisfy(
            w -> {
              assertThat(w.path("message").asString()).endsWith("(window 1 s)");
              assertThat(w.path("value").asDouble()).isPositive();
            });
    assertThat(windows.getLast().path("passed").asBoolean()).as(windows.toString()).isTrue();
    // The run closed the probe: no more requests reach the service.
    long served = servedByCheckout();
    Thread.sleep(500);
    assertThat(servedByCheckout()).isEqualTo(served);
  }

  /** Requests the checkout demo service has answered, from its Prometheus counter. */
  private static long servedByCheckout() throws Exception {
    String url =
        client
            .services()
            .inNamespace("shop")
            .withName("checkout")
            .get()
            .getMetadata()
            .getAnnotations()
            .get("faultline.dev/demo-url");
    String metrics =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(url + "/metrics")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString())
            .body();
    return metrics
        .lines()
        .filter(l -> l.startsWith("demo_http_requests_total{"))
        .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .sum();
  }

  @Test
  void theReadinessGateHoldsTheLoadUntilTheScaledDownDeploymentIsBack() throws Exception {
    String scaleDownThen =
        """
        steps:
          - id: scale-down
            attack: k8s.deployment.scale
            target: checkout-deployment
            with: {replicas: 0}
            duration: 1s
        """;
    String strictLoad =
        """
        probe: load.http
        with: {url: "http://checkout.shop/orders", rate: 20, duration: 2s, window: 1s, maxErrorPercent: 0}
        """;

    // Without the gate, the load starts as soon as the replicas are asked back, before they are
    // ready: the demo service answers 503 "no healthy upstream".
    int ungated =
        run(scaleDownThen + "  - id: load\n    after: [scale-down]\n" + strictLoad.indent(4));
    assertThat(ungated).as(err.toString()).isEqualTo(1);
    assertThat(out.toString()).contains("× 503").contains("errors over 0 %");
    checkoutIsReady();

    out.getBuffer().setLength(0);
    int gated =
        run(
            scaleDownThen
                + """
                  - id: ready
                    after: [scale-down]
                    probe: k8s.ready
                    target: checkout-deployment
                    with: {timeout: 30s}
                  - id: load
                    after: [ready]
                """
                + strictLoad.indent(4),
            "-o",
            "json");

    assertThat(gated).as(err.toString()).isZero();
    List<JsonNode> waits = samples("ready");
    assertThat(waits.getFirst().path("passed").asBoolean()).as(waits.toString()).isFalse();
    assertThat(waits.getLast().path("passed").asBoolean()).isTrue();
    assertThat(waits.getLast().path("message").asString()).isEqualTo("1 of 1 Deployments ready");
    assertThat(samples("load"))
        .allSatisfy(w -> assertThat(w.path("message").asString()).contains(" 0 % errors"));
  }
}
