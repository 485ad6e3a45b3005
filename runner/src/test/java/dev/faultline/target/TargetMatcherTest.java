package dev.faultline.target;

import static dev.faultline.target.PodBuilder.pod;
import static dev.faultline.target.TargetBuilder.target;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.cluster.snapshot.NodeView;
import dev.faultline.cluster.snapshot.PodView;
import dev.faultline.model.OwnerKind;
import dev.faultline.model.PodPhase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetMatcherTest {
  private static final List<NodeView> NODES =
      List.of(
          new NodeView("node-a", Map.of("topology.kubernetes.io/zone", "zone-a"), false, true),
          new NodeView("node-b", Map.of("topology.kubernetes.io/zone", "zone-b"), false, true));

  private static TargetMatcher matcher(TargetBuilder target) {
    return TargetMatcher.compile(target.build(), NODES);
  }

  @Test
  void namespacesAreExactNames() {
    TargetMatcher matcher = matcher(target("shop"));
    assertThat(matcher.test(pod("shop", "a").build())).isTrue();
    assertThat(matcher.test(pod("shop-2", "a").build())).isFalse();
  }

  @Test
  void namespacePatternMatchesWholeNamesInAdditionToTheList() {
    TargetMatcher matcher = matcher(target("shop").namespacePattern("team-[a-z]+"));
    assertThat(matcher.selectsNamespace("shop")).isTrue();
    assertThat(matcher.selectsNamespace("team-red")).isTrue();
    assertThat(matcher.selectsNamespace("team-red-2")).isFalse();
    assertThat(matcher.selectsNamespace("my-team-red")).isFalse();
    assertThat(matcher(target().namespacePattern("team-.*")).selectsNamespace("shop")).isFalse();
  }

  @Test
  void labelSelectorUsesKubernetesSemantics() {
    TargetMatcher matcher = matcher(target("shop").labels("app=api,track notin (canary)"));
    assertThat(matcher.test(pod("shop", "a").label("app", "api").build())).isTrue();
    assertThat(matcher.test(pod("shop", "b").label("app", "api").label("track", "canary").build()))
        .isFalse();
    assertThat(matcher.test(pod("shop", "c").label("app", "web").build())).isFalse();
  }

  @Test
  void annotationSelectorLooksAtAnnotationsNotLabels() {
    TargetMatcher matcher = matcher(target("shop").annotations("chaos/opt-in=true"));
    assertThat(matcher.test(pod("shop", "a").annotation("chaos/opt-in", "true").build())).isTrue();
    assertThat(matcher.test(pod("shop", "b").label("chaos/opt-in", "true").build())).isFalse();
  }

  @Test
  void fieldSelectorReadsEachSupportedField() {
    PodView pod = pod("shop", "api-1").node("node-a").build();
    assertThat(matcher(target("shop").fields("metadata.name=api-1")).test(pod)).isTrue();
    assertThat(matcher(target("shop").fields("metadata.name!=api-1")).test(pod)).isFalse();
    assertThat(matcher(target("shop").fields("metadata.namespace=shop")).test(pod)).isTrue();
    assertThat(matcher(target("shop").fields("spec.nodeName=node-b")).test(pod)).isFalse();
    assertThat(matcher(target("shop").fields("status.phase=Running")).test(pod)).isTrue();
    assertThat(matcher(target("shop").fields("spec.nodeName=")).test(pod)).isFalse();
    assertThat(
            matcher(target("shop").phases(PodPhase.PENDING).fields("spec.nodeName="))
                .test(pod("shop", "new").phase("Pending").node("").build()))
        .isTrue();
  }

  @Test
  void onlyRunningPodsMatchUnlessPhasesSayOtherwise() {
    PodView pending = pod("shop", "p").phase("Pending").build();
    PodView running = pod("shop", "r").build();
    PodView failed = pod("shop", "f").phase("Failed").build();
    assertThat(List.of(pending, running, failed).stream().filter(matcher(target("shop"))))
        .containsExactly(running);
    assertThat(
            List.of(pending, running, failed).stream()
                .filter(matcher(target("shop").phases(PodPhase.PENDING, PodPhase.FAILED))))
        .containsExactly(pending, failed);
  }

  @Test
  void nodeSelectorLooksAtTheLabelsOfThePodsNode() {
    TargetMatcher matcher = matcher(target("shop").nodes("topology.kubernetes.io/zone=zone-a"));
    assertThat(matcher.test(pod("shop", "a").node("node-a").build())).isTrue();
    assertThat(matcher.test(pod("shop", "b").node("node-b").build())).isFalse();
    assertThat(matcher.test(pod("shop", "gone").node("node-gone").build())).isFalse();
    assertThat(
            matcher(target("shop").phases(PodPhase.PENDING).nodes("!topology.kubernetes.io/zone"))
                .test(pod("shop", "unscheduled").phase("Pending").node("").build()))
        .as("an unscheduled pod has no node whose labels could match")
        .isFalse();
  }

  @Test
  void ownerDeploymentMeansTheWorkloadOtherKindsTheDirectOwner() {
    PodView fromDeployment = pod("shop", "api-x").deployment("api").build();
    PodView fromStatefulSet = pod("shop", "db-0").ownedBy("StatefulSet", "db").build();
    PodView bare = pod("shop", "debug").build();
    List<PodView> pods = List.of(fromDeployment, fromStatefulSet, bare);

    assertThat(pods.stream().filter(matcher(target("shop").owner(OwnerKind.DEPLOYMENT, "api"))))
        .containsExactly(fromDeployment);
    assertThat(pods.stream().filter(matcher(target("shop").owner(OwnerKind.REPLICA_SET, "api-rs"))))
        .containsExactly(fromDeployment);
    assertThat(pods.stream().filter(matcher(target("shop").owner(OwnerKind.STATEFUL_SET, null))))
        .containsExactly(fromStatefulSet);
    assertThat(pods.stream().filter(matcher(target("shop").owner(OwnerKind.DEPLOYMENT, "ap"))))
        .as("the name regex must match the whole name")
        .isEmpty();
    assertThat(pods.stream().filter(matcher(target("shop").owner(OwnerKind.JOB, ".*")))).isEmpty();
  }

  @Test
  void podNameMustMatchCompletely() {
    TargetMatcher matcher = matcher(target("shop").podName("api-[0-9]"));
    assertThat(matcher.test(pod("shop", "api-1").build())).isTrue();
    assertThat(matcher.test(pod("shop", "api-12").build())).isFalse();
    assertThat(matcher.test(pod("shop", "my-api-1").build())).isFalse();
  }

  @Test
  void containersRegexesPickContainersAndPodsWithoutOneDoNotMatch() {
    TargetMatcher matcher = matcher(target("shop").containers("app", "side.*"));
    PodView both = pod("shop", "a").containers("init-db", "app", "sidecar").build();
    PodView neither = pod("shop", "b").containers("application", "istio-proxy").build();

    assertThat(matcher.test(both)).isTrue();
    assertThat(matcher.containers(both)).containsExactly("app", "sidecar");
    assertThat(matcher.test(neither)).isFalse();
    assertThat(matcher(target("shop")).containers(neither))
        .containsExactly("application", "istio-proxy");
  }

  @Test
  void everySelectorMustHold() {
    TargetMatcher matcher =
        matcher(target("shop").labels("app=api").podName("api-.*").containers("app"));
    assertThat(matcher.test(pod("shop", "api-1").label("app", "api").build())).isTrue();
    assertThat(matcher.test(pod("shop", "api-1").build())).isFalse();
    assertThat(matcher.test(pod("shop", "web-1").label("app", "api").build())).isFalse();
    assertThat(matcher.test(pod("shop", "api-1").label("app", "api").containers("x").build()))
        .isFalse();
  }

  @Test
  void invalidTargetsNameTheField() {
    assertThatThrownBy(() -> matcher(target("shop").containers("ok", "bad[")))
        .isInstanceOfSatisfying(
            InvalidTargetException.class, e -> assertThat(e.field()).isEqualTo("containers[1]"));
    assertThatThrownBy(() -> matcher(target("shop").nodes("zone in zone-a")))
        .isInstanceOfSatisfying(
            InvalidTargetException.class, e -> assertThat(e.field()).isEqualTo("nodeSelector"));
    assertThatThrownBy(() -> matcher(target("shop").fields("status.podIP=1")))
        .isInstanceOfSatisfying(
            InvalidTargetException.class, e -> assertThat(e.field()).isEqualTo("fieldSelector"));
  }
}
