package dev.faultline.model.edit;

import dev.faultline.model.AttackStep;
import dev.faultline.model.GateStep;
import dev.faultline.model.ProbeStep;
import dev.faultline.model.Step;
import dev.faultline.model.WaitStep;
import java.util.List;

/** Copies of steps with another id and edges: for rename, paste and duplicate. */
public final class StepCopies {
  private StepCopies() {}

  /** {@code step} with id {@code id}, everything else equal. */
  public static Step withId(Step step, String id) {
    return with(step, id, step.after());
  }

  /** {@code step} with id {@code id} and {@code after} edges {@code after}. */
  public static Step with(Step step, String id, List<String> after) {
    return switch (step) {
      case AttackStep a -> a.toBuilder().id(id).after(after).build();
      case ProbeStep p -> p.toBuilder().id(id).after(after).build();
      case WaitStep w -> new WaitStep(id, after, w.duration(), w.extras());
      case GateStep g -> new GateStep(id, after, g.gate(), g.timeout(), g.onTimeout(), g.extras());
    };
  }
}
