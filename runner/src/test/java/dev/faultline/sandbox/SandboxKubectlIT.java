package dev.faultline.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.sandbox.world.ControllerTimings;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real kubectl 1.35 against the sandbox: the commands a user tries first. */
class SandboxKubectlIT {
  private static final Duration SETTLE = Duration.ofSeconds(20);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir static Path dir;
  private static Sandbox sandbox;
  private static Kubectl kubectl;

  @BeforeAll
  static void start() {
    sandbox =
        Sandbox.start(
            SandboxOptions.defaults()
                .withKubeconfig(dir.resolve("kubeconfig"))
                .withTimings(ControllerTimings.FAST)
                .withDemoServices(false));
    kubectl = new Kubectl(sandbox.kubeconfig());
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  private static List<String> names(String... args) {
    String out = kubectl.run(args).ok().out().strip();
    return out.isEmpty() ? List.of() : Arrays.asList(out.split("\\s+"));
  }

  @Test
  void kubeconfigNamesTheSandboxContext() {
    assertThat(kubectl.run("config", "current-context").ok().out().strip())
        .isEqualTo("faultline-sandbox");
    assertThat(kubectl.run("version").ok().out()).contains("Server Version: v1.35.0");
  }

  @Test
  void getPodsInAllNamespacesShowsRealColumns() {
    String out = kubectl.run("get", "pods", "-A").ok().out();
    List<String> lines = out.lines().toList();
    assertThat(lines.getFirst())
        .containsSubsequence("NAMESPACE", "NAME", "READY", "STATUS", "RESTARTS", "AGE");
    assertThat(lines)
        .anyMatch(
            l ->
                l.startsWith("shop")
                    && l.contains("checkout-")
                    && l.contains("2/2")
                    && l.contains("Running"));
    assertThat(lines).anyMatch(l -> l.startsWith("payments") && l.contains("ledger-0"));
    assertThat(lines).anyMatch(l -> l.startsWith("kube-system") && l.contains("coredns-"));
  }

  @Test
  void getPodsBySelectorAsJson() {
    JsonNode list =
        JSON.readTree(
            kubectl
                .run("get", "pods", "-n", "shop", "-l", "app=checkout", "-o", "json")
                .ok()
                .out());
    assertThat(list.path("items").size()).isEqualTo(3);
    for (JsonNode pod : list.path("items")) {
      assertThat(pod.path("metadata").path("labels").path("app").asString()).isEqualTo("checkout");
      assertThat(pod.path("metadata").path("ownerReferences").get(0).path("kind").asString())
          .isEqualTo("ReplicaSet");
      assertThat(pod.path("spec").path("containers"))
          .extracting(c -> c.path("name").asString())
          .containsExactly("app", "istio-proxy");
      assertThat(pod.path("status").path("phase").asString()).isEqualTo("Running");
    }
  }

  @Test
  void getDeploymentsServicesAndNodes() {
    String out = kubectl.run("get", "deploy,svc,nodes", "-A").ok().out();
    assertThat(out).contains("deployment.apps/checkout", "service/checkout", "node/sandbox-node-1");
    assertThat(out).containsPattern("deployment.apps/checkout\\s+3/3\\s+3\\s+3");
    assertThat(out).containsPattern("service/checkout\\s+ClusterIP\\s+10\\.96\\.");
    assertThat(out).containsPattern("node/sandbox-node-1\\s+Ready");
    assertThat(kubectl.run("get", "nodes", "-L", "topology.kubernetes.io/zone").ok().out())
        .contains("zone-a", "zone-b", "zone-c");
  }

  @Test
  void deletedPodIsReplacedByANewOne() {
    List<String> before = names("get", "pods", "-n", "shop", "-l", "app=cart", "-o", "name");
    assertThat(before).hasSize(3);
    String victim = before.getFirst();

    assertThat(kubectl.run("delete", "-n", "shop", victim).ok().out()).contains("deleted");

    List<String> after =
        Eventually.await(
            SETTLE,
            () -> names("get", "pods", "-n", "shop", "-l", "app=cart", "-o", "name"),
            pods -> pods.size() == 3 && !pods.contains(victim));
    assertThat(after).doesNotContain(victim);
    String replacement = after.stream().filter(p -> !before.contains(p)).findFirst().orElseThrow();
    Eventually.await(
        SETTLE,
        () -> kubectl.run("get", "-n", "shop", replacement, "-o", "jsonpath={.status.phase}").out(),
        "Running"::equals);
  }

  @Test
  void scaledDeploymentGetsItsPods() {
    assertThat(
            kubectl.run("scale", "deployment", "catalog", "-n", "shop", "--replicas=5").ok().out())
        .contains("scaled");
    Eventually.await(
        SETTLE,
        () -> names("get", "pods", "-n", "shop", "-l", "app=catalog", "-o", "name"),
        p -> p.size() == 5);
    Eventually.await(
        SETTLE,
        () ->
            kubectl
                .run(
                    "get",
                    "deploy",
                    "catalog",
                    "-n",
                    "shop",
                    "-o",
                    "jsonpath={.status.readyReplicas}")
                .out(),
        "5"::equals);

    kubectl.run("scale", "deployment", "catalog", "-n", "shop", "--replicas=1").ok();
    Eventually.await(
        SETTLE,
        () -> names("get", "pods", "-n", "shop", "-l", "app=catalog", "-o", "name"),
        p -> p.size() == 1);
  }

  @Test
  void watchStreamsNewPods() throws Exception {
    File out = Files.createTempFile(dir, "watch", ".txt").toFile();
    Process watch = kubectl.start(out, "get", "pods", "-n", "payments", "-w");
    try {
      Eventually.await(SETTLE, () -> read(out), text -> text.contains("ledger-0"));
      List<String> pods =
          names("get", "pods", "-n", "payments", "-l", "app=payments-api", "-o", "name");
      kubectl.run("delete", "-n", "payments", pods.getFirst(), "--wait=false").ok();
      String gone = pods.getFirst().substring("pod/".length());
      Eventually.await(
          SETTLE,
          () -> read(out),
          text ->
              text.lines().filter(l -> l.startsWith("payments-api-")).count() >= 5
                  && text.contains(gone));
    } finally {
      watch.destroy();
    }
  }

  private static String read(File file) {
    try {
      return Files.readString(file.toPath());
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void logsOfAContainer() {
    String pod =
        names("get", "pods", "-n", "shop", "-l", "app=storefront", "-o", "name").getFirst();
    assertThat(kubectl.run("logs", "-n", "shop", pod, "-c", "app").ok().out())
        .contains("listening on :8080");
  }

  @Test
  void chaosMeshResourcesAreServed() {
    assertThat(kubectl.run("get", "podchaos", "-A").ok().err()).contains("No resources found");
    assertThat(kubectl.run("api-resources", "--api-group=chaos-mesh.org").ok().out())
        .contains("podchaos", "networkchaos", "workflows");
  }
}
