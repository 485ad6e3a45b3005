package dev.faultline.export.chaostoolkit;

import dev.faultline.model.Step;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The steps in an order that respects every {@code after} edge (a topological order), ties broken
 * by file order, plus each step's transitive predecessors. Exports get valid experiments only, so
 * the graph has no cycles.
 */
final class StepOrder {
  private final List<Step> order;
  private final Map<String, Set<String>> ancestors = new HashMap<>();

  StepOrder(List<Step> steps) {
    var placed = new LinkedHashSet<String>();
    var sorted = new ArrayList<Step>(steps.size());
    while (sorted.size() < steps.size()) {
      Step next =
          steps.stream()
              .filter(s -> !placed.contains(s.id()) && placed.containsAll(s.after()))
              .findFirst()
              .orElseThrow(() -> new IllegalStateException("the step graph has a cycle"));
      placed.add(next.id());
      sorted.add(next);
      var mine = new HashSet<String>();
      for (String before : next.after()) {
        mine.add(before);
        mine.addAll(ancestors.get(before));
      }
      ancestors.put(next.id(), mine);
    }
    order = List.copyOf(sorted);
  }

  List<Step> steps() {
    return order;
  }

  /** Every step that must finish before {@code id} starts, directly or through others. */
  Set<String> ancestors(String id) {
    return ancestors.getOrDefault(id, Set.of());
  }
}
