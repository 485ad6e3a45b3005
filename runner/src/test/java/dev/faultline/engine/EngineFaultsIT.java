package dev.faultline.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.LeftBehind;
import dev.faultline.format.ExperimentReader;
import dev.faultline.format.Syntax;
import dev.faultline.model.Experiment;
import dev.faultline.safety.FileRollbackJournal;
import dev.faultline.safety.StateDirectory;
import dev.faultline.sandbox.Sandbox;
import dev.faultline.sandbox.SandboxClients;
import dev.faultline.sandbox.SandboxOptions;
import dev.faultline.sandbox.world.ControllerTimings;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine with the real executors against the sandbox when things go wrong: the API goes away
 * mid-run, the run's process is killed, a probe target hangs, a target pod vanishes, a gate is
 * cancelled. Each test ends by checking that nothing is left behind: every checkout pod ready and
 * unmarked, and no open fault in any journal.
 */
class EngineFaultsIT {
  private static final String TARGET =
      """
      targets:
        checkout:
          namespaces: [shop]
          labelSelector: app=checkout
          containers: [app]
          blastRadius: {mode: all}
      """;

  @TempDir Path dir;
  private Path state;
  private Sandbox sandbox;
  private KubernetesClient client;
  private final List<RunEvent> events = new CopyOnWriteArrayList<>();
  private final java.util.Map<RunEvent, Long> received =
      new java.util.concurrent.ConcurrentHashMap<>();

  @BeforeEach
  void start() throws Exception {
    state = dir.resolve("state");
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
  }

  private RunHandle start(String steps, RunOptions options) {
    Experiment experiment = experiment(steps);
    var env =
        ClusterRunEnvironment.create(
            client, "faultline-sandbox", state, experiment.metadata().name());
    return new Engine(env)
        .start(
            experiment,
            options,
            event -> {
              received.put(event, System.nanoTime());
              events.add(event);
            });
  }

  private static Experiment experiment(String steps) {
    String text =
        "apiVersion: faultline.dev/v1alpha1\nkind: Experiment\nmetadata:\n  name: faults\nspec:\n"
            + (TARGET + steps).indent(2);
    var read = new ExperimentReader().read(text, Syntax.YAML);
    return read.experiment().orElseThrow(() -> new AssertionError(read.problems()));
  }

  private static RunOptions options(String id) {
    return RunOptions.defaults(id).withRollbackDeadline(Duration.ofSeconds(20));
  }

  @Test
  void theApiGoingAwayMidRunDelaysRollbackUntilItIsBack() throws Exception {
    RunHandle run =
        start(
            """
            steps:
              - {id: freeze, attack: process.signal, target: checkout, with: {signal: SIGSTOP, process: java}}
              - {id: hold, after: [freeze], wait: 1s}
            """,
            options("outage"));
    LeftBehind.await(Duration.ofSeconds(20), () -> count(RunEvent.FaultApplied.class), n -> n == 3);
    sandbox.stopApi();
    long outageStart = System.nanoTime();
    var apiBack = new java.util.concurrent.atomic.AtomicLong();
    Thread.ofVirtual()
        .start(
            () -> {
              sleep(3_000);
              sandbox.startApi();
              apiBack.set(System.nanoTime());
            });

    RunResult result = run.await(Duration.ofSeconds(60)).orElseThrow();

    // Rollback calls fail (engine retries) or wait inside the client's own retries; either way
    // the faults are rolled back only once the API is back, and none is given up.
    assertThat(result.verdict()).as(result.reason()).isEqualTo(Verdict.PASSED);
    assertThat(count(RunEvent.FaultRolledBack.class)).isEqualTo(3);
    assertThat(apiBack.get()).isPositive();
    assertThat(received.get(lastRollback())).isGreaterThanOrEqualTo(outageStart + 2_900_000_000L);
    assertThat(events)
        .filteredOn(RunEvent.RollbackFailed.class::isInstance)
        .allMatch(e -> ((RunEvent.RollbackFailed) e).willRetry());
    assertNothingLeftBehind();
  }

