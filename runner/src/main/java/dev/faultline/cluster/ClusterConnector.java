package dev.faultline.cluster;

import dev.faultline.sandbox.Kubeconfig;
import dev.faultline.sandbox.Sandbox;
import dev.faultline.sandbox.SandboxOptions;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Builds fabric8 clients for cluster targets. Every client comes from kubeconfig files and a
 * context name through the same code: a kubeconfig context reads the user's files; the embedded
 * sandbox is started on first use (one per connector) and read from the kubeconfig it writes.
 *
 * <p>Blocks (file IO, starting the sandbox), so call it off the UI thread. Thread-safe. Clients
 * belong to the caller, who closes them; {@link #close()} stops the sandbox.
 */
public final class ClusterConnector implements AutoCloseable {

  /** How long to wait for a TCP connection to the API server. */
  public static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(5);

  /**
   * Retries after a failed request. fabric8's default (10, with backoff) makes an unreachable
   * server take about 20 s to report; one retry keeps a probe within its deadline.
   */
  static final int REQUEST_RETRIES = 1;

  private final KubeContexts kubeContexts;
  private final SandboxOptions sandboxOptions;

  private Sandbox sandbox;
  private boolean closed;

  /**
   * Creates a connector.
   *
   * @param kubeContexts where the user's kubeconfig files are
   * @param sandboxOptions how to start the embedded sandbox; its kubeconfig path must be set
   */
  public ClusterConnector(KubeContexts kubeContexts, SandboxOptions sandboxOptions) {
    this.kubeContexts = Objects.requireNonNull(kubeContexts, "kubeContexts");
    this.sandboxOptions = Objects.requireNonNull(sandboxOptions, "sandboxOptions");
    Objects.requireNonNull(sandboxOptions.kubeconfig(), "sandboxOptions.kubeconfig");
  }

  /**
   * The app's connector: this process's kubeconfig files, and a sandbox whose kubeconfig goes to
   * {@link Kubeconfig#defaultPath()}, so {@code kubectl --kubeconfig} can join in.
   */
  public static ClusterConnector standard() {
    return new ClusterConnector(
        KubeContexts.system(), SandboxOptions.defaults().withKubeconfig(Kubeconfig.defaultPath()));
  }

  /** Where the user's kubeconfig files are. */
  public KubeContexts kubeContexts() {
    return kubeContexts;
  }

  /**
   * Builds a client for {@code target}, starting the sandbox if it is the target and not yet
   * running. Does not contact a real cluster: use {@link ClusterProbe} for that.
   *
   * @throws KubeconfigException when the kubeconfig is unreadable or lacks the context
   * @throws IllegalStateException after {@link #close()}
   */
  public KubernetesClient connect(ClusterTarget target) throws KubeconfigException {
    Objects.requireNonNull(target, "target");
    Config config =
        switch (target) {
          case ClusterTarget.KubeContext context ->
              config(kubeContexts.files(), context.contextName());
          case ClusterTarget.EmbeddedSandbox sandboxTarget ->
              config(List.of(startSandbox().kubeconfig()), sandboxTarget.contextName());
        };
    return new KubernetesClientBuilder().withConfig(config).build();
  }

  /** The running sandbox, if a connection has started it. */
  public synchronized Optional<Sandbox> sandbox() {
    return Optional.ofNullable(sandbox);
  }

  private synchronized Sandbox startSandbox() {
    if (closed) {
      throw new IllegalStateException("the cluster connector is closed");
    }
    if (sandbox == null) {
      sandbox = Sandbox.start(sandboxOptions);
    }
    return sandbox;
  }

  /**
   * The client configuration for {@code context} from kubeconfig {@code files} merged the way
   * kubectl merges them: fabric8's own {@link Config#fromKubeconfig(String, java.io.File)} path
   * ({@link Config#empty()} plus {@link KubeConfigUtils#merge}), for several files. Missing files
   * are skipped; malformed ones too, unless the context is then not found.
   *
   * @throws KubeconfigException when no file defines {@code context}
   */
  static Config config(List<Path> files, String context) throws KubeconfigException {
    List<KubeconfigProblem> problems = new ArrayList<>();
    List<io.fabric8.kubernetes.api.model.Config> parsed =
        KubeconfigFiles.parseAll(files.stream().filter(Files::exists).toList(), problems);
    boolean defined =
        parsed.stream()
            .filter(kubeconfig -> kubeconfig.getContexts() != null)
            .flatMap(kubeconfig -> kubeconfig.getContexts().stream())
            .anyMatch(named -> context.equals(named.getName()) && named.getContext() != null);
    if (!defined) {
      if (problems.size() == 1 && files.size() == 1) {
        throw new KubeconfigException(problems.getFirst());
      }
      throw new KubeconfigException(
          "context \""
              + context
              + "\" is not defined in "
              + files.stream().map(Path::toString).collect(Collectors.joining(", "))
              + problems.stream().map(p -> "; " + p).collect(Collectors.joining()));
    }
    Config config = Config.empty();
    KubeConfigUtils.merge(
        config, context, parsed.toArray(io.fabric8.kubernetes.api.model.Config[]::new));
    config.setConnectionTimeout((int) CONNECTION_TIMEOUT.toMillis());
    config.setRequestRetryBackoffLimit(REQUEST_RETRIES);
    return config;
  }

  /** Stops the sandbox if one was started; afterwards the sandbox cannot be started again. */
  @Override
  public void close() {
    Sandbox running;
    synchronized (this) {
      closed = true;
      running = sandbox;
      sandbox = null;
    }
    if (running != null) {
      running.close();
    }
  }
}
