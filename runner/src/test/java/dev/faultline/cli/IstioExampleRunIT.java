package dev.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.Examples;
import dev.faultline.safety.FileRollbackJournal;
import dev.faultline.safety.StateDirectory;
import dev.faultline.sandbox.Sandbox;
import dev.faultline.sandbox.SandboxClients;
import dev.faultline.sandbox.SandboxOptions;
import dev.faultline.sandbox.world.ControllerTimings;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code faultline run docs/examples/istio-delay-with-stop.yaml} on the sandbox: the Istio delay
 * slows checkout's health check, the stopWhen ends the attack early, the run passes, and the
 * VirtualService the run created is gone.
 */
class IstioExampleRunIT {
  @TempDir Path dir;
  private Sandbox sandbox;
  private KubernetesClient client;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void start() throws Exception {
    System.setProperty(StateDirectory.PROPERTY, dir.resolve("state").toString());
    sandbox =
        Sandbox.start(
            SandboxOptions.defaults()
                .withKubeconfig(dir.resolve("kc"))
                .withTimings(ControllerTimings.FAST));
    client = SandboxClients.connect(sandbox);
  }

  @AfterEach
  void stop() {
    client.close();
    sandbox.close();
    System.clearProperty(StateDirectory.PROPERTY);
  }

  @Test
  void theExampleStopsItsFaultEarlyPassesAndLeavesNothingBehind() throws Exception {
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    long start = System.nanoTime();

    int exit =
        cli.execute(
            "run",
            Examples.dir().resolve("istio-delay-with-stop.yaml").toString(),
            "--kubeconfig",
            sandbox.kubeconfig().toString());

    assertThat(exit).as(err.toString()).isZero();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(90));
    assertThat(out.toString()).contains("checkout-istio-delay-with-stop: PASSED");
    assertThat(err.toString())
        .contains("create VirtualService shop/faultline-checkout")
        .contains("stopped early after ")
        .contains("probe 'checkout-latency' failed 2 times in a row")
        .contains("✓ checkout-fast-again");
    assertThat(
            client
                .genericKubernetesResources("networking.istio.io/v1", "VirtualService")
                .inNamespace("shop")
                .list()
                .getItems())
        .isEmpty();
    assertThat(FileRollbackJournal.withOpenFaults(dir.resolve("state"))).isEmpty();
  }
}
