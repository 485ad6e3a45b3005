package dev.faultline.model.edit;

import dev.faultline.model.Experiment;
import dev.faultline.model.Layout;
import dev.faultline.model.Position;
import dev.faultline.model.Step;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Deletes steps together with the edges that touch them and their layout entries. A step that
 * waited for a deleted step no longer waits for it (it does not inherit the deleted step's own
 * {@code after}: the user sees the edge disappear, nothing is silently rewired).
 *
 * @param ids the steps to delete; all must exist
 */
public record RemoveSteps(Set<String> ids) implements Edit {

  public RemoveSteps {
    ids = Set.copyOf(ids);
    if (ids.isEmpty()) {
      throw new IllegalArgumentException("nothing to remove");
    }
  }

  @Override
  public Experiment apply(Experiment experiment) {
    ids.forEach(id -> Steps.require(experiment, id));
    List<Step> kept =
        experiment.spec().steps().stream()
            .filter(step -> !ids.contains(step.id()))
            .map(
                step ->
                    step.after().stream().anyMatch(ids::contains)
                        ? step.withAfter(
                            step.after().stream().filter(id -> !ids.contains(id)).toList())
                        : step)
            .toList();
    Map<String, Position> positions = new LinkedHashMap<>(experiment.layout().positions());
    positions.keySet().removeAll(ids);
    return Steps.withSteps(experiment, kept).withLayout(new Layout(positions));
  }

  @Override
  public String description() {
    return "Delete " + Steps.count(ids.size(), "Step");
  }
}
