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

  /**
   * Where fabric8 notes, in the merged current context, the file that defines its user. fabric8
   * writes refreshed OIDC tokens back to that file; without the note it writes nothing.
   */
  private static final String USER_FILE_KEY = "KUBERNETES_CONFIG_AUTH_INFO_FILE_KEY";

  private final KubeContexts kubeContexts;
  private final SandboxOptions sandboxOptions;
  private final ExecPluginPath execPath;

  private Sandbox sandbox;
  private boolean closed;

  /**
   * Creates a connector whose exec credential plugins run with this process's {@code PATH} merged
   * with the {@linkplain ExecPluginPath#system() login shell's}.
   *
   * @param kubeContexts where the user's kubeconfig files are
   * @param sandboxOptions how to start the embedded sandbox; its kubeconfig path must be set
   */
  public ClusterConnector(KubeContexts kubeContexts, SandboxOptions sandboxOptions) {
    this(kubeContexts, sandboxOptions, ExecPluginPath.system());
  }

  /**
   * Creates a connector.
   *
   * @param kubeContexts where the user's kubeconfig files are
   * @param sandboxOptions how to start the embedded sandbox; its kubeconfig path must be set
   * @param execPath the {@code PATH} exec credential plugins run with
   */
  public ClusterConnector(
      KubeContexts kubeContexts, SandboxOptions sandboxOptions, ExecPluginPath execPath) {
    this.kubeContexts = Objects.requireNonNull(kubeContexts, "kubeContexts");
    this.sandboxOptions = Objects.requireNonNull(sandboxOptions, "sandboxOptions");
    this.execPath = Objects.requireNonNull(execPath, "execPath");
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
   * running. Does not contact a real cluster (use {@link ClusterProbe} for that), but runs the
   * context's exec credential plugin, if it has one. Never writes a kubeconfig file.
   *
   * @throws KubeconfigException when the kubeconfig is unreadable or lacks the context, or the
   *     context's credential plugin cannot be found or gives no credentials
   * @throws IllegalStateException after {@link #close()}
   */
  public KubernetesClient connect(ClusterTarget target) throws KubeconfigException {
    Objects.requireNonNull(target, "target");
    Config config =
        switch (target) {
          case ClusterTarget.KubeContext context ->
              config(kubeContexts.files(), context.contextName(), execPath);
          case ClusterTarget.EmbeddedSandbox sandboxTarget ->
              config(List.of(startSandbox().kubeconfig()), sandboxTarget.contextName(), execPath);
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
   * The client configuration for {@code context}, with exec plugins run with this process's {@code
   * PATH} only.
   *
   * @see #config(List, String, ExecPluginPath)
   */
  static Config config(List<Path> files, String context) throws KubeconfigException {
    return config(files, context, new ExecPluginPath(System.getenv("PATH"), Optional::empty));
  }

  /**
   * The client configuration for {@code context} from kubeconfig {@code files} merged the way
   * kubectl merges them: fabric8's own {@link Config#fromKubeconfig(String, java.io.File)} path
   * ({@link Config#empty()} plus {@link KubeConfigUtils#merge}), for several files. Missing files
   * are skipped; malformed ones too, unless the context is then not found.
   *
   * <p>When the context's user has an exec credential plugin, it runs (during the merge) with
   * {@code execPath}, and again on each {@linkplain RefreshingConfig#refresh() token refresh}.
   * Nothing is written to the files: the plugin's {@code PATH} is set on the parsed copy, and the
   * note that would let fabric8 write refreshed OIDC tokens back is removed.
   *
   * @throws KubeconfigException when no file defines {@code context}, or its plugin cannot be found
   *     or gives no credentials
   */
  static Config config(List<Path> files, String context, ExecPluginPath execPath)
      throws KubeconfigException {
    List<KubeconfigProblem> problems = new ArrayList<>();
    List<ExecCredentials.Parsed> parsed = new ArrayList<>();
    for (Path file : files.stream().filter(Files::exists).toList()) {
      try {
        parsed.add(new ExecCredentials.Parsed(file, KubeconfigFiles.parse(file)));
      } catch (KubeconfigException e) {
        problems.add(e.problem());
      }
    }
    boolean defined =
        parsed.stream()
            .map(ExecCredentials.Parsed::config)
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
    Optional<ExecCredentials.Plugin> plugin = ExecCredentials.plugin(parsed, context);
    if (plugin.isPresent()) {
      ExecCredentials.usePath(plugin.get(), execPath);
      ExecCredentials.checkFindable(plugin.get(), context, execPath);
    }
    Config config =
        new RefreshingConfig(
            plugin.isEmpty() ? null : () -> config(List.copyOf(files), context, execPath));
    KubeConfigUtils.merge(
        config,
        context,
        parsed.stream()
            .map(ExecCredentials.Parsed::config)
            .toArray(io.fabric8.kubernetes.api.model.Config[]::new));
    if (plugin.isPresent() && !hasCredentials(config)) {
      throw ExecCredentials.gaveNoCredentials(plugin.get().exec(), context);
    }
    if (config.getCurrentContext() != null
        && config.getCurrentContext().getAdditionalProperties() != null) {
      config.getCurrentContext().getAdditionalProperties().remove(USER_FILE_KEY);
    }
    config.setConnectionTimeout((int) CONNECTION_TIMEOUT.toMillis());
    config.setRequestRetryBackoffLimit(REQUEST_RETRIES);
    return config;
  }

  private static boolean hasCredentials(Config config) {
    String token = config.getAutoOAuthToken();
    String cert = config.getClientCertData();
    return (token != null && !token.isEmpty()) || (cert != null && !cert.isEmpty());
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
