package dev.faultline.cli;

import dev.faultline.safety.StateDirectory;
import dev.faultline.sandbox.Sandbox;
import dev.faultline.sandbox.SandboxOptions;
import dev.faultline.sandbox.world.ControllerTimings;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Two sandboxes behind one kubeconfig, for multi-cluster tests: contexts {@code east} (the current
 * one) and {@code west}, both with namespace {@code shop}, and a client to each cluster. While it
 * is open, the state directory (journals, active runs) is {@code <dir>/state}.
 */
final class TwoClusters implements AutoCloseable {
  final Sandbox east;
  final Sandbox west;
  final KubernetesClient eastClient;
  final KubernetesClient westClient;
  final Path kubeconfig;

  private TwoClusters(Path dir) throws Exception {
    System.setProperty(StateDirectory.PROPERTY, dir.resolve("state").toString());
    east = sandbox(dir, "east");
    west = sandbox(dir, "west");
    kubeconfig = dir.resolve("kubeconfig");
    Files.writeString(kubeconfig, twoContexts());
    eastClient = client(east);
    westClient = client(west);
  }

  /** Starts both sandboxes and writes the kubeconfig in {@code dir}. */
  static TwoClusters start(Path dir) throws Exception {
    return new TwoClusters(dir);
  }

  private static Sandbox sandbox(Path dir, String name) {
    return Sandbox.start(
        SandboxOptions.defaults()
            .withKubeconfig(dir.resolve(name + ".kc"))
            .withTimings(ControllerTimings.FAST));
  }

  private static KubernetesClient client(Sandbox sandbox) throws Exception {
    return new KubernetesClientBuilder()
        .withConfig(Config.fromKubeconfig(null, Files.readString(sandbox.kubeconfig()), null))
        .build();
  }

  private String twoContexts() {
    return """
        apiVersion: v1
        kind: Config
        clusters:
          - {name: east, cluster: {server: "%s"}}
          - {name: west, cluster: {server: "%s"}}
        users:
          - {name: east, user: {token: east}}
          - {name: west, user: {token: west}}
        contexts:
          - {name: east, context: {cluster: east, user: east, namespace: shop}}
          - {name: west, context: {cluster: west, user: west, namespace: shop}}
        current-context: east
        """
        .formatted(east.url(), west.url());
  }

  @Override
  public void close() {
    eastClient.close();
    westClient.close();
    east.close();
    west.close();
    System.clearProperty(StateDirectory.PROPERTY);
  }
}
