package dev.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.attack.Fault;
import dev.faultline.attack.ObjectRef;
import dev.faultline.safety.ActiveRuns;
import dev.faultline.safety.FileRollbackJournal;
import dev.faultline.safety.RunState;
import dev.faultline.safety.RunTarget;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code faultline runs} and {@code faultline status} over a temporary state directory. */
class RunsAndStatusCommandTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private CliEnvironment environment;

  @BeforeEach
  void home() {
    environment = new CliEnvironment(Map.of(), dir.resolve("home"), dir.resolve("data"));
  }

  private Path state() {
    return environment.stateDirectory();
  }

  private int run(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    CommandLine cli = Main.commandLine(environment);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  private static Fault fault(String runId, String id, String pod, boolean reversible) {
    return new Fault(
        id,
        runId,
        id.substring(0, id.indexOf('#')),
        "process.signal",
        "kind-dev",
        ObjectRef.container("shop", pod, "app"),
        "SIGSTOP /java/ in shop/" + pod + " [app]",
        reversible,
        Map.of());
  }

  @Test
  void runsListsEachRunWithItsStateAndFaultsInTextAndJson() throws Exception {
    assertThat(run("runs")).isZero();
    assertThat(out.toString()).contains("No runs in progress on this machine.");

    ActiveRuns runs = new ActiveRuns(state());
    try (var a = runs.register("run-a", "kind-dev", "freeze-checkout", null);
        var b =
            runs.register(
                "run-b",
                "kind-dev",
                "kill-cart",
                null,
                List.of(RunTarget.pod("kind-dev", "shop/cart-1")))) {
      a.update(RunState.WAITING_AT_GATE, 3, List.of());
      a.flush();
      assertThat(run("runs")).isZero();
      assertThat(out.toString())
          .contains("RUN ID", "EXPERIMENT", "CONTEXT", "SINCE", "STATE", "FAULTS")
          .containsPattern(
              "run-a +freeze-checkout +kind-dev +\\d+s ago \\(20\\d\\d-.*Z\\) +waiting at gate +3")
          .containsPattern("run-b +kill-cart +kind-dev .* running +0");

      assertThat(run("runs", "-o", "json")).isZero();
      JsonNode json = JsonMapper.builder().build().readTree(out.toString());
      assertThat(json).hasSize(2);
      assertThat(json.get(0).get("runId").asString()).isEqualTo("run-a");
      assertThat(json.get(0).get("state").asString()).isEqualTo("waiting at gate");
      assertThat(json.get(0).get("activeFaults").asInt()).isEqualTo(3);
      assertThat(json.get(1).get("targets").get(0).asString()).isEqualTo("Pod shop/cart-1");
      assertThat(json.get(1).get("stale").asBoolean()).isFalse();
    }
    assertThat(run("runs", "-o", "yaml")).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void aRunWhoseProcessIsGoneIsListedStale() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor(10, TimeUnit.SECONDS);
    Path active = new ActiveRuns(state()).directory();
    Files.createDirectories(active);
    Files.writeString(
        active.resolve("crashed.json"),
        """
        {"runId":"crashed","pid":%d,"context":"kind-dev","experiment":"e",
         "startedAt":"2025-01-01T00:00:00Z","state":"running","activeFaults":1}
        """
            .formatted(gone.pid()));

    assertThat(run("runs")).isZero();
    assertThat(out.toString()).containsPattern("crashed +e +kind-dev +\\d+d ago .* stale +1");
  }

  @Test
  void statusOfARunInProgressShowsItsFaultsAndExitsOneWhileAnyIsActive() throws Exception {
    ActiveRuns runs = new ActiveRuns(state());
    var journal = FileRollbackJournal.create(state(), "live-1", "freeze", "kind-dev");
    Fault one = fault("live-1", "freeze#1", "checkout-1", true);
    Fault two = fault("live-1", "freeze#2", "checkout-2", true);
    Fault kill = fault("live-1", "kill#1", "checkout-3", false);
    try (var registration = runs.register("live-1", "kind-dev", "freeze", journal.file())) {
      journal.record(one);
      journal.record(two);
      journal.record(kill);
      journal.markDone(kill, FileRollbackJournal.IRREVERSIBLE);
      journal.markDone(one, FileRollbackJournal.ROLLED_BACK);

      assertThat(run("status", "live-1")).as(err.toString()).isEqualTo(StatusCommand.FAULTS_ACTIVE);
      assertThat(out.toString())
          .contains("Run:        live-1", "Experiment: freeze", "State:      running (pid ")
          .containsPattern(
              "freeze#1 +freeze +Pod shop/checkout-1 \\[app\\] +SIGSTOP.* +rolled back")
          .containsPattern("freeze#2 +freeze +Pod shop/checkout-2 \\[app\\] .* +applied")
          .containsPattern("kill#1 .* +applied \\(irreversible\\)")
          .contains(
              "1 fault active; they are rolled back when the run ends (faultline stop live-1");

      journal.markDone(two, FileRollbackJournal.ROLLED_BACK);
      assertThat(run("status", "live-1", "-o", "json")).isZero();
      JsonNode json = JsonMapper.builder().build().readTree(out.toString());
      assertThat(json.get("state").asString()).isEqualTo("running");
      assertThat(json.get("openFaults").asInt()).isZero();
      assertThat(json.get("faults").get(1).get("state").asString()).isEqualTo("rolled back");
    } finally {
      journal.close();
    }
  }

  @Test
  void statusOfAFinishedRunReadsItsJournalAndPointsToCleanupForFaultsLeftOpen() throws Exception {
    try (var journal = FileRollbackJournal.create(state(), "done-1", "freeze", "kind-dev")) {
      Fault f = fault("done-1", "freeze#1", "checkout-1", true);
      journal.record(f);
      journal.markDone(f, FileRollbackJournal.ROLLED_BACK);
    }
    assertThat(run("status", "done-1")).isZero();
    assertThat(out.toString())
        .contains("State:      finished")
        .containsPattern("freeze#1 .* rolled back")
        .contains("No fault of this run is active.");

    try (var journal = FileRollbackJournal.create(state(), "left-1", "freeze", "kind-dev")) {
      journal.record(fault("left-1", "freeze#1", "checkout-1", true));
    }
    assertThat(run("status", "left-1")).isEqualTo(StatusCommand.FAULTS_LEFT_OPEN);
    assertThat(out.toString())
        .containsPattern("freeze#1 .* rollback failed: left open")
        .contains(
            "1 fault left open by a run that is no longer running: faultline cleanup --context kind-dev");
  }

  @Test
  void anUnknownRunIdIsAUsageErrorListingTheKnownOnes() throws Exception {
    assertThat(run("status", "nope")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("status: no run nope on this machine; no runs are in");

    try (var journal = FileRollbackJournal.create(state(), "left-2", "freeze", "kind-dev");
        var live = new ActiveRuns(state()).register("live-2", "kind-dev", "e", null)) {
      journal.record(fault("left-2", "freeze#1", "checkout-1", true));
      assertThat(run("status", "nope")).isEqualTo(ExitCodes.USAGE);
      assertThat(err.toString())
          .contains(
              "status: no run nope on this machine; runs in progress: live-2; journals left: left-2");
    }
    assertThat(run("status", "../etc")).isEqualTo(ExitCodes.USAGE);
  }
}
