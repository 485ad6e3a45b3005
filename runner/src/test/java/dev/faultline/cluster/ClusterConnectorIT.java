package dev.faultline.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.sandbox.Sandbox;
import dev.faultline.sandbox.SandboxOptions;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The connector starts a real sandbox and probes it, as the embedded target and as a context. */
class ClusterConnectorIT {

  @TempDir static Path dir;
  private static ClusterConnector connector;
  private static Sandbox sandbox;

  @BeforeAll
  static void start() throws Exception {
    connector =
        new ClusterConnector(
            new KubeContexts(Map.of(), dir),
            SandboxOptions.defaults().withKubeconfig(dir.resolve("sandbox.kubeconfig")));
    try (KubernetesClient client = connector.connect(ClusterTarget.sandbox())) {
      assertThat(client.getNamespace()).isEqualTo("shop");
    }
    sandbox = connector.sandbox().orElseThrow();
  }

  @AfterAll
  static void stop() {
    connector.close();
  }

  @Test
  void probesTheEmbeddedSandbox() throws Exception {
    try (KubernetesClient client = connector.connect(ClusterTarget.sandbox())) {
      ClusterSummary summary = ClusterProbe.probe(client);

      assertThat(summary).isInstanceOf(ClusterSummary.Reachable.class);
      ClusterSummary.Reachable reachable = (ClusterSummary.Reachable) summary;
      assertThat(reachable.server()).isEqualTo(sandbox.url());
      assertThat(reachable.version()).isEqualTo("v1.35.0+faultline-sandbox");
      assertThat(reachable.namespaces()).hasValue(5);
      assertThat(reachable.pods()).hasValue(19);
      assertThat(summary.describe()).isEqualTo("v1.35.0 \u00b7 19 pods in 5 namespaces");
    }
    assertThat(connector.sandbox()).containsSame(sandbox);
  }

  @Test
  void theSandboxIsJustAnotherKubeconfigContext() throws Exception {
    KubeContexts viaEnvironment =
        new KubeContexts(Map.of("KUBECONFIG", sandbox.kubeconfig().toString()), dir);
    ContextDiscovery found = viaEnvironment.discover();
    ContextRef context = found.current().orElseThrow();
    assertThat(context)
        .isEqualTo(
            new ContextRef("faultline-sandbox", sandbox.url(), "shop", sandbox.kubeconfig()));

    try (ClusterConnector other =
            new ClusterConnector(
                viaEnvironment, SandboxOptions.defaults().withKubeconfig(dir.resolve("unused")));
        KubernetesClient client = other.connect(new ClusterTarget.KubeContext(context))) {
      assertThat(ClusterProbe.probe(client).describe())
          .isEqualTo("v1.35.0 \u00b7 19 pods in 5 namespaces");
      assertThat(other.sandbox()).isEmpty();
    }
  }
}
