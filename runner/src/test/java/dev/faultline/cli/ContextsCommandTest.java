package dev.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code faultline contexts} with a temporary home, KUBECONFIG and data directory. */
class ContextsCommandTest {

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private Map<String, String> env = Map.of();

  private static final String CONFIG =
      """
      clusters:
        - {name: prod, cluster: {server: "https://prod.example.com:6443"}}
        - {name: kind, cluster: {server: "https://127.0.0.1:40123"}}
      users:
        - {name: me, user: {token: secret}}
      contexts:
        - {name: prod-eu, context: {cluster: prod, user: me, namespace: shop}}
        - {name: kind-dev, context: {cluster: kind, user: me}}
        - {name: orphan, context: {cluster: gone, user: me}}
      current-context: kind-dev
      """;

  @BeforeEach
  void home() throws IOException {
    Files.createDirectories(dir.resolve("home/.kube"));
    Files.writeString(dir.resolve("home/.kube/config"), CONFIG);
  }

  private int run(String... args) {
    CommandLine cli =
        Main.commandLine(new CliEnvironment(env, dir.resolve("home"), dir.resolve("data")));
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void listsContextsLikeKubectlWithProtection() {
    assertThat(run("contexts", "protect", "prod-eu")).isZero();
    out.getBuffer().setLength(0);

    assertThat(run("contexts")).isZero();

    assertThat(out.toString().lines())
        .containsExactly(
            "CURRENT  NAME      SERVER                         NAMESPACE  PROTECTED",
            "*        kind-dev  https://127.0.0.1:40123        default",
            "         orphan    (no cluster)                   default",
            "         prod-eu   https://prod.example.com:6443  shop       yes");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void protectAndUnprotectChangeOnlyFaultlinesSettings() throws IOException {
    Path kubeconfig = dir.resolve("home/.kube/config");
    byte[] before = Files.readAllBytes(kubeconfig);
    Path settings = dir.resolve("data/contexts.yaml");

    assertThat(run("contexts", "protect", "prod-eu")).isZero();
    assertThat(out.toString())
        .startsWith(
            "protected context \"prod-eu\": runs against it now need --yes-i-mean-prod-eu\n")
        .contains("(settings: " + settings + ")");
    assertThat(Files.readString(settings)).isEqualTo("protected: [prod-eu]\n");
    assertThat(run("contexts", "protect", "prod-eu")).isZero();
    assertThat(out.toString()).contains("context \"prod-eu\" was already protected");

    assertThat(run("contexts", "unprotect", "prod-eu")).isZero();
    assertThat(out.toString()).contains("context \"prod-eu\" is no longer protected");
    assertThat(Files.readString(settings)).isEqualTo("protected: []\n");
    assertThat(run("contexts", "unprotect", "prod-eu")).isZero();
    assertThat(out.toString()).contains("context \"prod-eu\" was not protected");

    assertThat(Files.readAllBytes(kubeconfig)).isEqualTo(before);
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void protectingAnUnknownContextWarnsButProtects() {
    assertThat(run("contexts", "protect", "prod-us")).isZero();

    assertThat(err.toString())
        .isEqualTo(
            "note: no context \"prod-us\" in "
                + dir.resolve("home/.kube/config")
                + "; it is protected anyway\n");
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    assertThat(run("contexts")).isZero();
    assertThat(err.toString()).isEqualTo("protected, but not in this kubeconfig: prod-us\n");
  }

  @Test
  void kubeconfigOptionAndEnvironmentChooseTheFiles() throws IOException {
    Path other =
        Files.writeString(
            dir.resolve("other.yaml"),
            "contexts:\n  - {name: elsewhere, context: {cluster: c, user: u, namespace: ops}}\n");
    Path third =
        Files.writeString(
            dir.resolve("third.yaml"),
            "contexts:\n  - {name: third, context: {cluster: c, user: u}}\n");

    assertThat(run("contexts", "--kubeconfig", other.toString())).isZero();
    assertThat(out.toString().lines())
        .containsExactly(
            "CURRENT  NAME       SERVER        NAMESPACE  PROTECTED",
            "         elsewhere  (no cluster)  ops");

    out.getBuffer().setLength(0);
    env = Map.of("KUBECONFIG", other + File.pathSeparator + third);
    assertThat(run("contexts")).isZero();
    assertThat(out.toString()).contains("elsewhere").contains("third").doesNotContain("prod-eu");

    out.getBuffer().setLength(0);
    assertThat(run("contexts", "protect", "--kubeconfig", third.toString(), "third")).isZero();
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void aMissingKubeconfigIsSaid() {
    assertThat(run("contexts", "--kubeconfig", dir.resolve("nope.yaml").toString())).isZero();

    assertThat(out.toString()).isEmpty();
    assertThat(err.toString())
        .contains("warning: " + dir.resolve("nope.yaml") + ": file not found")
        .contains("no kubeconfig found (looked in " + dir.resolve("nope.yaml") + ")");
  }

  @Test
  void aMalformedSettingsFileFailsClosed() throws IOException {
    Files.createDirectories(dir.resolve("data"));
    Files.writeString(dir.resolve("data/contexts.yaml"), "protected: prod-eu\n");

    assertThat(run("contexts")).isEqualTo(ExitCodes.PROBLEMS);
    assertThat(err.toString()).contains("not a Faultline contexts file");
    assertThat(run("contexts", "protect", "x")).isEqualTo(ExitCodes.IO_ERROR);
  }

  @Test
  void usageErrors() {
    assertThat(run("contexts", "protect")).isEqualTo(ExitCodes.USAGE);
    assertThat(run("contexts", "--bogus")).isEqualTo(ExitCodes.USAGE);
    assertThat(run("contexts", "--help")).isZero();
    assertThat(out.toString())
        .contains("Usage: faultline contexts")
        .contains("protect")
        .contains("unprotect")
        .contains("--yes-i-mean-CONTEXT");
  }
}
