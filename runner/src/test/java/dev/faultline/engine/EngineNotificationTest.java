package dev.faultline.engine;

import static dev.faultline.engine.EngineHarness.awaitGate;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.model.Notification;
import dev.faultline.notify.Loopback;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The engine tells webhooks and log files about a run without letting them change it. */
class EngineNotificationTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir Path dir;
  private final EngineHarness h = new EngineHarness();

  private static List<String> events(List<Loopback.Request> requests) {
    return requests.stream().map(r -> JSON.readTree(r.body()).get("event").asString()).toList();
  }

  @Test
  void webhookAndLogFileHearStartGateHaltAndFinishInOrderBeforeTheResult() throws Exception {
    Path log = dir.resolve("nested/run.jsonl");
    Path extra = dir.resolve("extra.jsonl");
    try (var server = Loopback.answering(200)) {
      h.options =
          h.options.withNotifications(
              List.of(new Notification.LogFile(extra.toString(), null, null, null)));
      RunHandle run =
          h.start(
              """
              notifications:
                - webhook:
                    url: %s
                    headers: {X-Home: "${env:HOME}"}
                - logFile: {path: %s}
              steps:
                - {id: freeze, attack: test.fault}
                - {id: review, after: [freeze], gate: Kill the primary?}
                - {id: kill, after: [review], attack: test.fault}
              """
                  .formatted(server.url("/hook"), log));
      awaitGate(run, "review");
      run.cancel("alice");
      RunResult result = run.await(Duration.ofSeconds(10)).orElseThrow();

      assertThat(result.verdict()).isEqualTo(Verdict.ABORTED);
      // delivered before the result completes: the finish notification was flushed
      assertThat(events(server.requests())).containsExactly("start", "gate", "halt", "finish");
      List<JsonNode> bodies = server.requests().stream().map(r -> JSON.readTree(r.body())).toList();
      assertThat(bodies)
          .allSatisfy(
              b -> {
                assertThat(b.get("runId").asString()).isEqualTo("test-run");
                assertThat(b.get("experiment").asString()).isEqualTo("engine-test");
                assertThat(b.get("context").asString()).isEqualTo("test-context");
              });
      assertThat(bodies.get(1).get("details").get("step").asString()).isEqualTo("review");
      assertThat(bodies.get(1).get("details").get("question").asString())
          .isEqualTo("Kill the primary?");
      assertThat(bodies.get(2).get("details").get("reason").asString())
          .isEqualTo("cancelled by alice");
      JsonNode finish = bodies.get(3).get("details");
      assertThat(finish.get("verdict").asString()).isEqualTo("aborted");
      assertThat(finish.get("reason").asString()).isEqualTo("cancelled by alice");
      assertThat(finish.get("durationSeconds").asDouble()).isPositive();
      assertThat(server.requests().getFirst().header("X-Home")).isEqualTo(System.getenv("HOME"));

      for (Path file : List.of(log, extra)) {
        assertThat(Files.readAllLines(file))
            .extracting(line -> JSON.readTree(line).get("event").asString())
            .containsExactly("start", "gate", "halt", "finish");
      }
      assertThat(h.events(RunEvent.NoteAdded.class)).isEmpty();
    }
  }

  @Test
  void aSinkReceivesOnlyTheEventsItNames() throws Exception {
    try (var server = Loopback.answering(200)) {
      RunResult result =
          h.run(
              """
              notifications:
                - webhook: {url: %s, format: slack, events: [finish]}
              steps:
                - {id: w, wait: 10ms}
              """
                  .formatted(server.url("/")));

      assertThat(result.verdict()).isEqualTo(Verdict.PASSED);
      assertThat(server.requests()).hasSize(1);
      assertThat(JSON.readTree(server.requests().getFirst().body()).get("text").asString())
          .startsWith(":white_check_mark: Run of engine-test passed after ");
    }
  }

  @Test
  void aDeadWebhookKeepsTheVerdictAndLeavesNotesBeforeTheEnd() throws Exception {
    int port = Loopback.deadPort();
    RunResult result =
        h.run(
            """
            notifications:
              - webhook: {url: "http://127.0.0.1:%d/hook"}
            steps:
              - {id: freeze, attack: test.fault}
            """
                .formatted(port));

    assertThat(result.verdict()).isEqualTo(Verdict.PASSED);
    assertThat(result.events().getLast()).isInstanceOf(RunEvent.RunFinished.class);
    assertThat(result.events().stream().filter(RunEvent.NoteAdded.class::isInstance))
        .map(e -> ((RunEvent.NoteAdded) e).author() + ": " + ((RunEvent.NoteAdded) e).text())
        .containsExactly(
            "faultline: notification to 127.0.0.1 failed (start): cannot connect (after 3 attempts)",
            "faultline: notification to 127.0.0.1 failed (finish): cannot connect (after 3 attempts)");
  }

  @Test
  void anUnusableLogFilePathIsANoteNotAFailedStart() throws Exception {
    RunResult result =
        h.run(
            """
            notifications:
              - logFile: {path: "bad\\0name.jsonl"}
            steps:
              - {id: w, wait: 10ms}
            """);

    assertThat(result.verdict()).isEqualTo(Verdict.PASSED);
    assertThat(h.events(RunEvent.NoteAdded.class))
        .extracting(RunEvent.NoteAdded::text)
        .singleElement()
        .asString()
        .startsWith("notification skipped: Nul character not allowed");
  }

  @Test
  void aHangingWebhookDelaysTheEndOfTheRunByNoMoreThanTheBound() throws Exception {
    try (var server = Loopback.answering(0)) {
      long start = System.nanoTime();
      RunResult result =
          h.run(
              """
              notifications:
                - webhook: {url: %s}
              steps:
                - {id: w, wait: 10ms}
              """
                  .formatted(server.url("/")));
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      assertThat(result.verdict()).isEqualTo(Verdict.PASSED);
      assertThat(took).isLessThan(RunNotifier.FLUSH_BOUND.plusSeconds(2));
      assertThat(h.events(RunEvent.NoteAdded.class))
          .extracting(RunEvent.NoteAdded::text)
          .containsExactly(
              "notification to 127.0.0.1 not confirmed within 5 s; the run did not wait for it");
    }
  }
}
