package dev.faultline.target;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.cluster.snapshot.BudgetView;
import dev.faultline.cluster.snapshot.ClusterSnapshot;
import dev.faultline.cluster.snapshot.NodeView;
import dev.faultline.cluster.snapshot.PodChange;
import dev.faultline.cluster.snapshot.PodIndex;
import dev.faultline.cluster.snapshot.PodView;
import dev.faultline.cluster.snapshot.SnapshotState;
import dev.faultline.cluster.snapshot.StaticSnapshot;
import dev.faultline.model.NamespacePolicy;
import dev.faultline.model.Target;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link LivePreview} patching its previous result with the changed pods gives exactly what {@link
 * TargetResolver} gives from scratch at the same version, over random targets and random change
 * sequences (adds, deletes, relabels, terminations, relists, node and budget changes, bursts longer
 * than the journal), with and without a snapshot index.
 */
class LivePreviewTest {
  /** Remembers this many pod changes, so long bursts fall back to resolving from scratch. */
  private static final int JOURNAL = 40;

  /**
   * A snapshot that changes as a live one does: pod changes journaled with their versions, budget
   * and node changes only bump the version, a relist is a barrier; optionally with an index
   * computed from scratch.
   */
  private static final class ChangingSnapshot implements ClusterSnapshot {
    final Map<String, PodView> pods = new LinkedHashMap<>();
    List<NodeView> nodes;
    List<BudgetView> budgets;
    final boolean indexed;
    final List<PodChange> journal = new ArrayList<>();
    final List<Long> versions = new ArrayList<>();
    long version = 1;
    long barrier = 1;

    ChangingSnapshot(
        List<PodView> initial, List<NodeView> nodes, List<BudgetView> budgets, boolean indexed) {
      initial.forEach(p -> pods.put(p.key(), p));
      this.nodes = nodes;
      this.budgets = budgets;
      this.indexed = indexed;
    }

    void put(PodView pod) {
      journal.add(new PodChange(pods.put(pod.key(), pod), pod));
      versions.add(++version);
    }

    void remove(String key) {
      PodView before = pods.remove(key);
      if (before != null) {
        journal.add(new PodChange(before, null));
        versions.add(++version);
      }
    }

    /** The pods were relisted. */
    void relist() {
      journal.clear();
      versions.clear();
      barrier = ++version;
    }

    /** A budget's status or a node changed: a new version, no pod change. */
    void otherChange(List<NodeView> newNodes) {
      nodes = newNodes;
      version++;
    }

    StaticSnapshot frozen() {
      return new StaticSnapshot(version, List.of(), List.copyOf(pods.values()), budgets, nodes);
    }

    @Override
    public long version() {
      return version;
    }

    @Override
    public SnapshotState state() {
      return new SnapshotState(SnapshotState.Phase.LIVE, Instant.EPOCH, "");
    }

    @Override
    public Collection<String> namespaces() {
      return List.of();
    }

    @Override
    public Collection<PodView> pods() {
      return pods.values();
    }

    @Override
    public List<BudgetView> budgets(String namespace) {
      return budgets.stream().filter(b -> b.namespace().equals(namespace)).toList();
    }

    @Override
    public Collection<NodeView> nodes() {
      return nodes;
    }

    @Override
    public Optional<List<PodChange>> podChangesSince(long since) {
      if (since < barrier || since > version) {
        return Optional.empty();
      }
      int from = versions.size();
      while (from > 0 && versions.get(from - 1) > since) {
        from--;
      }
      if (versions.size() - from > JOURNAL) {
        return Optional.empty();
      }
      return Optional.of(List.copyOf(journal.subList(from, journal.size())));
    }

    @Override
    public Optional<PodIndex> index() {
      if (!indexed) {
        return Optional.empty();
      }
      return Optional.of(
          new PodIndex() {
            @Override
            public List<PodView> labelled(String key, Collection<String> values) {
              return pods.values().stream()
                  .filter(p -> p.labels().get(key) != null && values.contains(p.labels().get(key)))
                  .sorted(
                      java.util.Comparator.comparing(PodView::namespace)
                          .thenComparing(PodView::name))
                  .toList();
            }

            @Override
            public int liveReplicas(String namespace, String kind, String name) {
              return (int)
                  pods.values().stream()
                      .filter(
                          p ->
                              !p.terminating()
                                  && p.namespace().equals(namespace)
                                  && p.workloadKind().equals(kind)
                                  && p.workloadName().equals(name))
                      .count();
            }
          });
    }
  }

