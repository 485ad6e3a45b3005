package dev.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code faultline run} of looped and scheduled experiments on the sandbox: every loop applies and
 * rolls back its fault, a probe that fails in loop 2 makes the run fail naming loop 2 with per-loop
 * reports, and an {@code @every 2s} schedule runs twice with {@code --max-runs 2}.
 */
class LoopScheduleRunIT {
  private static final String HEADER =
      """
      apiVersion: faultline.dev/v1alpha1
      kind: Experiment
      metadata:
        name: %s
      spec:
        safety:
          namespaces: {allow: [shop]}
      """;
  private static final String FREEZE_AND_CHECK =
      """
        targets:
          checkout:
            namespaces: [shop]
            labelSelector: app=checkout
            podName: checkout-.*
            containers: [app]
            blastRadius: {mode: count, value: 1}
          breaker:
            kind: Deployment
            namespaces: [shop]
            labelSelector: it-break=yes
        steps:
          - {id: freeze, attack: process.signal, target: checkout, with: {signal: SIGSTOP, process: java}}
          - {id: settle, wait: 2s}
          - {id: not-broken, after: [settle], probe: k8s.state, target: breaker, with: {condition: absent}}
      """;

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
    client =
        new KubernetesClientBuilder()
            .withConfig(Config.fromKubeconfig(Files.readString(sandbox.kubeconfig())))
            .build();
  }

  @AfterEach
  void stop() {
    client.close();
    sandbox.close();
    System.clearProperty(StateDirectory.PROPERTY);
  }

  private int run(String... args) {
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    var all = new ArrayList<>(List.of("run"));
    all.addAll(List.of(args));
    all.addAll(List.of("--kubeconfig", sandbox.kubeconfig().toString()));
    return cli.execute(all.toArray(String[]::new));
  }

  private Path write(String name, String spec) throws Exception {
    Path file = dir.resolve(name + ".yaml");
    Files.writeString(file, HEADER.formatted(name) + spec);
    return file;
  }

  private void awaitErr(String text) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!err.toString().contains(text)) {
      assertThat(System.nanoTime()).as("waiting for '%s' in:%n%s", text, err).isLessThan(deadline);
      Thread.sleep(10);
    }
  }

  // The sandbox's controller updates the deployment's status too: retry on a conflict.
  private void label(UnaryOperator<java.util.Map<String, String>> change) throws Exception {
    for (int attempt = 1; ; attempt++) {
      try {
        edit(change);
        return;
      } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
        if (e.getCode() != 409 || attempt == 20) {
          throw e;
        }
        Thread.sleep(20);
      }
    }
  }

  private void edit(UnaryOperator<java.util.Map<String, String>> change) {
    client
        .apps()
        .deployments()
        .inNamespace("shop")
        .withName("checkout")
        .edit(
            d -> {
              var labels = new java.util.HashMap<>(d.getMetadata().getLabels());
              d.getMetadata().setLabels(change.apply(labels));
              return d;
            });
  }

  @Test
  void aThreeTimesLoopFailsInTheLoopWhoseProbeFailedAndRollsBackEveryLoop() throws Exception {
    Path file =
        write(
            "loop-three",
            "  loop: {times: 3, pause: 1s, continueOnFailure: true}\n" + FREEZE_AND_CHECK);
    Path reports = dir.resolve("reports");
    CompletableFuture<Integer> exit =
        CompletableFuture.supplyAsync(
            () -> run(file.toString(), "--report-dir", reports.toString()));

    // Loop 2's probe sees a "broken" deployment; loops 1 and 3 do not.
    awaitErr("loop 2 of 3: run ");
    label(
        labels -> {
          labels.put("it-break", "yes");
          return labels;
        });
    awaitErr("loop 2 of 3: failed");
    label(
        labels -> {
          labels.remove("it-break");
          return labels;
        });

    assertThat(exit.get(90, TimeUnit.SECONDS)).as(err.toString()).isEqualTo(1);
    String log = err.toString();
    assertThat(log)
        .contains("loop 1 of 3: passed", "loop 3 of 3: passed", "pause 1s before loop 3 of 3");
    assertThat(log.split("rolled back: ", -1)).hasSize(4);
    // no fault is ever applied during a pause: each loop's rollback comes before the next pause
    assertThat(log.indexOf("rolled back: ")).isLessThan(log.indexOf("pause 1s before loop 2"));
    assertThat(out.toString()).contains("loop-three: FAILED after 3 loops", "loop 2 of 3 failed: ");

    JsonNode json = JsonMapper.builder().build().readTree(reports.resolve("run.json").toFile());
    assertThat(json.get("verdict").asString()).isEqualTo("failed");
    assertThat(json.get("failedLoop").asInt()).isEqualTo(2);
    assertThat(json.get("loops")).hasSize(3);
    assertThat(json.get("loops").get(1).get("verdict").asString()).isEqualTo("failed");
    String junit = Files.readString(reports.resolve("junit.xml"));
    assertThat(junit)
        .contains("<testsuites", "loop-three loop 1 of 3", "loop-three loop 3 of 3")
        .contains("classname=\"loop-three.loop2.steps\" name=\"not-broken")
        .containsOnlyOnce("<failure");
    assertThat(reports.resolve("loop-2.html")).exists();
    assertThat(Files.readString(reports.resolve("report.html"))).contains("loop-2.html");
    assertNothingLeftBehind();
  }

  @Test
  void anEmergencyStopDuringAPauseEndsTheLoopBeforeTheNextIteration() throws Exception {
    Path file = write("loop-paused", "  loop: {times: 3, pause: 60s}\n" + FREEZE_AND_CHECK);
    CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> run(file.toString()));

    awaitErr(" before loop 2 of 3");
    var registry = new dev.faultline.safety.ActiveRuns(dir.resolve("state"));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (registry.list().stream()
        .noneMatch(r -> r.state() == dev.faultline.safety.RunState.PAUSING)) {
      assertThat(System.nanoTime()).as("the pause in the registry").isLessThan(deadline);
      Thread.sleep(20);
    }
    long stoppedAt = System.nanoTime();
    assertThat(Main.run("stop", "--all")).isZero();

    assertThat(exit.get(30, TimeUnit.SECONDS)).as(err.toString()).isEqualTo(3);
    assertThat(System.nanoTime() - stoppedAt).isLessThan(TimeUnit.SECONDS.toNanos(20));
    assertThat(err.toString()).contains("loop 1 of 3: passed").doesNotContain("loop 2 of 3: run");
    assertThat(out.toString()).contains("cancelled by faultline stop");
    assertThat(registry.list()).isEmpty();
    assertNothingLeftBehind();
  }

  @Test
  void anEveryTwoSecondsScheduleRunsTwiceWithMaxRunsTwo() throws Exception {
    Path file =
        write(
            "every-two",
            """
              schedule: {cron: "@every 2s"}
              steps:
                - {id: short, wait: 100ms}
            """);
    Path reports = dir.resolve("reports");
    long start = System.nanoTime();

    int exit = run(file.toString(), "--max-runs", "2", "--report-dir", reports.toString());

    assertThat(exit).as(err.toString()).isZero();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofSeconds(4));
    assertThat(err.toString().split("schedule: next run at ", -1)).hasSize(3);
    assertThat(out.toString().split("every-two: PASSED", -1)).hasSize(3);
    try (var folders = Files.list(reports)) {
      assertThat(folders.filter(d -> Files.exists(d.resolve("run.json"))).count()).isEqualTo(2);
    }
  }

  @Test
  void onceRunsAScheduledExperimentNow() throws Exception {
    Path file =
        write(
            "yearly",
            """
              schedule: {cron: "@yearly", timeZone: Europe/Berlin}
              steps:
                - {id: check, probe: k8s.state, target: checkout}
              targets:
                checkout: {namespaces: [shop], labelSelector: app=checkout}
            """);

    assertThat(run(file.toString(), "--once")).as(err.toString()).isZero();
    assertThat(out.toString()).contains("yearly: PASSED");
    assertThat(err.toString()).doesNotContain("schedule: next run");
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
