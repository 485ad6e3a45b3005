package dev.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.LeftBehind;
import dev.faultline.safety.ActiveRuns;
import dev.faultline.safety.ActiveRuns.ActiveRun;
import dev.faultline.safety.FileRollbackJournal;
import dev.faultline.safety.JournalContents;
import dev.faultline.safety.StateDirectory;
import dev.faultline.sandbox.Sandbox;
import dev.faultline.sandbox.SandboxOptions;
import dev.faultline.sandbox.world.ControllerTimings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Several {@code faultline run}s at once on one sandbox, each a CLI of its own in this JVM sharing
 * one state directory (as separate terminals share the user's): {@code runs} and {@code status} see
 * them, {@code stop RUN_ID} ends only that one, and a run about to hit the pods of another is
 * warned about or, with {@code --refuse-overlap}, not started.
 */
class ConcurrentRunsIT {
  @TempDir Path dir;
  private Sandbox sandbox;
  private Path state;

  @BeforeEach
  void start() {
    state = dir.resolve("state");
    System.setProperty(StateDirectory.PROPERTY, state.toString());
    sandbox =
        Sandbox.start(
            SandboxOptions.defaults()
                .withKubeconfig(dir.resolve("kc"))
                .withTimings(ControllerTimings.FAST));
  }

  @AfterEach
  void stop() {
    sandbox.close();
    System.clearProperty(StateDirectory.PROPERTY);
  }

  /** One CLI invocation's outcome. */
  private record Cli(int exit, String out, String err) {}

  private Cli cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute(args);
    return new Cli(exit, out.toString(), err.toString());
  }

  private List<String> runArgs(Path file, String... more) {
    var args = new ArrayList<>(List.of("run", file.toString()));
    args.addAll(List.of(more));
    args.addAll(List.of("--kubeconfig", sandbox.kubeconfig().toString()));
    return args;
  }

  private CompletableFuture<Cli> runInBackground(Path file) {
    return CompletableFuture.supplyAsync(
        () -> cli(runArgs(file).toArray(String[]::new)),
        r -> Thread.ofPlatform().name("cli-" + file.getFileName()).start(r));
  }

  /** An experiment that freezes one pod of {@code app} for {@code duration}. */
  private Path freeze(String name, String app, String duration) throws IOException {
    Path file = dir.resolve(name + ".yaml");
    Files.writeString(
        file,
        """
        apiVersion: faultline.dev/v1alpha1
        kind: Experiment
        metadata:
          name: %s
        spec:
          safety:
            namespaces: {allow: [shop]}
            maxDuration: 5m
          targets:
            t:
              namespaces: [shop]
              labelSelector: app=%s
              containers: [app]
              blastRadius: {mode: count, value: 1}
          steps:
            - id: freeze
              attack: process.signal
              target: t
              duration: %s
              with: {signal: SIGSTOP, process: java}
        """
            .formatted(name, app, duration));
    return file;
  }

  private ActiveRun awaitRunning(String experiment) throws InterruptedException {
    return LeftBehind.await(
            Duration.ofSeconds(30),
            () ->
                registered().stream()
                    .filter(r -> r.experiment().equals(experiment) && r.activeFaults() == 1)
                    .findFirst(),
            Optional::isPresent)
        .orElseThrow();
  }

  private List<ActiveRun> registered() {
    try {
      return new ActiveRuns(state).list();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void stoppingOneRunLeavesTheOtherRunningToItsEnd() throws Exception {
    CompletableFuture<Cli> long1 = runInBackground(freeze("freeze-checkout", "checkout", "60s"));
    CompletableFuture<Cli> short1 = runInBackground(freeze("freeze-cart", "cart", "12s"));
    ActiveRun checkout = awaitRunning("freeze-checkout");
    ActiveRun cart = awaitRunning("freeze-cart");

    Cli runs = cli("runs");
    assertThat(runs.exit()).isZero();
    assertThat(runs.out())
        .containsPattern(checkout.runId() + " +freeze-checkout +faultline-sandbox .* running +1")
        .containsPattern(cart.runId() + " +freeze-cart +faultline-sandbox .* running +1");
    Cli status = cli("status", checkout.runId());
    assertThat(status.exit()).as(status.err()).isEqualTo(StatusCommand.FAULTS_ACTIVE);
    assertThat(status.out()).containsPattern("freeze#1 +freeze +Pod shop/checkout-.* +applied");

    long stopAt = System.nanoTime();
    Cli stop = cli("stop", checkout.runId(), "--wait", "30s");
    assertThat(stop.exit()).as(stop.err()).isZero();
    assertThat(stop.out())
        .contains("stop: run " + checkout.runId() + " stopped; its faults are rolled back");
    Cli stopped = long1.get(30, TimeUnit.SECONDS);
    assertThat(stopped.exit()).as(stopped.err()).isEqualTo(RunCommand.ABORTED_OR_ERROR);
    assertThat(stopped.err()).contains("emergency stop by faultline stop");
    assertThat(Duration.ofNanos(System.nanoTime() - stopAt)).isLessThan(Duration.ofSeconds(20));

    // The other run did not notice: still registered, its fault still in place, then it passes.
    assertThat(short1).isNotDone();
    ActiveRun still = new ActiveRuns(state).find(cart.runId()).orElseThrow();
    assertThat(still.state().words()).isEqualTo("running");
    assertThat(still.activeFaults()).isEqualTo(1);
    Cli passed = short1.get(60, TimeUnit.SECONDS);
    assertThat(passed.exit()).as(passed.err()).isZero();
    assertThat(passed.out()).contains("freeze-cart: PASSED");

    for (ActiveRun run : List.of(checkout, cart)) {
      JournalContents journal =
          FileRollbackJournal.read(
              FileRollbackJournal.doneDirectory(state)
                  .resolve(run.runId() + FileRollbackJournal.EXTENSION));
      assertThat(journal.recorded()).hasSize(1);
      assertThat(journal.outcome("freeze#1")).contains(FileRollbackJournal.ROLLED_BACK);
    }
    Cli after = cli("status", checkout.runId());
    assertThat(after.exit()).as(after.err()).isZero();
    assertThat(after.out())
        .contains("State:      finished")
        .containsPattern("freeze#1 .* rolled back");
    assertThat(registered()).isEmpty();
  }

  @Test
  void aRunOnThePodsOfAnotherIsWarnedAboutOrRefused() throws Exception {
    // All three pods, so the second run's pick is certainly among them.
    Path all = dir.resolve("freeze-all.yaml");
    Files.writeString(
        all,
        Files.readString(freeze("freeze-all", "checkout", "60s"))
            .replace("{mode: count, value: 1}", "{mode: all}"));
    CompletableFuture<Cli> first = runInBackground(all);
    ActiveRun running =
        LeftBehind.await(
                Duration.ofSeconds(30),
                () -> registered().stream().filter(r -> r.activeFaults() == 3).findFirst(),
                Optional::isPresent)
            .orElseThrow();
    assertThat(running.targets()).hasSize(3);

    Path other = freeze("freeze-one", "checkout", "1s");
    Cli refused = cli(runArgs(other, "--refuse-overlap").toArray(String[]::new));
    assertThat(refused.exit()).as(refused.err()).isEqualTo(RunCommand.OVERLAP_REFUSED);
    assertThat(refused.err())
        .containsPattern(
            "run: run " + running.runId() + " \\(freeze-all\\) also acts on Pod shop/checkout-")
        .contains("run: not started (--refuse-overlap)");
    assertThat(FileRollbackJournal.list(state))
        .extracting(JournalContents::runId)
        .containsExactly(running.runId());

    Cli warned = cli(runArgs(other).toArray(String[]::new));
    assertThat(warned.exit()).as(warned.err()).isZero();
    assertThat(warned.err())
        .containsPattern(
            "warning: run "
                + running.runId()
                + " \\(freeze-all\\) also acts on Pod shop/checkout-");

    assertThat(cli("stop", running.runId()).exit()).isZero();
    assertThat(first.get(30, TimeUnit.SECONDS).exit()).isEqualTo(RunCommand.ABORTED_OR_ERROR);
    assertThat(FileRollbackJournal.withOpenFaults(state)).isEmpty();
  }
}
