package dev.faultline.app.connection;

import dev.faultline.attack.AttackExecutors;
import dev.faultline.cluster.ClusterConnector;
import dev.faultline.cluster.ClusterProbe;
import dev.faultline.cluster.ClusterSummary;
import dev.faultline.cluster.ClusterTarget;
import dev.faultline.cluster.ContextDiscovery;
import dev.faultline.cluster.KubeContexts;
import dev.faultline.cluster.snapshot.LiveSnapshot;
import dev.faultline.engine.ClusterRunEnvironment;
import dev.faultline.engine.RunEnvironment;
import dev.faultline.safety.Cleanup;
import dev.faultline.safety.ProtectedContexts;
import dev.faultline.safety.StateDirectory;
import dev.faultline.sandbox.Kubeconfig;
import dev.faultline.sandbox.SandboxOptions;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The real {@link ClusterService}: fabric8 clients from the runner's {@link ClusterConnector},
 * probed with {@link ClusterProbe}.
 */
public final class FabricClusterService implements ClusterService {

  private static final Logger LOG = Logger.getLogger(FabricClusterService.class.getName());

  private final ClusterConnector connector;
  private final Path sandboxKubeconfig;
  private final Path protectedContextsFile;
  private final Set<Live> open = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean shutDown = new AtomicBoolean();

  /**
   * Creates the service; nothing is read or started until asked. Protected contexts come from
   * {@link ProtectedContexts#defaultFile()}.
   *
   * @param kubeContexts where the user's kubeconfig files are
   * @param sandboxOptions how to start the embedded sandbox; its kubeconfig path must be set
   */
  public FabricClusterService(KubeContexts kubeContexts, SandboxOptions sandboxOptions) {
    this(kubeContexts, sandboxOptions, ProtectedContexts.defaultFile());
  }

  /**
   * Creates the service; nothing is read or started until asked.
   *
   * @param kubeContexts where the user's kubeconfig files are
   * @param sandboxOptions how to start the embedded sandbox; its kubeconfig path must be set
   * @param protectedContextsFile Faultline's settings file listing the protected contexts
   */
  public FabricClusterService(
      KubeContexts kubeContexts, SandboxOptions sandboxOptions, Path protectedContextsFile) {
    this.connector = new ClusterConnector(kubeContexts, sandboxOptions);
    this.sandboxKubeconfig = sandboxOptions.kubeconfig();
    this.protectedContextsFile = protectedContextsFile;
  }

  /**
   * The app's service: this process's kubeconfig files, and a sandbox whose kubeconfig goes to
   * {@link Kubeconfig#defaultPath()}.
   */
  public static FabricClusterService standard() {
    return standard(Optional.empty());
  }

  /**
   * The app's service, reading {@code kubeconfig} instead of the environment's files when given
   * (the {@code --kubeconfig} option).
   *
   * @param kubeconfig the explicitly named kubeconfig file, if any
   */
  public static FabricClusterService standard(Optional<Path> kubeconfig) {
    return new FabricClusterService(
        KubeContexts.system().overriddenBy(kubeconfig),
        SandboxOptions.defaults().withKubeconfig(Kubeconfig.defaultPath()));
  }

  @Override
  public ContextDiscovery discover() {
    return connector.kubeContexts().discover();
  }

  @Override
  public Set<String> protectedContexts() throws IOException {
    return ProtectedContexts.load(protectedContextsFile).names();
  }

  @Override
  public Set<String> setProtected(String contextName, boolean protect) throws IOException {
    // The same file and atomic rewrite as `faultline contexts protect|unprotect`.
    ProtectedContexts contexts = ProtectedContexts.load(protectedContextsFile);
    return (protect ? contexts.protect(contextName) : contexts.unprotect(contextName)).names();
  }

