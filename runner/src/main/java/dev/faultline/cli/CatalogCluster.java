package dev.faultline.cli;

import dev.faultline.cluster.ContextRef;
import dev.faultline.cluster.KubeconfigException;
import dev.faultline.cluster.catalog.ExperimentCatalog;
import dev.faultline.safety.Cleanup;
import dev.faultline.sandbox.Kubeconfig;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The options every {@code faultline catalog} subcommand shares: which cluster ({@code --context},
 * {@code --kubeconfig}, or {@code --sandbox} for the running app's embedded sandbox; a new sandbox
 * would forget the catalog when the command ends) and which namespace ({@code -n}, else the
 * context's namespace, like kubectl).
 */
final class CatalogCluster {
  @Option(
      names = {"-n", "--namespace"},
      paramLabel = "NS",
      description = "Namespace of the catalog (default: the context's namespace).")
  String namespace;

  @Option(
      names = "--context",
      paramLabel = "NAME",
      description = "Kubeconfig context (default: the current one).")
  String context;

  @Option(
      names = "--kubeconfig",
      paramLabel = "PATH",
      description = "Kubeconfig file instead of KUBECONFIG / ~/.kube/config.")
  Path kubeconfig;

  @Option(names = "--sandbox", description = "The embedded sandbox of the running Faultline app.")
  boolean sandbox;

  /** A catalog on the chosen cluster; the client closes with {@code clusters}. */
  Connected connect(CliEnvironment environment, CliClusters clusters) throws UsageError {
    String contextName;
    if (sandbox) {
      contextName = Kubeconfig.CONTEXT;
    } else if (context != null) {
      contextName = context;
    } else {
      contextName =
          clusters
              .currentContext()
              .orElseThrow(
                  () ->
                      new UsageError(
                          "no current kubeconfig context; pass --context NAME, or --sandbox for"
                              + " the running app's sandbox"));
    }
    String ns = namespace != null ? namespace : defaultNamespace(clusters, contextName);
    try {
      Cleanup.Cluster cluster = clusters.connect(contextName);
      return new Connected(contextName, ExperimentCatalog.of(cluster.client(), ns));
    } catch (Cleanup.ClusterGone e) {
      throw new UsageError(e.getMessage() + "; start the app with --sandbox first");
    } catch (IllegalArgumentException | KubeconfigException e) {
      throw new UsageError(e.getMessage());
    } catch (Exception e) {
      throw new UsageError("cannot connect to context \"" + contextName + "\": " + e.getMessage());
    }
  }

  private static String defaultNamespace(CliClusters clusters, String contextName) {
    Optional<ContextRef> ref =
        clusters.discovery().contexts().stream()
            .filter(c -> c.name().equals(contextName))
            .findFirst();
    return ref.map(ContextRef::namespace).orElse(ContextRef.DEFAULT_NAMESPACE);
  }

  /** Makes the clusters this command may use. */
  CliClusters clusters(CliEnvironment environment) {
    return new CliClusters(
        environment.kubeContexts().overriddenBy(Optional.ofNullable(kubeconfig)),
        environment.sandboxKubeconfig());
  }

  /**
   * @param context the kubeconfig context
   * @param catalog the catalog in the chosen namespace
   */
  record Connected(String context, ExperimentCatalog catalog) {
    String where() {
      return "namespace \"" + catalog.namespace() + "\" of context \"" + context + "\"";
    }
  }

  /** The cluster could not be chosen: exit 64 with the message. */
  static final class UsageError extends Exception {
    UsageError(String message) {
      super(message);
    }
  }
}
