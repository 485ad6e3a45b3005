package dev.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.Examples;
import dev.faultline.catalog.Catalog;
import dev.faultline.catalog.ParamValues;
import dev.faultline.model.Params;
import dev.faultline.probe.LastingProbe;
import dev.faultline.probe.PreparedProbe;
import dev.faultline.probe.ProbeContext;
import dev.faultline.probe.ProbeExecutors;
import dev.faultline.probe.ProbeRequest;
import dev.faultline.probe.ProbeSample;
import dev.faultline.safety.FileRollbackJournal;
import dev.faultline.safety.StateDirectory;
import dev.faultline.sandbox.Sandbox;
import dev.faultline.sandbox.SandboxClients;
import dev.faultline.sandbox.SandboxOptions;
import dev.faultline.sandbox.world.ControllerTimings;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * gRPC on the sandbox: {@code faultline run docs/examples/grpc-quote-under-freeze.yaml} end to end,
 * and grpc.health / load.grpc against checkout.shop:9090 while its pods are scaled away or its
 * network is slowed by a NetworkChaos.
 */
class GrpcSandboxIT {
  @TempDir Path dir;
  private Sandbox sandbox;
  private KubernetesClient client;
  private ProbeContext context;

  @BeforeEach
  void start() throws Exception {
    System.setProperty(StateDirectory.PROPERTY, dir.resolve("state").toString());
    sandbox =
        Sandbox.start(
            SandboxOptions.defaults()
                .withKubeconfig(dir.resolve("kc"))
                .withTimings(ControllerTimings.FAST));
    client = SandboxClients.connect(sandbox);
    context = new ProbeContext(client, "faultline-sandbox", k -> null);
  }

  @AfterEach
  void stop() {
    client.close();
    sandbox.close();
    System.clearProperty(StateDirectory.PROPERTY);
  }

  private PreparedProbe prepare(String probe, Map<String, Object> with) throws Exception {
    var params = ParamValues.of(Catalog.builtIn().find(probe).orElseThrow(), Params.of(with));
    return ProbeExecutors.builtIn()
        .find(probe)
        .orElseThrow()
        .prepare(new ProbeRequest(probe, params, null, null, null), context);
  }

  @Test
  void theExampleSeesNotServingUnderTheFreezeAndRecovers() throws Exception {
    var out = new StringWriter();
    var err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    long start = System.nanoTime();

    int exit =
        cli.execute(
            "run",
            Examples.dir().resolve("grpc-quote-under-freeze.yaml").toString(),
            "--kubeconfig",
            sandbox.kubeconfig().toString());

    Duration took = Duration.ofNanos(System.nanoTime() - start);
    System.out.println("grpc-quote-under-freeze ran in " + took.toMillis() + " ms");
    assertThat(exit).as(err.toString()).isZero();
    assertThat(took).isLessThan(Duration.ofSeconds(120));
    assertThat(out.toString()).contains("grpc-quote-under-freeze: PASSED");
    assertThat(err.toString()).contains("NOT_SERVING").contains("\u2713 recovered");
    assertThat(FileRollbackJournal.withOpenFaults(dir.resolve("state"))).isEmpty();
  }

  @Test
  void healthTurnsNotServingWhenCheckoutIsScaledToZeroAndServingWhenItIsBack() throws Exception {
    try (PreparedProbe health =
        prepare("grpc.health", Map.of("address", "checkout.shop:9090", "timeout", "1s"))) {
      ProbeSample up = health.sample();
      assertThat(up.passed()).as(up.message()).isTrue();
      assertThat(up.message()).contains("via demo service shop/checkout");

      scale(0);
      Duration down = until(health, s -> !s.passed(), "NOT_SERVING");
      System.out.println("NOT_SERVING " + down.toMillis() + " ms after scaling to 0");
      assertThat(down).isLessThan(Duration.ofSeconds(10));
      assertThat(health.sample().message()).startsWith("NOT_SERVING");

      scale(3);
      Duration back = until(health, ProbeSample::passed, "SERVING");
      System.out.println("SERVING " + back.toMillis() + " ms after scaling to 3");
      assertThat(back).isLessThan(Duration.ofSeconds(20));
    }
  }

  @Test
  void aQuoteSloHoldsWithoutFaultsAndBreaksUnderANetworkDelay() throws Exception {
    Map<String, Object> load =
        Map.of(
            "address", "checkout.shop:9090",
            "method", "demo.Checkout/Quote",
            "request", "{\"sku\": \"A-1\"}",
            "rate", 20,
            "duration", "4s",
            "window", "2s",
            "maxP99", "400ms",
            "maxErrorPercent", 1);
    try (var probe = (LastingProbe) prepare("load.grpc", load)) {
      ProbeSample calm = probe.run(s -> {});
      System.out.println("without fault: " + calm.message());
      assertThat(calm.passed()).as(calm.message()).isTrue();
    }
    client
        .genericKubernetesResources("chaos-mesh.org/v1alpha1", "NetworkChaos")
        .inNamespace("shop")
        .resource(
            new io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder()
                .withApiVersion("chaos-mesh.org/v1alpha1")
                .withKind("NetworkChaos")
                .withNewMetadata()
                .withName("slow-checkout")
                .withNamespace("shop")
                .endMetadata()
                .addToAdditionalProperties(
                    "spec",
                    Map.of(
                        "action",
                        "delay",
                        "mode",
                        "all",
                        "selector",
                        Map.of(
                            "namespaces",
                            java.util.List.of("shop"),
                            "labelSelectors",
                            Map.of("app", "checkout")),
                        "delay",
                        Map.of("latency", "600ms")))
                .build())
        .create();
    try (PreparedProbe health =
        prepare("grpc.health", Map.of("address", "checkout.shop:9090", "timeout", "300ms"))) {
      until(health, s -> !s.passed(), "health slowed past 300ms by the delay");
    }
    try (var probe = (LastingProbe) prepare("load.grpc", load)) {
      ProbeSample slow = probe.run(s -> {});
      System.out.println("under a 600 ms delay: " + slow.message());
      assertThat(slow.passed()).isFalse();
      assertThat(slow.message()).contains("p99 over 400 ms");
    }
  }

  private void scale(int replicas) {
    client.apps().deployments().inNamespace("shop").withName("checkout").scale(replicas);
  }

  /** Samples every 100 ms until one is as wanted; how long that took. Fails after 30 s. */
  private static Duration until(PreparedProbe probe, Predicate<ProbeSample> wanted, String what)
      throws Exception {
    long start = System.nanoTime();
    ProbeSample last = null;
    while (System.nanoTime() - start < Duration.ofSeconds(30).toNanos()) {
      last = probe.sample();
      if (wanted.test(last)) {
        return Duration.ofNanos(System.nanoTime() - start);
      }
      Thread.sleep(100);
    }
    throw new AssertionError("not reached: " + what + "; last sample: " + last);
  }
}
