package dev.faultline.app.connection;

import dev.faultline.cluster.ClusterConnector;
import dev.faultline.cluster.ClusterProbe;
import dev.faultline.cluster.ClusterSummary;
import dev.faultline.cluster.ClusterTarget;
import dev.faultline.cluster.ContextDiscovery;
import dev.faultline.cluster.KubeContexts;
import dev.faultline.sandbox.Kubeconfig;
import dev.faultline.sandbox.SandboxOptions;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.util.List;
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
  private final Set<Live> open = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean shutDown = new AtomicBoolean();

  /**
   * Creates the service; nothing is read or started until asked.
   *
   * @param kubeContexts where the user's kubeconfig files are
   * @param sandboxOptions how to start the embedded sandbox; its kubeconfig path must be set
   */
  public FabricClusterService(KubeContexts kubeContexts, SandboxOptions sandboxOptions) {
    this.connector = new ClusterConnector(kubeContexts, sandboxOptions);
    this.sandboxKubeconfig = sandboxOptions.kubeconfig();
  }

  /**
   * The app's service: this process's kubeconfig files, and a sandbox whose kubeconfig goes to
   * {@link Kubeconfig#defaultPath()}.
   */
  public static FabricClusterService standard() {
    return new FabricClusterService(
        KubeContexts.system(), SandboxOptions.defaults().withKubeconfig(Kubeconfig.defaultPath()));
  }

  @Override
  public ContextDiscovery discover() {
    return connector.kubeContexts().discover();
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
    Live connection = new Live(client, summary);
    open.add(connection);
    if (shutDown.get()) {
      // Shut down while this connect was under way: nobody is left to close it.
      connection.close();
      throw new IllegalStateException("shutting down");
    }
    return connection;
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
    private final AtomicBoolean closed = new AtomicBoolean();

    Live(KubernetesClient client, ClusterSummary summary) {
      this.client = client;
      this.summary = summary;
    }

    @Override
    public ClusterSummary summary() {
      return summary;
    }

    @Override
    public void close() {
      if (closed.compareAndSet(false, true)) {
        open.remove(this);
        try {
          client.close();
        } catch (RuntimeException e) {
          LOG.log(Level.FINE, "closing a cluster client failed", e);
        }
      }
    }
  }
}
