package dev.faultline.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.safety.FaultAnnotations;
import io.fabric8.kubernetes.api.model.Pod;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessSignalExecutorIT {
  @TempDir static Path dir;
  private static AttackFixture cluster;
  private final ProcessSignalExecutor executor = new ProcessSignalExecutor();

  @BeforeAll
  static void start() throws Exception {
    cluster = AttackFixture.start(dir);
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  @Test
  void sigstopFreezesTheMatchingProcessAndRollbackContinuesIt() throws Exception {
    List<Fault> faults = freeze("app=checkout");
    Fault app =
        faults.stream().filter(f -> f.object().container().equals("app")).findFirst().orElseThrow();
    Fault sidecar =
        faults.stream()
            .filter(f -> !f.object().container().equals("app"))
            .findFirst()
            .orElseThrow();
    String pod = app.object().name();
    assertThat(sidecar.object().name()).isEqualTo(pod);
    assertThat(app.reversible()).isTrue();
    assertThat(app.action())
        .isEqualTo("SIGSTOP processes matching /java/ in Pod shop/" + pod + " [app]");
    assertThat(ready(pod, "app")).isTrue(); // prepare changed nothing
    assertThat(cluster.pod("shop", pod).getMetadata().getAnnotations())
        .doesNotContainKey(FaultAnnotations.FAULT);

    executor.apply(app, cluster.context);
    executor.apply(sidecar, cluster.context); // nothing matches in the sidecar: no error

    AttackFixture.await(() -> ready(pod, "app"), r -> !r);
    assertThat(ready(pod, sidecar.object().container())).isTrue();
    Map<String, String> annotations = cluster.pod("shop", pod).getMetadata().getAnnotations();
    assertThat(annotations).containsEntry(FaultAnnotations.RUN_ID, "run-1");
    assertThat(FaultMarks.read(annotations)).containsExactly(app, sidecar);
    assertThat(executor.status(app, cluster.context).state()).isEqualTo(FaultStatus.State.ACTIVE);

    executor.rollback(app, cluster.context);
    executor.rollback(app, cluster.context); // idempotent
    AttackFixture.await(() -> ready(pod, "app"), r -> r);
    assertThat(FaultMarks.read(cluster.pod("shop", pod).getMetadata().getAnnotations()))
        .containsExactly(sidecar);

    executor.rollback(AttackFixture.roundTrip(sidecar), cluster.context);
    assertThat(cluster.pod("shop", pod).getMetadata().getAnnotations())
        .doesNotContainKeys(FaultAnnotations.FAULT, FaultAnnotations.RUN_ID);
  }

  @Test
  void rollbackWorksFromACopyOfTheFaultAsAfterACrash() throws Exception {
    Fault fault = freeze("app=catalog").getFirst();
    executor.apply(fault, cluster.context);
    AttackFixture.await(() -> ready(fault.object().name(), "app"), r -> !r);

    executor.rollback(AttackFixture.roundTrip(fault), cluster.context);

    AttackFixture.await(() -> ready(fault.object().name(), "app"), r -> r);
    assertThat(
            FaultMarks.read(
                cluster.pod("shop", fault.object().name()).getMetadata().getAnnotations()))
        .isEmpty();
  }

  @Test
  void aVanishedPodIsGoneAndItsRollbackSucceeds() throws Exception {
    Fault before = freeze("app=storefront").getFirst();
    delete(before);
    assertThatThrownBy(() -> executor.apply(before, cluster.context))
        .isInstanceOf(TargetGoneException.class)
        .hasMessageContaining("Pod shop/" + before.object().name() + " is gone");
    executor.rollback(before, cluster.context);

    Fault after = freeze("app=storefront").getFirst();
    executor.apply(after, cluster.context);
    delete(after);
    assertThat(executor.status(after, cluster.context).state()).isEqualTo(FaultStatus.State.GONE);
    executor.rollback(after, cluster.context);
    executor.rollback(after, cluster.context);
  }

  @Test
  void rollbackAsksForARetryWhileTheApiIsDown() throws Exception {
    Fault fault = freeze("app=prometheus", "monitoring").getFirst();
    executor.apply(fault, cluster.context);

    cluster.assertRollbackRetryableWhileApiIsDown(executor, fault);

    executor.rollback(fault, cluster.context);
    AttackFixture.await(() -> ready(fault.object().name(), "app", "monitoring"), r -> r);
  }

  @Test
  void sigkillRestartsTheContainerAndIsNotReversible() throws Exception {
    AttackRequest request =
        cluster.podRequest(
            ProcessSignalExecutor.ID,
            Map.of("signal", "SIGKILL", "process", "java"),
            "payments",
            "app=ledger",
            List.of("app"));
    Fault fault = executor.prepare(request, cluster.context).getFirst();
    assertThat(fault.reversible()).isFalse();

    executor.apply(fault, cluster.context);

    AttackFixture.await(
        () -> cluster.pod("payments", fault.object().name()),
        p -> AttackFixture.container(p, "app").getRestartCount() == 1);
    assertThat(cluster.pod("payments", fault.object().name()).getMetadata().getAnnotations())
        .doesNotContainKey(FaultAnnotations.FAULT);
  }

  private List<Fault> freeze(String labels) throws AttackException {
    return freeze(labels, "shop");
  }

  private List<Fault> freeze(String labels, String namespace) throws AttackException {
    AttackRequest request =
        cluster.podRequest(
            ProcessSignalExecutor.ID,
            Map.of("signal", "SIGSTOP", "process", "java"),
            namespace,
            labels,
            List.of("app", "side.*", "istio.*", "log.*", "config.*"));
    return executor.prepare(request, cluster.context);
  }

  private static void delete(Fault fault) {
    cluster
        .client
        .pods()
        .inNamespace(fault.object().namespace())
        .withName(fault.object().name())
        .withGracePeriod(0)
        .delete();
    AttackFixture.await(
        () -> cluster.pod(fault.object().namespace(), fault.object().name()), p -> p == null);
  }

  private static boolean ready(String pod, String container) {
    return ready(pod, container, "shop");
  }

  private static boolean ready(String pod, String container, String namespace) {
    Pod found = cluster.pod(namespace, pod);
    return Boolean.TRUE.equals(AttackFixture.container(found, container).getReady());
  }
}