  @Override
  public Connection connect(ClusterTarget target) throws Exception {
    if (shutDown.get()) {
      throw new IllegalStateException("shutting down");
    }
    KubernetesClient client = connector.connect(target);
    ClusterSummary summary;
    try {
      summary = ClusterProbe.probe(client);
    } catch (RuntimeException e) {
      client.close();
      throw e;
    }
    // Watch every namespace from the start, so the preview has pods to show when the user selects
    // an attack; the snapshot syncs in the background and says so in its state.
    LiveSnapshot snapshot =
        summary instanceof ClusterSummary.Reachable
            ? LiveSnapshot.start(client, Set.of(), Clock.systemUTC())
            : null;
    Live connection =
        new Live(
            client,
            summary,
            snapshot == null
                ? null
                : new LiveCluster(
                    target.contextName(),
                    client,
                    snapshot,
                    target instanceof ClusterTarget.EmbeddedSandbox));
    open.add(connection);
    if (shutDown.get()) {
      // Shut down while this connect was under way: nobody is left to close it.
      connection.close();
      throw new IllegalStateException("shutting down");
    }
    return connection;
  }

  @Override
  public Cleanup.Report cleanUpLeftovers() throws Exception {
    Cleanup cleanup = new Cleanup(StateDirectory.get(), AttackExecutors.builtIn());
    List<String> contexts = List.copyOf(Cleanup.contexts(cleanup.scan(null).leftovers()));
    List<KubernetesClient> clients = new ArrayList<>();
    try {
      return cleanup.run(
          new Cleanup.Options(null, false, contexts, Set.of()),
          context -> {
            KubernetesClient client = connector.connect(cleanupTarget(context));
            clients.add(client);
            return new Cleanup.Cluster(client, Kubeconfig.CONTEXT.equals(context));
          });
    } finally {
      clients.forEach(KubernetesClient::close);
    }
  }

  /**
   * Where a leftover of {@code context} lives now. The sandbox's faults can only be in the sandbox
   * this app runs (an earlier one took its faults with it when it stopped), so it must be running.
   */
  private ClusterTarget cleanupTarget(String context) throws Cleanup.ClusterGone {
    if (Kubeconfig.CONTEXT.equals(context)) {
      if (connector.sandbox().isEmpty()) {
        throw new Cleanup.ClusterGone("the embedded sandbox that run used has stopped");
      }
      return ClusterTarget.sandbox();
    }
    return connector.kubeContexts().discover().contexts().stream()
        .filter(ref -> ref.name().equals(context))
        .findFirst()
        .<ClusterTarget>map(ClusterTarget.KubeContext::new)
        .orElseThrow(() -> new IllegalArgumentException("no kubeconfig context '" + context + "'"));
  }

  @Override
  public dev.faultline.designer.preview.ContextOpener previewContextOpener() {
    return new dev.faultline.designer.preview.KubeContextOpener(connector);
  }

  @Override
  public RunEnvironment.ContextOpener contextOpener(Path stateDirectory, String experimentName) {
    // The CLI's own opener over this service's connector: same kubeconfig files, same checks.
    return ClusterRunEnvironment.opener(connector, stateDirectory, experimentName);
  }

  @Override
  public List<String> missingContexts(List<String> names) {
    return ClusterRunEnvironment.missing(connector.kubeContexts(), names);
  }

  @Override
  public Path sandboxKubeconfig() {
    return sandboxKubeconfig;
  }

  @Override
  public void shutdown() {
    if (!shutDown.compareAndSet(false, true)) {
      return;
    }
    // A platform thread, not a daemon: the JVM waits for the sandbox to stop before exiting.
    Thread.ofPlatform()
        .name("faultline-cluster-shutdown")
        .daemon(false)
        .start(
            () -> {
              for (Live connection : List.copyOf(open)) {
                connection.close();
              }
              try {
                connector.close();
              } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "stopping the embedded sandbox failed", e);
              }
            });
  }

  private final class Live implements Connection {
    private final KubernetesClient client;
    private final ClusterSummary summary;
    private final LiveCluster live;
    private final AtomicBoolean closed = new AtomicBoolean();

    Live(KubernetesClient client, ClusterSummary summary, LiveCluster live) {
      this.client = client;
      this.summary = summary;
      this.live = live;
    }

    @Override
    public ClusterSummary summary() {
      return summary;
    }

    @Override
    public Optional<LiveCluster> live() {
      return Optional.ofNullable(live);
    }

    @Override
    public void close() {
      if (closed.compareAndSet(false, true)) {
        open.remove(this);
        if (live != null) {
          live.snapshot().close();
        }
        try {
          client.close();
        } catch (RuntimeException e) {
          LOG.log(Level.FINE, "closing a cluster client failed", e);
        }
      }
    }
  }
}
