package dev.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.Examples;
import dev.faultline.notify.Loopback;
import dev.faultline.safety.StateDirectory;
import dev.faultline.sandbox.Sandbox;
import dev.faultline.sandbox.SandboxOptions;
import dev.faultline.sandbox.world.ControllerTimings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code faultline run} on the sandbox tells webhooks and log files, from the file and from the
 * command line, about start, gates, halts and finish, in order, and a dead webhook changes nothing
 * but a warning.
 */
class NotificationsIT {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir Path dir;
  private Sandbox sandbox;
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
  }

  @AfterEach
  void stop() {
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

  /** The example with {@code notifications} added under {@code spec}. */
  private Path withNotifications(String example, String notifications, String name)
      throws Exception {
    String text = Files.readString(Examples.dir().resolve(example));
    text = text.replace("\nspec:\n", "\nspec:\n  notifications:\n" + notifications.indent(4));
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  private static List<JsonNode> bodies(Loopback server) {
    return server.requests().stream().map(r -> JSON.readTree(r.body())).toList();
  }

  @Test
  void aGameDayWithGatesNotifiesEverySinkInOrderAndADeadWebhookOnlyWarns() throws Exception {
    try (var fromFile = Loopback.answering(200);
        var fromFlag = Loopback.answering(200)) {
      Path log = dir.resolve("logs/nested/chaos.jsonl");
      Path file =
          withNotifications(
              "checkout-game-day.yaml",
              """
              - webhook: {url: "%s", headers: {X-Team: payments}}
              - webhook: {url: "http://127.0.0.1:%d/dead", format: slack}
              - logFile: {path: "%s"}
              """
                  .formatted(fromFile.url("/hook"), Loopback.deadPort(), log),
              "game-day.yaml");
      Path reports = dir.resolve("reports");

      int exit =
          run(
              file.toString(),
              "--approve-gates",
              "--notify-webhook",
              fromFlag.url("/ci"),
              "--log-file",
              dir.resolve("ci.log").toString(),
              "--report-dir",
              reports.toString());

      assertThat(exit).as(err.toString()).isZero();
      assertThat(out.toString()).contains("checkout-game-day: PASSED");
      for (Loopback server : List.of(fromFile, fromFlag)) {
        List<JsonNode> bodies = bodies(server);
        assertThat(bodies)
            .extracting(
                b -> b.get("event").asString() + " " + b.get("details").path("step").asString(""))
            .containsExactly("start ", "gate ready", "gate alerts-fired", "finish ");
        String runId = bodies.getFirst().get("runId").asString();
        assertThat(runId).startsWith("checkout-game-day-");
        assertThat(bodies)
            .allSatisfy(
                b -> {
                  assertThat(b.get("runId").asString()).isEqualTo(runId);
                  assertThat(b.get("experiment").asString()).isEqualTo("checkout-game-day");
                  assertThat(b.get("context").asString()).isEqualTo("faultline-sandbox");
                  assertThat(b.get("schema").asString()).isEqualTo("faultline.dev/notification/v1");
                });
        JsonNode finish = bodies.getLast().get("details");
        assertThat(finish.get("verdict").asString()).isEqualTo("passed");
        assertThat(finish.get("reason").asString()).isEqualTo("all 6 steps succeeded");
        assertThat(finish.get("durationSeconds").asDouble()).isPositive();
        assertThat(finish.get("faultsLeftOpen").asInt()).isZero();
      }
      assertThat(fromFile.requests().getFirst().header("X-Team")).isEqualTo("payments");
      for (Path file2 : List.of(log, dir.resolve("ci.log"))) {
        assertThat(Files.readAllLines(file2))
            .extracting(line -> JSON.readTree(line).get("event").asString())
            .containsExactly("start", "gate", "gate", "finish");
      }
      // the dead webhook: a warning on the timeline and in the report, not a different verdict
      assertThat(err.toString())
          .contains("notification to 127.0.0.1 failed (start): cannot connect (after 3 attempts)")
          .contains("notification to 127.0.0.1 failed (finish): cannot connect (after 3 attempts)");
      assertThat(Files.readString(reports.resolve("run.json")))
          .contains("notification to 127.0.0.1 failed (finish)");
    }
  }

  @Test
  void aHaltIsNotifiedBeforeTheAbortedFinish() throws Exception {
    try (var server = Loopback.answering(200)) {
      String text =
          """
          apiVersion: faultline.dev/v1alpha1
          kind: Experiment
          metadata:
            name: halted
          spec:
            safety:
              maxDuration: 2s
            targets:
              checkout:
                namespaces: [shop]
                labelSelector: app=checkout
                containers: [app]
                blastRadius: {mode: count, value: 1}
            steps:
              - id: freeze
                attack: process.signal
                target: checkout
                with: {signal: SIGSTOP, process: java}
              - id: hold
                after: [freeze]
                wait: 1m
            notifications:
              - webhook: {url: "%s", format: slack}
          """
              .formatted(server.url("/services/T0/B0/secret"));
      Path file = dir.resolve("halted.yaml");
      Files.writeString(file, text);

      int exit = run(file.toString());

      assertThat(exit).as(err.toString()).isEqualTo(3);
      List<JsonNode> bodies = bodies(server);
      assertThat(bodies)
          .extracting(b -> b.get("blocks").get(1).get("elements").get(0).get("text").asString())
          .allMatch(
              t -> t.startsWith("experiment `halted` · context `faultline-sandbox` · run `halted-"))
          .extracting(t -> t.substring(t.lastIndexOf("event `")))
          .containsExactly("event `start`", "event `halt`", "event `finish`");
      assertThat(bodies.get(1).get("text").asString())
          .isEqualTo(
              ":octagonal_sign: Run of halted halted: the run reached spec.safety.maxDuration (2s)");
      assertThat(bodies.get(2).get("text").asString())
          .startsWith(":warning: Run of halted aborted after ")
          .endsWith(": the run reached spec.safety.maxDuration (2s)");
    }
  }
}
