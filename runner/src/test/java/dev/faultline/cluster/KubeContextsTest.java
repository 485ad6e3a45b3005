package dev.faultline.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Context discovery with an injected environment and a temporary home: the real ~/.kube stays
 * untouched.
 */
class KubeContextsTest {

  @TempDir Path home;

  static final String TWO_CONTEXTS =
      """
      apiVersion: v1
      kind: Config
      clusters:
        - name: prod
          cluster: {server: "https://prod.example.com:6443"}
        - name: kind
          cluster: {server: "https://127.0.0.1:40123"}
      users:
        - name: me
          user: {token: secret}
      contexts:
        - name: prod-eu
          context: {cluster: prod, user: me, namespace: shop}
        - name: kind-dev
          context: {cluster: kind, user: me}
      current-context: prod-eu
      """;

  private KubeContexts contexts(Map<String, String> env) {
    return new KubeContexts(env, home);
  }

  private Path write(String name, String text) throws IOException {
    Path file = home.resolve(name);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }

  @Test
  void withoutKubeconfigThereIsNothing() {
    ContextDiscovery found = contexts(Map.of()).discover();

    assertThat(found.kubeconfigExists()).isFalse();
    assertThat(found.contexts()).isEmpty();
    assertThat(found.current()).isEmpty();
    assertThat(found.problems()).isEmpty();
    assertThat(found.files()).containsExactly(home.resolve(".kube/config"));
  }

  @Test
  void readsTheDefaultFileLikeKubectl() throws IOException {
    Path config = write(".kube/config", TWO_CONTEXTS);

    ContextDiscovery found = contexts(Map.of("KUBECONFIG", "")).discover();

    assertThat(found.kubeconfigExists()).isTrue();
    assertThat(found.contexts())
        .containsExactly(
            new ContextRef("kind-dev", "https://127.0.0.1:40123", "default", config),
            new ContextRef("prod-eu", "https://prod.example.com:6443", "shop", config));
    assertThat(found.current()).map(ContextRef::name).contains("prod-eu");
    assertThat(found.problems()).isEmpty();
  }

  @Test
  void mergesTheKubeconfigListFirstDefinitionWinning() throws IOException {
    Path first =
        write(
            "a.yaml",
            """
            clusters:
              - {name: shared, cluster: {server: "https://first:6443"}}
            contexts:
              - {name: alpha, context: {cluster: shared, user: u}}
              - {name: both, context: {cluster: shared, user: u, namespace: from-first}}
            """);
    Path second =
        write(
            "b.yaml",
            """
            clusters:
              - {name: shared, cluster: {server: "https://second:6443"}}
              - {name: own, cluster: {server: "https://own:6443"}}
            contexts:
              - {name: both, context: {cluster: own, user: u, namespace: from-second}}
              - {name: beta, context: {cluster: own, user: u}}
            current-context: beta
            """);
    String list =
        String.join(
            File.pathSeparator,
            first.toString(),
            home.resolve("missing.yaml").toString(),
            "",
            second.toString());

    ContextDiscovery found = contexts(Map.of("KUBECONFIG", list)).discover();

    assertThat(found.files()).containsExactly(first, home.resolve("missing.yaml"), second);
    assertThat(found.contexts())
        .containsExactly(
            new ContextRef("alpha", "https://first:6443", "default", first),
            new ContextRef("beta", "https://own:6443", "default", second),
            new ContextRef("both", "https://first:6443", "from-first", first));
    assertThat(found.current()).map(ContextRef::name).contains("beta");
    assertThat(found.problems()).isEmpty();
  }

  @Test
  void aMalformedFileIsReportedByNameAndTheOthersStillCount() throws IOException {
    Path broken = write("broken.yaml", "contexts: 5\n");
    Path good = write("good.yaml", TWO_CONTEXTS);

    ContextDiscovery found =
        contexts(Map.of("KUBECONFIG", broken + File.pathSeparator + good)).discover();

    assertThat(found.contexts())
        .extracting(ContextRef::name)
        .containsExactly("kind-dev", "prod-eu");
    assertThat(found.problems())
        .containsExactly(
            new KubeconfigProblem(
                broken, "not a valid kubeconfig: contexts: expected a list, found a number"));
    assertThat(found.problems().getFirst().toString())
        .isEqualTo(broken + ": not a valid kubeconfig: contexts: expected a list, found a number");
  }

