package dev.faultline.model.edit;

import dev.faultline.model.Experiment;
import dev.faultline.model.Position;
import dev.faultline.model.Step;
import dev.faultline.model.StepId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Adds copies of steps (paste, duplicate). Build it with {@link #of}, which gives the copies free
 * ids and keeps only the edges between copied steps, so a pasted group is wired like the original
 * and hangs off nothing it did not bring.
 *
 * @param steps the copies, ids already free in the experiment they were made for
 * @param positions where the copies go
 * @param verb {@code Paste} or {@code Duplicate}, for the undo menu
 */
public record PasteSteps(List<Step> steps, Map<String, Position> positions, String verb)
    implements Edit {

  public PasteSteps {
    steps = List.copyOf(steps);
    positions = Map.copyOf(positions);
    Objects.requireNonNull(verb, "verb");
  }

  /**
   * Copies of {@code clip} that fit into {@code into}.
   *
   * @param clipPositions where the originals were; the copies land {@code (dx, dy)} away
   */
  public static PasteSteps of(
      Experiment into,
      List<Step> clip,
      Map<String, Position> clipPositions,
      double dx,
      double dy,
      String verb) {
    Set<String> taken = new HashSet<>();
    into.spec().steps().forEach(step -> taken.add(step.id()));
    Map<String, String> newIds = new HashMap<>();
    for (Step step : clip) {
      String id = StepId.unique(step.id(), taken);
      taken.add(id);
      newIds.put(step.id(), id);
    }
    List<Step> copies = new ArrayList<>();
    Map<String, Position> positions = new LinkedHashMap<>();
    for (Step step : clip) {
      List<String> after =
          step.after().stream().filter(newIds::containsKey).map(newIds::get).toList();
      String id = newIds.get(step.id());
      copies.add(StepCopies.with(step, id, after));
      Position at = clipPositions.get(step.id());
      if (at != null) {
        positions.put(id, new Position(at.x() + dx, at.y() + dy));
      }
    }
    return new PasteSteps(copies, positions, verb);
  }

  @Override
  public Experiment apply(Experiment experiment) {
    if (steps.isEmpty()) {
      throw new EditRefused("There is nothing to " + verb.toLowerCase(java.util.Locale.ROOT) + ".");
    }
    List<Step> all = new ArrayList<>(experiment.spec().steps());
    Set<String> ids = new HashSet<>();
    all.forEach(step -> ids.add(step.id()));
    for (Step copy : steps) {
      if (!ids.add(copy.id())) {
        throw new EditRefused("A step named \u201c" + copy.id() + "\u201d already exists.");
      }
      all.add(copy);
    }
    for (Step copy : steps) {
      for (String before : copy.after()) {
        if (!ids.contains(before)) {
          throw new EditRefused("There is no step \u201c" + before + "\u201d.");
        }
      }
    }
    return Steps.withSteps(experiment, all)
        .withLayout(Steps.layoutWith(experiment.layout(), positions));
  }

  /** The ids of the copies, to select them after the paste. */
  public List<String> ids() {
    return steps.stream().map(Step::id).toList();
  }

  @Override
  public String description() {
    return verb + " " + Steps.count(steps.size(), "Step");
  }
}
