package dev.faultline.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.cluster.AccessCheck;
import dev.faultline.model.NamespacePolicy;
import dev.faultline.safety.FaultAnnotations;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestExecutorIT {
  private static final String MANIFEST =
      """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: settings
      data:
        mode: broken
      ---
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
        name: deny-cart
      spec:
        podSelector:
          matchLabels: {app: cart}
        policyTypes: [Ingress]
      """;

  @TempDir static Path dir;
  private static AttackFixture cluster;
  private final ManifestExecutor executor = new ManifestExecutor();

  @BeforeAll
  static void start() throws Exception {
    cluster = AttackFixture.start(dir);
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  @Test
  void createsAndUpdatesThenDeletesAndRestores() throws Exception {
    createSettings("shop");
    AttackRequest request = request(MANIFEST, "shop", NamespacePolicy.DEFAULT);

    List<Fault> faults = executor.prepare(request, cluster.context);

    assertThat(faults)
        .extracting(Fault::action)
        .containsExactly(
            "update ConfigMap shop/settings (restored on rollback)",
            "create NetworkPolicy shop/deny-cart (deleted on rollback)");
    assertThat(faults.get(1).object())
        .isEqualTo(new ObjectRef("networking.k8s.io/v1", "NetworkPolicy", "shop", "deny-cart", ""));
    assertThat(policy("shop")).isNull(); // prepare changed nothing
    assertThat(settings("shop").getData()).containsEntry("mode", "normal");
    assertThat(executor.accessNeeds(request))
        .contains(
            AccessCheck.of("create", "networking.k8s.io", "networkpolicies", "shop"),
            AccessCheck.of("patch", "", "configmaps", "shop"),
            AccessCheck.of("delete", "", "configmaps", "shop"));

    for (Fault fault : faults) {
      executor.apply(fault, cluster.context);
    }

    ConfigMap changed = settings("shop");
    assertThat(changed.getData()).containsEntry("mode", "broken");
    assertThat(changed.getMetadata().getLabels()).containsEntry("keep", "yes");
    assertThat(FaultMarks.read(changed.getMetadata().getAnnotations()))
        .containsExactly(faults.get(0));
    NetworkPolicy created = policy("shop");
    assertThat(created.getMetadata().getLabels())
        .containsEntry(FaultAnnotations.CREATED_BY_RUN, "run-1");
    assertThat(FaultMarks.read(created.getMetadata().getAnnotations()))
        .containsExactly(faults.get(1));
    assertThat(executor.status(faults.get(1), cluster.context).state())
        .isEqualTo(FaultStatus.State.ACTIVE);

    for (Fault fault : faults.reversed()) {
      executor.rollback(fault, cluster.context);
      executor.rollback(AttackFixture.roundTrip(fault), cluster.context);
    }

    assertThat(policy("shop")).isNull();
    ConfigMap restored = settings("shop");
    assertThat(restored.getData()).isEqualTo(Map.of("mode", "normal"));
    assertThat(restored.getMetadata().getLabels()).isEqualTo(Map.of("keep", "yes"));
    assertThat(restored.getMetadata().getAnnotations())
        .doesNotContainKeys(FaultAnnotations.FAULT, FaultAnnotations.RUN_ID);
    assertThat(executor.status(faults.get(1), cluster.context).state())
        .isEqualTo(FaultStatus.State.GONE);
  }

  @Test
  void leavesAloneWhatOthersCreatedOrDeletedAfterPrepare() throws Exception {
    createSettings("payments");
    List<Fault> faults =
        executor.prepare(request(MANIFEST, "payments", NamespacePolicy.DEFAULT), cluster.context);
    cluster.client.configMaps().inNamespace("payments").withName("settings").delete();
    AttackFixture.await(() -> settings("payments"), c -> c == null);
    cluster
        .client
        .network()
        .v1()
        .networkPolicies()
        .inNamespace("payments")
        .resource(
            new io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder()
                .withNewMetadata()
                .withName("deny-cart")
                .endMetadata()
                .withNewSpec()
                .withNewPodSelector()
                .endPodSelector()
                .endSpec()
                .build())
        .create();

    assertThatThrownBy(() -> executor.apply(faults.get(0), cluster.context))
        .isInstanceOf(TargetGoneException.class)
        .hasMessageContaining("ConfigMap payments/settings is gone");
    assertThatThrownBy(() -> executor.apply(faults.get(1), cluster.context))
        .isInstanceOf(AttackException.class)
        .hasMessageContaining(
            "NetworkPolicy payments/deny-cart was created by someone else after prepare");
    for (Fault fault : faults) {
      executor.rollback(fault, cluster.context);
    }
    assertThat(policy("payments")).isNotNull(); // not ours: not deleted
    assertThat(settings("payments")).isNull(); // gone counts as rolled back
  }

  @Test
  void refusesObjectsOutsideThePolicyWithoutANamespaceOrOfUnknownKinds() {
    assertThatThrownBy(
            () ->
                executor.prepare(
                    request(MANIFEST, "kube-system", NamespacePolicy.DEFAULT), cluster.context))
        .hasMessageContaining("document 1 (line 1): namespace kube-system is not permitted");
    assertThatThrownBy(
            () ->
                executor.prepare(request(MANIFEST, null, NamespacePolicy.DEFAULT), cluster.context))
        .hasMessageContaining(
            "document 1 (line 1): ConfigMap settings names no namespace; set metadata.namespace or"
                + " the step's 'namespace'");
    assertThatThrownBy(
            () ->
                executor.prepare(
                    request(
                        "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n",
                        "shop",
                        NamespacePolicy.DEFAULT),
                    cluster.context))
        .hasMessageContaining("the cluster does not serve kind Widget in example.com/v1");
  }

  @Test
  void rollbackAsksForARetryWhileTheApiIsDown() throws Exception {
    Fault fault =
        executor
            .prepare(request(MANIFEST, "monitoring", NamespacePolicy.DEFAULT), cluster.context)
            .get(1);
    executor.apply(fault, cluster.context);

    cluster.assertRollbackRetryableWhileApiIsDown(executor, fault);

    executor.rollback(fault, cluster.context);
    assertThat(policy("monitoring")).isNull();
  }

  private static AttackRequest request(String manifest, String namespace, NamespacePolicy policy) {
    var with = new java.util.LinkedHashMap<String, Object>();
    with.put("manifest", manifest);
    if (namespace != null) {
      with.put("namespace", namespace);
    }
    return AttackFixture.request(ManifestExecutor.ID, with, null, null, null, policy);
  }

  private static void createSettings(String namespace) {
    cluster
        .client
        .configMaps()
        .inNamespace(namespace)
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("settings")
                .addToLabels("keep", "yes")
                .endMetadata()
                .addToData("mode", "normal")
                .build())
        .create();
  }

  private static ConfigMap settings(String namespace) {
    return cluster.client.configMaps().inNamespace(namespace).withName("settings").get();
  }

  private static NetworkPolicy policy(String namespace) {
    return cluster
        .client
        .network()
        .v1()
        .networkPolicies()
        .inNamespace(namespace)
        .withName("deny-cart")
        .get();
  }
}
