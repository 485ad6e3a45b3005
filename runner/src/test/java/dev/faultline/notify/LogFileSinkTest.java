package dev.faultline.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.model.Notification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class LogFileSinkTest {
  @TempDir Path dir;

  @Test
  void twoRunsAppendingAtOnceWriteWholeLinesAndCreateTheDirectories() throws Exception {
    Path file = dir.resolve("logs/chaos/runs.jsonl");
    int perRun = 300;
    // Long lines make a torn write likely if writes were not whole lines under a lock.
    String reason = "x".repeat(5000);
    var go = new CountDownLatch(1);
    List<CompletableFuture<Void>> runs =
        List.of("run-a", "run-b").stream()
            .map(
                runId ->
                    CompletableFuture.runAsync(
                        () -> {
                          // one sink per run, as two engines (or two processes) would have
                          var sink =
                              LogFileSink.of(
                                  new Notification.LogFile(file.toString(), null, null, null));
                          try {
                            go.await();
                            for (int i = 0; i < perRun; i++) {
                              sink.send(
                                  new NotifyMessage(
                                      Notification.Event.HALT,
                                      runId,
                                      "e",
                                      "c",
                                      Instant.now(),
                                      Map.of("reason", i + reason)));
                            }
                          } catch (Exception e) {
                            throw new IllegalStateException(e);
                          }
                        },
                        runnable -> Thread.ofVirtual().start(runnable)))
            .toList();
    go.countDown();
    CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).join();

    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize(2 * perRun);
    var json = JsonMapper.builder().build();
    for (String runId : List.of("run-a", "run-b")) {
      List<JsonNode> mine =
          lines.stream()
              .map(json::readTree)
              .filter(n -> n.get("runId").asString().equals(runId))
              .toList();
      assertThat(mine).hasSize(perRun);
      // each run's lines stay in its own order
      for (int i = 0; i < perRun; i++) {
        assertThat(mine.get(i).get("details").get("reason").asString()).isEqualTo(i + reason);
      }
    }
  }

  @Test
  void theTextFormatAppendsReadableLinesToWhatIsThere() throws Exception {
    Path file = dir.resolve("run.log");
    Files.writeString(file, "earlier line\n");
    var sink =
        LogFileSink.of(
            new Notification.LogFile(file.toString(), Notification.LogFormat.TEXT, null, null));

    sink.send(Messages.start());
    sink.send(Messages.finish("passed", "ok"));

    assertThat(Files.readAllLines(file))
        .containsExactly(
            "earlier line",
            "2026-12-03T12:00:00Z start run=checkout-1 experiment=checkout-freeze context=kind-shop"
                + " dryRun=false steps=freeze,kill",
            "2026-12-03T12:00:00Z finish run=checkout-1 experiment=checkout-freeze context=kind-shop"
                + " verdict=passed reason=ok durationSeconds=12.345 faultsLeftOpen=0");
  }
}
