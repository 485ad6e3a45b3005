package dev.faultline.safety;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.safety.ActiveRuns.ActiveRun;
import dev.faultline.safety.ActiveRuns.Liveness;
import dev.faultline.safety.ActiveRuns.StopRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActiveRunsTest {
  @TempDir Path state;

  @Test
  void registersListsAndDeregisters() throws IOException {
    ActiveRuns runs = new ActiveRuns(state);
    try (var registration = runs.register("r1", "kind-dev", "checkout", state.resolve("j"))) {
      ActiveRun run = runs.find("r1").orElseThrow();
      assertThat(run.pid()).isEqualTo(ProcessHandle.current().pid());
      assertThat(run.context()).isEqualTo("kind-dev");
      assertThat(run.experiment()).isEqualTo("checkout");
      assertThat(run.journal()).isEqualTo(state.resolve("j").toAbsolutePath());
      assertThat(run.liveness()).isEqualTo(Liveness.ALIVE);
      assertThat(runs.list()).containsExactly(run);
      assertThat(runs.isActive("r1")).isTrue();
      assertThat(registration.stopRequested()).isFalse();
    }
    assertThat(runs.list()).isEmpty();
    assertThat(runs.isActive("r1")).isFalse();
  }

  @Test
  void anEntryWhoseProcessIsGoneIsStale() throws Exception {
    Process process = new ProcessBuilder("true").start();
    process.waitFor(10, TimeUnit.SECONDS);
    ActiveRuns runs = new ActiveRuns(state);
    Files.createDirectories(runs.directory());
    Files.writeString(
        runs.directory().resolve("dead.json"),
        """
        {"runId":"dead","pid":%d,"host":"%s","context":"c","experiment":"e",
         "startedAt":"2025-01-01T00:00:00Z"}
        """
            .formatted(process.pid(), ActiveRuns.hostName()));
    ActiveRun dead = runs.find("dead").orElseThrow();
    assertThat(dead.liveness()).isEqualTo(Liveness.DEAD);
    assertThat(runs.isActive("dead")).isFalse();

    // A reused pid (our own, with another start time) is not the run's process either.
    ActiveRun reused =
        new ActiveRun(
            "x",
            ProcessHandle.current().pid(),
            Instant.parse("2001-01-01T00:00:00Z"),
            ActiveRuns.hostName(),
            "",
            "",
            Instant.now(),
            null);
    assertThat(reused.liveness()).isEqualTo(Liveness.DEAD);
    ActiveRun elsewhere =
        new ActiveRun("y", 1, null, "another-host.example", "", "", Instant.now(), null);
    assertThat(elsewhere.liveness()).isEqualTo(Liveness.OTHER_HOST);

    runs.removeStale(dead);
    assertThat(runs.list()).isEmpty();
  }

  @Test
  void stopOneRunReachesItsListenerOnly() throws Exception {
    ActiveRuns runs = new ActiveRuns(state);
    try (var one = runs.register("one", "c", "e", null);
        var two = runs.register("two", "c", "e", null)) {
      var heard = new CompletableFuture<StopRequest>();
      one.onStopRequested(heard::complete);
      assertThat(runs.requestStop("one", "test")).isTrue();
      StopRequest request = heard.get(5, TimeUnit.SECONDS);
      assertThat(request.all()).isFalse();
      assertThat(request.by()).isEqualTo("test");
      assertThat(one.stopRequested()).isTrue();
      Thread.sleep(3 * ActiveRuns.POLL_MILLIS);
      assertThat(two.stopRequested()).isFalse();
      assertThat(runs.requestStop("nobody", "test")).isFalse();

      // A listener added after the request hears it at once.
      var late = new CompletableFuture<StopRequest>();
      one.onStopRequested(late::complete);
      assertThat(late).isDone();
    }
    assertThat(Files.exists(runs.directory().resolve("one.stop"))).isFalse();
  }

  @Test
  void stopAllStopsEveryRunRegisteredBeforeItButNotLaterOnes() throws Exception {
    ActiveRuns runs = new ActiveRuns(state);
    try (var one = runs.register("one", "c", "e", null);
        var two = runs.register("two", "c", "e", null)) {
      var heardOne = new CompletableFuture<StopRequest>();
      var heardTwo = new CompletableFuture<StopRequest>();
      one.onStopRequested(heardOne::complete);
      two.onStopRequested(heardTwo::complete);
      assertThat(runs.requestStopAll("faultline stop --all"))
          .extracting(ActiveRun::runId)
          .containsExactly("one", "two");
      assertThat(heardOne.get(5, TimeUnit.SECONDS).all()).isTrue();
      assertThat(heardTwo.get(5, TimeUnit.SECONDS).by()).isEqualTo("faultline stop --all");
      Thread.sleep(5);
      try (var later = runs.register("later", "c", "e", null)) {
        Thread.sleep(3 * ActiveRuns.POLL_MILLIS);
        assertThat(later.stopRequested()).isFalse();
      }
    }
  }
}
