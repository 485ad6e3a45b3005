package dev.faultline.attack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.model.NamespacePolicy;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class DrainPlanTest {
  private final Pod web = pod("shop", "web").build();
  private final Pod agent =
      pod("shop", "agent")
          .editMetadata()
          .addNewOwnerReference()
          .withKind("DaemonSet")
          .withName("agent")
          .withController(true)
          .endOwnerReference()
          .endMetadata()
          .build();
  private final Pod cache =
      pod("shop", "cache")
          .editSpec()
          .addNewVolume()
          .withName("tmp")
          .withNewEmptyDir()
          .endEmptyDir()
          .endVolume()
          .endSpec()
          .build();
  private final Pod dns = pod("kube-system", "coredns").build();
  private final Pod mirror =
      pod("shop", "static")
          .editMetadata()
          .addToAnnotations("kubernetes.io/config.mirror", "x")
          .endMetadata()
          .build();
  private final Pod leaving =
      pod("shop", "leaving")
          .editMetadata()
          .withDeletionTimestamp("2026-01-01T00:00:00Z")
          .endMetadata()
          .build();
  private final List<Pod> pods = List.of(web, agent, cache, dns, mirror, leaving);

  @Test
  void followsKubectlDrainAndTheNamespacePolicy() {
    DrainPlan plan = DrainPlan.of(pods, NamespacePolicy.DEFAULT, true, true);

    assertThat(plan.evict()).containsExactly(web, cache);
    assertThat(plan.kept()).containsExactlyInAnyOrder(agent, dns, mirror);
    assertThat(plan.blockers("n1")).isEmpty();
  }

  @Test
  void daemonSetsAndLocalDataBlockUnlessAllowed() {
    DrainPlan plan = DrainPlan.of(pods, NamespacePolicy.DEFAULT, false, false);

    assertThat(plan.evict()).containsExactly(web);
    assertThat(plan.blockers("n1"))
        .isEqualTo(
            "cannot drain Node n1: DaemonSet pods shop/agent are on it (set ignoreDaemonSets: true"
                + " to leave them); pods shop/cache use emptyDir volumes whose data an eviction"
                + " deletes (set deleteEmptyDirData: true to evict them)");
  }

  private static PodBuilder pod(String namespace, String name) {
    return new PodBuilder()
        .withNewMetadata()
        .withNamespace(namespace)
        .withName(name)
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("app")
        .endContainer()
        .endSpec();
  }
}
