package dev.faultline.model.edit;

import dev.faultline.model.Experiment;
import dev.faultline.model.Step;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Draws an edge: {@code to} starts after {@code from} has finished ({@code from} joins {@code
 * to.after}). Refuses self-loops, duplicate edges and edges that would close a cycle.
 *
 * @param from the step that runs first
 * @param to the step that waits for it
 */
public record Connect(String from, String to) implements Edit {

  /**
   * Why the edge cannot be drawn, or empty when it can. The canvas asks this while the user drags a
   * wire, to show the refusal before the mouse is released.
   */
  public static Optional<String> refusal(Experiment experiment, String from, String to) {
    Map<String, Step> byId = Steps.byId(experiment);
    if (!byId.containsKey(from)) {
      return Optional.of("There is no step \u201c" + from + "\u201d.");
    }
    if (!byId.containsKey(to)) {
      return Optional.of("There is no step \u201c" + to + "\u201d.");
    }
    if (from.equals(to)) {
      return Optional.of("A step cannot wait for itself.");
    }
    if (byId.get(to).after().contains(from)) {
      return Optional.of("\u201c" + to + "\u201d already runs after \u201c" + from + "\u201d.");
    }
    // The edge closes a cycle when `from` already (transitively) waits for `to`.
    Set<String> seen = new HashSet<>();
    ArrayDeque<String> queue = new ArrayDeque<>();
    queue.add(from);
    while (!queue.isEmpty()) {
      String id = queue.poll();
      if (id.equals(to)) {
        return Optional.of(
            "\u201c"
                + from
                + "\u201d already runs after \u201c"
                + to
                + "\u201d: this edge would make a cycle.");
      }
      Step step = byId.get(id);
      if (step != null && seen.add(id)) {
        queue.addAll(step.after());
      }
    }
    return Optional.empty();
  }

  @Override
  public Experiment apply(Experiment experiment) {
    refusal(experiment, from, to)
        .ifPresent(
            reason -> {
              throw new EditRefused(reason);
            });
    return Steps.mapSteps(
        experiment,
        step -> {
          if (!step.id().equals(to)) {
            return step;
          }
          var after = new ArrayList<>(step.after());
          after.add(from);
          return step.withAfter(after);
        });
  }

  @Override
  public String description() {
    return "Connect " + from + " \u2192 " + to;
  }
}
