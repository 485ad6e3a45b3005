package dev.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.Examples;
import dev.faultline.cluster.snapshot.LiveSnapshot;
import dev.faultline.format.ExperimentReader;
import dev.faultline.model.Experiment;
import dev.faultline.model.Target;
import dev.faultline.sandbox.Sandbox;
import dev.faultline.sandbox.SandboxOptions;
import dev.faultline.sandbox.world.ClusterView;
import dev.faultline.sandbox.world.ControllerTimings;
import dev.faultline.target.TargetResolution;
import dev.faultline.target.TargetResolver;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code faultline preview} against a sandbox reached through its kubeconfig, like any cluster. */
class PreviewCommandIT {
  @TempDir Path dir;
  private Sandbox sandbox;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void start() {
    sandbox =
        Sandbox.start(
            SandboxOptions.defaults()
                .withKubeconfig(dir.resolve("kc"))
                .withDemoServices(false)
                .withTimings(ControllerTimings.FAST));
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  private CommandLine cli() {
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli;
  }

  private String example(String name) {
    return Examples.dir().resolve(name).toString();
  }

  @Test
  void tableShowsTheSelectionWithRoundingAndWarnings() {
    int exit =
        cli()
            .execute(
                "preview",
                example("checkout-freeze-and-recover.yaml"),
                "--kubeconfig",
                sandbox.kubeconfig().toString());
    assertThat(exit).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains(
            "TARGET checkout: 3 matched, 2 selected (percent 50: 3 × 50% = 1.5, rounded up to 2)")
        .contains("Deployment/checkout")
        .containsPattern(
            "shop\\s+checkout-\\S+\\s+sandbox-node-\\d\\s+Deployment/checkout\\s+yes\\s+app");
  }

  @Test
  void jsonListsEverySelectedPodWithNodeOwnerAndContainers() {
    int exit =
        cli()
            .execute(
                "preview",
                example("pod-delete-steady-state.yaml"),
                "--target",
                "cart-all",
                "-o",
                "json",
                "--kubeconfig",
                sandbox.kubeconfig().toString());
    assertThat(exit).as(err.toString()).isZero();
    JsonNode doc = JsonMapper.builder().build().readTree(out.toString());
    JsonNode target = doc.path("targets").get(0);
    assertThat(target.path("name").asString()).isEqualTo("cart-all");
    assertThat(target.path("selected").size()).isEqualTo(3);
    for (JsonNode pod : target.path("selected")) {
      assertThat(pod.path("namespace").asString()).isEqualTo("shop");
      assertThat(pod.path("node").asString()).startsWith("sandbox-node-");
      assertThat(pod.path("owner").path("kind").asString()).isEqualTo("ReplicaSet");
      assertThat(pod.path("workload").path("name").asString()).isEqualTo("cart");
      assertThat(pod.path("containers")).hasSize(2);
    }
  }

  @Test
  void unknownTargetAndFilesWithErrorsAreRefused() {
    assertThat(
            cli()
                .execute(
                    "preview",
                    example("checkout-freeze-and-recover.yaml"),
                    "--target",
                    "chekout",
                    "--kubeconfig",
                    sandbox.kubeconfig().toString()))
        .isEqualTo(64);
    assertThat(err.toString()).contains("no target 'chekout'", "did you mean 'checkout'?");
  }

  @Test
  void watchPrintsTheChangeWhenTheClusterMoves() throws Exception {
    var runner =
        Thread.ofVirtual()
            .start(
                () ->
                    cli()
                        .execute(
                            "preview",
                            example("pod-delete-steady-state.yaml"),
                            "--target",
                            "cart-all",
                            "--watch",
                            "--kubeconfig",
                            sandbox.kubeconfig().toString()));
    try {
      awaitOutput("TARGET cart-all");
      String victim =
          new ClusterView(sandbox.store())
              .list("v1", "pods", "shop", java.util.Map.of("app", "cart"))
              .getFirst()
              .path("metadata")
              .path("name")
              .asString();
      new ClusterView(sandbox.store()).delete("v1", "pods", "shop", victim);
      awaitOutput("- cart-all: shop/" + victim);
      assertThat(out.toString()).contains("the cluster changed");
    } finally {
      runner.interrupt();
    }
  }

  @Test
  void watchOutputAfterChangesEqualsAFreshPreview() throws Exception {
    // percent 50 of the checkout pods: which ones are hit depends on the sampling.
    String file = example("checkout-freeze-and-recover.yaml");
    var runner =
        Thread.ofVirtual()
            .start(
                () ->
                    cli()
                        .execute(
                            "preview",
                            file,
                            "--target",
                            "checkout",
                            "-o",
                            "json",
                            "--watch",
                            "--kubeconfig",
                            sandbox.kubeconfig().toString()));
    try {
      awaitOutput("\"live\"");
      var cluster = new ClusterView(sandbox.store());
      var pods = cluster.list("v1", "pods", "shop", Map.of("app", "checkout"));
      String deleted = pods.get(0).path("metadata").path("name").asString();
      String relabelled = pods.get(1).path("metadata").path("name").asString();
      int docs = documents(out.toString()).size();
      cluster.delete("v1", "pods", "shop", deleted);
      cluster.updatePod(
          "shop",
          relabelled,
          pod ->
              ((tools.jackson.databind.node.ObjectNode) pod.path("metadata").path("labels"))
                  .put("app", "checkout-off"));
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (documents(out.toString()).size() == docs) {
        if (System.nanoTime() > deadline) throw new AssertionError("no change printed:\n" + out);
        Thread.sleep(50);
      }
      // Once the cluster has settled (controllers replace the pods), the last printed state is
      // what a preview resolving from scratch prints.
      JsonNode fresh = null;
      JsonNode watched = null;
      for (int attempt = 0; attempt < 10; attempt++) {
        awaitQuiet(Duration.ofSeconds(2));
        List<JsonNode> all = documents(out.toString());
        watched = all.getLast().path("targets");
        var freshOut = new StringWriter();
        CommandLine once = Main.commandLine();
        once.setOut(new PrintWriter(freshOut, true));
        once.setErr(new PrintWriter(new StringWriter(), true));
        assertThat(
                once.execute(
                    "preview",
                    file,
                    "--target",
                    "checkout",
                    "-o",
                    "json",
                    "--kubeconfig",
                    sandbox.kubeconfig().toString()))
            .isZero();
        fresh = JsonMapper.builder().build().readTree(freshOut.toString()).path("targets");
        if (fresh.equals(watched) && documents(out.toString()).size() == all.size()) {
          break;
        }
      }
      assertThat(watched).isEqualTo(fresh);
      assertThat(watched.get(0).path("selected").toString())
          .doesNotContain(deleted)
          .doesNotContain(relabelled);
    } finally {
      runner.interrupt();
    }
  }

  @Test
  void firstAnswerSelectsWhatTheFullSnapshotSelectsAndSaysCountsAreProvisional() throws Exception {
    Path file = Path.of(example("checkout-freeze-and-recover.yaml"));
    Experiment experiment = new ExperimentReader().read(file).experiment().orElseThrow();
    var command = new PreviewCommand();
    Map<String, Target> targets = experiment.spec().targets();
    Config config = Config.fromKubeconfig(null, Files.readString(sandbox.kubeconfig()), null);
    try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build();
        LiveSnapshot full =
            LiveSnapshot.start(
                client,
                dev.faultline.target.SnapshotScope.namespaces(targets.values()),
                Clock.systemUTC())) {
      Map<String, TargetResolution> first =
          PreviewCommand.FirstAnswer.start(client, experiment, targets, command::seedFor)
              .get(30, TimeUnit.SECONDS);
      assertThat(full.awaitSynced(Duration.ofSeconds(30))).isTrue();
      var safety = experiment.spec().effectiveSafety().effectiveNamespaces();
      targets.forEach(
          (name, target) -> {
            TargetResolution expected =
                TargetResolver.resolve(target, full, safety, command.seedFor(experiment, name));
            TargetResolution quick = first.get(name);
            assertThat(quick.matched()).isEqualTo(expected.matched());
            assertThat(quick.selected()).isEqualTo(expected.selected());
          });
      var text = new StringWriter();
      new PreviewRenderer(experiment, "sandbox", PreviewCommand.Output.table)
          .printFirst(first, new PrintWriter(text, true));
      assertThat(text.toString())
          .contains("first answer", "TARGET checkout: 3 matched, 2 selected")
          .contains("provisional: " + PreviewRenderer.PROVISIONAL);
    }
  }

  /** The JSON documents printed one after another. */
  private static List<JsonNode> documents(String text) {
    var docs = new java.util.ArrayList<JsonNode>();
    try (var values = JsonMapper.builder().build().readerFor(JsonNode.class).readValues(text)) {
      while (values.hasNextValue()) {
        docs.add((JsonNode) values.nextValue());
      }
    } catch (RuntimeException e) {
      // the last document is still being written
    }
    return docs;
  }

  /** Waits until the output has not grown for {@code quiet}. */
  private void awaitQuiet(Duration quiet) throws InterruptedException {
    int length = -1;
    long since = System.nanoTime();
    long deadline = since + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() - since < quiet.toNanos() && System.nanoTime() < deadline) {
      if (out.toString().length() != length) {
        length = out.toString().length();
        since = System.nanoTime();
      }
      Thread.sleep(50);
    }
  }

  private void awaitOutput(String text) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!out.toString().contains(text)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no '" + text + "' in output:\n" + out + "\nerr:\n" + err);
      }
      Thread.sleep(50);
    }
  }
}
