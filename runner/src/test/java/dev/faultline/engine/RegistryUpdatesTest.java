package dev.faultline.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.attack.Fault;
import dev.faultline.attack.ObjectRef;
import dev.faultline.safety.ActiveRuns;
import dev.faultline.safety.RunState;
import dev.faultline.safety.RunTarget;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryUpdatesTest {
  @TempDir Path state;

  private static Fault fault(String id, ObjectRef object, boolean reversible) {
    return new Fault(id, "r1", "s", "a", "kind-dev", object, "", reversible, Map.of());
  }

  private static ActiveRuns.ActiveRun entry(ActiveRuns runs, String id) {
    try {
      return runs.find(id).orElseThrow();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The entry as written, once the registration has written its latest update. */
  private static ActiveRuns.ActiveRun written(
      ActiveRuns.Registration registration, ActiveRuns runs) {
    registration.flush();
    return entry(runs, registration.run().runId());
  }

  @Test
  void theEntryFollowsGatesFaultsAndTheEnd() throws Exception {
    ActiveRuns runs = new ActiveRuns(state);
    RunTarget resolved = RunTarget.pod("kind-dev", "shop/checkout-1");
    try (var registration = runs.register("r1", "kind-dev", "e", null, List.of(resolved))) {
      var updates = new RegistryUpdates(registration);
      Fault freeze = fault("freeze#1", ObjectRef.container("shop", "checkout-1", "app"), true);
      Fault scale =
          fault("scale#1", new ObjectRef("apps/v1", "Deployment", "shop", "cart", ""), true);
      Fault kill = fault("kill#1", ObjectRef.pod("shop", "checkout-2"), false);

      updates.onEvent(new RunEvent.FaultApplied("r1", 1, freeze));
      updates.onEvent(new RunEvent.FaultApplied("r1", 2, scale));
      updates.onEvent(new RunEvent.FaultApplied("r1", 3, kill));
      var entry = written(registration, runs);
      assertThat(entry.activeFaults()).as("irreversible faults are not in place").isEqualTo(2);
      assertThat(entry.targets())
          .containsExactly(
              resolved,
              new RunTarget("kind-dev", "Deployment", "shop", "cart"),
              RunTarget.pod("kind-dev", "shop/checkout-2"));

      updates.onEvent(new RunEvent.GateWaiting("r1", 4, "go", "Continue?"));
      assertThat(written(registration, runs).state()).isEqualTo(RunState.WAITING_AT_GATE);
      updates.onEvent(new RunEvent.GateAnswered("r1", 5, "go", true, "me"));
      assertThat(written(registration, runs).state()).isEqualTo(RunState.RUNNING);

      updates.onEvent(new RunEvent.Halted("r1", 6, "emergency stop"));
      updates.onEvent(new RunEvent.FaultRolledBack("r1", 7, scale));
      entry = written(registration, runs);
      assertThat(entry.state()).isEqualTo(RunState.STOPPING);
      assertThat(entry.activeFaults()).isEqualTo(1);
    }
  }

  @Test
  void aStopRequestShowsAsStoppingBeforeTheEngineHalts() throws Exception {
    ActiveRuns runs = new ActiveRuns(state);
    try (var registration = runs.register("r2", "kind-dev", "e", null)) {
      new RegistryUpdates(registration);
      runs.requestStop("r2", "test");
      dev.faultline.LeftBehind.await(
          java.time.Duration.ofSeconds(5),
          () -> entry(runs, "r2").state(),
          s -> s == RunState.STOPPING);
    }
  }
}
