package dev.faultline.designer.run.pods;

import static dev.faultline.designer.run.SyntheticRun.POD_A;
import static dev.faultline.designer.run.SyntheticRun.POD_B;
import static dev.faultline.designer.run.SyntheticRun.pod;
import static dev.faultline.designer.run.SyntheticRun.s;
import static dev.faultline.designer.run.SyntheticRun.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.cluster.snapshot.ClusterSnapshot;
import dev.faultline.designer.run.SyntheticRun;
import java.util.List;
import org.junit.jupiter.api.Test;

class PodStripModelTest {

  private final PodStripModel model = new PodStripModel();

  private void sample(long t, ClusterSnapshot snapshot) {
    model.observe(t, PodSampler.sample(snapshot, model.trackedKeys(), model.trackedWorkloads()));
  }

  private PodRow row(String key) {
    return model.rows().stream().filter(r -> r.key().equals(key)).findFirst().orElseThrow();
  }

  @Test
  void targetedPodsBecomeRowsOnceEach() {
    model.accept(SyntheticRun.events());
    model.accept(SyntheticRun.events());
    assertThat(model.rows()).extracting(PodRow::key).containsExactly(POD_A, POD_B);
    assertThat(row(POD_A).name()).isEqualTo("checkout-7d9f5c-abcde");
    assertThat(row(POD_A).namespace()).isEqualTo("shop");
    assertThat(row(POD_A).state()).isEqualTo(PodState.UNKNOWN);
  }

  @Test
  void samplesBecomeSegmentsRestartsTicksAndAMissingPodIsGone() {
    model.accept(SyntheticRun.events());
    sample(s(1), snapshot(1, pod(POD_A, true, 0), pod(POD_B, true, 0)));
    sample(s(2), snapshot(2, pod(POD_A, true, 0), pod(POD_B, true, 0)));
    sample(s(3), snapshot(3, pod(POD_A, false, 0), pod(POD_B, true, 0)));
    sample(s(4), snapshot(4, pod(POD_A, true, 1), pod(POD_B, true, 0)));
    sample(s(5), snapshot(5, pod(POD_A, true, 1)));

    assertThat(row(POD_A).segments())
        .containsExactly(
            new PodRow.Segment(s(1), s(3), PodState.READY),
            new PodRow.Segment(s(3), s(4), PodState.NOT_READY),
            new PodRow.Segment(s(4), s(5), PodState.READY));
    assertThat(row(POD_A).restarts()).containsExactly(s(4));
    assertThat(row(POD_B).state()).isEqualTo(PodState.GONE);
    assertThat(row(POD_B).segments().getLast().start()).isEqualTo(s(5));
    assertThat(model.counts()).containsEntry(PodState.READY, 1).containsEntry(PodState.GONE, 1);
  }

  @Test
  void aNewPodOfATargetedWorkloadJoinsAsAReplacementOthersDoNot() {
    model.accept(SyntheticRun.events());
    sample(s(1), snapshot(1, pod(POD_A, true, 0), pod(POD_B, true, 0)));
    var stranger =
        new dev.faultline.cluster.snapshot.PodView(
            "shop",
            "cart-1",
            "u",
            java.util.Map.of(),
            java.util.Map.of(),
            "Running",
            true,
            false,
            "n",
            "ReplicaSet",
            "cart-1",
            "Deployment",
            "cart",
            List.of());
    sample(
        s(2),
        snapshot(2, pod(POD_A, true, 0), pod("shop/checkout-7d9f5c-new01", false, 0), stranger));

    assertThat(model.rows())
        .extracting(PodRow::key)
        .containsExactly(POD_A, POD_B, "shop/checkout-7d9f5c-new01");
    PodRow replacement = row("shop/checkout-7d9f5c-new01");
    assertThat(replacement.replacement()).isTrue();
    assertThat(replacement.segments())
        .containsExactly(new PodRow.Segment(s(2), s(2), PodState.NOT_READY));
    assertThat(model.trackedWorkloads()).containsExactly("shop/Deployment/checkout");
  }

  @Test
  void aSingleClusterRunIsNotGrouped() {
    model.accept(SyntheticRun.events());
    assertThat(model.grouped()).isFalse();
  }

  @Test
  void podsOfTwoClustersAreRowsOfTheirOwnContextEvenWithTheSameName() {
    model.accept(SyntheticRun.multiCluster());

    assertThat(model.grouped()).isTrue();
    assertThat(model.contexts()).containsExactly("east", "west");
    assertThat(model.rows())
        .extracting(r -> r.context() + ":" + r.key())
        .containsExactly("east:" + POD_A, "west:" + POD_A, "west:" + POD_B);
    assertThat(model.trackedKeysByContext())
        .containsEntry("east", java.util.Set.of(POD_A))
        .containsEntry("west", java.util.Set.of(POD_A, POD_B));

    // Each context's rows follow its own cluster: west's pod A frozen while east's is ready.
    var east =
        PodSampler.sample(
            snapshot(1, pod(POD_A, true, 0)), java.util.Set.of(POD_A), java.util.Set.of());
    var west =
        PodSampler.sample(
            snapshot(1, pod(POD_A, false, 0), pod(POD_B, true, 0)),
            java.util.Set.of(POD_A, POD_B),
            java.util.Set.of());
    model.observe(s(1), java.util.Map.of("east", east, "west", west)::get);
    assertThat(model.rows())
        .extracting(r -> r.context() + ":" + r.state())
        .containsExactly("east:READY", "west:NOT_READY", "west:READY");

    // A cluster that cannot be read leaves its rows as they were rather than gone.
    model.observe(s(2), java.util.Map.of("east", java.util.Map.<String, PodObservation>of())::get);
    assertThat(model.rows())
        .extracting(r -> r.context() + ":" + r.state())
        .containsExactly("east:GONE", "west:NOT_READY", "west:READY");
  }

  @Test
  void theRunsOwnClusterComesFirstWhicheverAttackResolvesFirst() {
    List<dev.faultline.engine.RunEvent> events =
        new java.util.ArrayList<>(SyntheticRun.multiCluster());
    // West's targets resolved before east's.
    events.add(events.remove(1));
    model.accept(events);
    assertThat(model.contexts()).containsExactly("east", "west");
  }

  @Test
  void podsAllInAnotherClusterThanTheRunsAreGroupedUnderIt() {
    var events =
        SyntheticRun.multiCluster().stream()
            .filter(
                e ->
                    !(e instanceof dev.faultline.engine.RunEvent.TargetsResolved t)
                        || t.context().equals("west"))
            .toList();
    model.accept(events);
    assertThat(model.contexts()).containsExactly("west");
    assertThat(model.grouped()).as("the run is on east; these pods are not").isTrue();
  }
}
