package dev.faultline.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.cluster.AccessCheck;
import io.fabric8.kubernetes.api.model.Pod;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PodDeleteExecutorIT {
  @TempDir static Path dir;
  private static AttackFixture cluster;
  private final PodDeleteExecutor executor = new PodDeleteExecutor();

  @BeforeAll
  static void start() throws Exception {
    cluster = AttackFixture.start(dir);
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  @Test
  void preparesOneFaultPerPodWithoutTouchingThem() throws Exception {
    AttackRequest request =
        cluster.podRequest(
            PodDeleteExecutor.ID, Map.of("gracePeriod", "0s"), "shop", "app=catalog", List.of());
    Set<String> before = uids("app=catalog");

    List<Fault> faults = executor.prepare(request, cluster.context);

    assertThat(faults).hasSize(2);
    assertThat(faults)
        .allSatisfy(
            f -> {
              assertThat(f.reversible()).isFalse();
              assertThat(f.object().kind()).isEqualTo("Pod");
              assertThat(f.action()).startsWith("delete Pod shop/catalog-");
              assertThat(f.id()).startsWith("step#");
              assertThat(f.runId()).isEqualTo("run-1");
            });
    assertThat(uids("app=catalog")).isEqualTo(before);
    assertThat(executor.accessNeeds(request))
        .contains(AccessCheck.of("delete", "", "pods", "shop"));
  }

  @Test
  void applyDeletesThePodsAndTheirControllerReplacesThem() throws Exception {
    AttackRequest request =
        cluster.podRequest(PodDeleteExecutor.ID, Map.of(), "shop", "app=cart", List.of());
    Set<String> before = uids("app=cart");
    List<Fault> faults = executor.prepare(request, cluster.context);

    for (Fault fault : faults) {
      executor.apply(fault, cluster.context);
    }

    AttackFixture.await(
        () -> uids("app=cart"), now -> now.size() == 3 && now.stream().noneMatch(before::contains));
    for (Fault fault : faults) {
      assertThat(executor.status(fault, cluster.context).state()).isEqualTo(FaultStatus.State.GONE);
      executor.rollback(fault, cluster.context); // nothing to undo, no error
    }
  }

  @Test
  void aPodDeletedBetweenPrepareAndApplyIsGone() throws Exception {
    AttackRequest request =
        cluster.podRequest(
            PodDeleteExecutor.ID, Map.of(), "monitoring", "app=prometheus", List.of());
    Fault fault = executor.prepare(request, cluster.context).getFirst();
    cluster
        .client
        .pods()
        .inNamespace("monitoring")
        .withName(fault.object().name())
        .withGracePeriod(0)
        .delete();
    AttackFixture.await(() -> cluster.pod("monitoring", fault.object().name()), p -> p == null);

    assertThatThrownBy(() -> executor.apply(fault, cluster.context))
        .isInstanceOf(TargetGoneException.class)
        .hasMessageContaining("Pod monitoring/" + fault.object().name() + " is gone");
    assertThat(executor.status(fault, cluster.context).state()).isEqualTo(FaultStatus.State.GONE);
  }

  private static Set<String> uids(String labels) {
    return cluster
        .client
        .pods()
        .inNamespace("shop")
        .withLabelSelector(labels)
        .list()
        .getItems()
        .stream()
        .filter(p -> p.getMetadata().getDeletionTimestamp() == null)
        .map(Pod::getMetadata)
        .map(m -> m.getUid())
        .collect(Collectors.toSet());
  }
}
