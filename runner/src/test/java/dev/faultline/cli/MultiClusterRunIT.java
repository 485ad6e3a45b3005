package dev.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.LeftBehind;
import dev.faultline.safety.FileRollbackJournal;
import dev.faultline.safety.ProtectedContexts;
import dev.faultline.safety.StateDirectory;
import dev.faultline.sandbox.Kubeconfig;
import dev.faultline.sandbox.Sandbox;
import dev.faultline.sandbox.SandboxOptions;
import dev.faultline.sandbox.world.ControllerTimings;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One experiment over two clusters: two sandboxes behind one kubeconfig (contexts {@code east}, the
 * run's, and {@code west}). The attack's target names {@code west}; one probe reads {@code west}
 * and sees the freeze, the other reads {@code east} and does not; every fault is journalled and
 * rolled back in {@code west}. A context the kubeconfig lacks, or a protected one without its flag,
 * stops the run before anything is applied.
 */
class MultiClusterRunIT {
  private static final String HEALTHY = ".status == \"UP\" and .ready == .total";

  @TempDir Path dir;
  private Sandbox east;
  private Sandbox west;
  private KubernetesClient eastClient;
  private KubernetesClient westClient;
  private Path kubeconfig;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void start() throws Exception {
    System.setProperty(StateDirectory.PROPERTY, dir.resolve("state").toString());
    east = sandbox("east");
    west = sandbox("west");
    kubeconfig = dir.resolve("kubeconfig");
    Files.writeString(kubeconfig, twoContexts());
    eastClient = client(east);
    westClient = client(west);
  }

  private Sandbox sandbox(String name) {
    return Sandbox.start(
        SandboxOptions.defaults()
            .withKubeconfig(dir.resolve(name + ".kc"))
            .withTimings(ControllerTimings.FAST));
  }

  private static KubernetesClient client(Sandbox sandbox) throws Exception {
    return new KubernetesClientBuilder()
        .withConfig(Config.fromKubeconfig(null, Files.readString(sandbox.kubeconfig()), null))
        .build();
  }

  private String twoContexts() {
    var urls = new java.util.LinkedHashMap<String, String>();
    urls.put("east", east.url());
    urls.put("west", west.url());
    return Kubeconfig.text(urls);
  }

  @AfterEach
  void stop() {
    eastClient.close();
    westClient.close();
    east.close();
    west.close();
    System.clearProperty(StateDirectory.PROPERTY);
  }

  private Path experiment(String targetContext) throws Exception {
    Path file = dir.resolve("freeze-west-watch-east.yaml");
    Files.writeString(
        file,
        """
        apiVersion: faultline.dev/v1alpha1
        kind: Experiment
        metadata:
          name: freeze-west-watch-east
        spec:
          targets:
            checkout-west:
              context: %s
              namespaces: [shop]
              labelSelector: app=checkout
          steps:
            - id: freeze
              attack: process.signal
              target: checkout-west
              with: {signal: SIGSTOP, process: java}
            - id: west-unhealthy
              after: [freeze]
              probe: http.check
              context: %s
              until: failing
              timeout: 15s
              with: {url: "http://checkout.shop/health", jq: '%s'}
            - id: east-healthy
              after: [west-unhealthy]
              probe: http.check
              with: {url: "http://checkout.shop/health", jq: '%s'}
        """
            .formatted(targetContext, targetContext, HEALTHY, HEALTHY));
    return file;
  }

  private int cli(CliEnvironment environment, String... args) {
    CommandLine cli = environment == null ? Main.commandLine() : Main.commandLine(environment);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    var all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--kubeconfig", kubeconfig.toString(), "--context", "east"));
    return cli.execute(all.toArray(String[]::new));
  }

  @Test
  void freezesInOneClusterAndWatchesFromBoth() throws Exception {
    int exit = cli(null, "run", experiment("west").toString(), "-o", "json");

    assertThat(exit).as(err + "\n" + out).isZero();
    assertThat(err.toString()).contains("also acts on west");
    JsonNode report = JsonMapper.builder().build().readTree(out.toString());
    List<JsonNode> applied = new ArrayList<>();
    List<JsonNode> rolledBack = new ArrayList<>();
    List<JsonNode> resolved = new ArrayList<>();
    for (JsonNode event : report.path("events")) {
      switch (event.path("type").asString()) {
        case "FaultApplied" -> applied.add(event.path("fault"));
        case "FaultRolledBack" -> rolledBack.add(event.path("fault"));
        case "TargetsResolved" -> resolved.add(event);
        default -> {}
      }
    }
    assertThat(applied).as(out.toString()).isNotEmpty();
    assertThat(applied).allSatisfy(f -> assertThat(f.path("context").asString()).isEqualTo("west"));
    assertThat(rolledBack).hasSameSizeAs(applied);
    assertThat(resolved)
        .singleElement()
        .satisfies(e -> assertThat(e.path("context").asString()).isEqualTo("west"));
    assertNothingLeftBehind(westClient);
    assertNothingLeftBehind(eastClient);
  }

  @Test
  void aContextTheKubeconfigLacksStopsTheRunBeforeAnythingIsApplied() throws Exception {
    int exit = cli(null, "run", experiment("wset").toString());

    assertThat(exit).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("no kubeconfig context 'wset'").contains("west");
    assertThat(FileRollbackJournal.withOpenFaults(dir.resolve("state"))).isEmpty();
  }

  @Test
  void aProtectedOtherContextNeedsItsOwnFlag() throws Exception {
    Path data = dir.resolve("data");
    ProtectedContexts.load(data.resolve(ProtectedContexts.FILE_NAME)).protect("west");
    var environment = new CliEnvironment(Map.of(), dir.resolve("home"), data);
    String file = experiment("west").toString();

    assertThat(cli(environment, "run", file)).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("\"west\" is protected").contains("--yes-i-mean-west");

    int exit = cli(environment, "run", file, "--dry-run", "--yes-i-mean-west");
    assertThat(exit).as(err.toString()).isZero();
    assertNothingLeftBehind(westClient);
  }

  private void assertNothingLeftBehind(KubernetesClient client) throws Exception {
    List<Pod> checkout =
        LeftBehind.await(
            Duration.ofSeconds(20),
            () -> client.pods().inNamespace("shop").withLabel("app", "checkout").list().getItems(),
            pods ->
                pods.size() == 3
                    && pods.stream().allMatch(LeftBehind::ready)
                    && pods.stream().noneMatch(LeftBehind::marked));
    assertThat(checkout).hasSize(3);
    assertThat(FileRollbackJournal.withOpenFaults(dir.resolve("state"))).isEmpty();
  }
}
