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
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
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

  // Exec credential plugins: the fake plugin is on the "login shell" PATH only, as for an app
  // started from a desktop menu whose PATH lacks ~/.local/bin or /opt/homebrew/bin.

  @Test
  @EnabledOnOs({OS.LINUX, OS.MAC})
  void anExecPluginOnlyOnTheLoginShellPathRuns() throws Exception {
    FakeExecPlugin plugin = FakeExecPlugin.in(dir.resolve("login-bin"));
    Path file =
        Files.writeString(
            dir.resolve("config"),
            FakeExecPlugin.kubeconfig("https://eks.example.com", "t", List.of()));

    Config config =
        ClusterConnector.config(List.of(file), "eks-like", plugin.onLoginShellPathOnly());

    assertThat(config.getAutoOAuthToken()).isEqualTo("t-1");
    assertThat(plugin.runs()).isEqualTo(1);
  }

  @Test
  @EnabledOnOs({OS.LINUX, OS.MAC})
  void aPluginNotFoundAnywhereIsNamedWithWhereItWasLookedFor() throws Exception {
    FakeExecPlugin plugin = FakeExecPlugin.in(dir.resolve("login-bin"));
    Path file =
        Files.writeString(
            dir.resolve("config"),
            FakeExecPlugin.kubeconfig(
                "https://eks.example.com", "t", List.of("installHint: Install it with brew.")));

    assertThatThrownBy(
            () ->
                ClusterConnector.config(
                    List.of(file), "eks-like", FakeExecPlugin.processPathOnly()))
        .isInstanceOf(KubeconfigException.class)
        .hasMessageStartingWith(
            "context \"eks-like\": the credential plugin \"faultline-fake-auth\" was not found"
                + " (searched PATH "
                + System.getenv("PATH")
                + "); install it, or start Faultline from a shell where kubectl works.")
        .hasMessageEndingWith(" Install it with brew.");
    assertThat(plugin.runs()).isZero();
  }

  @Test
  @EnabledOnOs({OS.LINUX, OS.MAC})
  void aPluginThatGivesNoCredentialIsAnErrorWithTheCommandToTry() throws Exception {
    FakeExecPlugin plugin = FakeExecPlugin.failing(dir.resolve("login-bin"));
    Path file =
        Files.writeString(
            dir.resolve("config"),
            FakeExecPlugin.kubeconfig("https://eks.example.com", "t", List.of()));

    assertThatThrownBy(
            () -> ClusterConnector.config(List.of(file), "eks-like", plugin.onLoginShellPathOnly()))
        .isInstanceOf(KubeconfigException.class)
        .hasMessage(
            "context \"eks-like\": the credential plugin \"faultline-fake-auth\" returned no token"
                + " or certificate; run \"faultline-fake-auth t\" in a terminal to see why (you may"
                + " need to log in again, e.g. aws sso login, gcloud auth login or az login)");
    assertThat(plugin.runs()).isEqualTo(1);
  }

  @Test
  @EnabledOnOs({OS.LINUX, OS.MAC})
  void aPathSetInTheKubeconfigExecBlockWins() throws Exception {
    FakeExecPlugin plugin = FakeExecPlugin.in(dir.resolve("own-bin"));
    Path file =
        Files.writeString(
            dir.resolve("config"),
            FakeExecPlugin.kubeconfig(
                "https://eks.example.com",
                "t",
                List.of("env: [{name: PATH, value: \"" + plugin.dir() + ":/usr/bin:/bin\"}]")));

    Config config =
        ClusterConnector.config(
            List.of(file),
            "eks-like",
            new ExecPluginPath(System.getenv("PATH"), () -> Optional.of("/elsewhere")));

    assertThat(config.getAutoOAuthToken()).isEqualTo("t-1");
  }

  @Test
  @EnabledOnOs({OS.LINUX, OS.MAC})
  void aTokenRefreshRunsThePluginAgainWithTheMergedPathAndAllFiles() throws Exception {
    FakeExecPlugin plugin = FakeExecPlugin.in(dir.resolve("login-bin"));
    String kubeconfig = FakeExecPlugin.kubeconfig("https://eks.example.com", "t", List.of());
    // The context in one file, its cluster and user in another: fabric8's own refresh would
    // re-read only the context's file.
    Path contexts =
        Files.writeString(
            dir.resolve("contexts.yaml"), kubeconfig.substring(kubeconfig.indexOf("contexts:")));
    Path users =
        Files.writeString(
            dir.resolve("users.yaml"), kubeconfig.substring(0, kubeconfig.indexOf("contexts:")));

    Config config =
        ClusterConnector.config(
            List.of(contexts, users), "eks-like", plugin.onLoginShellPathOnly());
    Config refreshed = config.refresh();

    assertThat(config.getAutoOAuthToken()).isEqualTo("t-1");
    assertThat(refreshed.getAutoOAuthToken()).isEqualTo("t-2");
    assertThat(refreshed.getMasterUrl()).isEqualTo("https://eks.example.com/");
    assertThat(plugin.runs()).isEqualTo(2);
  }

  @Test
  void aUserWithoutPluginIsNotReloadedOnRefresh() throws Exception {
    Path file = Files.writeString(dir.resolve("config"), KubeContextsTest.TWO_CONTEXTS);

    Config config = ClusterConnector.config(List.of(file), "prod-eu");

    assertThat(config.refresh()).isSameAs(config);
  }

  @Test
  void fabric8IsNotToldWhichFileToWriteRefreshedTokensTo() throws Exception {
    // fabric8 writes refreshed OIDC tokens to the file that defines the user; Faultline never
    // writes kubeconfig files.
    Path file = Files.writeString(dir.resolve("config"), KubeContextsTest.TWO_CONTEXTS);

    Config config = ClusterConnector.config(List.of(file), "prod-eu");

    assertThat(config.getFileWithAuthInfo()).isNull();
    assertThat(config.getAutoOAuthToken()).isEqualTo("secret");
  }
}
