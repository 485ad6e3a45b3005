package dev.faultline.validate;

import dev.faultline.model.ContinuousProbe;
import dev.faultline.model.Experiment;
import dev.faultline.model.Step;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The step graph: ids are valid and unique, {@code after} names existing steps, and the edges form
 * no cycle (a cycle is reported with its steps in order). Layout entries must name steps.
 */
final class StepGraphRule implements Rule {
  /** Letters, digits, '-', '_', '.'; starting and ending with a letter or digit; at most 63. */
  static final Pattern ID = dev.faultline.model.StepId.PATTERN;

  @Override
  public void check(Experiment experiment, ProblemSink sink) {
    List<Step> steps = experiment.spec().steps();
    Map<String, Integer> firstIndex = new HashMap<>();
    for (int i = 0; i < steps.size(); i++) {
      String id = steps.get(i).id();
      checkId(id, StepPaths.step(i, "id"), "step", sink);
      Integer first = firstIndex.putIfAbsent(id, i);
      if (first != null && !id.isEmpty()) {
        sink.error(
            StepPaths.step(i, "id"),
            "duplicate step id '" + id + "'; spec.steps[" + first + "] has it already");
      }
    }
    List<ContinuousProbe> probes = experiment.spec().probes();
    Set<String> probeIds = new HashSet<>();
    for (int i = 0; i < probes.size(); i++) {
      String id = probes.get(i).id();
      checkId(id, StepPaths.probe(i, "id"), "probe", sink);
      if (firstIndex.containsKey(id) || !probeIds.add(id)) {
        sink.error(
            StepPaths.probe(i, "id"),
            "duplicate id '" + id + "'; step and probe ids must be unique");
      }
    }
    checkEdges(steps, firstIndex, sink);
    for (int i = 0; i < probes.size(); i++) {
      checkSpanEnd(probes.get(i).from(), StepPaths.probe(i, "from"), firstIndex, sink);
      checkSpanEnd(probes.get(i).to(), StepPaths.probe(i, "to"), firstIndex, sink);
    }
    findCycle(steps, firstIndex)
        .ifPresent(
            cycle ->
                sink.error(
                    StepPaths.step(firstIndex.get(cycle.getFirst()), "after"),
                    "steps form a cycle: "
                        + String.join(" → ", cycle)
                        + "; a step cannot (indirectly) wait for itself"));
    experiment.layout().positions().keySet().stream()
        .filter(id -> !firstIndex.containsKey(id))
        .forEach(
            id ->
                sink.warning(
                    Paths.child("layout", id),
                    "layout names step '" + id + "', which does not exist; the entry is ignored"));
  }

  static void checkId(String id, String path, String what, ProblemSink sink) {
    if (id.isEmpty()) {
      return; // the reader already reported the missing id
    }
    if (!ID.matcher(id).matches()) {
      sink.error(
          path,
          "'"
              + id
              + "' is not a valid "
              + what
              + " id; use letters, digits, '-', '_' or '.', at most 63, starting and ending with a letter or digit");
    }
  }

  private static void checkEdges(List<Step> steps, Map<String, Integer> ids, ProblemSink sink) {
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      Set<String> seen = new HashSet<>();
      for (int j = 0; j < step.after().size(); j++) {
        String ref = step.after().get(j);
        String path = Paths.index(StepPaths.step(i, "after"), j);
        if (ref.equals(step.id())) {
          sink.error(path, "step '" + step.id() + "' cannot run after itself");
        } else if (!ids.containsKey(ref)) {
          sink.error(
              path,
              "'after' names '"
                  + ref
                  + "', which is not a step"
                  + Suggestions.didYouMean(ref, ids.keySet()));
        } else if (!seen.add(ref)) {
          sink.warning(path, "'" + ref + "' is listed twice in 'after'");
        }
      }
    }
  }

  /** A continuous probe's {@code from} or {@code to} must name a step. */
  private static void checkSpanEnd(
      String ref, String path, Map<String, Integer> ids, ProblemSink sink) {
    if (ref != null && !ids.containsKey(ref)) {
      sink.error(
          path,
          "a continuous probe's 'from' and 'to' name steps, and '"
              + ref
              + "' is not one"
              + Suggestions.didYouMean(ref, ids.keySet()));
    }
  }

  /** The first cycle in file order, as step ids with the first repeated at the end. */
  static java.util.Optional<List<String>> findCycle(List<Step> steps, Map<String, Integer> ids) {
    Map<String, Step> byId = new LinkedHashMap<>();
    steps.forEach(s -> byId.putIfAbsent(s.id(), s));
    Map<String, Integer> state = new HashMap<>(); // 1 = on the current path, 2 = done
    for (Step start : steps) {
      List<String> path = new ArrayList<>();
      var cycle = visit(start.id(), byId, state, path);
      if (cycle.isPresent()) {
        return cycle;
      }
    }
    return java.util.Optional.empty();
  }

  private static java.util.Optional<List<String>> visit(
      String id, Map<String, Step> byId, Map<String, Integer> state, List<String> path) {
    Integer mark = state.get(id);
    if (mark != null && mark == 2) {
      return java.util.Optional.empty();
    }
    if (mark != null) {
      var cycle = new ArrayList<>(path.subList(path.indexOf(id), path.size()));
      cycle.add(id);
      return java.util.Optional.of(List.copyOf(cycle.reversed()));
    }
    Step step = byId.get(id);
    if (step == null) {
      return java.util.Optional.empty();
    }
    state.put(id, 1);
    path.add(id);
    for (String before : step.after()) {
      if (before.equals(id)) {
        continue; // reported as "runs after itself"
      }
      var cycle = visit(before, byId, state, path);
      if (cycle.isPresent()) {
        return cycle;
      }
    }
    path.removeLast();
    state.put(id, 2);
    return java.util.Optional.empty();
  }
}