  private record Watched(Target target, NamespacePolicy safety, long seed, LivePreview preview) {}

  @Test
  void patchedResolutionsEqualResolutionsFromScratch() {
    var gen = new TargetResolverPropertyTest();
    var random = gen.random;
    int checks = 0;
    int patched = 0;
    for (int scenario = 0; scenario < 60; scenario++) {
      StaticSnapshot start = gen.snapshot();
      var budgets = new ArrayList<BudgetView>();
      for (PodView pod : start.pods()) {
        if (random.nextInt(40) == 0) {
          budgets.add(
              new BudgetView(
                  pod.namespace(), "pdb-" + budgets.size(), pod.labels(), random.nextInt(3)));
        }
      }
      var live = new ChangingSnapshot(start.pods(), start.nodes(), budgets, scenario % 2 == 0);
      int nextPod = 10_000;
      var watched = new ArrayList<Watched>();
      for (int i = 0; i < 4; i++) {
        var spec = gen.spec();
        NamespacePolicy safety = gen.policy();
        long seed = random.nextLong();
        watched.add(
            new Watched(spec.target(), safety, seed, new LivePreview(spec.target(), safety, seed)));
      }
      for (int step = 0; step < 40; step++) {
        int changes = random.nextInt(20) == 0 ? JOURNAL + 5 : random.nextInt(6);
        for (int c = 0; c < changes; c++) {
          var keys = new ArrayList<>(live.pods.keySet());
          int what = keys.isEmpty() ? 0 : random.nextInt(4);
          switch (what) {
            case 0 -> live.put(gen.pod(nextPod++, live.nodes));
            case 1 -> live.remove(gen.pick(keys));
            default -> {
              // The same pod (namespace and name) with new labels, phase, readiness, owner...
              PodView old = live.pods.get(gen.pick(keys));
              PodView fresh = gen.pod(nextPod++, live.nodes);
              live.put(
                  new PodView(
                      old.namespace(),
                      old.name(),
                      old.uid(),
                      fresh.labels(),
                      fresh.annotations(),
                      fresh.phase(),
                      fresh.ready(),
                      what == 2 ? !old.terminating() : fresh.terminating(),
                      fresh.node(),
                      fresh.ownerKind(),
                      fresh.ownerName(),
                      fresh.workloadKind(),
                      fresh.workloadName(),
                      fresh.containers()));
            }
          }
        }
        switch (random.nextInt(12)) {
          case 0 -> live.relist();
          case 1, 3 -> {
            // A budget's status changes (it allows another number of disruptions).
            var changed = new ArrayList<>(live.budgets);
            if (!changed.isEmpty()) {
              int at = random.nextInt(changed.size());
              BudgetView b = changed.get(at);
              changed.set(
                  at, new BudgetView(b.namespace(), b.name(), b.matchLabels(), random.nextInt(3)));
            }
            live.budgets = changed;
            live.otherChange(live.nodes);
          }
          case 2 -> {
            // A node's zone changes: node selectors now accept other nodes.
            var nodes = new ArrayList<NodeView>();
            for (NodeView n : live.nodes) {
              var labels = new LinkedHashMap<>(n.labels());
              labels.put("topology.kubernetes.io/zone", gen.pick(List.of("zone-a", "zone-b")));
              nodes.add(new NodeView(n.name(), labels, n.unschedulable(), n.ready()));
            }
            live.otherChange(nodes);
          }
          default -> {}
        }
        StaticSnapshot now = live.frozen();
        for (Watched w : watched) {
          TargetResolution expected = TargetResolver.resolve(w.target(), now, w.safety(), w.seed());
          TargetResolution actual = w.preview().resolve(live);
          assertThat(actual).as(w.target() + " / " + w.safety()).isEqualTo(expected);
          checks++;
          patched += w.preview().lastWasIncremental() ? 1 : 0;
        }
      }
    }
    assertThat(checks).isEqualTo(60 * 40 * 4);
    assertThat(patched).as("most updates should be patches").isGreaterThan(checks / 2);
  }
}
