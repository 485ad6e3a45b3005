package dev.faultline;

import dev.faultline.sandbox.Sandbox;
import dev.faultline.sandbox.SandboxOptions;
import dev.faultline.sandbox.world.ControllerTimings;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Two sandboxes behind one kubeconfig, for multi-cluster tests: contexts {@code east} (the current
 * one) and {@code west}, each with namespace {@code shop}. HTTP probes resolve {@code
 * checkout.shop} through their context's client, so a probe's context really picks the cluster.
 */
public final class TwoClusters implements AutoCloseable {
  private final Sandbox east;
  private final Sandbox west;
  private final KubernetesClient eastClient;
  private final KubernetesClient westClient;
  private final Path kubeconfig;

  private TwoClusters(Path dir) throws IOException {
    east = sandbox(dir, "east");
    west = sandbox(dir, "west");
    kubeconfig = dir.resolve("kubeconfig");
    Files.writeString(kubeconfig, kubeconfigText());
    eastClient = client(east);
    westClient = client(west);
  }

  /** Starts both sandboxes; their kubeconfigs and the shared one are written under {@code dir}. */
  public static TwoClusters start(Path dir) throws IOException {
    return new TwoClusters(dir);
  }

  /** The kubeconfig with both contexts, {@code east} current. */
  public Path kubeconfig() {
    return kubeconfig;
  }

  /** A client of the {@code east} cluster, to check what a run left there. */
  public KubernetesClient east() {
    return eastClient;
  }

  /** A client of the {@code west} cluster. */
  public KubernetesClient west() {
    return westClient;
  }

  /**
   * Waits up to 20 s until checkout in {@code client}'s {@code shop} namespace is as the sandbox
   * starts it, three ready pods that no fault marks, and returns those pods.
   */
  public static List<Pod> awaitCheckoutIntact(KubernetesClient client) throws InterruptedException {
    return LeftBehind.await(
        Duration.ofSeconds(20),
        () -> client.pods().inNamespace("shop").withLabel("app", "checkout").list().getItems(),
        pods ->
            pods.size() == 3
                && pods.stream().allMatch(LeftBehind::ready)
                && pods.stream().noneMatch(LeftBehind::marked));
  }

  private static Sandbox sandbox(Path dir, String name) {
    return Sandbox.start(
        SandboxOptions.defaults()
            .withKubeconfig(dir.resolve(name + ".kc"))
            .withTimings(ControllerTimings.FAST));
  }

  private static KubernetesClient client(Sandbox sandbox) throws IOException {
    return new KubernetesClientBuilder()
        .withConfig(Config.fromKubeconfig(null, Files.readString(sandbox.kubeconfig()), null))
        .build();
  }

  private String kubeconfigText() {
    var servers = new java.util.LinkedHashMap<String, String>();
    servers.put("east", east.url());
    servers.put("west", west.url());
    return dev.faultline.sandbox.Kubeconfig.text(servers);
  }

  @Override
  public void close() {
    eastClient.close();
    westClient.close();
    east.close();
    west.close();
  }
}
