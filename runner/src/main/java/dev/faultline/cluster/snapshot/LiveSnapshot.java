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
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The live cluster snapshot: pods and budgets of the given namespaces (never cluster-wide unless
 * asked with an empty set) and all nodes, kept current by list-then-watch. Every change bumps
 * {@link #version()}; the UI polls it once per frame.
 */
public final class LiveSnapshot implements ClusterSnapshot, AutoCloseable {
  private final Set<String> namespaces;
  private final AtomicLong version = new AtomicLong();
  private volatile long lastChangeNanos = System.nanoTime();
  private final java.util.List<Runnable> listeners =
      new java.util.concurrent.CopyOnWriteArrayList<>();
  private final Views views = new Views();
  private final List<Reflector<Pod, PodView>> pods = new ArrayList<>();
  private final List<Reflector<PodDisruptionBudget, BudgetView>> budgets = new ArrayList<>();
  private final Reflector<Node, NodeView> nodes;

  private LiveSnapshot(KubernetesClient client, Set<String> namespaces, Clock clock) {
    this.namespaces = Set.copyOf(namespaces);
    Runnable changed =
        () -> {
          lastChangeNanos = System.nanoTime();
          version.incrementAndGet();
          listeners.forEach(Runnable::run);
        };
    if (namespaces.isEmpty()) {
      pods.add(
          new Reflector<Pod, PodView>(
              "pods",
              o -> client.pods().inAnyNamespace().list(o),
              (o, w) -> client.pods().inAnyNamespace().watch(o, w),
              views::pod,
              changed,
              clock));
      budgets.add(
          new Reflector<PodDisruptionBudget, BudgetView>(
              "budgets",
              o -> client.policy().v1().podDisruptionBudget().inAnyNamespace().list(o),
              (o, w) -> client.policy().v1().podDisruptionBudget().inAnyNamespace().watch(o, w),
              views::budget,
              changed,
              clock));
    } else {
      for (String ns : namespaces) {
        pods.add(
            new Reflector<Pod, PodView>(
                "pods in " + ns,
                o -> client.pods().inNamespace(ns).list(o),
                (o, w) -> client.pods().inNamespace(ns).watch(o, w),
                views::pod,
                changed,
                clock));
        budgets.add(
            new Reflector<PodDisruptionBudget, BudgetView>(
                "budgets in " + ns,
                o -> client.policy().v1().podDisruptionBudget().inNamespace(ns).list(o),
                (o, w) -> client.policy().v1().podDisruptionBudget().inNamespace(ns).watch(o, w),
                views::budget,
                changed,
                clock));
      }
    }
    nodes =
        new Reflector<Node, NodeView>(
            "nodes",
            o -> client.nodes().list(o),
            (o, w) -> client.nodes().watch(o, w),
            views::node,
            changed,
            clock);
  }

  /**
   * Starts watching. {@code namespaces} empty means every namespace; the caller owns the client.
   */
  public static LiveSnapshot start(KubernetesClient client, Set<String> namespaces, Clock clock) {
    var snapshot = new LiveSnapshot(client, namespaces, clock);
    snapshot.all().forEach(Reflector::start);
    return snapshot;
  }

  private List<Reflector<?, ?>> all() {
    var list = new ArrayList<Reflector<?, ?>>(pods);
    list.addAll(budgets);
    list.add(nodes);
    return list;
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
    return version.get();
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

  @Override
  public Collection<PodView> pods() {
    if (pods.size() == 1) {
      return pods.getFirst().store().values();
    }
    var all = new ArrayList<PodView>();
    pods.forEach(r -> all.addAll(r.store().values()));
    return all;
  }

  @Override
  public List<BudgetView> budgets(String namespace) {
    var result = new ArrayList<BudgetView>();
    budgets.forEach(
        r ->
            r.store().values().stream()
                .filter(b -> b.namespace().equals(namespace))
                .forEach(result::add));
    return result;
  }

  @Override
  public Collection<NodeView> nodes() {
    return nodes.store().values();
  }

  /** How often lists were (re)done, summed: 1 per reflector after a clean start. */
  public long relists() {
    return all().stream().mapToLong(Reflector::relists).sum();
  }

  /** An immutable copy at the current version, for consumers that need a stable view. */
  public StaticSnapshot freeze() {
    long at = version();
    var ns = new ArrayList<>(namespaces);
    var allBudgets = new ArrayList<BudgetView>();
    budgets.forEach(r -> allBudgets.addAll(r.store().values()));
    return new StaticSnapshot(at, ns, List.copyOf(pods()), allBudgets, List.copyOf(nodes()));
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
