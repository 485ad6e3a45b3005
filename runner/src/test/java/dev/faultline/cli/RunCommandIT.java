package dev.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.Examples;
import dev.faultline.LeftBehind;
import dev.faultline.safety.FileRollbackJournal;
import dev.faultline.safety.StateDirectory;
import dev.faultline.sandbox.Sandbox;
import dev.faultline.sandbox.SandboxOptions;
import dev.faultline.sandbox.world.ControllerTimings;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code faultline run} end to end against a sandbox reached through its kubeconfig: the example
 * experiment passes, a variant that never recovers fails after its timeout, and either way nothing
 * is left behind in the cluster or the journal.
 */
class RunCommandIT {
  @TempDir Path dir;
  private Sandbox sandbox;
  private KubernetesClient client;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void start() {
    System.setProperty(StateDirectory.PROPERTY, dir.resolve("state").toString());
    sandbox =
        Sandbox.start(
            SandboxOptions.defaults()
                .withKubeconfig(dir.resolve("kc"))
                .withTimings(ControllerTimings.FAST));
    client =
        new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(readKubeconfig())).build();
  }

  @AfterEach
  void stop() {
    client.close();
    sandbox.close();
    System.clearProperty(StateDirectory.PROPERTY);
  }

  private String readKubeconfig() {
    try {
      return Files.readString(sandbox.kubeconfig());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private int run(String... args) {
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    var all = new java.util.ArrayList<>(List.of("run"));
    all.addAll(List.of(args));
    all.addAll(List.of("--kubeconfig", sandbox.kubeconfig().toString()));
    return cli.execute(all.toArray(String[]::new));
  }

  private Path example(String name) {
    return Examples.dir().resolve(name);
  }

  @Test
  void theFreezeKillRecoverExamplePassesAndLeavesNothingBehind() throws Exception {
    Path reports = dir.resolve("reports");
    int exit =
        run(
            example("checkout-freeze-and-recover.yaml").toString(),
            "--report-dir",
            reports.toString(),
            "--junit",
            dir.resolve("junit.xml").toString());

    assertThat(exit).as(err.toString()).isZero();
    assertThat(out.toString()).contains("checkout-freeze-and-recover: PASSED");
    assertThat(err.toString())
        .contains("applied: ")
        .contains("rolled back: ")
        .contains("✓ until-unhealthy")
        .contains("✓ until-recovered");
    assertNothingLeftBehind();
    assertThat(reports.resolve("report.html")).exists();
    assertThat(reports.resolve("run.json")).exists();
    assertThat(Files.readString(dir.resolve("junit.xml"))).contains("until-recovered");
  }

  @Test
  void theNetworkDelayExampleSlowsCheckoutThroughChaosMeshAndLeavesNoChaosObject()
      throws Exception {
    int exit = run(example("network-delay.yaml").toString());

    assertThat(exit).as(err.toString()).isZero();
    assertThat(out.toString()).contains("checkout-network-delay: PASSED");
    assertThat(err.toString())
        .contains("applied: ")
        .contains("NetworkChaos shop/faultline-slow-checkout-")
        .contains("rolled back: ")
        .contains("✓ slow-seen")
        .contains("✓ fast-again");
    for (var kind : dev.faultline.attack.chaosmesh.ChaosKind.values()) {
      assertThat(
              client
                  .genericKubernetesResources(
                      dev.faultline.attack.chaosmesh.ChaosDefinitions.of(kind))
                  .inAnyNamespace()
                  .list()
                  .getItems())
          .as(kind.kind() + " objects left")
          .isEmpty();
    }
    assertNothingLeftBehind();
  }

  @Test
  void aRecoveryThatNeverHappensFailsWithExitOneAfterItsTimeoutAndRollsBack() throws Exception {
    // The example without its kill step: the frozen JVMs never come back until rollback.
    var example =
        new dev.faultline.format.ExperimentReader()
            .read(example("checkout-freeze-and-recover.yaml"))
            .experiment()
            .orElseThrow();
    var steps = new java.util.ArrayList<dev.faultline.model.Step>();
    for (var step : example.spec().steps()) {
      if (step instanceof dev.faultline.model.ProbeStep p && p.id().equals("until-recovered")) {
        steps.add(
            new dev.faultline.model.ProbeStep(
                p.id(),
                List.of("until-unhealthy"),
                p.probe(),
                p.target(),
                p.with(),
                p.until(),
                dev.faultline.model.TimeSpan.of("3s"),
                p.interval(),
                p.initialDelay(),
                p.retries(),
                p.extras()));
      } else if (!step.id().equals("kill")) {
        steps.add(step);
      }
    }
    var spec = example.spec();
    var variant =
        example.withSpec(
            new dev.faultline.model.Spec(
                spec.safety(),
                spec.context(),
                spec.targets(),
                steps,
                spec.probes(),
                spec.extras()));
    String text =
        dev.faultline.format.ExperimentFormat.write(variant, dev.faultline.format.Syntax.YAML);
    Path file = dir.resolve("never-recovers.yaml");
    Files.writeString(file, text);

    long start = System.nanoTime();
    int exit = run(file.toString());

    assertThat(exit).as(err.toString()).isEqualTo(1);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(40));
    assertThat(out.toString()).contains("FAILED").contains("until-recovered");
    assertThat(out.toString()).containsPattern("still failing after 3s");
    assertNothingLeftBehind();
  }

  @Test
  void aDryRunAppliesNothing() throws Exception {
    int exit =
        run(example("checkout-freeze-and-recover.yaml").toString(), "--dry-run", "-o", "json");

    assertThat(exit).as(err.toString()).isZero();
    JsonNode report = JsonMapper.builder().build().readTree(out.toString());
    assertThat(report.toString()).contains("FaultPlanned").doesNotContain("FaultApplied");
    assertThat(err.toString()).contains("would apply: ");
    assertNothingLeftBehind();
  }

  @Test
  void anInvalidFileExitsTwoAndAForbiddenRunExitsThreeBeforeApplyingAnything() throws Exception {
    Path broken = dir.resolve("broken.yaml");
    Files.writeString(
        broken,
        "apiVersion: faultline.dev/v1alpha1\nkind: Experiment\nspec: {steps: [{id: a, attack: nope}]}\n");
    assertThat(run(broken.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("broken.yaml:3:");

    sandbox
        .accessRules()
        .deny(new dev.faultline.sandbox.api.AccessRules.Rule("create", "*", "pods", "exec", ""));
    int exit = run(example("checkout-freeze-and-recover.yaml").toString());
    assertThat(exit).as(err.toString()).isEqualTo(3);
    assertThat(out.toString()).contains("missing permissions").contains("pods/exec");
    assertNothingLeftBehind();
  }

  @Test
  void aProtectedContextNeedsItsConfirmationFlag() throws Exception {
    Path data = dir.resolve("data");
    dev.faultline.safety.ProtectedContexts.load(
            data.resolve(dev.faultline.safety.ProtectedContexts.FILE_NAME))
        .protect("faultline-sandbox");
    var environment = new CliEnvironment(java.util.Map.of(), dir.resolve("home"), data);
    String file = example("checkout-freeze-and-recover.yaml").toString();
    String kubeconfig = sandbox.kubeconfig().toString();

    CommandLine refused = Main.commandLine(environment);
    refused.setOut(new PrintWriter(out, true));
    refused.setErr(new PrintWriter(err, true));
    assertThat(refused.execute("run", file, "--kubeconfig", kubeconfig)).isEqualTo(64);
    assertThat(err.toString()).contains("--yes-i-mean-faultline-sandbox");

    CommandLine confirmed = Main.commandLine(environment);
    confirmed.setOut(new PrintWriter(out, true));
    confirmed.setErr(new PrintWriter(err, true));
    int exit =
        confirmed.execute(
            "run", file, "--kubeconfig", kubeconfig, "--dry-run", "--yes-i-mean-faultline-sandbox");
    assertThat(exit).as(err.toString()).isZero();
    assertNothingLeftBehind();
  }

  private void assertNothingLeftBehind() throws Exception {
    List<Pod> checkout =
        LeftBehind.await(
            Duration.ofSeconds(20),
            () -> client.pods().inNamespace("shop").withLabel("app", "checkout").list().getItems(),
            pods ->
                pods.size() == 3
                    && pods.stream().allMatch(LeftBehind::ready)
                    && pods.stream().noneMatch(LeftBehind::marked));
    assertThat(checkout).hasSize(3);
    assertThat(FileRollbackJournal.withOpenFaults(dir.resolve("state"))).isEmpty();
  }
}
