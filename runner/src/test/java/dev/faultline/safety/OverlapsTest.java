package dev.faultline.safety;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.attack.ObjectRef;
import dev.faultline.safety.ActiveRuns.ActiveRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OverlapsTest {
  @TempDir Path state;

  private static ActiveRun run(String id, String experiment, RunTarget... targets) {
    return new ActiveRun(
            id,
            ProcessHandle.current().pid(),
            null,
            "",
            "kind-dev",
            experiment,
            Instant.parse("2026-01-01T00:00:00Z"),
            null)
        .with(RunState.RUNNING, 0, List.of(targets));
  }

  private static RunTarget pod(String key) {
    return RunTarget.pod("kind-dev", key);
  }

  @Test
  void sharedObjectsAreNamedPerRunInTheNewRunsOrder() {
    var a = run("a-1", "freeze-checkout", pod("shop/checkout-2"), pod("shop/checkout-1"));
    var b = run("b-1", "kill-cart", pod("shop/cart-1"));
    var c = run("c-1", "", pod("shop/checkout-1"));

    var overlaps =
        Overlaps.find(
            List.of(pod("shop/checkout-1"), pod("shop/checkout-2"), pod("shop/payments-1")),
            List.of(a, b, c));

    assertThat(overlaps).extracting(o -> o.run().runId()).containsExactly("a-1", "c-1");
    assertThat(overlaps.getFirst().message())
        .isEqualTo(
            "run a-1 (freeze-checkout) also acts on Pod shop/checkout-1, Pod shop/checkout-2");
    assertThat(overlaps.get(1).message()).isEqualTo("run c-1 also acts on Pod shop/checkout-1");
  }

  @Test
  void theSameNameInAnotherContextNamespaceOrKindIsNoOverlap() {
    var other =
        run(
            "o-1",
            "e",
            RunTarget.pod("prod-eu", "shop/checkout-1"),
            pod("shop-staging/checkout-1"),
            new RunTarget("kind-dev", "Deployment", "shop", "checkout-1"));

    assertThat(Overlaps.find(List.of(pod("shop/checkout-1")), List.of(other))).isEmpty();
  }

  @Test
  void faultsInTwoContainersOfOnePodAreOneObject() {
    var ref = ObjectRef.container("shop", "checkout-1", "app");
    var sidecar = ObjectRef.container("shop", "checkout-1", "istio-proxy");

    assertThat(RunTarget.of("kind-dev", ref)).isEqualTo(RunTarget.of("kind-dev", sidecar));
    assertThat(RunTarget.of("kind-dev", ref)).isEqualTo(pod("shop/checkout-1"));
    assertThat(new RunTarget("kind-dev", "Node", "", "node-1").display()).isEqualTo("Node node-1");
  }

  @Test
  void onlyLiveRunsOfTheRegistryAreCompared() throws Exception {
    ActiveRuns runs = new ActiveRuns(state);
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor(10, TimeUnit.SECONDS);
    Files.createDirectories(runs.directory());
    Files.writeString(
        runs.directory().resolve("dead.json"),
        """
        {"runId":"dead","pid":%d,"host":"%s","context":"kind-dev","experiment":"e",
         "startedAt":"2025-01-01T00:00:00Z",
         "targets":[{"context":"kind-dev","kind":"Pod","namespace":"shop","name":"checkout-1"}]}
        """
            .formatted(gone.pid(), ActiveRuns.hostName()));
    try (var live = runs.register("live", "kind-dev", "e", null, List.of(pod("shop/checkout-1")))) {
      assertThat(Overlaps.withLiveRuns(runs, List.of(pod("shop/checkout-1"))))
          .extracting(o -> o.run().runId())
          .containsExactly("live");
    }
  }

  @Test
  void updatesAreWrittenReadBackAndNeverRecreateAClosedEntry() throws IOException {
    ActiveRuns runs = new ActiveRuns(state);
    var registration = runs.register("r1", "kind-dev", "e", null, List.of(pod("shop/a-1")));
    assertThat(runs.find("r1").orElseThrow().targets()).containsExactly(pod("shop/a-1"));

    registration.update(
        RunState.WAITING_AT_GATE,
        2,
        List.of(pod("shop/a-1"), new RunTarget("kind-dev", "Deployment", "shop", "a")));
    registration.flush();
    ActiveRun read = runs.find("r1").orElseThrow();
    assertThat(read.state()).isEqualTo(RunState.WAITING_AT_GATE);
    assertThat(read.activeFaults()).isEqualTo(2);
    assertThat(read.targets())
        .hasSize(2)
        .last()
        .extracting(RunTarget::kind)
        .isEqualTo("Deployment");
    assertThat(read).isEqualTo(registration.run());

    registration.close();
    registration.update(RunState.STOPPING, 0, List.of());
    assertThat(runs.find("r1")).isEmpty();
  }

  @Test
  void manyUpdatesInARowAreCoalescedAndTheLastOneIsWritten() throws Exception {
    ActiveRuns runs = new ActiveRuns(state);
    try (var registration = runs.register("burst", "kind-dev", "e", null)) {
      List<RunTarget> targets = new java.util.ArrayList<>();
      long start = System.nanoTime();
      for (int i = 1; i <= 1000; i++) {
        targets.add(pod("shop/pod-" + i));
        registration.update(RunState.RUNNING, i, targets);
      }
      long millis = (System.nanoTime() - start) / 1_000_000;
      // A thousand synchronous atomic writes take seconds; handing them off takes a blink.
      assertThat(millis).isLessThan(1000);
      dev.faultline.LeftBehind.await(
          java.time.Duration.ofSeconds(5),
          () -> {
            try {
              return runs.find("burst").orElseThrow().activeFaults();
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          },
          n -> n == 1000);
      assertThat(runs.find("burst").orElseThrow().targets()).hasSize(1000);
    }
  }
}
