package dev.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.attack.AttackContext;
import dev.faultline.attack.AttackExecutor;
import dev.faultline.attack.AttackExecutors;
import dev.faultline.attack.AttackRequest;
import dev.faultline.attack.Fault;
import dev.faultline.attack.FaultStatus;
import dev.faultline.attack.ObjectRef;
import dev.faultline.cluster.AccessCheck;
import dev.faultline.safety.ActiveRuns;
import dev.faultline.safety.FileRollbackJournal;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code faultline stop} and the parts of {@code faultline cleanup} that need no cluster, with a
 * temporary home and state directory and an executor that only records rollbacks.
 */
class StopCommandTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final List<String> rolledBack = new CopyOnWriteArrayList<>();
  private CliEnvironment environment;

  private final AttackExecutor recorder =
      new AttackExecutor() {
        @Override
        public String attackId() {
          return "test.record";
        }

        @Override
        public List<AccessCheck> accessNeeds(AttackRequest request) {
          return List.of();
        }

        @Override
        public List<Fault> prepare(AttackRequest request, AttackContext context) {
          return List.of();
        }

        @Override
        public void apply(Fault fault, AttackContext context) {}

        @Override
        public FaultStatus status(Fault fault, AttackContext context) {
          return FaultStatus.active("");
        }

        @Override
        public void rollback(Fault fault, AttackContext context) {
          rolledBack.add(fault.runId() + "/" + fault.id() + "@" + context.contextName());
        }
      };

  @BeforeEach
  void home() throws IOException {
    Files.createDirectories(dir.resolve("home/.kube"));
    Files.writeString(
        dir.resolve("home/.kube/config"),
        """
        clusters: [{name: kind, cluster: {server: "https://127.0.0.1:9"}}]
        users: [{name: me, user: {token: secret}}]
        contexts: [{name: kind-dev, context: {cluster: kind, user: me}}]
        current-context: kind-dev
        """);
    environment = new CliEnvironment(Map.of(), dir.resolve("home"), dir.resolve("data"));
  }

  private Path state() {
    return environment.stateDirectory();
  }

  private int run(String... args) {
    CommandLine cli = Main.commandLine(environment, () -> new AttackExecutors(List.of(recorder)));
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  private static Fault fault(String runId, String id, String context, boolean reversible) {
    return new Fault(
        id,
        runId,
        "freeze",
        "test.record",
        context,
        ObjectRef.pod("shop", "checkout-1"),
        "SIGSTOP /java/",
        reversible,
        Map.of());
  }

  /** A run that applied faults and died without rolling back: journal open, entry stale. */
  private void crashedRun(String runId, Fault... faults) throws Exception {
    try (var journal =
        FileRollbackJournal.create(state(), runId, "checkout", faults[0].context())) {
      for (Fault f : faults) {
        journal.record(f);
      }
    }
    Process dead = new ProcessBuilder("true").start();
    dead.waitFor(10, TimeUnit.SECONDS);
    Path active = new ActiveRuns(state()).directory();
    Files.createDirectories(active);
    Files.writeString(
        active.resolve(runId + ".json"),
        """
        {"runId":"%s","pid":%d,"context":"%s","experiment":"checkout",
         "startedAt":"2025-01-01T00:00:00Z"}
        """
            .formatted(runId, dead.pid(), faults[0].context()));
  }

  @Test
  void theStateDirectoryIsUnderTheInjectedHome() {
    assertThat(state()).isEqualTo(dir.resolve("home/.local/state/faultline"));
  }

  @Test
  void usageErrorsAndNothingToStop() {
    assertThat(run("stop")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("stop: name a run id, or --all to stop every run");
    assertThat(run("stop", "--all", "r-1")).isEqualTo(ExitCodes.USAGE);
    assertThat(run("stop", "--all", "--wait", "soon")).isEqualTo(ExitCodes.USAGE);

    assertThat(run("stop", "--all")).isZero();
    assertThat(out.toString()).contains("stop: no runs in progress on this machine");
    assertThat(run("stop", "r-404")).isEqualTo(ExitCodes.LEFT_OPEN);
    assertThat(err.toString()).contains("stop: no run r-404 is in progress on this machine");
  }

  @Test
  void stopAllWaitsForALiveRunToRollBackAndDeregister() throws Exception {
    ActiveRuns runs = new ActiveRuns(state());
    Fault f = fault("live-1", "freeze#1", "kind-dev", true);
    var journal = FileRollbackJournal.create(state(), "live-1", "checkout", "kind-dev");
    journal.record(f);
    var registration = runs.register("live-1", "kind-dev", "checkout", journal.file());
    // What the engine does when told: roll back, close the journal, deregister.
    registration.onStopRequested(
        request -> {
          try {
            journal.markDone(f, FileRollbackJournal.ROLLED_BACK);
            journal.close();
            registration.close();
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });

    assertThat(run("stop", "--all", "--wait", "10s")).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("stop: asked 1 run to stop and roll back: live-1 (checkout on kind-dev, pid ")
        .contains("stop: run live-1 stopped; its faults are rolled back");
    assertThat(registration.stopRequest().orElseThrow().by()).startsWith("faultline stop --all");
    assertThat(rolledBack).isEmpty();
  }

  @Test
  void aRunThatDoesNotStopInTimeIsReported() throws Exception {
    ActiveRuns runs = new ActiveRuns(state());
    try (var registration = runs.register("stuck-1", "kind-dev", "checkout", null)) {
      assertThat(run("stop", "stuck-1", "--wait", "500ms")).isEqualTo(ExitCodes.LEFT_OPEN);
      assertThat(registration.stopRequested()).isTrue();
      assertThat(err.toString())
          .contains("stop: run stuck-1 (pid ")
          .contains("did not stop within 500ms");
    }
  }

  @Test
  void stopAllRollsBackTheFaultsOfACrashedRunItself() throws Exception {
    crashedRun(
        "crashed-1",
        fault("crashed-1", "freeze#1", "kind-dev", true),
        fault("crashed-1", "delete#1", "kind-dev", false),
        fault("crashed-1", "freeze#2", "kind-dev", true));

    assertThat(run("stop", "--all")).as(err.toString()).isZero();
    assertThat(rolledBack)
        .containsExactly("crashed-1/freeze#2@kind-dev", "crashed-1/freeze#1@kind-dev");
    assertThat(out.toString())
        .contains(
            "stop: rolled back: SIGSTOP /java/ on Pod shop/checkout-1 (run crashed-1, step freeze)")
        .contains("stop: nothing to undo (irreversible)");
    assertThat(FileRollbackJournal.fileFor(state(), "crashed-1")).doesNotExist();
    assertThat(new ActiveRuns(state()).list()).isEmpty();
  }

  @Test
  void cleanupJournalOnlyRollsBackAndSaysSo() throws Exception {
    crashedRun("crashed-2", fault("crashed-2", "freeze#1", "kind-dev", true));

    assertThat(run("cleanup", "--journal-only", "--dry-run")).isEqualTo(ExitCodes.LEFT_OPEN);
    assertThat(out.toString())
        .contains(
            "would roll back: SIGSTOP /java/ on Pod shop/checkout-1 (run crashed-2, step freeze)")
        .contains("cleanup (dry run): 1 fault would be rolled back");
    assertThat(rolledBack).isEmpty();

    out.getBuffer().setLength(0);
    assertThat(run("cleanup", "--journal-only")).isZero();
    assertThat(out.toString()).contains("cleanup: 1 fault rolled back");
    assertThat(rolledBack).containsExactly("crashed-2/freeze#1@kind-dev");

    out.getBuffer().setLength(0);
    assertThat(run("cleanup", "--journal-only")).isZero();
    assertThat(out.toString()).contains("cleanup: nothing left behind");
  }

  @Test
  void faultsOfAnEmbeddedSandboxThatIsGoneAreMarkedGoneAndUnknownContextsStayOpen()
      throws Exception {
    crashedRun("sandboxed", fault("sandboxed", "freeze#1", "faultline-sandbox", true));
    crashedRun("elsewhere", fault("elsewhere", "freeze#1", "prod-eu", true));

    assertThat(run("cleanup", "--journal-only")).isEqualTo(ExitCodes.CLUSTER);
    assertThat(out.toString())
        .contains(
            "gone (the embedded sandbox is not running): SIGSTOP /java/ on Pod shop/checkout-1 (run sandboxed")
        .contains(
            "cannot roll back SIGSTOP /java/ on Pod shop/checkout-1 (run elsewhere, step freeze): context prod-eu: no kubeconfig context 'prod-eu'")
        .contains("1 marked done (nothing to undo), 1 left open");
    assertThat(rolledBack).isEmpty();
    assertThat(FileRollbackJournal.withOpenFaults(state()))
        .extracting(j -> j.runId())
        .containsExactly("elsewhere");

    out.getBuffer().setLength(0);
    assertThat(run("cleanup", "--journal-only", "--context", "faultline-sandbox")).isZero();
    assertThat(out.toString()).contains("cleanup: nothing left behind");
  }
}
