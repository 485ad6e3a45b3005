package dev.faultline.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.sandbox.Sandbox;
import dev.faultline.sandbox.SandboxOptions;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A context whose credentials come from an exec plugin (like EKS, GKE or AKS), against the embedded
 * sandbox (which accepts any token). The plugin is only on the injected "login shell" PATH, as for
 * an app started from a desktop menu; the kubeconfig files are never written.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class ExecPluginIT {

  @TempDir static Path dir;
  private static Sandbox sandbox;

  @BeforeAll
  static void start() {
    sandbox =
        Sandbox.start(
            SandboxOptions.defaults()
                .withKubeconfig(dir.resolve("sandbox.kubeconfig"))
                .withDemoServices(false));
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  private record Snapshot(byte[] bytes, FileTime modified) {
    static Snapshot of(Path file) throws IOException {
      return new Snapshot(Files.readAllBytes(file), Files.getLastModifiedTime(file));
    }
  }

  private static List<Path> listing(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.sorted().toList();
    }
  }

  @Test
  void connectsWithATokenFromAPluginOnTheLoginShellPathAndWritesNoKubeconfig() throws Exception {
    FakeExecPlugin plugin = FakeExecPlugin.in(dir.resolve("login-bin"));
    Path kube = Files.createDirectories(dir.resolve("home/.kube"));
    String kubeconfig = FakeExecPlugin.kubeconfig(sandbox.url(), "sandbox", List.of());
    // Two files on KUBECONFIG: the context in one, its cluster and user in the other.
    Path contexts =
        Files.writeString(
            kube.resolve("contexts.yaml"), kubeconfig.substring(kubeconfig.indexOf("contexts:")));
    Path credentials =
        Files.writeString(
            kube.resolve("credentials.yaml"),
            kubeconfig.substring(0, kubeconfig.indexOf("contexts:")));
    FileTime past = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
    Files.setLastModifiedTime(contexts, past);
    Files.setLastModifiedTime(credentials, past);
    Snapshot contextsBefore = Snapshot.of(contexts);
    Snapshot credentialsBefore = Snapshot.of(credentials);
    List<Path> listingBefore = listing(kube);

    KubeContexts kubeContexts =
        new KubeContexts(
            Map.of("KUBECONFIG", contexts + File.pathSeparator + credentials), dir.resolve("home"));
    ContextDiscovery found = kubeContexts.discover();
    ContextRef context = found.current().orElseThrow();
    assertThat(context).isEqualTo(new ContextRef("eks-like", sandbox.url(), "shop", contexts));

    try (ClusterConnector connector =
            new ClusterConnector(
                kubeContexts,
                SandboxOptions.defaults().withKubeconfig(dir.resolve("unused")),
                plugin.onLoginShellPathOnly());
        KubernetesClient client = connector.connect(new ClusterTarget.KubeContext(context))) {
      ClusterSummary summary = ClusterProbe.probe(client);

      assertThat(summary.describe()).isEqualTo("v1.35.0 \u00b7 19 pods in 5 namespaces");
      assertThat(client.getConfiguration().getAutoOAuthToken()).isEqualTo("sandbox-1");
      assertThat(client.getNamespace()).isEqualTo("shop");
      assertThat(plugin.runs()).isEqualTo(1);
      assertThat(connector.sandbox()).isEmpty();
    }

    Snapshot contextsAfter = Snapshot.of(contexts);
    Snapshot credentialsAfter = Snapshot.of(credentials);
    assertThat(contextsAfter.bytes()).isEqualTo(contextsBefore.bytes());
    assertThat(contextsAfter.modified()).isEqualTo(contextsBefore.modified());
    assertThat(credentialsAfter.bytes()).isEqualTo(credentialsBefore.bytes());
    assertThat(credentialsAfter.modified()).isEqualTo(credentialsBefore.modified());
    assertThat(listing(kube)).isEqualTo(listingBefore);
  }

  @Test
  void withoutTheLoginShellPathThePluginIsReportedMissing() throws Exception {
    FakeExecPlugin plugin = FakeExecPlugin.in(dir.resolve("other-bin"));
    Path file =
        Files.writeString(
            dir.resolve("missing-plugin.yaml"),
            FakeExecPlugin.kubeconfig(sandbox.url(), "sandbox", List.of()));
    KubeContexts kubeContexts = KubeContexts.ofFiles(List.of(file));
    ContextRef context = kubeContexts.discover().current().orElseThrow();

    try (ClusterConnector connector =
        new ClusterConnector(
            kubeContexts,
            SandboxOptions.defaults().withKubeconfig(dir.resolve("unused")),
            FakeExecPlugin.processPathOnly())) {
      assertThatThrownBy(() -> connector.connect(new ClusterTarget.KubeContext(context)))
          .isInstanceOf(KubeconfigException.class)
          .hasMessageContaining("the credential plugin \"faultline-fake-auth\" was not found");
    }
    assertThat(plugin.runs()).isZero();
  }
}
