package dev.faultline.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.LeftBehind;
import dev.faultline.attack.chaosmesh.ChaosDefinitions;
import dev.faultline.attack.chaosmesh.ChaosKind;
import dev.faultline.format.ExperimentReader;
import dev.faultline.format.Syntax;
import dev.faultline.model.Experiment;
import dev.faultline.sandbox.Sandbox;
import dev.faultline.sandbox.SandboxClients;
import dev.faultline.sandbox.SandboxOptions;
import dev.faultline.sandbox.demo.ServiceKey;
import dev.faultline.sandbox.world.ControllerTimings;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs with Chaos Mesh attacks through the engine on the sandbox: probes see the faults, and
 * whatever ends the run (its end, the step's duration, an emergency stop, a cancel) no Chaos Mesh
 * object of the run is left and the demo service is healthy again. Without Chaos Mesh in the
 * cluster the preflight says so and nothing is applied.
 */
class ChaosMeshRunIT {
  private static final String TARGET =
      """
      safety: {maxDuration: 5m}
      targets:
        checkout:
          namespaces: [shop]
          labelSelector: app=checkout
          containers: [app]
      """;

  @TempDir Path dir;
  private Sandbox sandbox;
  private KubernetesClient client;
  private final List<RunEvent> events = new CopyOnWriteArrayList<>();

  private void startSandbox(SandboxOptions options) throws Exception {
    sandbox =
        Sandbox.start(
            options.withKubeconfig(dir.resolve("kc")).withTimings(ControllerTimings.FAST));
    client = SandboxClients.connect(sandbox);
  }

  @BeforeEach
  void start() throws Exception {
    startSandbox(SandboxOptions.defaults());
  }

  @AfterEach
  void stop() {
    client.close();
    sandbox.close();
  }

  private RunHandle run(String steps, String id) {
    Experiment experiment = experiment(steps);
    var env =
        ClusterRunEnvironment.create(
            client, "faultline-sandbox", dir.resolve("state"), experiment.metadata().name());
    return new Engine(env)
        .start(
            experiment,
            RunOptions.defaults(id).withRollbackDeadline(Duration.ofSeconds(20)),
            events::add);
  }

  private static Experiment experiment(String steps) {
    String text =
        "apiVersion: faultline.dev/v1alpha1\nkind: Experiment\nmetadata:\n  name: chaos\nspec:\n"
            + (TARGET + steps).indent(2);
    var read = new ExperimentReader().read(text, Syntax.YAML);
    return read.experiment().orElseThrow(() -> new AssertionError(read.problems()));
  }

  private static RunResult finished(RunHandle handle) throws InterruptedException {
    return handle.await(Duration.ofSeconds(90)).orElseThrow(() -> new AssertionError("no end"));
  }

  private List<GenericKubernetesResource> chaosObjects() {
    var all = new ArrayList<GenericKubernetesResource>();
    for (ChaosKind kind : ChaosKind.values()) {
      all.addAll(
          client
              .genericKubernetesResources(ChaosDefinitions.of(kind))
              .inAnyNamespace()
              .list()
              .getItems());
    }
    return all;
  }

  private URI checkout(String path) {
    return sandbox.demoUrls().get(new ServiceKey("shop", "checkout")).resolve(path);
  }

  private static int status(URI uri) {
    try {
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private void assertNothingLeft() throws InterruptedException {
    assertThat(chaosObjects()).as("Chaos Mesh objects left").isEmpty();
    LeftBehind.await(Duration.ofSeconds(10), () -> status(checkout("/health")), c -> c == 200);
    LeftBehind.await(Duration.ofSeconds(10), () -> status(checkout("/orders")), c -> c == 200);
  }

  private <T extends RunEvent> List<T> all(Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }

  @Test
  void probesSeeTheFaultsWhileTheyLastAndTheRunEndsClean() throws Exception {
    RunHandle handle =
        run(
            """
            steps:
              - {id: slow, attack: chaosmesh.network, target: checkout, with: {action: delay, latency: 500ms}}
              - id: slow-seen
                after: [slow]
                probe: http.check
                until: failing
                timeout: 20s
                with: {url: "http://checkout.shop/orders", maxLatency: 300ms, timeout: 3s}
              - {id: skew, after: [slow-seen], attack: chaosmesh.time, target: checkout, with: {timeOffset: -2h}}
              - id: skew-seen
                after: [skew]
                probe: http.check
                until: passing
                timeout: 20s
                with:
                  url: "http://checkout.shop/health"
                  timeout: 3s
                  jq: '((.time | fromdateiso8601) - now) < -3600'
            """,
            "probes");
    RunResult result = finished(handle);
    assertThat(result.verdict()).as(result.reason()).isEqualTo(Verdict.PASSED);
    assertThat(all(RunEvent.FaultApplied.class)).hasSize(2);
    assertThat(all(RunEvent.FaultRolledBack.class)).hasSize(2);
    assertNothingLeft();
  }

  @Test
  void theCheckoutDependenciesExamplePasses() throws Exception {
    var read =
        new ExperimentReader()
            .read(dev.faultline.Examples.dir().resolve("checkout-dependencies.yaml"));
    Experiment experiment = read.experiment().orElseThrow();
    var env =
        ClusterRunEnvironment.create(
            client, "faultline-sandbox", dir.resolve("state"), experiment.metadata().name());
    RunHandle handle =
        new Engine(env)
            .start(
                experiment,
                RunOptions.defaults("example").withRollbackDeadline(Duration.ofSeconds(20)),
                events::add);
    RunResult result = finished(handle);
    assertThat(result.verdict()).as(result.reason()).isEqualTo(Verdict.PASSED);
    assertThat(all(RunEvent.FaultRolledBack.class)).hasSize(3);
    assertNothingLeft();
  }

  @Test
  void theStepsDurationEndsTheFaultAndIsChaosMeshsOwnEndToo() throws Exception {
    RunHandle handle =
        run(
            """
            steps:
              - {id: abort, attack: chaosmesh.http, target: checkout, duration: 2s, with: {port: 8080, abort: true}}
              - id: recovered
                after: [abort]
                probe: http.check
                with: {url: "http://checkout.shop/orders", expectStatus: 200}
            """,
            "duration");
    RunResult result = finished(handle);
    assertThat(result.verdict()).as(result.reason()).isEqualTo(Verdict.PASSED);
    var applied = all(RunEvent.FaultApplied.class);
    assertThat(applied).hasSize(1);
    assertThat(applied.getFirst().fault().data("manifest", "")).contains("\"duration\":\"2s\"");
    assertThat(all(RunEvent.StepSucceeded.class))
        .anyMatch(s -> s.stepId().equals("abort") && s.message().contains("for 2s, rolled back"));
    assertNothingLeft();
  }

  @Test
  void anEmergencyStopRollsTheFaultBack() throws Exception {
    RunHandle handle =
        run(
            """
            steps:
              - {id: dns, attack: chaosmesh.dns, target: checkout, with: {action: error}}
              - {id: hold, after: [dns], wait: 60s}
            """,
            "stop");
    LeftBehind.await(Duration.ofSeconds(20), () -> status(checkout("/orders")), c -> c == 502);
    assertThat(chaosObjects()).hasSize(1);
    handle.emergencyStop("test");
    RunResult result = finished(handle);
    assertThat(result.verdict()).isEqualTo(Verdict.ABORTED);
    assertThat(result.reason()).contains("emergency stop by test");
    assertNothingLeft();
  }

  @Test
  void aCancelRollsTheFaultBack() throws Exception {
    RunHandle handle =
        run(
            """
            steps:
              - {id: io, attack: chaosmesh.io, target: checkout, with: {volumePath: /data, action: fault, errno: 5}}
              - {id: hold, after: [io], wait: 60s}
            """,
            "cancel");
    LeftBehind.await(Duration.ofSeconds(20), () -> status(checkout("/orders")), c -> c == 500);
    handle.cancel("test");
    assertThat(finished(handle).verdict()).isEqualTo(Verdict.ABORTED);
    assertNothingLeft();
  }

  @Test
  void parametersChaosMeshWouldRejectStopTheRunBeforeAnythingIsApplied() throws Exception {
    RunHandle handle =
        run(
            """
            steps:
              - {id: freeze, attack: process.signal, target: checkout, with: {signal: SIGSTOP, process: java}}
              - {id: both-ways, after: [freeze], attack: chaosmesh.network, target: checkout, with: {action: delay, latency: 1s, direction: both}}
            """,
            "params");
    RunResult result = finished(handle);
    assertThat(result.verdict()).isEqualTo(Verdict.ERROR);
    assertThat(result.reason())
        .startsWith(
            "step 'both-ways': chaosmesh.network: direction both needs the pods on the other");
    assertThat(all(RunEvent.FaultApplied.class)).as("nothing applied").isEmpty();
  }

  @Test
  void withoutChaosMeshThePreflightSaysSoAndNothingIsApplied() throws Exception {
    stop();
    startSandbox(SandboxOptions.defaults().withoutChaosMesh());
    RunHandle handle =
        run(
            """
            steps:
              - {id: freeze, attack: process.signal, target: checkout, with: {signal: SIGSTOP, process: java}}
              - {id: slow-db, after: [freeze], attack: chaosmesh.network, target: checkout, with: {action: delay, latency: 1s}}
            """,
            "bare");
    RunResult result = finished(handle);
    assertThat(result.verdict()).isEqualTo(Verdict.ERROR);
    assertThat(result.reason())
        .isEqualTo(
            "step 'slow-db': Chaos Mesh is not installed in context 'faultline-sandbox' (no"
                + " NetworkChaos in chaos-mesh.org/v1alpha1); install it"
                + " (https://chaos-mesh.org/docs/production-installation-using-helm/) or use"
                + " another attack");
    assertThat(all(RunEvent.FaultApplied.class)).as("nothing applied").isEmpty();
    assertThat(all(RunEvent.StepSkipped.class)).hasSize(2);
    var pods = client.pods().inNamespace("shop").withLabel("app", "checkout").list().getItems();
    assertThat(pods).isNotEmpty().allMatch(LeftBehind::ready).noneMatch(LeftBehind::marked);
  }
}
