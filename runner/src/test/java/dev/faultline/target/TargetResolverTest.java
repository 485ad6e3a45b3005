package dev.faultline.target;

import static dev.faultline.target.PodBuilder.pod;
import static dev.faultline.target.TargetBuilder.target;
import static dev.faultline.target.TargetWarning.Type.BUDGET_VIOLATION;
import static dev.faultline.target.TargetWarning.Type.DENIED_NAMESPACE;
import static dev.faultline.target.TargetWarning.Type.NOT_READY;
import static dev.faultline.target.TargetWarning.Type.NO_MATCH;
import static dev.faultline.target.TargetWarning.Type.PERCENT_ROUNDS_TO_ZERO;
import static dev.faultline.target.TargetWarning.Type.TERMINATING;
import static dev.faultline.target.TargetWarning.Type.UNSUPPORTED_KIND;
import static dev.faultline.target.TargetWarning.Type.WHOLE_WORKLOAD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.cluster.snapshot.BudgetView;
import dev.faultline.cluster.snapshot.NodeView;
import dev.faultline.cluster.snapshot.PodView;
import dev.faultline.cluster.snapshot.StaticSnapshot;
import dev.faultline.model.BlastRadius;
import dev.faultline.model.BlastRadius.Mode;
import dev.faultline.model.Extras;
import dev.faultline.model.NamespacePolicy;
import dev.faultline.model.TargetKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TargetResolverTest {
  private static final NamespacePolicy SAFETY = NamespacePolicy.DEFAULT;

  private static StaticSnapshot snapshot(List<PodView> pods, List<BudgetView> budgets) {
    return new StaticSnapshot(
        3, List.of(), pods, budgets, List.of(new NodeView("node-1", Map.of(), false, true)));
  }

  private static StaticSnapshot snapshot(PodView... pods) {
    return snapshot(List.of(pods), List.of());
  }

  private static TargetResolution resolve(TargetBuilder target, StaticSnapshot snapshot) {
    return TargetResolver.resolve(target.build(), snapshot, SAFETY, 1);
  }

  private static List<PodView> replicas(String deployment, int n) {
    return IntStream.range(0, n)
        .mapToObj(
            i ->
                pod("shop", deployment + "-" + i)
                    .label("app", deployment)
                    .deployment(deployment)
                    .node("node-" + (i % 2))
                    .build())
        .toList();
  }

  @Test
  void matchedAndSelectedAreSortedAndCarryTheirContainers() {
    PodView b = pod("shop", "b").containers("app", "sidecar").build();
    PodView a = pod("shop", "a").containers("app").build();
    PodView other = pod("web", "c").build();

    TargetResolution resolution =
        resolve(target("shop").containers("app|side.*"), snapshot(b, other, a));

    assertThat(resolution.matched()).containsExactly(a, b);
    assertThat(resolution.selected())
        .containsExactly(
            new SelectedPod(a, List.of("app")), new SelectedPod(b, List.of("app", "sidecar")));
    assertThat(resolution.snapshotVersion()).isEqualTo(3);
    assertThat(resolution.warnings()).isEmpty();
  }

  @Test
  void countsPerWorkloadAndNode() {
    var pods = new ArrayList<>(replicas("api", 4));
    pods.add(pod("shop", "db-0").label("app", "db").ownedBy("StatefulSet", "db").build());
    pods.add(pod("shop", "api-9").label("app", "api").deployment("api").terminating().build());

    TargetResolution resolution =
        resolve(target("shop").labels("app=api").radius(Mode.COUNT, 3), snapshot(pods, List.of()));

    assertThat(resolution.workloads())
        .containsExactly(new WorkloadCount("shop", "Deployment", "api", 4, 5, 3));
    assertThat(resolution.nodes()).extracting(NodeCount::node).containsExactly("node-0", "node-1");
    assertThat(resolution.nodes().stream().mapToInt(NodeCount::matched).sum()).isEqualTo(5);
    assertThat(resolution.nodes().stream().mapToInt(NodeCount::selected).sum()).isEqualTo(3);
  }

  @Test
  void noMatch() {
    TargetResolution resolution =
        resolve(
            target("shop").labels("app=nothing"),
            snapshot(replicas("api", 2).toArray(PodView[]::new)));
    assertThat(resolution.warnings())
        .containsExactly(new TargetWarning(NO_MATCH, "no pod matches the target"));
    assertThat(resolution.selected()).isEmpty();
  }

  @Test
  void terminatingPodsAreMatchedButNeverSelected() {
    PodView leaving = pod("shop", "a").terminating().build();
    TargetResolution resolution = resolve(target("shop"), snapshot(leaving));

    assertThat(resolution.matched()).containsExactly(leaving);
    assertThat(resolution.selected()).isEmpty();
    assertThat(resolution.warnings())
        .extracting(TargetWarning::message)
        .containsExactly(
            "every matching pod is terminating, so no pod would be hit",
            "1 pod matching the target is terminating and will not be hit");
    assertThat(resolution.warnings())
        .extracting(TargetWarning::type)
        .containsExactly(NO_MATCH, TERMINATING);
  }

  @Test
  void percentIsTakenOfThePodsThatCanBeHit() {
    var pods = new ArrayList<PodView>();
    IntStream.range(0, 10).forEach(i -> pods.add(pod("shop", "p" + i).build()));
    pods.add(pod("shop", "leaving").terminating().build());

    TargetResolution resolution =
        resolve(target("shop").radius(Mode.PERCENT, 25), snapshot(pods, List.of()));

    assertThat(resolution.matched()).hasSize(11);
    assertThat(resolution.selected()).hasSize(3); // ⌈25% of 10⌉
  }

  @Test
  void maxPercentOfTooFewPodsRoundsToZero() {
    TargetResolution resolution =
        resolve(
            target("shop").radius(Mode.MAX_PERCENT, 25),
            snapshot(replicas("api", 3).toArray(PodView[]::new)));

    assertThat(resolution.selected()).isEmpty();
    assertThat(resolution.warnings())
        .containsExactly(
            new TargetWarning(
                PERCENT_ROUNDS_TO_ZERO,
                "maxPercent 25 of 3 pods rounds down to 0, so no pod would be hit; raise the"
                    + " percentage or use percent, which rounds up"));
  }

  @Test
  void selectingEveryReplicaIsAnOutage() {
    var pods = new ArrayList<>(replicas("api", 2));
    pods.addAll(replicas("web", 3));
    pods.add(pod("shop", "web-old").deployment("web").terminating().build());

    TargetResolution all = resolve(target("shop"), snapshot(pods, List.of()));
    assertThat(all.warnings())
        .containsExactly(
            new TargetWarning(
                WHOLE_WORKLOAD,
                "every live pod of Deployment shop/api (2 replicas), Deployment shop/web (3"
                    + " replicas) would be hit: an outage, not a degradation"),
            new TargetWarning(
                TERMINATING, "1 pod matching the target is terminating and will not be hit"));

    TargetResolution some =
        resolve(target("shop").labels("app=web").radius(Mode.COUNT, 2), snapshot(pods, List.of()));
    assertThat(some.has(WHOLE_WORKLOAD)).isFalse();
  }

  @Test
  void replicasOutsideTheSelectorsStillCountAsLiveReplicas() {
    var pods = new ArrayList<>(replicas("api", 2));
    pods.add(pod("shop", "api-canary").deployment("api").build());

    TargetResolution resolution =
        resolve(target("shop").labels("app=api"), snapshot(pods, List.of()));

    assertThat(resolution.workloads())
        .containsExactly(new WorkloadCount("shop", "Deployment", "api", 3, 2, 2));
    assertThat(resolution.has(WHOLE_WORKLOAD)).isFalse();
  }

  @Test
  void budgetThatAllowsFewerDisruptionsThanSelected() {
    List<PodView> pods = replicas("api", 4);
    var tight = new BudgetView("shop", "api-pdb", Map.of("app", "api"), 1);
    var loose = new BudgetView("shop", "all-pdb", Map.of(), 5);
    var elsewhere = new BudgetView("web", "api-pdb", Map.of("app", "api"), 0);

    TargetResolution two =
        resolve(
            target("shop").radius(Mode.COUNT, 2), snapshot(pods, List.of(tight, loose, elsewhere)));
    assertThat(two.warnings())
        .containsExactly(
            new TargetWarning(
                BUDGET_VIOLATION,
                "the selection breaks PodDisruptionBudget shop/api-pdb (allows 1 disruption,"
                    + " covers 2 selected pods)"));

    TargetResolution one =
        resolve(target("shop").radius(Mode.ONE, null), snapshot(pods, List.of(tight, loose)));
    assertThat(one.has(BUDGET_VIOLATION)).isFalse();
  }

  @Test
  void podsInNamespacesSafetyDeniesAreLeftOutAndCounted() {
    StaticSnapshot snapshot =
        snapshot(
            pod("kube-system", "coredns-1").build(),
            pod("kube-system", "coredns-2").build(),
            pod("kube-public", "x").label("app", "other").build(),
            pod("team-a", "api").build());

    TargetResolution resolution =
        resolve(target().namespacePattern("kube-.*|team-.*").labels("!app"), snapshot);

    assertThat(resolution.matched()).extracting(PodView::key).containsExactly("team-a/api");
    assertThat(resolution.warnings())
        .containsExactly(
            new TargetWarning(
                DENIED_NAMESPACE,
                "2 pods in kube-system would match but are left out: spec.safety does not permit"
                    + " those namespaces"));

    var allowOnlyTeamB = new NamespacePolicy(List.of("team-b"), List.of(), Extras.NONE);
    TargetResolution allowList =
        TargetResolver.resolve(
            target().namespacePattern("team-.*").build(), snapshot, allowOnlyTeamB, 1);
    assertThat(allowList.matched()).isEmpty();
    assertThat(allowList.warnings())
        .extracting(TargetWarning::type)
        .containsExactly(NO_MATCH, DENIED_NAMESPACE);
  }

  @Test
  void selectedPodsThatAreNotReadyAlready() {
    TargetResolution resolution =
        resolve(
            target("shop"),
            snapshot(pod("shop", "a").notReady().build(), pod("shop", "b").build()));

    assertThat(resolution.warnings())
        .containsExactly(
            new TargetWarning(NOT_READY, "1 of the selected pods is not ready already: shop/a"));
  }

  @Test
  void workloadTargetsAreNotResolvedToPods() {
    TargetResolution resolution =
        resolve(target("shop").kind(TargetKind.DEPLOYMENT), snapshot(pod("shop", "a").build()));
    assertThat(resolution.selected()).isEmpty();
    assertThat(resolution.warnings())
        .extracting(TargetWarning::type)
        .containsExactly(UNSUPPORTED_KIND);
  }

  @Test
  void theTargetsSeedWinsOverTheCallers() {
    List<PodView> pods = replicas("api", 30);
    var pinned = new BlastRadius(Mode.COUNT, 3, 42L, Extras.NONE);

    TargetResolution first =
        TargetResolver.resolve(
            target("shop").radius(pinned).build(), snapshot(pods, List.of()), SAFETY, 1);
    TargetResolution second =
        TargetResolver.resolve(
            target("shop").radius(pinned).build(), snapshot(pods, List.of()), SAFETY, 2);
    TargetResolution callerSeed =
        TargetResolver.resolve(
            target("shop").radius(Mode.COUNT, 3).build(), snapshot(pods, List.of()), SAFETY, 42);

    assertThat(first.seed()).isEqualTo(42);
    assertThat(second.selected()).isEqualTo(first.selected());
    assertThat(callerSeed.selected()).isEqualTo(first.selected());
  }

  @Test
  void snapshotOrderDoesNotChangeTheResult() {
    var pods = new ArrayList<>(replicas("api", 40));
    TargetResolution ordered =
        resolve(target("shop").radius(Mode.PERCENT, 30), snapshot(pods, List.of()));
    Collections.shuffle(pods, new Random(5));
    TargetResolution shuffled =
        resolve(target("shop").radius(Mode.PERCENT, 30), snapshot(pods, List.of()));

    assertThat(shuffled).isEqualTo(ordered);
  }

  @Test
  void diffNamesPodsThatCameIntoAndDroppedOutOfTheSelection() {
    List<PodView> before = replicas("api", 3);
    var after = new ArrayList<>(before.subList(1, 3));
    PodView newcomer = pod("shop", "api-new").label("app", "api").deployment("api").build();
    after.add(newcomer);

    TargetResolution preview = resolve(target("shop"), snapshot(before, List.of()));
    TargetResolution atStart = resolve(target("shop"), snapshot(after, List.of()));

    SelectionDiff diff = preview.diff(atStart);
    assertThat(diff.added()).containsExactly(newcomer);
    assertThat(diff.removed()).containsExactly(before.getFirst());
    assertThat(preview.diff(preview).isEmpty()).isTrue();
  }

  @Test
  void invalidBlastRadiusIsRejectedBeforeMatching() {
    assertThatThrownBy(() -> resolve(target("shop").radius(Mode.PERCENT, null), snapshot()))
        .isInstanceOfSatisfying(
            InvalidTargetException.class, e -> assertThat(e.field()).isEqualTo("blastRadius"));
  }
}
