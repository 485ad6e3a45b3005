package dev.faultline.app.connection;

import dev.faultline.cluster.ClusterSummary;
import dev.faultline.cluster.ClusterTarget;
import dev.faultline.cluster.ContextDiscovery;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link ClusterService} that answers at once from what the test sets up; every target is
 * reachable unless told otherwise. Thread-safe, so UI tests can use it with the real executor.
 */
public final class FakeClusterService implements ClusterService {

  /** A summary like the sandbox's. */
  public static final ClusterSummary SANDBOX_LIKE =
      new ClusterSummary.Reachable(
          "http://127.0.0.1:6443", "v1.35.0", OptionalInt.of(5), OptionalInt.of(19));

  private volatile ContextDiscovery discovery =
      ContextDiscovery.none(List.of(Path.of("/home/me/.kube/config")));
  private final Map<String, ClusterSummary> summaries = new ConcurrentHashMap<>();
  private final Map<String, Exception> failures = new ConcurrentHashMap<>();
  private final List<ClusterTarget> connects = new CopyOnWriteArrayList<>();
  private final List<FakeConnection> connections = new CopyOnWriteArrayList<>();
  private volatile boolean shutDown;
  private volatile Set<String> protectedNames = Set.of();
  private volatile Exception protectedFailure;

  /** Makes {@link #discover()} answer {@code found}. */
  public FakeClusterService discovering(ContextDiscovery found) {
    this.discovery = found;
    return this;
  }

  /** Makes {@link #protectedContexts()} answer {@code names}. */
  public FakeClusterService protecting(String... names) {
    this.protectedNames = Set.of(names);
    return this;
  }

  /** Makes {@link #protectedContexts()} throw {@code failure}. */
  public FakeClusterService failingToReadProtected(Exception failure) {
    this.protectedFailure = failure;
    return this;
  }

  /** Makes connecting to the context {@code contextName} find {@code summary}. */
  public FakeClusterService answering(String contextName, ClusterSummary summary) {
    summaries.put(contextName, summary);
    return this;
  }

  /** Makes connecting to the context {@code contextName} throw {@code failure}. */
  public FakeClusterService failing(String contextName, Exception failure) {
    failures.put(contextName, failure);
    return this;
  }

  @Override
  public ContextDiscovery discover() {
    return discovery;
  }

  @Override
  public Set<String> protectedContexts() throws Exception {
    if (protectedFailure != null) {
      throw protectedFailure;
    }
    return protectedNames;
  }

  @Override
  public Set<String> setProtected(String contextName, boolean protect) throws Exception {
    if (protectedFailure != null) {
      throw protectedFailure;
    }
    Set<String> next = new java.util.TreeSet<>(protectedNames);
    if (protect) {
      next.add(contextName);
    } else {
      next.remove(contextName);
    }
    protectedNames = Set.copyOf(next);
    return protectedNames;
  }

  @Override
  public Connection connect(ClusterTarget target) throws Exception {
    connects.add(target);
    Exception failure = failures.get(target.contextName());
    if (failure != null) {
      throw failure;
    }
    FakeConnection connection =
        new FakeConnection(target, summaries.getOrDefault(target.contextName(), SANDBOX_LIKE));
    connections.add(connection);
    return connection;
  }

  @Override
  public Path sandboxKubeconfig() {
    return Path.of("/data/faultline/sandbox/kubeconfig");
  }

  @Override
  public void shutdown() {
    shutDown = true;
  }

  /** Every target asked for, in order. */
  public List<ClusterTarget> connects() {
    return List.copyOf(connects);
  }

  /** The targets of the connections handed out and not closed yet. */
  public List<ClusterTarget> open() {
    List<ClusterTarget> open = new ArrayList<>();
    connections.stream().filter(c -> !c.closed).forEach(c -> open.add(c.target));
    return open;
  }

  /** Whether {@link #shutdown()} was called. */
  public boolean isShutDown() {
    return shutDown;
  }

  private static final class FakeConnection implements Connection {
    private final ClusterTarget target;
    private final ClusterSummary summary;
    private volatile boolean closed;

    FakeConnection(ClusterTarget target, ClusterSummary summary) {
      this.target = target;
      this.summary = summary;
    }

    @Override
    public ClusterSummary summary() {
      return summary;
    }

    @Override
    public void close() {
      closed = true;
    }
  }
}
