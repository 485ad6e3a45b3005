package dev.faultline.export.java;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.Examples;
import dev.faultline.TwoClusters;
import dev.faultline.chaos.ChaosRun;
import dev.faultline.model.Experiment;
import dev.faultline.model.ProbeStep;
import dev.faultline.model.Spec;
import dev.faultline.model.Step;
import dev.faultline.model.TimeSpan;
import dev.faultline.safety.FileRollbackJournal;
import dev.faultline.safety.StateDirectory;
import dev.faultline.sandbox.Sandbox;
import dev.faultline.sandbox.SandboxClients;
import dev.faultline.sandbox.SandboxOptions;
import dev.faultline.sandbox.world.ControllerTimings;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The Java export end to end: an example exported to a JUnit 5 class, compiled, and run with the
 * JUnit Platform Launcher against a sandbox cluster. The generated class knows nothing of the
 * sandbox; it finds the cluster through {@code -Dfaultline.kubeconfig}, as a user's CI would.
 */
class JavaExportIT {
  @TempDir Path dir;
  private Sandbox sandbox;
  private KubernetesClient client;

  @BeforeEach
  void start() throws Exception {
    System.setProperty(StateDirectory.PROPERTY, dir.resolve("state").toString());
    sandbox =
        Sandbox.start(
            SandboxOptions.defaults()
                .withKubeconfig(dir.resolve("kubeconfig"))
                .withTimings(ControllerTimings.FAST));
    client = SandboxClients.connect(sandbox);
    System.setProperty(ChaosRun.KUBECONFIG_PROPERTY, sandbox.kubeconfig().toString());
  }

  @AfterEach
  void stop() {
    System.clearProperty(ChaosRun.KUBECONFIG_PROPERTY);
    System.clearProperty(StateDirectory.PROPERTY);
    client.close();
    sandbox.close();
  }

  @Test
  void theExportedFreezeKillRecoverTestPassesOnTheSandbox() throws Exception {
    Experiment example = JavaExporterTest.read(example("checkout-freeze-and-recover.yaml"));

    TestExecutionSummary summary = runGenerated(example, "FreezeKillRecoverChaosTest");

    assertThat(summary.getFailures()).isEmpty();
    assertThat(summary.getTestsSucceededCount()).isEqualTo(1);
    assertNothingLeftBehind();
  }

  @Test
  void anExperimentWhoseHypothesisFailsGivesAFailingTestThatNamesTheFailedStep() throws Exception {
    // The example without its kill step: the frozen JVMs never come back until rollback.
    Experiment example = JavaExporterTest.read(example("checkout-freeze-and-recover.yaml"));
    List<Step> steps = new ArrayList<>();
    for (Step step : example.spec().steps()) {
      if (step instanceof ProbeStep probe && probe.id().equals("until-recovered")) {
        steps.add(
            probe.toBuilder().after(List.of("until-unhealthy")).timeout(TimeSpan.of("3s")).build());
      } else if (!step.id().equals("kill")) {
        steps.add(step);
      }
    }
    Spec spec = example.spec();
    Experiment neverRecovers =
        example.withSpec(
            new Spec(
                spec.safety(),
                spec.context(),
                spec.targets(),
                steps,
                spec.probes(),
                spec.extras()));

    TestExecutionSummary summary = runGenerated(neverRecovers, "NeverRecoversChaosTest");

    assertThat(summary.getTestsFailedCount()).isEqualTo(1);
    String message = summary.getFailures().getFirst().getException().getMessage();
    assertThat(message)
        .contains("experiment 'checkout-freeze-and-recover' on faultline-sandbox: failed")
        .contains("until-recovered: failed")
        .contains("still failing after 3s");
    assertNothingLeftBehind();
  }

  private TestExecutionSummary runGenerated(Experiment experiment, String className)
      throws Exception {
    return GeneratedClasses.runExported(dir, experiment, className);
  }

  private void assertNothingLeftBehind() throws Exception {
    assertThat(TwoClusters.awaitCheckoutIntact(client)).hasSize(3);
    assertThat(FileRollbackJournal.withOpenFaults(dir.resolve("state"))).isEmpty();
  }

  private static Path example(String name) {
    return Examples.dir().resolve(name);
  }
}
