package dev.faultline.designer;

import dev.faultline.sandbox.Sandbox;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * A fabric8 client for an embedded sandbox, through the kubeconfig it wrote (the way users and the
 * app reach it), with generous limits: CI machines are small and shared, and a slow answer there is
 * not a broken one.
 */
public final class SandboxClients {
  private SandboxClients() {}

  /** A new client; the caller closes it. */
  public static KubernetesClient of(Sandbox sandbox) {
    try {
      Config config =
          Config.fromKubeconfig(
              null, Files.readString(sandbox.kubeconfig()), sandbox.kubeconfig().toString());
      config.setRequestTimeout(10_000);
      config.setConnectionTimeout(10_000);
      return new KubernetesClientBuilder().withConfig(config).build();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the sandbox's kubeconfig", e);
    }
  }
}
