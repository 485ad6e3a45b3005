package dev.faultline.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.format.ExperimentReader;
import dev.faultline.format.Syntax;
import dev.faultline.model.Experiment;
import dev.faultline.safety.FileRollbackJournal;
import dev.faultline.sandbox.Sandbox;
import dev.faultline.sandbox.SandboxClients;
import dev.faultline.sandbox.SandboxOptions;
import dev.faultline.sandbox.world.ControllerTimings;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs of mesh.istio.fault on the sandbox, seen through probes of the demo services: the delay and
 * the abort reach about the configured share of requests while the attack lasts, nothing after; the
 * VirtualService is what it was afterwards (or gone, if the run created it); and a stopWhen on a
 * latency probe ends the fault early.
 */
class IstioFaultRunIT {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String API = "networking.istio.io/v1";

  @TempDir Path dir;
  private Sandbox sandbox;
  private KubernetesClient client;
  private final List<RunEvent> events = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    sandbox =
        Sandbox.start(
            SandboxOptions.defaults()
                .withKubeconfig(dir.resolve("kc"))
                .withTimings(ControllerTimings.FAST));
    client = SandboxClients.connect(sandbox);
  }

  @AfterEach
  void stop() {
    client.close();
    sandbox.close();
  }

  @Test
  void delayAndAbortReachAboutTheirShareOfRequestsAndTheVirtualServiceIsRestored()
      throws Exception {
    client
        .genericKubernetesResources(API, "VirtualService")
        .inNamespace("shop")
        .resource(
            client
                .getKubernetesSerialization()
                .unmarshal(
                    """
                    apiVersion: networking.istio.io/v1
                    kind: VirtualService
                    metadata: {name: checkout, namespace: shop, labels: {app: checkout}}
                    spec:
                      hosts: [checkout]
                      http:
                        - name: default
                          timeout: 10s
                          route: [{destination: {host: checkout}}]
                    """,
                    GenericKubernetesResource.class))
        .create();
    ObjectNode before = virtualService("shop", "checkout");

    RunResult result =
        run(
            """
            steps:
              - id: degrade
                attack: mesh.istio.fault
                with: {host: checkout.shop, namespace: shop, fixedDelay: 150ms, delayPercent: 50, abortPercent: 20, abortStatus: 500}
                duration: 9s
              - id: healthy
                after: [degrade]
                probe: http.check
                until: passing
                timeout: 10s
                interval: 100ms
                with: {url: "http://checkout.shop/health", maxLatency: 100ms}
              - {id: quiet, after: [healthy], wait: 1500ms}
            probes:
              - id: traffic
                probe: http.check
                interval: 50ms
                with: {url: "http://checkout.shop/orders", timeout: 2s}
            """);

    assertThat(result.verdict()).as(result.reason()).isEqualTo(Verdict.PASSED);
    long applied = nanosOf(RunEvent.FaultApplied.class);
    long rolledBack = nanosOf(RunEvent.FaultRolledBack.class);
    // Samples wholly inside the attack; the sandbox's controller takes a moment to react.
    long settle = Duration.ofMillis(500).toNanos();
    List<RunEvent.ProbeSampled> during =
        samples("traffic").stream()
            .filter(s -> s.nanos() > applied + settle && s.nanos() < rolledBack)
            .toList();
    assertThat(during).hasSizeGreaterThan(40);
    double delayed = share(during, s -> s.sample().latency().toMillis() >= 150);
    double aborted = share(during, s -> s.sample().message().startsWith("500 "));
    System.out.printf(
        Locale.ROOT,
        "istio fault on the sandbox: %d samples, %.0f%% delayed (50%% configured), %.0f%%"
            + " aborted (20%% configured)%n",
        during.size(),
        delayed * 100,
        aborted * 100);
    assertThat(delayed).as("share delayed").isBetween(0.30, 0.70);
    assertThat(aborted).as("share aborted").isBetween(0.06, 0.38);

    List<RunEvent.ProbeSampled> after =
        samples("traffic").stream().filter(s -> s.nanos() > rolledBack + settle).toList();
    assertThat(after).isNotEmpty();
    assertThat(after).allSatisfy(s -> assertThat(s.sample().passed()).as(s.toString()).isTrue());
    assertThat(withoutVersion(virtualService("shop", "checkout")))
        .isEqualTo(withoutVersion(before));
    assertThat(FileRollbackJournal.withOpenFaults(dir.resolve("state"))).isEmpty();
  }

  @Test
  void aLatencyProbeStopsTheFaultEarlyAndTheRunGoesOn() throws Exception {
    long start = System.nanoTime();
    RunResult result =
        run(
            """
            steps:
              - id: slow-payments
                attack: mesh.istio.fault
                with: {host: payments-api.payments.svc.cluster.local, namespace: payments, fixedDelay: 400ms}
                duration: 2m
                stopWhen: {probe: payments-latency, failures: 2}
              - id: recovered
                after: [slow-payments]
                probe: http.check
                with: {url: "http://payments-api.payments/health", maxLatency: 200ms}
            probes:
              - id: payments-latency
                probe: http.check
                interval: 200ms
                with: {url: "http://payments-api.payments/health", maxLatency: 200ms}
            """);

    assertThat(result.verdict()).as(result.reason()).isEqualTo(Verdict.PASSED);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
    String message =
        events.stream()
            .filter(RunEvent.StepSucceeded.class::isInstance)
            .map(RunEvent.StepSucceeded.class::cast)
            .filter(e -> e.stepId().equals("slow-payments"))
            .findFirst()
            .orElseThrow()
            .message();
    System.out.println("stopWhen on the sandbox: " + message);
    assertThat(message)
        .startsWith("applied 1 fault, stopped early after ")
        .endsWith(": probe 'payments-latency' failed 2 times in a row, rolled back");
    assertThat(events)
        .filteredOn(RunEvent.NoteAdded.class::isInstance)
        .map(e -> ((RunEvent.NoteAdded) e).text())
        .anySatisfy(
            text ->
                assertThat(text)
                    .startsWith("attack 'slow-payments' stopped early")
                    .contains("slower than maxLatency 200ms"));
    assertThat(
            client
                .genericKubernetesResources(API, "VirtualService")
                .inNamespace("payments")
                .withName("faultline-payments-api")
                .get())
        .as("the VirtualService the run created is deleted")
        .isNull();
    assertThat(FileRollbackJournal.withOpenFaults(dir.resolve("state"))).isEmpty();
  }

  private RunResult run(String spec) throws InterruptedException {
    String text =
        "apiVersion: faultline.dev/v1alpha1\nkind: Experiment\nmetadata:\n  name: istio\nspec:\n"
            + spec.indent(2);
    var read = new ExperimentReader().read(text, Syntax.YAML);
    Experiment experiment =
        read.experiment().orElseThrow(() -> new AssertionError(read.problems()));
    var env =
        ClusterRunEnvironment.create(
            client, "faultline-sandbox", dir.resolve("state"), experiment.metadata().name());
    return new Engine(env)
        .start(experiment, RunOptions.defaults("istio-" + System.nanoTime()), events::add)
        .await(Duration.ofSeconds(120))
        .orElseThrow();
  }

  private long nanosOf(Class<? extends RunEvent> type) {
    return events.stream().filter(type::isInstance).findFirst().orElseThrow().nanos();
  }

  private List<RunEvent.ProbeSampled> samples(String probeId) {
    return events.stream()
        .filter(RunEvent.ProbeSampled.class::isInstance)
        .map(RunEvent.ProbeSampled.class::cast)
        .filter(s -> s.probeId().equals(probeId))
        .toList();
  }

  private static double share(
      List<RunEvent.ProbeSampled> samples,
      java.util.function.Predicate<RunEvent.ProbeSampled> which) {
    return samples.stream().filter(which).count() / (double) samples.size();
  }

  private ObjectNode virtualService(String namespace, String name) {
    GenericKubernetesResource object =
        client
            .genericKubernetesResources(API, "VirtualService")
            .inNamespace(namespace)
            .withName(name)
            .get();
    assertThat(object).isNotNull();
    return (ObjectNode) JSON.readTree(client.getKubernetesSerialization().asJson(object));
  }

  private static ObjectNode withoutVersion(ObjectNode object) {
    ObjectNode copy = object.deepCopy();
    copy.withObjectProperty("metadata").remove(List.of("resourceVersion", "generation"));
    return copy;
  }
}
