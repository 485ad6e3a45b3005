package dev.faultline.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.sandbox.SandboxOptions;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Client configuration from kubeconfig files; no cluster is contacted. */
class ClusterConnectorTest {

  @TempDir Path dir;

  @Test
  void aContextMayTakeItsClusterAndUserFromAnotherFile() throws Exception {
    Path contexts =
        Files.writeString(
            dir.resolve("contexts.yaml"),
            """
            contexts:
              - {name: staging, context: {cluster: stage, user: robot, namespace: checkout}}
            current-context: staging
            """);
    Path credentials =
        Files.writeString(
            dir.resolve("credentials.yaml"),
            """
            clusters:
              - {name: stage, cluster: {server: "https://stage.example.com:6443"}}
            users:
              - {name: robot, user: {token: t0ken}}
            """);

    Config config =
        ClusterConnector.config(
            List.of(contexts, dir.resolve("missing.yaml"), credentials), "staging");

    assertThat(config.getMasterUrl()).isEqualTo("https://stage.example.com:6443/");
    assertThat(config.getNamespace()).isEqualTo("checkout");
    assertThat(config.getAutoOAuthToken()).isEqualTo("t0ken");
    assertThat(config.getCurrentContext().getName()).isEqualTo("staging");
    assertThat(config.getConnectionTimeout()).isEqualTo(5000);
    assertThat(config.getRequestRetryBackoffLimit()).isEqualTo(1);
  }

  @Test
  void theContextAskedForIsUsedNotTheCurrentOne() throws Exception {
    Path file = Files.writeString(dir.resolve("config"), KubeContextsTest.TWO_CONTEXTS);

    Config config = ClusterConnector.config(List.of(file), "kind-dev");

    assertThat(config.getMasterUrl()).isEqualTo("https://127.0.0.1:40123/");
    assertThat(config.getCurrentContext().getName()).isEqualTo("kind-dev");
  }

  @Test
  void anUnknownContextIsAnErrorNotTheCurrentContext() throws Exception {
    // fabric8 alone would quietly fall back to current-context: a chaos tool must not.
    Path file = Files.writeString(dir.resolve("config"), KubeContextsTest.TWO_CONTEXTS);

    assertThatThrownBy(() -> ClusterConnector.config(List.of(file), "gone"))
        .isInstanceOf(KubeconfigException.class)
        .hasMessage("context \"gone\" is not defined in " + file);
  }

  @Test
  void aMalformedSingleFileIsNamed() throws Exception {
    Path file = Files.writeString(dir.resolve("config"), "contexts: 5\n");

    assertThatThrownBy(() -> ClusterConnector.config(List.of(file), "any"))
        .isInstanceOf(KubeconfigException.class)
        .hasMessage(file + ": not a valid kubeconfig: contexts: expected a list, found a number");
  }

  @Test
  void connectsToAKubeconfigContextThroughTheEnvironmentsFiles() throws Exception {
    Path file = Files.writeString(dir.resolve("config"), KubeContextsTest.TWO_CONTEXTS);
    KubeContexts kubeContexts =
        new KubeContexts(Map.of("KUBECONFIG", file + File.pathSeparator), dir);
    ContextRef prod = kubeContexts.discover().current().orElseThrow();

    try (ClusterConnector connector =
            new ClusterConnector(
                kubeContexts, SandboxOptions.defaults().withKubeconfig(dir.resolve("sandbox")));
        KubernetesClient client = connector.connect(new ClusterTarget.KubeContext(prod))) {
      assertThat(client.getMasterUrl()).hasToString("https://prod.example.com:6443/");
      assertThat(client.getNamespace()).isEqualTo("shop");
      assertThat(connector.sandbox()).isEmpty();
    }
  }

  @Test
  void aClosedConnectorStartsNoSandbox() {
    ClusterConnector connector =
        new ClusterConnector(
            new KubeContexts(Map.of(), dir),
            SandboxOptions.defaults().withKubeconfig(dir.resolve("sandbox")));
    connector.close();

    assertThatThrownBy(() -> connector.connect(ClusterTarget.sandbox()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the cluster connector is closed");
    assertThat(dir.resolve("sandbox")).doesNotExist();
  }

  @Test
  void targetsNameTheirContext() {
    ContextRef ref = new ContextRef("prod-eu", "https://x", "shop", dir);
    assertThat(new ClusterTarget.KubeContext(ref).label()).isEqualTo("prod-eu");
    assertThat(new ClusterTarget.KubeContext(ref).contextName()).isEqualTo("prod-eu");
    assertThat(ClusterTarget.sandbox().label()).isEqualTo("Embedded sandbox");
    assertThat(ClusterTarget.sandbox().contextName()).isEqualTo("faultline-sandbox");
    assertThat(ClusterTarget.sandbox()).isEqualTo(new ClusterTarget.EmbeddedSandbox());
  }
}
