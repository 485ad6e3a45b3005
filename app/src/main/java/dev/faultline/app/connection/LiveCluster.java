package dev.faultline.app.connection;

import dev.faultline.cluster.snapshot.LiveSnapshot;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Objects;

/**
 * An open connection's working parts, shared by the live preview and runs: the client and a live
 * snapshot of the cluster (pods, nodes, budgets in every namespace), watched from the moment the
 * connection opened. Both belong to the connection, which closes them.
 *
 * @param contextName the kubeconfig context (or the sandbox's) that runs and journals name
 * @param sandbox whether it is the embedded sandbox, whose world dies with the app
 */
public record LiveCluster(
    String contextName, KubernetesClient client, LiveSnapshot snapshot, boolean sandbox) {
  public LiveCluster {
    Objects.requireNonNull(contextName, "contextName");
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(snapshot, "snapshot");
  }
}
