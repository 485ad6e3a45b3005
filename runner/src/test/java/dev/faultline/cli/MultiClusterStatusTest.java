package dev.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.attack.Fault;
import dev.faultline.attack.ObjectRef;
import dev.faultline.engine.RunEvent;
import dev.faultline.engine.RunResult;
import dev.faultline.engine.Verdict;
import dev.faultline.format.ExperimentReader;
import dev.faultline.format.Syntax;
import dev.faultline.model.Experiment;
import dev.faultline.safety.ActiveRuns;
import dev.faultline.safety.FileRollbackJournal;
import dev.faultline.safety.RunTarget;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code faultline runs}, {@code faultline status} and the end-of-run summary of a run over two
 * contexts ({@code east}, the run's, and {@code west}) say which context each fault and target is
 * in; a single-cluster run's stay as they were.
 */
class MultiClusterStatusTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private CliEnvironment environment;

  @BeforeEach
  void home() {
    environment = new CliEnvironment(Map.of(), dir.resolve("home"), dir.resolve("data"));
  }

  private int run(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    CommandLine cli = Main.commandLine(environment);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  private static Fault fault(String runId, String id, String context, String pod) {
    return new Fault(
        id,
        runId,
        id.substring(0, id.indexOf('#')),
        "process.signal",
        context,
        ObjectRef.container("shop", pod, "app"),
        "SIGSTOP /java/ in shop/" + pod + " [app]",
        true,
        Map.of());
  }

  @Test
  void runsAndStatusNameEveryContextOfAMultiClusterRun() throws Exception {
    var state = environment.stateDirectory();
    var journal = FileRollbackJournal.create(state, "two-1", "freeze-west", "east");
    Fault east = fault("two-1", "cart#1", "east", "cart-1");
    Fault west = fault("two-1", "freeze#1", "west", "checkout-1");
    try (var registration =
        new ActiveRuns(state)
            .register(
                "two-1",
                "east",
                "freeze-west",
                journal.file(),
                List.of(
                    RunTarget.pod("east", "shop/cart-1"),
                    RunTarget.pod("west", "shop/checkout-1")))) {
      journal.record(east);
      journal.record(west);
      journal.markDone(east, FileRollbackJournal.ROLLED_BACK);

      assertThat(run("runs")).isZero();
      assertThat(out.toString()).containsPattern("two-1 +freeze-west +east,west ");
      assertThat(run("runs", "-o", "json")).isZero();
      JsonNode runs = JsonMapper.builder().build().readTree(out.toString());
      assertThat(runs.get(0).path("context").asString()).isEqualTo("east");
      assertThat(runs.get(0).path("contexts").valueStream().map(JsonNode::asString))
          .containsExactly("east", "west");

      assertThat(run("status", "two-1")).isEqualTo(StatusCommand.FAULTS_ACTIVE);
      assertThat(out.toString())
          .contains("Context:    east\nAlso in:    west\n")
          .containsPattern("FAULT +STEP +CONTEXT +TARGET")
          .containsPattern("cart#1 +cart +east +Pod shop/cart-1 .* +rolled back")
          .containsPattern("freeze#1 +freeze +west +Pod shop/checkout-1 .* +applied");
      assertThat(run("status", "two-1", "-o", "json")).isEqualTo(StatusCommand.FAULTS_ACTIVE);
      JsonNode status = JsonMapper.builder().build().readTree(out.toString());
      assertThat(status.path("contexts").valueStream().map(JsonNode::asString))
          .containsExactly("east", "west");
      assertThat(status.path("faults").get(1).path("context").asString()).isEqualTo("west");
    }
    // The process ended with the west fault open: cleanup is pointed at west, where it lives.
    journal.close();
    assertThat(run("status", "two-1")).isEqualTo(StatusCommand.FAULTS_LEFT_OPEN);
    assertThat(out.toString())
        .contains("left open by a run that is no longer running: faultline cleanup --context west");
  }

  @Test
  void aSingleClusterRunsStatusHasNoContextColumn() throws Exception {
    var state = environment.stateDirectory();
    try (var journal = FileRollbackJournal.create(state, "one-1", "freeze", "east")) {
      Fault f = fault("one-1", "freeze#1", "east", "checkout-1");
      journal.record(f);
      journal.markDone(f, FileRollbackJournal.ROLLED_BACK);
    }
    assertThat(run("status", "one-1")).isZero();
    assertThat(out.toString())
        .doesNotContain("Also in:")
        .containsPattern("FAULT +STEP +TARGET +ACTION +STATE");
  }

  @Test
  void theEndOfRunSummaryCountsFaultsPerContextAndNamesEachTargetsContext() {
    Experiment experiment =
        new ExperimentReader()
            .read(
                """
                apiVersion: faultline.dev/v1alpha1
                kind: Experiment
                metadata: {name: freeze-west}
                spec:
                  targets:
                    checkout-west: {context: west, namespaces: [shop], labelSelector: app=checkout}
                  steps:
                    - id: freeze
                      attack: process.signal
                      target: checkout-west
                      with: {signal: SIGSTOP, process: java}
                """,
                Syntax.YAML)
            .experiment()
            .orElseThrow();
    Fault west = fault("two-1", "freeze#1", "west", "checkout-1");
    List<RunEvent> events =
        List.of(
            new RunEvent.RunStarted(
                "two-1", 0, Instant.now(), "freeze-west", "east", false, List.of("freeze")),
            new RunEvent.TargetsResolved(
                "two-1",
                1,
                "freeze",
                "checkout-west",
                List.of("shop/checkout-1"),
                3,
                List.of(),
                "west"),
            new RunEvent.FaultApplied("two-1", 2, west),
            new RunEvent.StepSucceeded("two-1", 3, "freeze", "1 fault applied"),
            new RunEvent.FaultRolledBack("two-1", 4, west),
            new RunEvent.RunFinished("two-1", 1_500_000_000L, Verdict.PASSED, "all passed", 0));
    var text = new StringWriter();

    RunSummary.print(
        experiment,
        new RunResult("two-1", Verdict.PASSED, "all passed", 0, events),
        new PrintWriter(text, true));

    assertThat(text.toString())
        .contains("  faults: 1 applied, 1 rolled back\n    in west: 1 applied, 1 rolled back\n")
        .contains("  target checkout-west in west: 1 of 3 pods (step freeze)\n")
        .doesNotContain("in east");
  }
}
