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
import java.util.Collections;
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
 * that changed since ({@link ClusterSnapshot#podChangesSince}). Everything a result shows is kept
 * incrementally: the matched pods in key order, the eligible ones split at the blast radius's
 * boundary into chosen and the rest (both ordered by rank), the selected pods with their
 * containers, counts per workload and node, live replicas, not-ready and whole-workload sets, and
 * budget violations per namespace. So an update costs about log(matched) per changed pod, plus
 * copying the references of whichever result lists changed; nothing is re-ranked, re-counted or
 * re-matched. When the snapshot cannot say what changed (a relist, a node change that moves the
 * node selector, or too many changes since the last call) it resolves from scratch again.
 *
 * <p>The result is exactly {@link TargetResolver#resolve} of the same snapshot version (checked by
 * {@code LivePreviewTest} over random change sequences): a pod's rank depends only on its key and
 * the seed, and the first k eligible pods by (rank, namespace, name) are the ones the sampler picks
 * (ties of equal rank go to the pod that comes first by key in both).
 *
 * <p>Thread-safe; calls are serialised. Changing the target, policy or seed means a new instance.
 */
public final class LivePreview {
  private static final Comparator<PodView> BY_KEY =
      Comparator.comparing(PodView::namespace).thenComparing(PodView::name);
  private static final Comparator<Entry> ENTRY_BY_KEY = (a, b) -> BY_KEY.compare(a.pod, b.pod);
  private static final Comparator<Entry> BY_RANK =
      Comparator.<Entry>comparingLong(e -> e.rank).thenComparing(ENTRY_BY_KEY);
  private static final Comparator<SelectedPod> SELECTED_BY_KEY =
      (a, b) -> BY_KEY.compare(a.pod(), b.pod());
  private static final Comparator<Tallies.WorkloadKey> WORKLOAD_ORDER =
      Comparator.comparing(Tallies.WorkloadKey::namespace)
          .thenComparing(Tallies.WorkloadKey::kind)
          .thenComparing(Tallies.WorkloadKey::name);

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
    // Which pods a topology may hit depends on every other match (the nodes hosting them), so a
    // patch could move the whole choice: such targets resolve from scratch, a few milliseconds.
    if (target.effectiveKind() != TargetKind.POD
        || target.effectiveBlastRadius().topology() != null) {
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
      if (changes.isPresent()) {
        // Every change bumps the version once; versions the journal does not explain were budget,
        // node or state changes.
        boolean others = version - state.version != changes.get().size();
        if (!others || !state.nodesChanged()) {
          for (PodChange change : changes.get()) {
            state.apply(change);
          }
          if (others) {
            state.checkBudgets();
          }
          state.version = version;
          state.incremental = true;
          return last = state.result();
        }
      }
    }
    state = new State(snapshot);
    return last = state.result();
  }

  /** A permitted match: its rank, and its selection while selected. */
  private static final class Entry {
    final PodView pod;
    final long rank;
    SelectedPod selected;

    Entry(PodView pod, long rank) {
      this.pod = pod;
      this.rank = rank;
    }
  }

  /** Everything a patch needs, and the parts of the last result that are still current. */
  private final class State {
    final ClusterSnapshot snapshot;
    final BlastRadius radius = target.effectiveBlastRadius();
    final long effectiveSeed = radius.seed() != null ? radius.seed() : seed;
    final TargetMatcher matcher;
    final Map<String, Boolean> permitted = new HashMap<>();
    long version;
    boolean incremental;

    // Permitted matches by namespace and name, terminating ones included.
    final ArrayList<Entry> matched = new ArrayList<>();
    int terminating;
    // The eligible (not terminating) matches: the first k by rank, and the rest.
    final TreeSet<Entry> chosen = new TreeSet<>(BY_RANK);
    final TreeSet<Entry> rest = new TreeSet<>(BY_RANK);
    int count;
    // The chosen ones by namespace and name, as the result lists them.
    final ArrayList<SelectedPod> selected = new ArrayList<>();
    final TreeSet<PodView> notReady = new TreeSet<>(BY_KEY);
    // Matches in namespaces the policy denies.
    final TreeMap<String, Integer> denied = new TreeMap<>();
    int deniedCount;
    // Live replicas per workload, counted here only when the snapshot keeps no index.
    final Map<Tallies.WorkloadKey, Integer> replicas;
    // {matched, selected} per workload with matches; the counts shown; which to redo.
    final Map<Tallies.WorkloadKey, int[]> workloadTally = new HashMap<>();
    final TreeMap<Tallies.WorkloadKey, WorkloadCount> workloads = new TreeMap<>(WORKLOAD_ORDER);
    final TreeSet<Tallies.WorkloadKey> whole = new TreeSet<>(WORKLOAD_ORDER);
    final Set<Tallies.WorkloadKey> dirtyWorkloads = new HashSet<>();
    // {matched, selected} per node with matches.
    final TreeMap<String, int[]> nodeTally = new TreeMap<>();
    // Budget violations per namespace with selected pods, the budgets they were checked against,
    // and the namespaces to check again.
    final TreeMap<String, List<String>> violations = new TreeMap<>();
    final Map<String, List<BudgetView>> checkedBudgets = new HashMap<>();
    final Set<String> dirtyBudgets = new HashSet<>();
    // The last result's lists, reused while their part did not change.
    List<PodView> matchedList;
    List<SelectedPod> selectedList;
    List<WorkloadCount> workloadList;
    List<NodeCount> nodeList;
    boolean matchedDirty = true;
    boolean selectedDirty = true;
    boolean nodesDirty = true;

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

    /** After budget or node changes: the namespaces whose budgets are not as last checked. */
    void checkBudgets() {
      checkedBudgets.forEach(
          (namespace, budgets) -> {
            if (!snapshot.budgets(namespace).equals(budgets)) {
              dirtyBudgets.add(namespace);
            }
          });
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
        Tallies.WorkloadKey key = Tallies.key(pod);
        if (replicas != null) {
          replicas.merge(key, 1, Integer::sum);
        }
        if (workloadTally.containsKey(key)) {
          dirtyWorkloads.add(key);
        }
      }
      Boolean permits = scope(pod.namespace());
      if (permits == null || !matcher.matchesIgnoringNamespace(pod)) {
        return;
      }
      if (!permits) {
        deniedCount++;
        denied.merge(pod.namespace(), 1, Integer::sum);
        return;
      }
      var entry = new Entry(pod, BlastRadiusSampler.rank(pod, effectiveSeed));
      int at = Collections.binarySearch(matched, entry, ENTRY_BY_KEY);
      if (at >= 0) {
        removeMatch(matched.get(at)); // a pod added twice: keep the newer view
        at = Collections.binarySearch(matched, entry, ENTRY_BY_KEY);
      }
      matched.add(-at - 1, entry);
      matchedDirty = true;
      tally(pod, 1);
      if (pod.terminating()) {
        terminating++;
      } else if (!chosen.isEmpty() && BY_RANK.compare(entry, chosen.last()) < 0) {
        chosen.add(entry);
        select(entry);
      } else {
        rest.add(entry);
      }
    }

    private void remove(PodView pod) {
      if (!pod.terminating()) {
        Tallies.WorkloadKey key = Tallies.key(pod);
        if (replicas != null) {
          replicas.computeIfPresent(key, (k, n) -> n == 1 ? null : n - 1);
        }
        if (workloadTally.containsKey(key)) {
          dirtyWorkloads.add(key);
        }
      }
      Boolean permits = scope(pod.namespace());
      if (permits == null) {
        return;
      }
      if (permits) {
        int at = Collections.binarySearch(matched, new Entry(pod, 0), ENTRY_BY_KEY);
        if (at >= 0) {
          removeMatch(matched.get(at)); // by namespace and name
        }
      } else if (matcher.matchesIgnoringNamespace(pod)) {
        deniedCount--;
        denied.computeIfPresent(pod.namespace(), (k, n) -> n == 1 ? null : n - 1);
      }
    }

    private void removeMatch(Entry entry) {
      matched.remove(Collections.binarySearch(matched, entry, ENTRY_BY_KEY));
      matchedDirty = true;
      if (entry.pod.terminating()) {
        terminating--;
      } else if (chosen.remove(entry)) {
        unselect(entry); // before its workload and node may lose their tally below
      } else {
        rest.remove(entry);
      }
      tally(entry.pod, -1);
    }

    private void select(Entry entry) {
      PodView pod = entry.pod;
      entry.selected = new SelectedPod(pod, matcher.containers(pod));
      selected.add(
          -Collections.binarySearch(selected, entry.selected, SELECTED_BY_KEY) - 1, entry.selected);
      selectedChanged(pod, 1);
    }

    private void unselect(Entry entry) {
      selected.remove(Collections.binarySearch(selected, entry.selected, SELECTED_BY_KEY));
      entry.selected = null;
      selectedChanged(entry.pod, -1);
    }

    private void selectedChanged(PodView pod, int delta) {
      selectedDirty = true;
      if (!pod.ready()) {
        if (delta > 0) {
          notReady.add(pod);
        } else {
          notReady.remove(pod);
        }
      }
      Tallies.WorkloadKey key = Tallies.key(pod);
      workloadTally.get(key)[1] += delta;
      dirtyWorkloads.add(key);
      nodeTally.get(Tallies.orEmpty(pod.node()))[1] += delta;
      nodesDirty = true;
      dirtyBudgets.add(pod.namespace());
    }

    /**
     * A permitted match came ({@code +1}) or went ({@code -1}): its workload's and node's count.
     */
    private void tally(PodView pod, int delta) {
      Tallies.WorkloadKey key = Tallies.key(pod);
      int[] w = workloadTally.computeIfAbsent(key, k -> new int[2]);
      w[0] += delta;
      if (w[0] == 0) {
        workloadTally.remove(key);
      }
      dirtyWorkloads.add(key);
      String node = Tallies.orEmpty(pod.node());
      int[] n = nodeTally.computeIfAbsent(node, k -> new int[2]);
      n[0] += delta;
      if (n[0] == 0) {
        nodeTally.remove(node);
      }
      nodesDirty = true;
    }

    /** Moves the boundary between chosen and the rest to the blast radius's count. */
    private void rebalance() {
      count = BlastRadiusSampler.count(radius, chosen.size() + rest.size(), effectiveSeed);
      while (chosen.size() > count) {
        Entry entry = chosen.pollLast();
        unselect(entry);
        rest.add(entry);
      }
      while (chosen.size() < count && !rest.isEmpty()) {
        Entry entry = rest.pollFirst();
        chosen.add(entry);
        select(entry);
      }
    }

    private int replicasOf(Tallies.WorkloadKey key) {
      if (replicas != null) {
        return replicas.getOrDefault(key, 0);
      }
      return snapshot.index().orElseThrow().liveReplicas(key.namespace(), key.kind(), key.name());
    }

    TargetResolution result() {
      rebalance();
      if (matchedDirty) {
        var pods = new PodView[matched.size()];
        for (int i = 0; i < pods.length; i++) {
          pods[i] = matched.get(i).pod;
        }
        matchedList = List.of(pods);
        matchedDirty = false;
      }
      if (selectedDirty) {
        selectedList = List.copyOf(selected);
        selectedDirty = false;
      }
      if (!dirtyWorkloads.isEmpty() || workloadList == null) {
        for (Tallies.WorkloadKey key : dirtyWorkloads) {
          int[] tally = workloadTally.get(key);
          if (tally == null) {
            workloads.remove(key);
            whole.remove(key);
            continue;
          }
          var count =
              new WorkloadCount(
                  key.namespace(), key.kind(), key.name(), replicasOf(key), tally[0], tally[1]);
          workloads.put(key, count);
          if (count.wholeWorkload()) {
            whole.add(key);
          } else {
            whole.remove(key);
          }
        }
        dirtyWorkloads.clear();
        workloadList = List.copyOf(workloads.values());
      }
      if (nodesDirty) {
        var nodes = new ArrayList<NodeCount>(nodeTally.size());
        nodeTally.forEach((node, c) -> nodes.add(new NodeCount(node, c[0], c[1])));
        nodeList = List.copyOf(nodes);
        nodesDirty = false;
      }
      for (String namespace : dirtyBudgets) {
        List<PodView> inNamespace = selectedIn(namespace);
        if (inNamespace.isEmpty()) {
          violations.remove(namespace);
          checkedBudgets.remove(namespace);
          continue;
        }
        List<BudgetView> budgets = snapshot.budgets(namespace);
        checkedBudgets.put(namespace, budgets);
        var broken = new ArrayList<String>();
        BudgetCheck.check(inNamespace, budgets, broken);
        if (broken.isEmpty()) {
          violations.remove(namespace);
        } else {
          violations.put(namespace, broken);
        }
      }
      dirtyBudgets.clear();

      int eligible = chosen.size() + rest.size();
      var warnings = new Warnings();
      warnings.noMatch(matched.size(), eligible);
      warnings.roundsToZero(radius, eligible, count);
      var firstWhole = new ArrayList<WorkloadCount>(Warnings.NAMES_SHOWN);
      for (Tallies.WorkloadKey key : whole) {
        if (firstWhole.size() == Warnings.NAMES_SHOWN) {
          break;
        }
        firstWhole.add(workloads.get(key));
      }
      warnings.wholeWorkloads(firstWhole, whole.size());
      var broken = new ArrayList<String>();
      violations.values().forEach(broken::addAll);
      warnings.budgets(broken);
      warnings.denied(deniedCount, denied.keySet());
      var firstNotReady = new ArrayList<String>(Warnings.NAMES_SHOWN);
      for (PodView pod : notReady) {
        if (firstNotReady.size() == Warnings.NAMES_SHOWN) {
          break;
        }
        firstNotReady.add(pod.key());
      }
      warnings.notReady(firstNotReady, notReady.size());
      warnings.terminating(terminating);
      return new TargetResolution(
          version,
          effectiveSeed,
          matchedList,
          selectedList,
          workloadList,
          nodeList,
          warnings.list());
    }

    /** The selected pods in one namespace, by name. */
    private List<PodView> selectedIn(String namespace) {
      int from = lowerBound(namespace);
      int to = lowerBound(namespace + "\0");
      var pods = new ArrayList<PodView>(to - from);
      for (int i = from; i < to; i++) {
        pods.add(selected.get(i).pod());
      }
      return pods;
    }

    /** The first position in {@code selected} whose namespace is not below {@code namespace}. */
    private int lowerBound(String namespace) {
      int lo = 0;
      int hi = selected.size();
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (selected.get(mid).pod().namespace().compareTo(namespace) < 0) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }
  }
}
