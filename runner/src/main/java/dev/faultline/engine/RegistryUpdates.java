package dev.faultline.engine;

import dev.faultline.safety.ActiveRuns;
import dev.faultline.safety.RunState;
import dev.faultline.safety.RunTarget;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Keeps a run's active-run entry current from its events, for {@code faultline runs} and the app's
 * runs window: the state (running, waiting at gate, stopping), how many faults are in place, and
 * every object a fault was applied to (so a run starting later sees the overlap). Runs on the event
 * dispatcher thread; the registration writes only when something changed and never throws.
 */
public final class RegistryUpdates implements RunListener {
  private final ActiveRuns.Registration registration;
  private final Set<RunTarget> targets;
  private final Map<String, Boolean> inPlace = new LinkedHashMap<>();
  private final Set<String> gatesWaiting = new LinkedHashSet<>();
  private boolean stopping;

  public RegistryUpdates(ActiveRuns.Registration registration) {
    this.registration = registration;
    this.targets = new LinkedHashSet<>(registration.run().targets());
    // A stop request shows at once, before the engine's Halted event arrives.
    registration.onStopRequested(request -> stopping());
  }

  private synchronized void stopping() {
    stopping = true;
    write();
  }

  @Override
  public synchronized void onEvent(RunEvent event) {
    switch (event) {
      case RunEvent.FaultApplied applied -> {
        targets.add(RunTarget.of(applied.fault().context(), applied.fault().object()));
        if (applied.fault().reversible()) {
          inPlace.put(applied.fault().id(), true);
        }
      }
      case RunEvent.FaultRolledBack back -> inPlace.remove(back.fault().id());
      case RunEvent.GateWaiting waiting -> gatesWaiting.add(waiting.stepId());
      case RunEvent.GateAnswered answered -> gatesWaiting.remove(answered.stepId());
      // Either ends the run: the engine rolls back every fault next.
      case RunEvent.Halted halted -> stopping = true;
      case RunEvent.StepFailed failed -> stopping = true;
      default -> {
        return; // samples and step events change nothing the entry shows
      }
    }
    write();
  }

  private void write() {
    RunState state =
        stopping
            ? RunState.STOPPING
            : gatesWaiting.isEmpty() ? RunState.RUNNING : RunState.WAITING_AT_GATE;
    registration.update(state, inPlace.size(), java.util.List.copyOf(targets));
  }
}
