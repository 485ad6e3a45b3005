package dev.faultline.attack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.catalog.Catalog;
import dev.faultline.catalog.Descriptor.Role;
import dev.faultline.cluster.AccessCheck;
import dev.faultline.model.Extras;
import dev.faultline.model.NamespacePolicy;
import dev.faultline.model.Target;
import dev.faultline.model.TargetKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AttackExecutorsTest {
  private final AttackExecutors executors = AttackExecutors.builtIn();

  @Test
  void registersAnExecutorForEveryKubernetesAndProcessAttack() {
    assertThat(executors.all())
        .extracting(AttackExecutor::attackId)
        .containsExactlyInAnyOrder(
            "k8s.pod.delete",
            "k8s.container.kill",
            "process.signal",
            "k8s.deployment.scale",
            "k8s.node.drain",
            "k8s.manifest",
            "mesh.istio.fault",
            "chaosmesh.network",
            "chaosmesh.stress",
            "chaosmesh.http",
            "chaosmesh.io",
            "chaosmesh.dns",
            "chaosmesh.time");
    assertThat(Catalog.builtIn().ids(Role.ATTACK))
        .containsAll(executors.all().stream().map(AttackExecutor::attackId).toList());
  }

  @Test
  void podAttacksNeedTheirVerbsInTheTargetNamespacesThePolicyPermits() {
    var target =
        new Target(
            null,
            List.of("shop", "kube-system"),
            null,
            "app=checkout",
            null,
            null,
            List.of(),
            null,
            null,
            null,
            List.of(),
            null,
            Extras.NONE);
    AttackRequest request =
        AttackFixture.request(
            "process.signal",
            Map.of("signal", "SIGSTOP", "process", "java"),
            "checkout",
            target,
            null,
            NamespacePolicy.DEFAULT);

    assertThat(executors.find("process.signal").orElseThrow().accessNeeds(request))
        .containsExactly(
            AccessCheck.of("get", "", "pods", "shop"),
            new AccessCheck("create", "", "pods", "exec", "shop"),
            AccessCheck.of("patch", "", "pods", "shop"));
    assertThat(executors.find("k8s.pod.delete").orElseThrow().accessNeeds(request))
        .contains(AccessCheck.of("delete", "", "pods", "shop"));
  }

  @Test
  void chaosMeshAttacksNeedToCreateAndDeleteTheirKindInTheTargetNamespaces() {
    AttackRequest request =
        AttackFixture.request(
            "chaosmesh.time",
            Map.of("timeOffset", "-10m"),
            "checkout",
            Target.pods("shop", "app=checkout"),
            null,
            NamespacePolicy.DEFAULT);
    assertThat(executors.find("chaosmesh.time").orElseThrow().accessNeeds(request))
        .containsExactly(
            AccessCheck.of("get", "chaos-mesh.org", "timechaos", "shop"),
            AccessCheck.of("create", "chaos-mesh.org", "timechaos", "shop"),
            AccessCheck.of("delete", "chaos-mesh.org", "timechaos", "shop"));
  }

  @Test
  void workloadAndNodeAttacksNeedTheirVerbs() {
    var sets =
        new Target(
            TargetKind.STATEFUL_SET,
            List.of("payments"),
            "team-.*",
            null,
            null,
            null,
            List.of(),
            null,
            null,
            null,
            List.of(),
            null,
            Extras.NONE);
    assertThat(
            executors
                .find("k8s.deployment.scale")
                .orElseThrow()
                .accessNeeds(
                    AttackFixture.request(
                        "k8s.deployment.scale", Map.of("replicas", 0), "db", sets, null, null)))
        .contains(
            AccessCheck.of("list", "", "namespaces", ""),
            AccessCheck.of("patch", "apps", "statefulsets", "payments"),
            AccessCheck.of("patch", "apps", "statefulsets", ""));
    assertThat(
            executors
                .find("k8s.node.drain")
                .orElseThrow()
                .accessNeeds(
                    AttackFixture.request("k8s.node.drain", Map.of(), "n", null, null, null)))
        .contains(
            AccessCheck.of("patch", "", "nodes", ""),
            new AccessCheck("create", "", "pods", "eviction", ""));
  }

  @Test
  void signalFlagsAsKillAndPkillTakeThem() {
    assertThat(Signals.flag("SIGSTOP")).isEqualTo("-STOP");
    assertThat(Signals.flag("sigkill")).isEqualTo("-KILL");
    assertThat(Signals.flag("TERM")).isEqualTo("-TERM");
  }
}
