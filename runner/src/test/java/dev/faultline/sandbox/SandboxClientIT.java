package dev.faultline.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.sandbox.world.ControllerTimings;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fabric8 client, the same one Faultline uses for real clusters, against the sandbox. */
class SandboxClientIT {
  private static final Duration SETTLE = Duration.ofSeconds(20);
  @TempDir static Path dir;
  private static Sandbox sandbox;
  private static KubernetesClient client;

  @BeforeAll
  static void start() throws Exception {
    sandbox =
        Sandbox.start(
            SandboxOptions.defaults()
                .withKubeconfig(dir.resolve("kubeconfig"))
                .withTimings(ControllerTimings.FAST));
    Config config =
        Config.fromKubeconfig(
            null, Files.readString(sandbox.kubeconfig()), sandbox.kubeconfig().toString());
    client = new KubernetesClientBuilder().withConfig(config).build();
  }

  @AfterAll
  static void stop() {
    client.close();
    sandbox.close();
  }

  @Test
  void listsTheSeededWorld() {
    assertThat(client.namespaces().list().getItems())
        .extracting(n -> n.getMetadata().getName())
        .contains("shop", "payments", "monitoring", "kube-system");
    assertThat(client.nodes().list().getItems())
        .hasSizeBetween(6, 8)
        .allSatisfy(
            n ->
                assertThat(n.getMetadata().getLabels()).containsKey("topology.kubernetes.io/zone"));
    List<Pod> checkout =
        client.pods().inNamespace("shop").withLabel("app", "checkout").list().getItems();
    assertThat(checkout)
        .hasSize(3)
        .allSatisfy(
            p -> {
              assertThat(p.getMetadata().getOwnerReferences())
                  .singleElement()
                  .satisfies(o -> assertThat(o.getKind()).isEqualTo("ReplicaSet"));
              assertThat(p.getMetadata().getLabels())
                  .containsKeys("app", "tier", "version", "pod-template-hash");
              assertThat(p.getSpec().getContainers()).hasSize(2);
            });
    assertThat(
            client
                .apps()
                .statefulSets()
                .inNamespace("payments")
                .withName("ledger")
                .get()
                .getStatus()
                .getReadyReplicas())
        .isEqualTo(3);
    assertThat(client.policy().v1().podDisruptionBudget().inNamespace("shop").list().getItems())
        .isNotEmpty();
  }