  @Test
  void anOutageLongerThanTheRollbackDeadlineLeavesTheFaultsToCleanup() throws Exception {
    RunHandle run =
        start(
            """
            steps:
              - {id: freeze, attack: process.signal, target: checkout, with: {signal: SIGSTOP, process: java}}
              - {id: hold, after: [freeze], wait: 500ms}
            """,
            RunOptions.defaults("long-outage").withRollbackDeadline(Duration.ofSeconds(2)));
    LeftBehind.await(Duration.ofSeconds(20), () -> count(RunEvent.FaultApplied.class), n -> n == 3);
    sandbox.stopApi();

    RunResult result = run.await(Duration.ofSeconds(60)).orElseThrow();
    assertThat(result.verdict()).isEqualTo(Verdict.ERROR);
    assertThat(result.faultsLeftOpen()).isEqualTo(3);
    assertThat(FileRollbackJournal.withOpenFaults(state)).hasSize(1);

    sandbox.startApi();
    assertThat(cleanup()).isZero();
    assertNothingLeftBehind();
  }

  /** Starts {@code faultline run} on a freeze-then-hold experiment in a child JVM. */
  private Process startRunProcess() throws Exception {
    Path file = dir.resolve("freeze.yaml");
    Files.writeString(
        file,
        dev.faultline.format.ExperimentFormat.write(
            experiment(
                """
                steps:
                  - {id: freeze, attack: process.signal, target: checkout, with: {signal: SIGSTOP, process: java}}
                  - {id: hold, after: [freeze], wait: 5m}
                """),
            Syntax.YAML));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    var builder =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                "dev.faultline.cli.Main",
                "run",
                file.toString(),
                "--kubeconfig",
                sandbox.kubeconfig().toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("run.log").toFile());
    builder.environment().put(StateDirectory.ENV, state.toString());
    Process process = builder.start();
    try {
      LeftBehind.await(Duration.ofSeconds(60), this::frozenPods, n -> n == 3);
    } catch (AssertionError e) {
      process.destroyForcibly();
      throw new AssertionError(e.getMessage() + "\n" + Files.readString(dir.resolve("run.log")));
    }
    return process;
  }

  @Test
  void aRunKilledWithSigkillIsRolledBackByCleanup() throws Exception {
    Process process = startRunProcess();
    process.destroyForcibly(); // SIGKILL: no shutdown hook runs
    process.waitFor();
    assertThat(FileRollbackJournal.withOpenFaults(state)).hasSize(1);

    assertThat(cleanup()).isZero();
    assertNothingLeftBehind();
  }

  @Test
  void aRunGivenSigtermRollsBackBeforeItExits() throws Exception {
    Process process = startRunProcess();
    process.destroy(); // SIGTERM: the shutdown hook stops the run and waits for the rollback
    assertThat(process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

    assertThat(Files.readString(dir.resolve("run.log")))
        .contains("! halt: emergency stop by a signal to the faultline process")
        .contains("rolled back: ");
    assertNothingLeftBehind();
  }

  @Test
  void stopAllFromAnotherTerminalStopsTheRunAndItRollsBack() throws Exception {
    Process process = startRunProcess();
    System.setProperty(StateDirectory.PROPERTY, state.toString());
    int stop;
    try {
      stop = dev.faultline.cli.Main.run("stop", "--all");
    } finally {
      System.clearProperty(StateDirectory.PROPERTY);
    }
    assertThat(process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

    assertThat(stop).isZero();
    assertThat(process.exitValue()).isEqualTo(3);
    assertThat(Files.readString(dir.resolve("run.log")))
        .contains("! halt: emergency stop by faultline stop");
    assertNothingLeftBehind();
  }

  @Test
  void aProbeTargetThatHangsFailsTheStepOnTimeAndEverythingIsRolledBack() throws Exception {
    try (var hanging = new ServerSocket(0)) {
      var accepted = new ArrayList<Socket>();
      Thread.ofVirtual()
          .start(
              () -> {
                while (!hanging.isClosed()) {
                  try {
                    accepted.add(hanging.accept()); // never answers
                  } catch (java.io.IOException e) {
                    return;
                  }
                }
              });
      long start = System.nanoTime();
      RunResult result =
          start(
                  """
                  steps:
                    - {id: freeze, attack: process.signal, target: checkout, with: {signal: SIGSTOP, process: java}}
                    - id: check
                      after: [freeze]
                      probe: http.check
                      until: passing
                      timeout: 2s
                      interval: 200ms
                      with: {url: "http://127.0.0.1:%d/health", timeout: 500ms}
                  """
                      .formatted(hanging.getLocalPort()),
                  options("hang"))
              .await(Duration.ofSeconds(60))
              .orElseThrow();

      assertThat(result.verdict()).isEqualTo(Verdict.FAILED);
      assertThat(result.reason())
          .contains("still failing after 2s")
          .contains("no answer within 500ms");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
      assertNothingLeftBehind();
    }
  }

  @Test
  void aTargetPodThatVanishesMidAttackIsNotedAndTheRestRolledBack() throws Exception {
    RunHandle run =
        start(
            """
            steps:
              - {id: freeze, attack: process.signal, target: checkout, duration: 2s, with: {signal: SIGSTOP, process: java}}
            """,
            options("vanish"));
    LeftBehind.await(Duration.ofSeconds(20), () -> count(RunEvent.FaultApplied.class), n -> n == 3);
    String victim =
        events.stream()
            .filter(RunEvent.FaultApplied.class::isInstance)
            .map(e -> ((RunEvent.FaultApplied) e).fault().object().name())
            .findFirst()
            .orElseThrow();
    client.pods().inNamespace("shop").withName(victim).withGracePeriod(0).delete();

    RunResult result = run.await(Duration.ofSeconds(60)).orElseThrow();

    assertThat(result.verdict()).as(result.reason()).isEqualTo(Verdict.PASSED);
    assertThat(events)
        .filteredOn(RunEvent.NoteAdded.class::isInstance)
        .map(e -> ((RunEvent.NoteAdded) e).text())
        .anyMatch(text -> text.contains(victim) && text.contains("is gone"));
    assertNothingLeftBehind();
  }

  @Test
  void cancellingAtAGateRollsBackTheFaultsBeforeIt() throws Exception {
    RunHandle run =
        start(
            """
            steps:
              - {id: freeze, attack: process.signal, target: checkout, with: {signal: SIGSTOP, process: java}}
              - {id: review, after: [freeze], gate: Kill them?}
              - {id: kill, after: [review], attack: process.signal, target: checkout, with: {signal: SIGKILL, process: java}}
            """,
            options("gate"));
    LeftBehind.await(Duration.ofSeconds(20), run::waitingGates, gates -> gates.contains("review"));
    assertThat(frozenPods()).isEqualTo(3);
    run.cancel("test");

    RunResult result = run.await(Duration.ofSeconds(60)).orElseThrow();
    assertThat(result.verdict()).isEqualTo(Verdict.ABORTED);
    assertThat(events)
        .filteredOn(RunEvent.StepSkipped.class::isInstance)
        .map(e -> ((RunEvent.StepSkipped) e).stepId())
        .containsExactly("kill");
    assertNothingLeftBehind();
  }

  private int cleanup() {
    System.setProperty(StateDirectory.PROPERTY, state.toString());
    try {
      return dev.faultline.cli.Main.run("cleanup", "--kubeconfig", sandbox.kubeconfig().toString());
    } finally {
      System.clearProperty(StateDirectory.PROPERTY);
    }
  }

  private RunEvent lastRollback() {
    return events.stream()
        .filter(RunEvent.FaultRolledBack.class::isInstance)
        .reduce((a, b) -> b)
        .orElseThrow();
  }

  private long count(Class<? extends RunEvent> type) {
    return events.stream().filter(type::isInstance).count();
  }

  private int frozenPods() {
    return (int) checkoutPods().stream().filter(p -> !LeftBehind.ready(p)).count();
  }

  private List<Pod> checkoutPods() {
    return client.pods().inNamespace("shop").withLabel("app", "checkout").list().getItems();
  }

  private void assertNothingLeftBehind() throws Exception {
    List<Pod> pods =
        LeftBehind.await(
            Duration.ofSeconds(30),
            this::checkoutPods,
            list ->
                list.size() == 3
                    && list.stream().allMatch(LeftBehind::ready)
                    && list.stream().noneMatch(LeftBehind::marked));
    assertThat(pods).hasSize(3);
    assertThat(FileRollbackJournal.withOpenFaults(state)).isEmpty();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
