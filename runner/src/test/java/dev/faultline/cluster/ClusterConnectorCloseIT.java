package dev.faultline.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.sandbox.SandboxOptions;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Closing the connector stops its sandbox: clients built before then find nothing listening. */
class ClusterConnectorCloseIT {

  @TempDir Path dir;

  @Test
  void closingStopsTheSandbox() throws Exception {
    ClusterConnector connector =
        new ClusterConnector(
            new KubeContexts(Map.of(), dir),
            SandboxOptions.defaults()
                .withKubeconfig(dir.resolve("kubeconfig"))
                .withDemoServices(false));
    try (KubernetesClient client = connector.connect(ClusterTarget.sandbox())) {
      String url = connector.sandbox().orElseThrow().url();
      assertThat(ClusterProbe.probe(client)).isInstanceOf(ClusterSummary.Reachable.class);

      connector.close();

      assertThat(connector.sandbox()).isEmpty();
      assertThat(ClusterProbe.probe(client).describe())
          .isEqualTo("cannot reach " + url + ": connection refused");
    }
  }
}
