package dev.faultline.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.cluster.AccessCheck;
import dev.faultline.model.Extras;
import dev.faultline.model.NamespacePolicy;
import dev.faultline.model.Target;
import dev.faultline.model.TargetKind;
import dev.faultline.safety.FaultAnnotations;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScaleExecutorIT {
  @TempDir static Path dir;
  private static AttackFixture cluster;
  private final ScaleExecutor executor = new ScaleExecutor();

  @BeforeAll
  static void start() throws Exception {
    cluster = AttackFixture.start(dir);
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  @Test
  void scalesTheDeploymentAndRollbackRestoresTheReplicaCount() throws Exception {
    AttackRequest request =
        request(
            TargetKind.DEPLOYMENT,
            List.of("shop"),
            null,
            "app=cart",
            null,
            1,
            NamespacePolicy.DEFAULT);
    List<Fault> faults = executor.prepare(request, cluster.context);
    assertThat(faults).singleElement();
    Fault fault = faults.getFirst();
    assertThat(fault.object())
        .isEqualTo(new ObjectRef("apps/v1", "Deployment", "shop", "cart", ""));
    assertThat(fault.action()).isEqualTo("scale Deployment shop/cart from 3 to 1 replicas");
    assertThat(fault.reversible()).isTrue();
    assertThat(replicas("shop", "cart")).isEqualTo(3); // prepare changed nothing
    assertThat(executor.accessNeeds(request))
        .contains(AccessCheck.of("patch", "apps", "deployments", "shop"));

    executor.apply(fault, cluster.context);

    assertThat(replicas("shop", "cart")).isEqualTo(1);
    AttackFixture.await(() -> runningPods("shop", "app=cart"), n -> n == 1);
    Map<String, String> annotations = annotations("shop", "cart");
    assertThat(annotations).containsEntry(FaultAnnotations.RUN_ID, "run-1");
    assertThat(FaultMarks.read(annotations)).containsExactly(fault);
    assertThat(executor.status(fault, cluster.context).state()).isEqualTo(FaultStatus.State.ACTIVE);

    executor.rollback(fault, cluster.context);
    executor.rollback(fault, cluster.context);

    assertThat(replicas("shop", "cart")).isEqualTo(3);
    assertThat(annotations("shop", "cart"))
        .doesNotContainKeys(FaultAnnotations.RUN_ID, FaultAnnotations.FAULT);
    AttackFixture.await(() -> runningPods("shop", "app=cart"), n -> n == 3);
  }

  @Test
  void scalesAStatefulSetAndRollsBackFromACopyOfTheFault() throws Exception {
    AttackRequest request =
        request(
            TargetKind.STATEFUL_SET,
            List.of("payments"),
            null,
            null,
            "ledger",
            0,
            NamespacePolicy.DEFAULT);
    Fault fault = executor.prepare(request, cluster.context).getFirst();
    assertThat(fault.object().kind()).isEqualTo("StatefulSet");

    executor.apply(fault, cluster.context);
    assertThat(
            cluster
                .client
                .apps()
                .statefulSets()
                .inNamespace("payments")
                .withName("ledger")
                .get()
                .getSpec()
                .getReplicas())
        .isZero();

    executor.rollback(AttackFixture.roundTrip(fault), cluster.context);
    assertThat(
            cluster
                .client
                .apps()
                .statefulSets()
                .inNamespace("payments")
                .withName("ledger")
                .get()
                .getSpec()
                .getReplicas())
        .isEqualTo(3);
  }

  @Test
  void resolvesByNamespacePatternAndNameHonouringTheNamespacePolicy() throws Exception {
    var policy = new NamespacePolicy(List.of(), List.of("payments", "kube-system"), Extras.NONE);
    AttackRequest request =
        request(
            TargetKind.DEPLOYMENT,
            List.of(),
            "shop|payments|kube-system",
            null,
            "ca.*|payments-api|coredns",
            2,
            policy);

    List<Fault> faults = executor.prepare(request, cluster.context);

    assertThat(faults)
        .extracting(f -> f.object().namespace() + "/" + f.object().name())
        .containsExactly("shop/cart", "shop/catalog");
    assertThat(executor.accessNeeds(request))
        .contains(AccessCheck.of("list", "", "namespaces", ""));
  }

  @Test
  void aDeploymentDeletedBetweenPrepareAndApplyIsGone() throws Exception {
    AttackRequest request =
        request(
            TargetKind.DEPLOYMENT,
            List.of("monitoring"),
            null,
            null,
            "prometheus",
            0,
            NamespacePolicy.DEFAULT);
    Fault fault = executor.prepare(request, cluster.context).getFirst();
    cluster.client.apps().deployments().inNamespace("monitoring").withName("prometheus").delete();
    AttackFixture.await(
        () ->
            cluster
                .client
                .apps()
                .deployments()
                .inNamespace("monitoring")
                .withName("prometheus")
                .get(),
        d -> d == null);

    assertThatThrownBy(() -> executor.apply(fault, cluster.context))
        .isInstanceOf(TargetGoneException.class)
        .hasMessageContaining("Deployment monitoring/prometheus is gone");
    assertThat(executor.status(fault, cluster.context).state()).isEqualTo(FaultStatus.State.GONE);
    executor.rollback(fault, cluster.context);
  }

  @Test
  void rollbackAsksForARetryWhileTheApiIsDown() throws Exception {
    AttackRequest request =
        request(
            TargetKind.DEPLOYMENT,
            List.of("shop"),
            null,
            "app=storefront",
            null,
            0,
            NamespacePolicy.DEFAULT);
    Fault fault = executor.prepare(request, cluster.context).getFirst();
    executor.apply(fault, cluster.context);

    cluster.assertRollbackRetryableWhileApiIsDown(executor, fault);

    executor.rollback(fault, cluster.context);
    assertThat(replicas("shop", "storefront")).isEqualTo(2);
  }

  private static AttackRequest request(
      TargetKind kind,
      List<String> namespaces,
      String pattern,
      String labels,
      String name,
      int replicas,
      NamespacePolicy policy) {
    var target =
        new Target(
            kind,
            namespaces,
            pattern,
            labels,
            null,
            null,
            List.of(),
            null,
            null,
            name,
            List.of(),
            null,
            Extras.NONE);
    return AttackFixture.request(
        ScaleExecutor.ID, Map.of("replicas", replicas), "workload", target, null, policy);
  }

  private static int replicas(String namespace, String name) {
    return cluster
        .client
        .apps()
        .deployments()
        .inNamespace(namespace)
        .withName(name)
        .get()
        .getSpec()
        .getReplicas();
  }

  private static Map<String, String> annotations(String namespace, String name) {
    Map<String, String> annotations =
        cluster
            .client
            .apps()
            .deployments()
            .inNamespace(namespace)
            .withName(name)
            .get()
            .getMetadata()
            .getAnnotations();
    return annotations == null ? Map.of() : annotations;
  }

  private static long runningPods(String namespace, String labels) {
    return cluster
        .client
        .pods()
        .inNamespace(namespace)
        .withLabelSelector(labels)
        .list()
        .getItems()
        .stream()
        .filter(p -> p.getMetadata().getDeletionTimestamp() == null)
        .count();
  }
}
