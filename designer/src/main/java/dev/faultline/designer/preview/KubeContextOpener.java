package dev.faultline.designer.preview;

import dev.faultline.cluster.ClusterConnector;
import dev.faultline.cluster.ClusterTarget;
import dev.faultline.cluster.ContextRef;
import dev.faultline.cluster.snapshot.LiveSnapshot;
import dev.faultline.engine.ClusterRunEnvironment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * Opens other kubeconfig contexts as the connected one is opened: a client through the same {@link
 * ClusterConnector}, and a {@link LiveSnapshot} of every namespace. A context the kubeconfig lacks
 * fails with the run's own sentence ({@code no kubeconfig context 'wset'; did you mean 'west'?}),
 * so the preview and {@code faultline run} say the same.
 */
public final class KubeContextOpener implements ContextOpener {
  private final ClusterConnector connector;

  /**
   * @param connector the app's connector; its kubeconfig files are read anew for every context
   *     opened, so a context added since shows without a restart
   */
  public KubeContextOpener(ClusterConnector connector) {
    this.connector = connector;
  }

  @Override
  public Opened open(String context) throws Exception {
    List<String> missing =
        ClusterRunEnvironment.missing(connector.kubeContexts(), List.of(context));
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(missing.get(0));
    }
    ContextRef ref =
        connector.kubeContexts().discover().contexts().stream()
            .filter(c -> c.name().equals(context))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no kubeconfig context " + context));
    KubernetesClient client = connector.connect(new ClusterTarget.KubeContext(ref));
    LiveSnapshot snapshot;
    try {
      snapshot = LiveSnapshot.start(client, Set.of(), Clock.systemUTC());
    } catch (RuntimeException e) {
      client.close();
      throw e;
    }
    return new Opened(
        snapshot,
        () -> {
          snapshot.close();
          client.close();
        });
  }
}