  @Test
  void yamlSyntaxErrorsNameLineAndColumn() throws IOException {
    Path broken = write(".kube/config", "apiVersion: v1\ncontexts:\n\t- name: x\n");

    ContextDiscovery found = contexts(Map.of()).discover();

    assertThat(found.kubeconfigExists()).isTrue();
    assertThat(found.contexts()).isEmpty();
    assertThat(found.problems()).hasSize(1);
    assertThat(found.problems().getFirst().file()).isEqualTo(broken);
    assertThat(found.problems().getFirst().message())
        .startsWith("not a valid kubeconfig: ")
        .contains("(line 3, column 1)");
  }

  @Test
  void anEmptyFileIsAnEmptyKubeconfig() throws IOException {
    write(".kube/config", "\n");

    ContextDiscovery found = contexts(Map.of()).discover();

    assertThat(found.kubeconfigExists()).isTrue();
    assertThat(found.contexts()).isEmpty();
    assertThat(found.problems()).isEmpty();
  }

  @Test
  void aCurrentContextThatIsNotDefinedIsAProblem() throws IOException {
    Path config =
        write(
            ".kube/config",
            """
            contexts:
              - {name: one, context: {cluster: nowhere, user: u}}
            current-context: gone
            """);

    ContextDiscovery found = contexts(Map.of()).discover();

    assertThat(found.contexts()).containsExactly(new ContextRef("one", "", "default", config));
    assertThat(found.current()).isEmpty();
    assertThat(found.problems())
        .containsExactly(new KubeconfigProblem(config, "current-context \"gone\" is not defined"));
  }

  @Test
  void aDirectoryInsteadOfAFileIsAProblemNotACrash() throws IOException {
    Files.createDirectories(home.resolve(".kube/config"));

    ContextDiscovery found = contexts(Map.of()).discover();

    assertThat(found.kubeconfigExists()).isTrue();
    assertThat(found.problems()).hasSize(1);
    assertThat(found.problems().getFirst().file()).isEqualTo(home.resolve(".kube/config"));
  }

  @Test
  void explicitFilesReplaceTheEnvironmentLikeKubectlKubeconfig() throws IOException {
    write(".kube/config", TWO_CONTEXTS);
    Path fromEnvironment =
        write("env.yaml", "contexts:\n  - {name: from-env, context: {cluster: c, user: u}}\n");
    Path first =
        write(
            "first.yaml",
            """
            contexts:
              - {name: shared, context: {cluster: c, user: u, namespace: first}}
            current-context: shared
            """);
    Path second =
        write(
            "second.yaml",
            """
            contexts:
              - {name: shared, context: {cluster: c, user: u, namespace: second}}
              - {name: only-second, context: {cluster: c, user: u}}
            current-context: only-second
            """);
    KubeContexts environment = contexts(Map.of("KUBECONFIG", fromEnvironment.toString()));

    KubeContexts explicit = KubeContexts.ofFiles(List.of(first, second));
    ContextDiscovery found = explicit.discover();

    assertThat(explicit.explicit()).isTrue();
    assertThat(environment.explicit()).isFalse();
    assertThat(found.files()).containsExactly(first, second);
    assertThat(found.contexts())
        .containsExactly(
            new ContextRef("only-second", "", "default", second),
            new ContextRef("shared", "", "first", first));
    assertThat(found.current()).map(ContextRef::name).contains("shared");
    assertThat(found.problems()).isEmpty();
    assertThat(environment.overriddenBy(Optional.of(second)).files()).containsExactly(second);
    assertThat(environment.overriddenBy(Optional.empty())).isSameAs(environment);
  }

  @Test
  void aMissingExplicitFileIsAProblemNotSkipped() throws IOException {
    Path missing = home.resolve("nope.yaml");
    Path good = write("good.yaml", TWO_CONTEXTS);

    ContextDiscovery onlyMissing = KubeContexts.ofFiles(List.of(missing)).discover();
    ContextDiscovery withGood = KubeContexts.ofFiles(List.of(missing, good)).discover();

    assertThat(onlyMissing.kubeconfigExists()).isFalse();
    assertThat(onlyMissing.problems())
        .containsExactly(new KubeconfigProblem(missing, "file not found"));
    assertThat(withGood.kubeconfigExists()).isTrue();
    assertThat(withGood.contexts()).hasSize(2);
    assertThat(withGood.problems())
        .containsExactly(new KubeconfigProblem(missing, "file not found"));
  }
}
