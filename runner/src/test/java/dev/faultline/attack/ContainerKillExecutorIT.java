package dev.faultline.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.cluster.AccessCheck;
import io.fabric8.kubernetes.api.model.Pod;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerKillExecutorIT {
  @TempDir static Path dir;
  private static AttackFixture cluster;
  private final ContainerKillExecutor executor = new ContainerKillExecutor();

  @BeforeAll
  static void start() throws Exception {
    cluster = AttackFixture.start(dir);
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  @Test
  void killsTheMainProcessAndTheKubeletRestartsTheContainer() throws Exception {
    AttackRequest request =
        cluster.podRequest(
            ContainerKillExecutor.ID,
            Map.of("signal", "SIGKILL"),
            "shop",
            "app=storefront",
            List.of("app"));
    List<Fault> faults = executor.prepare(request, cluster.context);
    assertThat(faults).hasSize(2);
    Fault fault = faults.getFirst();
    assertThat(fault.object().container()).isEqualTo("app");
    assertThat(fault.reversible()).isFalse();
    assertThat(fault.action())
        .isEqualTo("SIGKILL the main process (PID 1) of " + fault.object().display());
    assertThat(restarts(fault)).isZero(); // prepare changed nothing
    assertThat(executor.accessNeeds(request))
        .contains(new AccessCheck("create", "", "pods", "exec", "shop"));

    executor.apply(fault, cluster.context);

    AttackFixture.await(
        () -> cluster.pod("shop", fault.object().name()),
        p ->
            AttackFixture.container(p, "app").getRestartCount() == 1
                && AttackFixture.container(p, "app").getReady());
    Pod pod = cluster.pod("shop", fault.object().name());
    assertThat(AttackFixture.container(pod, "app").getLastState().getTerminated().getExitCode())
        .isEqualTo(137);
    assertThat(executor.status(fault, cluster.context).state())
        .isEqualTo(FaultStatus.State.RECOVERED);
    assertThat(restarts(faults.get(1))).isZero(); // the other pod was not touched
  }

  @Test
  void aPodDeletedBetweenPrepareAndApplyIsGone() throws Exception {
    AttackRequest request =
        cluster.podRequest(
            ContainerKillExecutor.ID,
            Map.of("signal", "SIGTERM"),
            "payments",
            "app=payments-api",
            List.of("app"));
    Fault fault = executor.prepare(request, cluster.context).getFirst();
    cluster
        .client
        .pods()
        .inNamespace("payments")
        .withName(fault.object().name())
        .withGracePeriod(0)
        .delete();
    AttackFixture.await(() -> cluster.pod("payments", fault.object().name()), p -> p == null);

    assertThatThrownBy(() -> executor.apply(fault, cluster.context))
        .isInstanceOf(TargetGoneException.class)
        .hasMessageContaining(fault.object().name());
    assertThat(executor.status(fault, cluster.context).state()).isEqualTo(FaultStatus.State.GONE);
  }

  private static int restarts(Fault fault) {
    return AttackFixture.container(
            cluster.pod(fault.object().namespace(), fault.object().name()), "app")
        .getRestartCount();
  }
}
