package dev.faultline.safety;

import dev.faultline.safety.ActiveRuns.ActiveRun;
import dev.faultline.safety.ActiveRuns.Liveness;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which runs in progress act on the same cluster objects as a run about to start. Two runs that
 * freeze and kill the same pods disturb each other's hypothesis (and each other's rollback: one
 * run's restored replica count can undo the other's scale-down), so the user is warned first.
 *
 * <p>Objects are compared exactly: same context, kind, namespace and name. A run that scales a
 * Deployment and one that freezes its pods are not reported; the pods one run resolved and the
 * objects it applied faults to are.
 */
public final class Overlaps {
  private Overlaps() {}

  /**
   * Another run sharing objects with the new one.
   *
   * @param run the other run, as registered
   * @param shared the objects both act on, in the new run's order
   */
  public record Overlap(ActiveRun run, List<RunTarget> shared) {
    public Overlap {
      shared = List.copyOf(shared);
    }

    /**
     * {@code run 20250501-…-3f2a (checkout-freeze) also acts on Pod shop/checkout-1, Pod
     * shop/checkout-2}.
     */
    public String message() {
      return "run "
          + run.runId()
          + (run.experiment().isEmpty() ? "" : " (" + run.experiment() + ")")
          + " also acts on "
          + shared.stream().map(RunTarget::display).collect(Collectors.joining(", "));
    }
  }

  /**
   * The runs among {@code others} that act on any of {@code targets}, oldest first.
   *
   * @param others the runs to compare with; pass only live ones (see {@link #withLiveRuns})
   */
  public static List<Overlap> find(List<RunTarget> targets, List<ActiveRun> others) {
    Set<RunTarget> mine = new LinkedHashSet<>(targets);
    List<Overlap> overlaps = new ArrayList<>();
    for (ActiveRun other : others) {
      Set<RunTarget> theirs = Set.copyOf(other.targets());
      List<RunTarget> shared = mine.stream().filter(theirs::contains).toList();
      if (!shared.isEmpty()) {
        overlaps.add(new Overlap(other, shared));
      }
    }
    return overlaps;
  }

  /**
   * The overlaps with the runs registered in {@code runs} whose process is alive (a stale entry is
   * not a run; {@code faultline runs} lists it as stale).
   */
  public static List<Overlap> withLiveRuns(ActiveRuns runs, List<RunTarget> targets)
      throws IOException {
    return find(targets, runs.list().stream().filter(r -> r.liveness() != Liveness.DEAD).toList());
  }
}
