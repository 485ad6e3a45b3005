package dev.faultline.sandbox;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.nio.file.Files;

/** A cluster client for a running sandbox, built from the kubeconfig it wrote, as users do. */
public final class SandboxClients {
  private SandboxClients() {}

  public static KubernetesClient connect(Sandbox sandbox) throws IOException {
    return new KubernetesClientBuilder()
        .withConfig(Config.fromKubeconfig(Files.readString(sandbox.kubeconfig())))
        .build();
  }
}
