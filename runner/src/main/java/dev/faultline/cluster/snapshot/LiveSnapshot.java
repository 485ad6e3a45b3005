package dev.faultline.cluster.snapshot;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live cluster snapshot: pods and budgets of the given namespaces (never cluster-wide unless
 * asked with an empty set) and all nodes, kept current by list-then-watch. Every change bumps
 * {@link #version()}; the UI polls it once per frame.
 */
public final class LiveSnapshot implements ClusterSnapshot, AutoCloseable {
  /** Pod changes remembered for {@link #podChangesSince}: ten seconds of heavy churn. */
  static final int JOURNAL = 1024;

  private final Set<String> namespaces;
  private final Object lock = new Object();
  // Written under the lock only; read without it by version() and the UI's per-frame poll.
  private volatile long version;
  // Pod changes after this version are all in the journal (a relist or the journal's overflow).
  private long barrier;
  private final PodChange[] journal = new PodChange[JOURNAL];
  private final long[] journalVersions = new long[JOURNAL];
  private int journalNext;
  private int journalSize;
  private final LivePodIndex index = new LivePodIndex(lock, this::pods);
  private volatile long lastChangeNanos = System.nanoTime();
  private final java.util.List<Runnable> listeners =
      new java.util.concurrent.CopyOnWriteArrayList<>();
  private final Views views = new Views();
  private final List<Store<PodView>> podStores = new ArrayList<>();
  private final List<Store<BudgetView>> budgetStores = new ArrayList<>();
  private final Store<NodeView> nodeStore = new Store<>(false);
  private final List<Reflector<?, ?>> reflectors = new ArrayList<>();

  /**
   * The views of one reflector. Every change goes through here under the snapshot's lock, bumps the
   * version once and, for pods, is journaled with the view it replaced.
   */
  private final class Store<V> implements Reflector.Sink<V> {
    final Map<String, V> map = new ConcurrentHashMap<>();
    private final boolean journaled;

    Store(boolean journaled) {
      this.journaled = journaled;
    }

    @Override
    public void put(String key, V view) {
      synchronized (lock) {
        changed(map.put(key, view), view);
      }
      notifyListeners();
    }

    @Override
    public void remove(String key) {
      synchronized (lock) {
        V before = map.remove(key);
        if (before == null) {
          return; // nothing changed
        }
        changed(before, null);
      }
      notifyListeners();
    }

    @Override
    public void replaceAll(Map<String, V> views) {
      synchronized (lock) {
        map.keySet().retainAll(views.keySet());
        map.putAll(views);
        long at = bump();
        if (journaled) {
          barrier = at;
          journalSize = 0;
          index.reset();
        }
      }
      notifyListeners();
    }

    @Override
    public void stateChanged() {
      synchronized (lock) {
        bump();
      }
      notifyListeners();
    }

    private void changed(V before, V after) {
      long at = bump();
      if (journaled) {
        PodView old = (PodView) before;
        PodView now = (PodView) after;
        if (journalSize == JOURNAL) {
          barrier = journalVersions[journalNext]; // forget the oldest
        } else {
          journalSize++;
        }
        journal[journalNext] = new PodChange(old, now);
        journalVersions[journalNext] = at;
        journalNext = (journalNext + 1) % JOURNAL;
        index.changed(old, now);
      }
    }
  }

  private LiveSnapshot(KubernetesClient client, Set<String> namespaces, Clock clock) {
    this.namespaces = Set.copyOf(namespaces);
    var pods = new PodLister(client, views.json());
    if (namespaces.isEmpty()) {
      podReflector("pods", client, null, pods, clock);
      budgetReflector(
          "budgets",
          o -> client.policy().v1().podDisruptionBudget().inAnyNamespace().list(o),
          (o, w) -> client.policy().v1().podDisruptionBudget().inAnyNamespace().watch(o, w),
          clock);
    } else {
      for (String ns : namespaces) {
        podReflector("pods in " + ns, client, ns, pods, clock);
        budgetReflector(
            "budgets in " + ns,
            o -> client.policy().v1().podDisruptionBudget().inNamespace(ns).list(o),
            (o, w) -> client.policy().v1().podDisruptionBudget().inNamespace(ns).watch(o, w),
            clock);
      }
    }
    reflectors.add(
        new Reflector<Node, NodeView>(
            "nodes",
            Reflector.viewing(o -> client.nodes().list(o), views::node),
            NodeView::name,
            (o, w) -> client.nodes().watch(o, w),
            views::node,
            nodeStore,
            clock));
  }

  private void podReflector(
      String what, KubernetesClient client, String namespace, PodLister lister, Clock clock) {
    var store = new Store<PodView>(true);
    podStores.add(store);
    reflectors.add(
        new Reflector<Pod, PodView>(
            what,
            (limit, next) -> {
              PodJson.Page page = lister.list(namespace, null, limit, next);
              return new Reflector.Page<>(
                  page.pods(), page.resourceVersion(), page.continueToken());
            },
            PodView::key,
            namespace == null
                ? (o, w) -> client.pods().inAnyNamespace().watch(o, w)
                : (o, w) -> client.pods().inNamespace(namespace).watch(o, w),
            views::pod,
            store,
            clock));
  }

  private void budgetReflector(
      String what,
      Reflector.Lister<PodDisruptionBudget> lister,
      Reflector.WatchStarter<PodDisruptionBudget> watcher,
      Clock clock) {
    var store = new Store<BudgetView>(false);
    budgetStores.add(store);
    reflectors.add(
        new Reflector<PodDisruptionBudget, BudgetView>(
            what,
            Reflector.viewing(lister, views::budget),
            b -> b.namespace() + "/" + b.name(),
            watcher,
            views::budget,
            store,
            clock));
  }

  // Under the lock.
  private long bump() {
    lastChangeNanos = System.nanoTime();
    return ++version;
  }

  private void notifyListeners() {
    listeners.forEach(Runnable::run);
  }

  /**
   * Starts watching. {@code namespaces} empty means every namespace; the caller owns the client.
   */
  public static LiveSnapshot start(KubernetesClient client, Set<String> namespaces, Clock clock) {
    var snapshot = new LiveSnapshot(client, namespaces, clock);
    snapshot.reflectors.forEach(Reflector::start);
    return snapshot;
  }

  private List<Reflector<?, ?>> all() {
    return reflectors;
  }

  /** Waits until every list has arrived once; false on timeout. */
  public boolean awaitSynced(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (state().phase() == SnapshotState.Phase.SYNCING) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(20);
    }
    return true;
  }

  @Override
  public long version() {
    return version;
  }

  @Override
  public <R> R read(java.util.function.Function<? super ClusterSnapshot, R> reader) {
    synchronized (lock) {
      return reader.apply(this);
    }
  }

  @Override
  public Optional<List<PodChange>> podChangesSince(long since) {
    synchronized (lock) {
      if (since < barrier || since > version) {
        return Optional.empty();
      }
      var changes = new ArrayList<PodChange>();
      for (int i = 1; i <= journalSize; i++) {
        int at = Math.floorMod(journalNext - i, JOURNAL);
        if (journalVersions[at] <= since) {
          break;
        }
        changes.add(journal[at]);
      }
      return Optional.of(changes.reversed());
    }
  }

  @Override
  public Optional<PodIndex> index() {
    return Optional.of(index);
  }

  /**
   * {@link System#nanoTime()} when the latest change arrived, for measuring how soon a consumer
   * reflects it.
   */
  public long lastChangeNanos() {
    return lastChangeNanos;
  }

  /**
   * Calls {@code listener} after each change, on the thread that received it: it must only wake
   * something up (a CLI re-render loop); UIs poll {@link #version()} per frame instead.
   */
  public void onChange(Runnable listener) {
    listeners.add(listener);
  }

  /** Syncing while any list is outstanding, stale while any watch is down (earliest first). */
  @Override
  public SnapshotState state() {
    List<SnapshotState> states = all().stream().map(Reflector::state).toList();
    return states.stream()
        .filter(s -> s.phase() == SnapshotState.Phase.STALE)
        .min(Comparator.comparing(SnapshotState::since))
        .or(() -> states.stream().filter(s -> s.phase() == SnapshotState.Phase.SYNCING).findFirst())
        .orElseGet(
            () -> states.stream().max(Comparator.comparing(SnapshotState::since)).orElseThrow());
  }

  @Override
  public Collection<String> namespaces() {
    return namespaces;
  }

  /** All pods: a live view over the stores, not a copy; iterate it inside {@link #read}. */
  @Override
  public Collection<PodView> pods() {
    if (podStores.size() == 1) {
      return podStores.getFirst().map.values();
    }
    return new java.util.AbstractCollection<>() {
      @Override
      public java.util.Iterator<PodView> iterator() {
        return podStores.stream().flatMap(s -> s.map.values().stream()).iterator();
      }

      @Override
      public int size() {
        return podStores.stream().mapToInt(s -> s.map.size()).sum();
      }
    };
  }

  @Override
  public List<BudgetView> budgets(String namespace) {
    var result = new ArrayList<BudgetView>();
    budgetStores.forEach(
        s ->
            s.map.values().stream()
                .filter(b -> b.namespace().equals(namespace))
                .forEach(result::add));
    return result;
  }

  @Override
  public Collection<NodeView> nodes() {
    return nodeStore.map.values();
  }

  /** How often lists were (re)done, summed: 1 per reflector after a clean start. */
  public long relists() {
    return all().stream().mapToLong(Reflector::relists).sum();
  }

  /** An immutable copy at the current version, for consumers that need a stable view. */
  public StaticSnapshot freeze() {
    return read(
        s -> {
          var allBudgets = new ArrayList<BudgetView>();
          budgetStores.forEach(b -> allBudgets.addAll(b.map.values()));
          return new StaticSnapshot(
              version,
              new ArrayList<>(namespaces),
              List.copyOf(pods()),
              allBudgets,
              List.copyOf(nodes()));
        });
  }

  @Override
  public String toString() {
    return "LiveSnapshot["
        + state()
        + ", pods="
        + pods().stream().map(PodView::name).toList()
        + ", relists="
        + relists()
        + "]";
  }

  @Override
  public void close() {
    all().forEach(Reflector::close);
  }
}
