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
  void applyCreatesThenUpdatesADeployment() {
    String deployment =
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop}
        spec:
          replicas: 2
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers:
                - {name: app, image: "nginx:1.27"}
        """;
    assertThat(kubectl.runWithInput(deployment, "apply", "-f", "-").ok().out())
        .contains("deployment.apps/web created");
    Eventually.await(
        SETTLE,
        () ->
            kubectl
                .run("get", "deploy", "web", "-n", "shop", "-o", "jsonpath={.status.readyReplicas}")
                .out(),
        "2"::equals);

    String changed =
        deployment.replace("nginx:1.27", "nginx:1.28").replace("replicas: 2", "replicas: 3");
    assertThat(kubectl.runWithInput(changed, "apply", "-f", "-").ok().out())
        .contains("deployment.apps/web configured");
    assertThat(
            kubectl
                .run(
                    "get",
                    "deploy",
                    "web",
                    "-n",
                    "shop",
                    "-o",
                    "jsonpath={.spec.template.spec.containers[0].image} {.spec.replicas}")
                .ok()
                .out())
        .isEqualTo("nginx:1.28 3");
    Eventually.await(
        SETTLE,
        () ->
            kubectl
                .run(
                    "get",
                    "pods",
                    "-n",
                    "shop",
                    "-l",
                    "app=web",
                    "-o",
                    "jsonpath={.items[*].spec.containers[0].image}")
                .out(),
        images -> images.split(" ").length == 3 && !images.contains("1.27"));
    assertThat(kubectl.runWithInput(changed, "apply", "-f", "-").ok().out()).contains("unchanged");
  }

  @Test
  void applyAChaosMeshPodChaos() {
    String chaos =
        """
        apiVersion: chaos-mesh.org/v1alpha1
        kind: PodChaos
        metadata: {name: kill-one-cart, namespace: shop}
        spec:
          action: pod-kill
          mode: one
          selector: {namespaces: [shop], labelSelectors: {app: cart}}
        """;
    assertThat(kubectl.runWithInput(chaos, "apply", "-f", "-").ok().out())
        .contains("podchaos.chaos-mesh.org/kill-one-cart created");
    assertThat(kubectl.run("get", "podchaos", "-A").ok().out()).contains("shop", "kill-one-cart");
    kubectl.run("delete", "podchaos", "kill-one-cart", "-n", "shop").ok();
  }

  @Test
  void cordonAndDrainMovePodsOffANode() {
    String node = "sandbox-node-2";
    assertThat(kubectl.run("cordon", node).ok().out()).contains("cordoned");
    assertThat(kubectl.run("get", "node", node).ok().out()).contains("Ready,SchedulingDisabled");
    try {
      kubectl
          .run("drain", node, "--ignore-daemonsets", "--delete-emptydir-data", "--timeout=60s")
          .ok();
      Eventually.await(
          SETTLE,
          () ->
              names("get", "pods", "-A", "--field-selector", "spec.nodeName=" + node, "-o", "name"),
          List::isEmpty);
      // Every workload got its pods back, on the other nodes.
      Eventually.await(
          SETTLE,
          () ->
              kubectl
                  .run(
                      "get",
                      "deploy",
                      "checkout",
                      "-n",
                      "shop",
                      "-o",
                      "jsonpath={.status.readyReplicas}")
                  .out(),
          "3"::equals);
      assertThat(
              kubectl
                  .run(
                      "get",
                      "pods",
                      "-n",
                      "shop",
                      "-l",
                      "app=checkout",
                      "-o",
                      "jsonpath={.items[*].spec.nodeName}")
                  .ok()
                  .out())
          .doesNotContain(node);
    } finally {
      kubectl.run("uncordon", node).ok();
    }
  }

  @Test
  void fieldSelectorsFilterByAnyField() {
    String pods =
        kubectl
            .run(
                "get",
                "pods",
                "-A",
                "--field-selector",
                "status.phase=Running,metadata.namespace=payments",
                "-o",
                "name")
            .ok()
            .out();
    assertThat(pods.lines())
        .isNotEmpty()
        .allMatch(l -> l.startsWith("pod/payments-api-") || l.startsWith("pod/ledger-"));
  }

  @Test
  void execSignalsChangeReadinessAndRestarts() {
    String pod =
        names("get", "pods", "-n", "shop", "-l", "app=storefront", "-o", "name").getFirst();
    assertThat(kubectl.run("exec", "-n", "shop", pod, "-c", "app", "--", "ps").ok().out())
        .contains("/usr/bin/java -jar /app/storefront.jar");

    kubectl.run("exec", "-n", "shop", pod, "-c", "app", "--", "kill", "-STOP", "1").ok();
    Eventually.await(
        SETTLE,
        () ->
            kubectl
                .run(
                    "get", "-n", "shop", pod, "-o", "jsonpath={.status.containerStatuses[0].ready}")
                .out(),
        "false"::equals);
    kubectl.run("exec", "-n", "shop", pod, "-c", "app", "--", "sh", "-c", "pkill -CONT java").ok();
    Eventually.await(
        SETTLE,
        () ->
            kubectl
                .run(
                    "get", "-n", "shop", pod, "-o", "jsonpath={.status.containerStatuses[0].ready}")
                .out(),
        "true"::equals);

    kubectl.run("exec", "-n", "shop", pod, "-c", "app", "--", "kill", "-KILL", "1").ok();
    Eventually.await(
        SETTLE,
        () ->
            kubectl
                .run(
                    "get",
                    "-n",
                    "shop",
                    pod,
                    "-o",
                    "jsonpath={.status.containerStatuses[0].restartCount}")
                .out(),
        "1"::equals);
    assertThat(
            kubectl
                .run(
                    "get",
                    "-n",
                    "shop",
                    pod,
                    "-o",
                    "jsonpath={.status.containerStatuses[0].lastState.terminated.exitCode}")
                .ok()
                .out())
        .isEqualTo("137");

    Kubectl.Result missing = kubectl.run("exec", "-n", "shop", pod, "--", "curl", "localhost");
    assertThat(missing.exit()).isNotZero();
    assertThat(missing.err()).contains("executable file not found");
  }

  @Test
  void rolloutStatusAndWaitFollowARealRollout() {
    assertThat(
            kubectl
                .run("rollout", "status", "deploy/coredns", "-n", "kube-system", "--timeout=20s")
                .ok()
                .out())
        .contains("successfully rolled out");
    kubectl
        .run(
            "set",
            "image",
            "deploy/coredns",
            "-n",
            "kube-system",
            "app=registry.faultline.dev/coredns:v2")
        .ok();
    assertThat(
            kubectl
                .run("rollout", "status", "deploy/coredns", "-n", "kube-system", "--timeout=30s")
                .ok()
                .out())
        .contains("successfully rolled out");
    assertThat(
            kubectl
                .run(
                    "get",
                    "pods",
                    "-n",
                    "kube-system",
                    "-l",
                    "app=coredns",
                    "-o",
                    "jsonpath={.items[*].spec.containers[0].image}")
                .ok()
                .out())
        .isEqualTo("registry.faultline.dev/coredns:v2 registry.faultline.dev/coredns:v2");
    String pod =
        names("get", "pods", "-n", "kube-system", "-l", "app=coredns", "-o", "name").getFirst();
    assertThat(
            kubectl
                .run("wait", "--for=condition=Ready", pod, "-n", "kube-system", "--timeout=20s")
                .ok()
                .out())
        .contains("condition met");
  }

  @Test
  void authCanIAnswersYes() {
    assertThat(kubectl.run("auth", "can-i", "delete", "pods", "-n", "shop").ok().out().strip())
        .isEqualTo("yes");
  }

  @Test
  void chaosMeshResourcesAreServed() {
    assertThat(kubectl.run("get", "podchaos", "-A").ok().err()).contains("No resources found");
    assertThat(kubectl.run("api-resources", "--api-group=chaos-mesh.org").ok().out())
        .contains("podchaos", "networkchaos", "workflows");
  }
}
