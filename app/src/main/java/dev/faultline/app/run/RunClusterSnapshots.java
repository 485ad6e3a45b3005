package dev.faultline.app.run;

import dev.faultline.cluster.snapshot.ClusterSnapshot;
import dev.faultline.engine.RunEnvironment;
import dev.faultline.engine.SnapshotSource;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The snapshot each cluster of one run is read from, for the pod strip: the connection's live
 * snapshot for the run's own context, and for each other context of a multi-cluster run the
 * snapshot the engine opened there (caught as the run's {@link RunEnvironment.ContextOpener} opens
 * the context, so the strip reads the very pods the run resolved, with no second connection).
 * Thread-safe: the engine fills it on its threads, the strip reads it on background threads.
 */
public final class RunClusterSnapshots {
  private final String runContext;
  private final Supplier<? extends ClusterSnapshot> own;
  private final Map<String, ClusterSnapshot> others = new ConcurrentHashMap<>();

  /**
   * @param own the run's own context's snapshot, read each time (null while disconnected)
   */
  public RunClusterSnapshots(String runContext, Supplier<? extends ClusterSnapshot> own) {
    this.runContext = Objects.requireNonNull(runContext, "runContext");
    this.own = Objects.requireNonNull(own, "own");
  }

  /**
   * The snapshot of {@code context} ({@code ""} or the run's own: the connection's), or null when
   * that context has not been opened (yet).
   */
  public ClusterSnapshot of(String context) {
    return context == null || context.isEmpty() || context.equals(runContext)
        ? own.get()
        : others.get(context);
  }

  /** {@code opener}, remembering the snapshot of each context the run opens through it. */
  RunEnvironment.ContextOpener tracking(RunEnvironment.ContextOpener opener) {
    return name -> {
      RunEnvironment env = opener.open(name);
      SnapshotSource source = env.snapshots();
      return new RunEnvironment(
          env.catalog(),
          env.attacks(),
          env.probes(),
          env.client(),
          env.contextName(),
          (namespaces, timeout) -> {
            var snapshot = source.open(namespaces, timeout);
            // A later loop opens the context again: its snapshot replaces the last one.
            others.put(name, snapshot);
            return snapshot;
          },
          env.journals(),
          env.access(),
          env.environment(),
          env.others());
    };
  }
}
