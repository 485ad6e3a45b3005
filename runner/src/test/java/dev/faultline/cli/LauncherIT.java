package dev.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.Examples;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged {@code target/faultline} launcher, run as a user would, in its own process. */
class LauncherIT {
  private static final Path LAUNCHER = Path.of("target", "faultline");

  record Result(int exit, String out, String err) {}

  private static Result launch(List<String> args) throws IOException, InterruptedException {
    var command = new ArrayList<String>();
    command.add(LAUNCHER.toAbsolutePath().toString());
    command.addAll(args);
    Process process = new ProcessBuilder(command).start();
    process.getOutputStream().close();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(), out, err);
  }

  @Test
  void launcherIsExecutable() {
    assertThat(Files.isExecutable(LAUNCHER)).as("run ./mvnw package first").isTrue();
  }

  @Test
  void validatesTheExamples() throws Exception {
    var args = new ArrayList<String>(List.of("validate"));
    Examples.all().forEach(p -> args.add(p.toString()));

    Result result = launch(args);

    assertThat(result.exit()).as(result.err()).isZero();
    assertThat(result.err()).contains("files checked: 0 errors, 0 warnings");
  }

  @Test
  void reportsProblemsWithExitCode2(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\n  \"apiVersion\": \"faultline.dev/v2\"\n}\n");

    Result result = launch(List.of("validate", bad.toString()));

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.out())
        .isEqualTo(
            bad
                + ":2:17: error: apiVersion faultline.dev/v2 is newer than this Faultline understands (faultline.dev/v1alpha1); update Faultline to open this file [apiVersion]\n");
  }

  @Test
  void versionComesFromTheJar() throws Exception {
    Result result = launch(List.of("--version"));
    assertThat(result.exit()).isZero();
    assertThat(result.out()).startsWith("faultline 0.1.0-SNAPSHOT");
  }

  @Test
  void sandboxCommandPrintsTheKubeconfigServesKubectlAndStopsOnSigterm(@TempDir Path dir)
      throws Exception {
    Path kubeconfig = dir.resolve("sandbox.yaml");
    Process sandbox =
        new ProcessBuilder(
                LAUNCHER.toAbsolutePath().toString(),
                "sandbox",
                "--kubeconfig",
                kubeconfig.toString(),
                "--seed",
                "3",
                "--prometheus-config",
                dir.resolve("prometheus.yml").toString())
            .redirectError(dir.resolve("sandbox.err").toFile())
            .start();
    try {
      var stdout =
          new java.io.BufferedReader(
              new java.io.InputStreamReader(sandbox.getInputStream(), StandardCharsets.UTF_8));
      assertThat(stdout.readLine()).isEqualTo("KUBECONFIG=" + kubeconfig.toAbsolutePath());
      String kubectl = dev.faultline.sandbox.Kubectl.locate().toString();
      Process get =
          new ProcessBuilder(
                  kubectl,
                  "--kubeconfig",
                  kubeconfig.toString(),
                  "get",
                  "pods",
                  "-n",
                  "shop",
                  "-o",
                  "name")
              .start();
      String pods = new String(get.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(get.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(pods).contains("pod/checkout-", "pod/cart-");
      assertThat(Files.readString(dir.resolve("sandbox.err")))
          .contains("demo service shop/checkout", "/health")
          .contains("Prometheus config for the demo services: " + dir.resolve("prometheus.yml"));
      assertThat(Files.readString(dir.resolve("prometheus.yml")))
          .contains("scrape_interval: 1s", "job_name: faultline-sandbox")
          .containsPattern("- '127\\.0\\.0\\.1:\\d+'  # shop/checkout\n");
    } finally {
      sandbox.destroy(); // SIGTERM, like Ctrl-C from a service manager
    }
    assertThat(sandbox.waitFor(30, TimeUnit.SECONDS)).as("the sandbox stops on SIGTERM").isTrue();
  }
}
