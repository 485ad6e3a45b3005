package dev.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.Examples;
import dev.faultline.sandbox.Sandbox;
import dev.faultline.sandbox.SandboxOptions;
import dev.faultline.sandbox.world.ClusterView;
import dev.faultline.sandbox.world.ControllerTimings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
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