  @Test
  void sameSeedSameWorld() {
    try (Sandbox other =
        Sandbox.start(
            SandboxOptions.defaults()
                .withKubeconfig(dir.resolve("other"))
                .withDemoServices(false))) {
      var config = Config.fromKubeconfig(null, Files.readString(other.kubeconfig()), null);
      try (var otherClient = new KubernetesClientBuilder().withConfig(config).build()) {
        var names =
            otherClient.pods().inNamespace("payments").list().getItems().stream()
                .map(p -> p.getMetadata().getName() + "@" + p.getSpec().getNodeName())
                .sorted()
                .toList();
        var again =
            Sandbox.start(
                SandboxOptions.defaults()
                    .withKubeconfig(dir.resolve("again"))
                    .withDemoServices(false));
        try (again;
            var againClient =
                new KubernetesClientBuilder()
                    .withConfig(
                        Config.fromKubeconfig(null, Files.readString(again.kubeconfig()), null))
                    .build()) {
          assertThat(
                  againClient.pods().inNamespace("payments").list().getItems().stream()
                      .map(p -> p.getMetadata().getName() + "@" + p.getSpec().getNodeName())
                      .sorted()
                      .toList())
              .isEqualTo(names);
        }
      }
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void websocketWatchSeesReplacement() throws Exception {
    var events = new CopyOnWriteArrayList<String>();
    try (Watch watch =
        client
            .pods()
            .inNamespace("monitoring")
            .watch(
                new Watcher<>() {
                  @Override
                  public void eventReceived(Action action, Pod pod) {
                    events.add(action + " " + pod.getMetadata().getName());
                  }

                  @Override
                  public void onClose(WatcherException cause) {}
                })) {
      Pod victim = client.pods().inNamespace("monitoring").list().getItems().getFirst();
      client.pods().inNamespace("monitoring").withName(victim.getMetadata().getName()).delete();
      Eventually.await(
          SETTLE,
          () -> List.copyOf(events),
          e ->
              e.contains("DELETED " + victim.getMetadata().getName())
                  && e.stream().anyMatch(x -> x.startsWith("ADDED prometheus-")));
    }
  }

  @Test
  void execThroughTheClientFreezesAProcess() throws Exception {
    Pod pod =
        client.pods().inNamespace("shop").withLabel("app", "cart").list().getItems().getFirst();
    var out = new ByteArrayOutputStream();
    var err = new ByteArrayOutputStream();
    try (var exec =
        client
            .pods()
            .inNamespace("shop")
            .withName(pod.getMetadata().getName())
            .inContainer("app")
            .writingOutput(out)
            .writingError(err)
            .exec("kill", "-STOP", "1")) {
      assertThat(exec.exitCode().get(10, TimeUnit.SECONDS)).isZero();
    }
    Eventually.await(
        SETTLE,
        () ->
            client
                .pods()
                .inNamespace("shop")
                .withName(pod.getMetadata().getName())
                .get()
                .getStatus()
                .getContainerStatuses()
                .getFirst()
                .getReady(),
        ready -> !ready);
    try (var exec =
        client
            .pods()
            .inNamespace("shop")
            .withName(pod.getMetadata().getName())
            .inContainer("app")
            .writingOutput(out)
            .writingError(err)
            .exec("kill", "-CONT", "1")) {
      assertThat(exec.exitCode().get(10, TimeUnit.SECONDS)).isZero();
    }
    Eventually.await(
        SETTLE,
        () ->
            client
                .pods()
                .inNamespace("shop")
                .withName(pod.getMetadata().getName())
                .get()
                .getStatus()
                .getContainerStatuses()
                .getFirst()
                .getReady(),
        ready -> ready);
    try (var exec =
        client
            .pods()
            .inNamespace("shop")
            .withName(pod.getMetadata().getName())
            .inContainer("app")
            .writingOutput(out)
            .writingError(err)
            .exec("kill", "-9", "4242")) {
      assertThat(exec.exitCode().get(10, TimeUnit.SECONDS)).isEqualTo(1);
    }
    assertThat(err.toString()).contains("No such process");
  }

  @Test
  void badInputGetsKubernetesStatusErrors() {
    assertThatThrownBy(
            () ->
                client
                    .pods()
                    .inNamespace("shop")
                    .resource(new PodBuilder().withNewMetadata().endMetadata().build())
                    .create())
        .isInstanceOf(KubernetesClientException.class)
        .satisfies(
            e ->
                assertThat(((KubernetesClientException) e).getCode())
                    .as(e.getMessage())
                    .isEqualTo(422));
    assertThatThrownBy(
            () ->
                client
                    .namespaces()
                    .resource(
                        new io.fabric8.kubernetes.api.model.NamespaceBuilder()
                            .withNewMetadata()
                            .withName("shop")
                            .endMetadata()
                            .build())
                    .create())
        .isInstanceOf(KubernetesClientException.class)
        .satisfies(
            e ->
                assertThat(((KubernetesClientException) e).getCode())
                    .as(e.getMessage())
                    .isEqualTo(409));
    assertThat(client.pods().inNamespace("shop").withName("no-such-pod").get()).isNull();
  }

  @Test
  void malformedJsonIsABadRequestNotACrash() throws Exception {
    var http = HttpClient.newHttpClient();
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(sandbox.url() + "/api/v1/namespaces/shop/pods"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"kind\": "))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("\"kind\":\"Status\"", "not valid JSON");
    assertThat(client.namespaces().withName("shop").get()).isNotNull(); // still serving
  }

  @Test
  void apiCanStopAndStartOnTheSamePort() throws Exception {
    try (Sandbox own =
        Sandbox.start(
            SandboxOptions.defaults()
                .withKubeconfig(dir.resolve("restart"))
                .withDemoServices(false))) {
      var config = Config.fromKubeconfig(null, Files.readString(own.kubeconfig()), null);
      config.setRequestTimeout(2000);
      config.setRequestRetryBackoffLimit(0);
      try (var ownClient = new KubernetesClientBuilder().withConfig(config).build()) {
        int port = own.port();
        assertThat(ownClient.pods().inAnyNamespace().list().getItems()).isNotEmpty();
        own.stopApi();
        assertThatThrownBy(() -> ownClient.pods().inAnyNamespace().list())
            .isInstanceOf(KubernetesClientException.class);
        own.startApi();
        assertThat(own.port()).isEqualTo(port);
        assertThat(ownClient.pods().inAnyNamespace().list().getItems()).isNotEmpty();
      }
    }
  }
}
