package dev.faultline.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.model.BlastRadius;
import dev.faultline.model.Extras;
import dev.faultline.model.NamespacePolicy;
import dev.faultline.model.Target;
import dev.faultline.model.TargetKind;
import dev.faultline.safety.FaultAnnotations;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeDrainExecutorIT {
  @TempDir static Path dir;
  private static AttackFixture cluster;
  private final NodeDrainExecutor executor =
      new NodeDrainExecutor(Duration.ofSeconds(15), Duration.ofMillis(100));

  @BeforeAll
  static void start() throws Exception {
    cluster = AttackFixture.start(dir);
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  @Test
  void cordonsEvictsAndRollbackUncordons() throws Exception {
    String node = nodeWithMostPods();
    List<Pod> before = evictable(node);
    assertThat(before).isNotEmpty();
    List<Fault> faults = executor.prepare(request(node, Map.of()), cluster.context);
    assertThat(faults).singleElement();
    Fault fault = faults.getFirst();
    assertThat(fault.object()).isEqualTo(new ObjectRef("v1", "Node", "", node, ""));
    assertThat(fault.action())
        .startsWith("cordon and drain Node " + node + ": evict " + before.size() + " pods");
    assertThat(cordoned(node)).isFalse(); // prepare changed nothing
    assertThat(evictable(node)).hasSameSizeAs(before);

    executor.apply(fault, cluster.context);

    assertThat(cordoned(node)).isTrue();
    AttackFixture.await(() -> evictable(node), List::isEmpty);
    assertThat(
            FaultMarks.read(
                cluster.client.nodes().withName(node).get().getMetadata().getAnnotations()))
        .containsExactly(fault);
    assertThat(executor.status(fault, cluster.context))
        .isEqualTo(FaultStatus.active("cordoned; no pods left to evict"));
    // Evicted pods came back elsewhere: the scheduler skips the cordoned node.
    AttackFixture.await(() -> runningElsewhere(node, "app=checkout"), n -> n == 3);

    executor.rollback(fault, cluster.context);
    executor.rollback(AttackFixture.roundTrip(fault), cluster.context);

    assertThat(cordoned(node)).isFalse();
    assertThat(cluster.client.nodes().withName(node).get().getMetadata().getAnnotations())
        .doesNotContainKeys(FaultAnnotations.FAULT, FaultAnnotations.RUN_ID);
  }

  @Test
  void podsABudgetProtectsStayAndStatusNamesThem() throws Exception {
    var budget =
        new PodDisruptionBudgetBuilder()
            .withNewMetadata()
            .withName("catalog-all")
            .withNamespace("shop")
            .endMetadata()
            .withNewSpec()
            .withMinAvailable(new IntOrString(2))
            .withNewSelector()
            .addToMatchLabels("app", "catalog")
            .endSelector()
            .endSpec()
            .build();
    cluster
        .client
        .policy()
        .v1()
        .podDisruptionBudget()
        .inNamespace("shop")
        .resource(budget)
        .create();
    var impatient = new NodeDrainExecutor(Duration.ofMillis(300), Duration.ofMillis(100));
    try {
      // The sandbox checks budgets live on each eviction.
      Pod catalog =
          cluster
              .client
              .pods()
              .inNamespace("shop")
              .withLabel("app", "catalog")
              .list()
              .getItems()
              .getFirst();
      String node = catalog.getSpec().getNodeName();
      Fault fault = impatient.prepare(request(node, Map.of()), cluster.context).getFirst();

      impatient.apply(fault, cluster.context);

      assertThat(cluster.pod("shop", catalog.getMetadata().getName())).isNotNull();
      FaultStatus status = impatient.status(fault, cluster.context);
      assertThat(status.state()).isEqualTo(FaultStatus.State.ACTIVE);
      assertThat(status.message()).contains("shop/" + catalog.getMetadata().getName());
      impatient.rollback(fault, cluster.context);
      assertThat(cordoned(node)).isFalse();
    } finally {
      cluster
          .client
          .policy()
          .v1()
          .podDisruptionBudget()
          .inNamespace("shop")
          .withName("catalog-all")
          .delete();
    }
  }

  @Test
  void aNodeCordonedBeforeStaysCordonedAfterRollback() throws Exception {
    String node = cluster.client.nodes().list().getItems().getLast().getMetadata().getName();
    cluster
        .client
        .nodes()
        .withName(node)
        .edit(
            n -> {
              n.getSpec().setUnschedulable(true);
              return n;
            });
    try {
      Fault fault = executor.prepare(request(node, Map.of()), cluster.context).getFirst();
      assertThat(fault.action()).startsWith("drain already cordoned Node " + node);
      executor.apply(fault, cluster.context);
      executor.rollback(fault, cluster.context);
      assertThat(cordoned(node)).isTrue();
      assertThat(cluster.client.nodes().withName(node).get().getMetadata().getAnnotations())
          .doesNotContainKey(FaultAnnotations.FAULT);
    } finally {
      cluster
          .client
          .nodes()
          .withName(node)
          .edit(
              n -> {
                n.getSpec().setUnschedulable(null);
                return n;
              });
    }
  }

  @Test
  void refusesEmptyDirDataUnlessAllowed() throws Exception {
    String node = cluster.client.nodes().list().getItems().getFirst().getMetadata().getName();
    Pod scratch =
        new PodBuilder()
            .withNewMetadata()
            .withName("scratch")
            .withNamespace("default")
            .endMetadata()
            .withNewSpec()
            .withNodeName(node)
            .addNewContainer()
            .withName("app")
            .withImage("busybox")
            .endContainer()
            .addNewVolume()
            .withName("tmp")
            .withNewEmptyDir()
            .endEmptyDir()
            .endVolume()
            .endSpec()
            .build();
    cluster.client.pods().inNamespace("default").resource(scratch).create();
    try {
      assertThatThrownBy(() -> executor.prepare(request(node, Map.of()), cluster.context))
          .isInstanceOf(AttackException.class)
          .hasMessageContaining("cannot drain Node " + node)
          .hasMessageContaining("default/scratch use emptyDir volumes")
          .hasMessageContaining("deleteEmptyDirData: true");
      assertThat(
              executor.prepare(request(node, Map.of("deleteEmptyDirData", true)), cluster.context))
          .singleElement();
      assertThat(cordoned(node)).isFalse();
    } finally {
      cluster.client.pods().inNamespace("default").withName("scratch").withGracePeriod(0).delete();
    }
  }

  @Test
  void rollbackAsksForARetryWhileTheApiIsDown() throws Exception {
    String node = cluster.client.nodes().list().getItems().get(1).getMetadata().getName();
    Fault fault =
        executor.prepare(request(node, Map.of("gracePeriod", "0s")), cluster.context).getFirst();
    executor.apply(fault, cluster.context);

    cluster.assertRollbackRetryableWhileApiIsDown(executor, fault);

    executor.rollback(fault, cluster.context);
    assertThat(cordoned(node)).isFalse();
  }

  private static AttackRequest request(String node, Map<String, Object> with) {
    var target =
        new Target(
            TargetKind.NODE,
            List.of(),
            null,
            null,
            null,
            null,
            List.of(),
            null,
            null,
            node,
            List.of(),
            BlastRadius.ALL,
            Extras.NONE);
    return AttackFixture.request(
        NodeDrainExecutor.ID, with, "worker", target, null, NamespacePolicy.DEFAULT);
  }

  private static String nodeWithMostPods() {
    String best = null;
    int most = -1;
    for (Node node : cluster.client.nodes().list().getItems()) {
      int count = evictable(node.getMetadata().getName()).size();
      if (count > most) {
        most = count;
        best = node.getMetadata().getName();
      }
    }
    return best;
  }

  /** Pods on the node outside the default-denied system namespaces, not terminating. */
  private static List<Pod> evictable(String node) {
    return cluster
        .client
        .pods()
        .inAnyNamespace()
        .withField("spec.nodeName", node)
        .list()
        .getItems()
        .stream()
        .filter(p -> !NamespacePolicy.DEFAULT_DENY.contains(p.getMetadata().getNamespace()))
        .filter(p -> p.getMetadata().getDeletionTimestamp() == null)
        .toList();
  }

  private static long runningElsewhere(String node, String labels) {
    return cluster
        .client
        .pods()
        .inNamespace("shop")
        .withLabelSelector(labels)
        .list()
        .getItems()
        .stream()
        .filter(p -> p.getMetadata().getDeletionTimestamp() == null)
        .filter(p -> p.getSpec().getNodeName() != null && !p.getSpec().getNodeName().equals(node))
        .filter(p -> "Running".equals(p.getStatus().getPhase()))
        .count();
  }

  private static boolean cordoned(String node) {
    return Boolean.TRUE.equals(
        cluster.client.nodes().withName(node).get().getSpec().getUnschedulable());
  }
}
