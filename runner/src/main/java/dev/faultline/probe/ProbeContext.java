package dev.faultline.probe;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * What a probe executor may use.
 *
 * @param client the run's cluster client; {@code null} when probes run without a cluster (tests of
 *     HTTP probes, dry runs of files with no cluster step)
 * @param environment reads environment variables for secrets written {@code ${env:NAME}} in
 *     parameters; values are used for calls and never stored or logged
 */
public record ProbeContext(
    KubernetesClient client, String contextName, UnaryOperator<String> environment) {
  public ProbeContext {
    contextName = contextName == null ? "" : contextName;
    environment = environment == null ? System::getenv : environment;
  }

  public KubernetesClient requireClient(String probeId) throws ProbeException {
    if (client == null) {
      throw new ProbeException(probeId + " needs a cluster, and this run has none");
    }
    return Objects.requireNonNull(client);
  }
}
