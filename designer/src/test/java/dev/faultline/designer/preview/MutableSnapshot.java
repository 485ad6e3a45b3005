package dev.faultline.designer.preview;

import dev.faultline.cluster.snapshot.BudgetView;
import dev.faultline.cluster.snapshot.ClusterSnapshot;
import dev.faultline.cluster.snapshot.ContainerView;
import dev.faultline.cluster.snapshot.NodeView;
import dev.faultline.cluster.snapshot.PodView;
import dev.faultline.cluster.snapshot.SnapshotState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * An in-memory snapshot tests change from any thread: every change bumps the version, as a live
 * snapshot does, but it tells no one (the preview polls it).
 */
final class MutableSnapshot implements ClusterSnapshot {
  private long version = 1;
  private List<PodView> pods = new ArrayList<>();
  private SnapshotState state = new SnapshotState(SnapshotState.Phase.LIVE, Instant.EPOCH, "");

  MutableSnapshot(List<PodView> pods) {
    this.pods = new ArrayList<>(pods);
  }

  /** A running, ready pod of a Deployment with an app and a sidecar container. */
  static PodView pod(String namespace, String app, String name, String node) {
    return new PodView(
        namespace,
        name,
        namespace + "-" + name,
        Map.of("app", app),
        Map.of(),
        "Running",
        true,
        false,
        node,
        "ReplicaSet",
        app + "-5d9",
        "Deployment",
        app,
        List.of(
            new ContainerView("app", true, "running", 0),
            new ContainerView("istio-proxy", true, "running", 0)));
  }

  synchronized void add(PodView pod) {
    pods.add(pod);
    version++;
  }

  synchronized void remove(String name) {
    pods.removeIf(p -> p.name().equals(name));
    version++;
  }

  /** A change that moves the version only (a pod elsewhere changed). */
  synchronized void touch() {
    version++;
  }

  synchronized void state(SnapshotState.Phase phase, String message) {
    state = new SnapshotState(phase, Instant.parse("2026-01-01T10:00:00Z"), message);
    version++;
  }

  @Override
  public synchronized long version() {
    return version;
  }

  @Override
  public synchronized SnapshotState state() {
    return state;
  }

  @Override
  public Collection<String> namespaces() {
    return List.of();
  }

  @Override
  public synchronized Collection<PodView> pods() {
    return List.copyOf(pods);
  }

  @Override
  public List<BudgetView> budgets(String namespace) {
    return List.of();
  }

  @Override
  public Collection<NodeView> nodes() {
    return List.of();
  }

  @Override
  public synchronized <R> R read(Function<? super ClusterSnapshot, R> reader) {
    return reader.apply(this);
  }
}
