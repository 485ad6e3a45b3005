package dev.faultline.cluster.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.sandbox.Sandbox;
import dev.faultline.sandbox.SandboxOptions;
import dev.faultline.sandbox.world.ControllerTimings;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live snapshot against the sandbox: sync, events, scope, outage and recovery. */
class LiveSnapshotIT {
  @TempDir Path dir;
  private Sandbox sandbox;
  private KubernetesClient client;

  @BeforeEach
  void start() throws Exception {
    sandbox =
        Sandbox.start(
            SandboxOptions.defaults()
                .withKubeconfig(dir.resolve("kc"))
                .withDemoServices(false)
                .withTimings(ControllerTimings.FAST));
    Config config = Config.fromKubeconfig(null, Files.readString(sandbox.kubeconfig()), null);
    config.setRequestRetryBackoffLimit(0);
    client = new KubernetesClientBuilder().withConfig(config).build();
  }

  @AfterEach
  void stop() {
    client.close();
    sandbox.close();
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) throw new AssertionError("not reached: " + what);
      Thread.sleep(20);
    }
  }

  @Test
  void syncsOnlyTheRequestedNamespacesWithCompactViews() throws Exception {
    try (var snapshot = LiveSnapshot.start(client, Set.of("shop", "payments"), Clock.systemUTC())) {
      assertThat(snapshot.awaitSynced(Duration.ofSeconds(20))).isTrue();
      assertThat(snapshot.state().phase()).isEqualTo(SnapshotState.Phase.LIVE);
      int expected =
          client.pods().inNamespace("shop").list().getItems().size()
              + client.pods().inNamespace("payments").list().getItems().size();
      assertThat(snapshot.pods())
          .hasSize(expected)
          .allMatch(p -> Set.of("shop", "payments").contains(p.namespace()));
      PodView checkout =
          snapshot.pods().stream()
              .filter(p -> p.name().startsWith("checkout-"))
              .findFirst()
              .orElseThrow();
      assertThat(checkout.workloadKind()).isEqualTo("Deployment");
      assertThat(checkout.workloadName()).isEqualTo("checkout");
      assertThat(checkout.ownerKind()).isEqualTo("ReplicaSet");
      assertThat(checkout.containers())
          .extracting(ContainerView::name)
          .containsExactly("app", "istio-proxy");
      assertThat(checkout.ready()).isTrue();
      assertThat(snapshot.pods())
          .filteredOn(p -> p.name().startsWith("ledger-"))
          .allMatch(p -> p.workloadKind().equals("StatefulSet"));
      assertThat(snapshot.nodes())
          .hasSizeBetween(6, 8)
          .allMatch(n -> n.labels().containsKey("topology.kubernetes.io/zone"));
      assertThat(snapshot.budgets("shop")).extracting(BudgetView::name).contains("checkout");
    }
  }

  @Test
  void followsDeletionsReplacementsAndReadiness() throws Exception {
    try (var snapshot = LiveSnapshot.start(client, Set.of("shop"), Clock.systemUTC())) {
      assertThat(snapshot.awaitSynced(Duration.ofSeconds(20))).isTrue();
      String victim =
          client
              .pods()
              .inNamespace("shop")
              .withLabel("app", "cart")
              .list()
              .getItems()
              .getFirst()
              .getMetadata()
              .getName();
      long before = snapshot.version();
      client.pods().inNamespace("shop").withName(victim).delete();
      await(
          () -> snapshot.pods().stream().noneMatch(p -> p.name().equals(victim)), "deletion seen");
      assertThat(snapshot.version()).isGreaterThan(before);
      await(
          () ->
              snapshot.pods().stream()
                      .filter(p -> p.workloadName().equals("cart") && p.ready())
                      .count()
                  == 3,
          "replacement ready");
    }
  }

  @Test
  void goesStaleDuringAnOutageAndCatchesUpAfterIt() throws Exception {
    try (var snapshot = LiveSnapshot.start(client, Set.of("monitoring"), Clock.systemUTC())) {
      assertThat(snapshot.awaitSynced(Duration.ofSeconds(20))).isTrue();
      long relists = snapshot.relists();
      String victim = snapshot.pods().iterator().next().name();
      sandbox.stopApi();
      await(() -> snapshot.state().phase() == SnapshotState.Phase.STALE, "stale");
      assertThat(snapshot.state().message()).isNotEmpty();
      // The world changes while the API is down: the controller replaces the deleted pod.
      new dev.faultline.sandbox.world.ClusterView(sandbox.store())
          .delete("v1", "pods", "monitoring", victim);
      sandbox.startApi();
      await(() -> snapshot.state().phase() == SnapshotState.Phase.LIVE, "live again");
      await(
          () ->
              snapshot.pods().stream().noneMatch(p -> p.name().equals(victim))
                  && snapshot.pods().size() == 1,
          "caught up: " + snapshot);
      assertThat(snapshot.relists()).isGreaterThan(relists);
    }
  }
}
