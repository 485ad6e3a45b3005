package dev.faultline.app;

import dev.faultline.sandbox.Kubeconfig;
import dev.faultline.sandbox.Sandbox;
import dev.faultline.sandbox.SandboxOptions;
import dev.faultline.sandbox.world.ControllerTimings;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Two embedded sandboxes behind one kubeconfig with the contexts {@code east} (current) and {@code
 * west}, as runner's MultiClusterRunIT sets them up: each context's HTTP probes reach its own
 * sandbox's {@code checkout.shop}, so a context really picks a cluster. Close it after the test.
 */
record TwoClusters(Sandbox east, Sandbox west, Path kubeconfig) implements AutoCloseable {

  /** Starts both sandboxes under {@code dir} and writes {@code dir/kubeconfig}. */
  static TwoClusters start(Path dir) throws Exception {
    Sandbox east = sandbox(dir, "east");
    Sandbox west;
    try {
      west = sandbox(dir, "west");
    } catch (RuntimeException e) {
      east.close();
      throw e;
    }
    Path kubeconfig = dir.resolve("kubeconfig");
    var urls = new java.util.LinkedHashMap<String, String>();
    urls.put("east", east.url());
    urls.put("west", west.url());
    Files.writeString(kubeconfig, Kubeconfig.text(urls));
    return new TwoClusters(east, west, kubeconfig);
  }

  private static Sandbox sandbox(Path dir, String name) {
    return Sandbox.start(
        SandboxOptions.defaults()
            .withKubeconfig(dir.resolve(name + ".kc"))
            .withTimings(ControllerTimings.FAST));
  }

  /** A new client of {@code sandbox}; the caller closes it. */
  static KubernetesClient client(Sandbox sandbox) throws Exception {
    return new KubernetesClientBuilder()
        .withConfig(Config.fromKubeconfig(null, Files.readString(sandbox.kubeconfig()), null))
        .build();
  }

  @Override
  public void close() {
    east.close();
    west.close();
  }
}
