package dev.faultline.target;

import dev.faultline.cluster.snapshot.BudgetView;
import dev.faultline.cluster.snapshot.ClusterSnapshot;
import dev.faultline.cluster.snapshot.PodChange;
import dev.faultline.cluster.snapshot.PodView;
import dev.faultline.model.BlastRadius;
import dev.faultline.model.NamespacePolicy;
import dev.faultline.model.Target;
import dev.faultline.model.TargetKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One target's resolution kept current against a live snapshot, for the preview's per-frame poll.
 * The first call resolves from scratch; later calls patch the previous state with only the pods
 * that changed since ({@link ClusterSnapshot#podChangesSince}): the matched pods stay sorted, and
 * each workload's live replicas are counted as pods come and go, so an update costs about the
 * number of matched pods rather than all pods, and when no matched pod, counted workload or budget
 * changed, the previous result is handed out again at the new version. When the snapshot cannot say
 * what changed (a relist, a budget or node change, or too many changes since the last call) it
 * resolves from scratch again.
 *
 * <p>The result is exactly {@link TargetResolver#resolve} of the same snapshot version (checked by
 * {@code LivePreviewTest} over random change sequences): sampling ranks each pod by its own key and
 * the seed, so patching the matches and sampling them again chooses the same pods.
 *
 * <p>Thread-safe; calls are serialised. Changing the target, policy or seed means a new instance.
 */
public final class LivePreview {
  private static final Comparator<PodView> BY_KEY =
      Comparator.comparing(PodView::namespace).thenComparing(PodView::name);

  private final Target target;
  private final NamespacePolicy safety;
  private final long seed;
  private State state;
  private TargetResolution last;

  public LivePreview(Target target, NamespacePolicy safety, long seed) {
    this.target = target;
    this.safety = safety;
    this.seed = seed;
  }

  /**
   * The target's resolution at the snapshot's current version.
   *
   * @throws InvalidTargetException if a selector, regex or blast radius of the target is invalid
   */
  public synchronized TargetResolution resolve(ClusterSnapshot snapshot) {
    if (target.effectiveKind() != TargetKind.POD) {
      return TargetResolver.resolve(target, snapshot, safety, seed);
    }
    return snapshot.read(this::resolveLocked);
  }

  /** Whether the last call patched the previous result rather than resolving from scratch. */
  public synchronized boolean lastWasIncremental() {
    return state != null && state.incremental;
  }

  private TargetResolution resolveLocked(ClusterSnapshot snapshot) {
    long version = snapshot.version();
    if (state != null && state.snapshot == snapshot) {
      if (version == state.version && last != null) {
        return last;
      }
      Optional<List<PodChange>> changes = snapshot.podChangesSince(state.version);
      if (changes.isPresent() && !state.nodesChanged()) {
        state.relevant = false;
        for (PodChange change : changes.get()) {
          state.apply(change);
        }
        state.version = version;
        state.incremental = true;
        if (!state.relevant && last != null && state.sameBudgets()) {
          // No matched pod, counted workload or budget changed: the same result, newer version.
          return last =
              new TargetResolution(
                  version,
                  last.seed(),
                  last.matched(),
                  last.selected(),
                  last.workloads(),
                  last.nodes(),
                  last.warnings());
        }
        return last = state.result();
      }
    }
    state = new State(snapshot);
    return last = state.result();
  }

  /** Everything a patch needs: the matches, the denied ones, and live replicas per workload. */
  private final class State {
    final ClusterSnapshot snapshot;
    final BlastRadius radius = target.effectiveBlastRadius();
    final long effectiveSeed = radius.seed() != null ? radius.seed() : seed;
    final TargetMatcher matcher;
    final TreeSet<PodView> matched = new TreeSet<>(BY_KEY);
    final TreeMap<String, Integer> denied = new TreeMap<>();
    // Live replicas per workload, counted here only when the snapshot keeps no index.
    final Map<Tallies.WorkloadKey, Integer> replicas;
    final Map<String, Boolean> permitted = new HashMap<>();
    int deniedCount;
    long version;
    boolean incremental;
    // Whether the changes applied since the last result touched anything it shows.
    boolean relevant;
    Set<Tallies.WorkloadKey> shownWorkloads = Set.of();
    Map<String, List<BudgetView>> shownBudgets = Map.of();

    State(ClusterSnapshot snapshot) {
      this.snapshot = snapshot;
      BlastRadiusSampler.count(radius, 0, effectiveSeed); // rejects a bad radius before any work
      matcher = TargetMatcher.compile(target, snapshot.nodes());
      version = snapshot.version();
      if (snapshot.index().isPresent()) {
        replicas = null;
        for (PodView pod : matcher.candidates(snapshot)) {
          add(pod);
        }
      } else {
        replicas = new HashMap<>();
        for (PodView pod : snapshot.pods()) {
          add(pod);
        }
      }
    }

    /** Whether the node selector now accepts other nodes, so every pod must be looked at again. */
    boolean nodesChanged() {
      return !java.util.Objects.equals(
          matcher.selectedNodes(), TargetMatcher.compile(target, snapshot.nodes()).selectedNodes());
    }

    void apply(PodChange change) {
      if (change.before() != null) {
        remove(change.before());
      }
      if (change.after() != null) {
        add(change.after());
      }
    }

    /** Null when the target does not look in the namespace, else whether safety permits it. */
    private Boolean scope(String namespace) {
      if (!matcher.selectsNamespace(namespace)) {
        return null;
      }
      return permitted.computeIfAbsent(namespace, safety::permits);
    }

    private void add(PodView pod) {
      if (!pod.terminating()) {
        counted(pod);
        if (replicas != null) {
          replicas.merge(Tallies.key(pod), 1, Integer::sum);
        }
      }
      Boolean permits = scope(pod.namespace());
      if (permits == null || !matcher.matchesIgnoringNamespace(pod)) {
        return;
      }
      relevant = true;
      if (permits) {
        matched.add(pod);
      } else {
        deniedCount++;
        denied.merge(pod.namespace(), 1, Integer::sum);
      }
    }

    private void remove(PodView pod) {
      if (!pod.terminating()) {
        counted(pod);
        if (replicas != null) {
          replicas.computeIfPresent(Tallies.key(pod), (k, n) -> n == 1 ? null : n - 1);
        }
      }
      Boolean permits = scope(pod.namespace());
      if (permits == null) {
        return;
      }
      if (permits) {
        relevant |= matched.remove(pod); // by namespace and name
      } else if (matcher.matchesIgnoringNamespace(pod)) {
        relevant = true;
        deniedCount--;
        denied.computeIfPresent(pod.namespace(), (k, n) -> n == 1 ? null : n - 1);
      }
    }

    /** A live pod of a shown workload came or went: its replica count changed. */
    private void counted(PodView pod) {
      if (!shownWorkloads.isEmpty() && shownWorkloads.contains(Tallies.key(pod))) {
        relevant = true;
      }
    }

    /** Whether the budgets of the namespaces with selected pods are as the last result saw. */
    boolean sameBudgets() {
      for (Map.Entry<String, List<BudgetView>> shown : shownBudgets.entrySet()) {
        if (!snapshot.budgets(shown.getKey()).equals(shown.getValue())) {
          return false;
        }
      }
      return true;
    }

    TargetResolution result() {
      TargetResolution result = compute();
      var workloads = new HashSet<Tallies.WorkloadKey>();
      for (WorkloadCount w : result.workloads()) {
        workloads.add(new Tallies.WorkloadKey(w.namespace(), w.kind(), w.name()));
      }
      shownWorkloads = workloads;
      var budgets = new HashMap<String, List<BudgetView>>();
      for (SelectedPod s : result.selected()) {
        budgets.computeIfAbsent(s.pod().namespace(), snapshot::budgets);
      }
      shownBudgets = budgets;
      return result;
    }

    private TargetResolution compute() {
      return TargetResolver.finish(
          matcher,
          radius,
          effectiveSeed,
          snapshot,
          new ArrayList<>(matched),
          deniedCount,
          denied.keySet(),
          replicas == null
              ? TargetResolver.tally(snapshot)
              : (pods, isSelected) ->
                  Tallies.workloads(
                      pods,
                      isSelected,
                      (ns, kind, name) ->
                          replicas.getOrDefault(new Tallies.WorkloadKey(ns, kind, name), 0)));
    }
  }
}
