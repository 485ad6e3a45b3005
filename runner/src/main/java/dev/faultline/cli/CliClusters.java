package dev.faultline.cli;

import dev.faultline.cluster.ClusterConnector;
import dev.faultline.cluster.ClusterTarget;
import dev.faultline.cluster.ContextDiscovery;
import dev.faultline.cluster.ContextRef;
import dev.faultline.cluster.KubeContexts;
import dev.faultline.safety.Cleanup;
import dev.faultline.sandbox.Kubeconfig;
import dev.faultline.sandbox.SandboxOptions;
import dev.faultline.validate.Suggestions;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The clusters {@code cleanup} and {@code stop} roll back in, by context name: the user's
 * kubeconfig contexts, and the embedded sandbox of a running app (through the kubeconfig it wrote).
 * Never starts a sandbox: a sandbox that is not running took its faults with it ({@link
 * Cleanup.ClusterGone}). Closes every client it made.
 */
final class CliClusters implements Cleanup.Clusters, AutoCloseable {
  private final KubeContexts contexts;
  private final Path sandboxKubeconfig;
  private final List<AutoCloseable> open = new ArrayList<>();
  private ContextDiscovery discovery;

  CliClusters(KubeContexts contexts, Path sandboxKubeconfig) {
    this.contexts = contexts;
    this.sandboxKubeconfig = sandboxKubeconfig;
  }

  /** The kubeconfig's contexts. */
  synchronized ContextDiscovery discovery() {
    if (discovery == null) {
      discovery = contexts.discover();
    }
    return discovery;
  }

  /** The kubeconfig's current context, if any. */
  Optional<String> currentContext() {
    return discovery().current().map(ContextRef::name);
  }

  @Override
  public synchronized Cleanup.Cluster connect(String context) throws Exception {
    Optional<ContextRef> ref =
        discovery().contexts().stream().filter(c -> c.name().equals(context)).findFirst();
    boolean sandbox = Kubeconfig.CONTEXT.equals(context);
    if (ref.isPresent()) {
      return new Cleanup.Cluster(client(contexts, ref.get()), sandbox);
    }
    if (sandbox) {
      if (!Files.exists(sandboxKubeconfig)) {
        throw new Cleanup.ClusterGone("the embedded sandbox is not running");
      }
      KubeContexts own = KubeContexts.ofFiles(List.of(sandboxKubeconfig));
      Optional<ContextRef> sandboxRef =
          own.discover().contexts().stream().filter(c -> c.name().equals(context)).findFirst();
      if (sandboxRef.isEmpty()) {
        throw new Cleanup.ClusterGone("the embedded sandbox is not running");
      }
      return new Cleanup.Cluster(client(own, sandboxRef.get()), true);
    }
    throw new IllegalArgumentException(
        "no kubeconfig context '"
            + context
            + "'"
            + Suggestions.didYouMean(
                context, discovery().contexts().stream().map(ContextRef::name).toList())
            + " (pass --kubeconfig to name the file that has it)");
  }

  private KubernetesClient client(KubeContexts files, ContextRef ref) throws Exception {
    Path unused = Files.createTempDirectory("faultline-cleanup").resolve("kubeconfig");
    var connector = new ClusterConnector(files, SandboxOptions.defaults().withKubeconfig(unused));
    open.add(connector);
    KubernetesClient client = connector.connect(new ClusterTarget.KubeContext(ref));
    open.add(client);
    return client;
  }

  @Override
  public synchronized void close() {
    for (AutoCloseable closeable : open.reversed()) {
      try {
        closeable.close();
      } catch (Exception e) {
        // best effort: the others must still close
      }
    }
    open.clear();
  }
}
