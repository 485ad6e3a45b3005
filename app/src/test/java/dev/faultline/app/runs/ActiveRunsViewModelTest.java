package dev.faultline.app.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.designer.fx.SameThreadTaskExecutor;
import dev.faultline.safety.ActiveRuns;
import dev.faultline.safety.RunState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActiveRunsViewModelTest {
  @TempDir Path state;

  private ActiveRuns registry() {
    return new ActiveRuns(state);
  }

  private ActiveRunsViewModel model(Instant now) {
    return new ActiveRunsViewModel(
        registry(), new SameThreadTaskExecutor(), Clock.fixed(now, ZoneOffset.UTC));
  }

  @Test
  void listsEveryRegisteredRunWithStateFaultsAndSince() throws Exception {
    ActiveRuns runs = registry();
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor(10, TimeUnit.SECONDS);
    Files.createDirectories(runs.directory());
    Files.writeString(
        runs.directory().resolve("crashed.json"),
        """
        {"runId":"crashed","pid":%d,"context":"kind-dev","experiment":"old",
         "startedAt":"2026-12-03T11:00:00Z","state":"running","activeFaults":2}
        """
            .formatted(gone.pid()));
    try (var live = runs.register("live-1", "faultline-sandbox", "freeze", null)) {
      live.update(RunState.WAITING_AT_GATE, 1, List.of());
      live.flush();
      Instant started = live.run().startedAt();
      var model = model(started.plusSeconds(75));
      model.refresh();

      assertThat(model.rows())
          .containsExactly(
              new ActiveRunsViewModel.Row(
                  "crashed",
                  "old",
                  "kind-dev",
                  Instant.parse("2026-12-03T11:00:00Z"),
                  "stale",
                  2,
                  false),
              new ActiveRunsViewModel.Row(
                  "live-1", "freeze", "faultline-sandbox", started, "waiting at gate", 1, true));
      assertThat(model.since(model.rows().get(1)))
          .isEqualTo(
              "1m 15s ago (" + started.truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + ")");
    }
  }

  @Test
  void rowsStayTheSameObjectsWhileOnlyTimePassesSoAStopClickIsNotSwappedAway() throws Exception {
    ActiveRuns runs = registry();
    try (var live = runs.register("live-1", "faultline-sandbox", "freeze", null)) {
      live.flush();
      Instant started = live.run().startedAt();
      var ticking = new java.util.concurrent.atomic.AtomicReference<>(started.plusSeconds(5));
      var model =
          new ActiveRunsViewModel(
              registry(),
              new SameThreadTaskExecutor(),
              new Clock() {
                @Override
                public ZoneOffset getZone() {
                  return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(java.time.ZoneId zone) {
                  return this;
                }

                @Override
                public Instant instant() {
                  return ticking.get();
                }
              });
      model.refresh();
      ActiveRunsViewModel.Row first = model.rows().getFirst();
      assertThat(model.since(first)).startsWith("5s ago");

      ticking.set(started.plusSeconds(65));
      model.refresh();

      assertThat(model.rows().getFirst()).isSameAs(first);
      assertThat(model.since(first)).startsWith("1m 5s ago");
    }
  }

  @Test
  void stopAsksOnlyThatRunToStopAndAnEndedRunIsSaidToBeOver() throws Exception {
    ActiveRuns runs = registry();
    try (var a = runs.register("run-a", "c", "a", null);
        var b = runs.register("run-b", "c", "b", null)) {
      var model = model(Instant.now());
      model.stop("run-a");
      assertThat(model.messageProperty().get()).isEqualTo("Asked run run-a to stop and roll back.");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (!a.stopRequested() && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      Thread.sleep(
          3 * ActiveRuns.POLL_MILLIS); // time enough for b to see a request, were there one
      assertThat(a.stopRequested()).isTrue();
      assertThat(a.stopRequest().orElseThrow().by()).startsWith("the Faultline app (pid ");
      assertThat(b.stopRequested()).isFalse();
    }
    var model = model(Instant.now());
    model.stop("run-a");
    assertThat(model.messageProperty().get()).isEqualTo("Run run-a has already ended.");
    model.refresh();
    assertThat(model.rows()).isEmpty();
  }
}
