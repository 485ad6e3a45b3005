package dev.faultline.target;

import dev.faultline.cluster.snapshot.BudgetView;
import dev.faultline.cluster.snapshot.ClusterSnapshot;
import dev.faultline.cluster.snapshot.PodView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which PodDisruptionBudgets a selection exceeds. Per namespace, the selected pods are grouped by
 * the value of each label key a budget selects on, so checking hundreds of budgets against
 * thousands of pods looks only at the pods that carry the budget's first label.
 */
final class BudgetCheck {
  private BudgetCheck() {}

  /**
   * "namespace/name (allows 1 disruption, covers 3 selected pods)" for each budget covering more
   * selected pods than it allows to be disrupted.
   *
   * @param selected sorted by namespace
   */
  static List<String> violations(List<PodView> selected, ClusterSnapshot snapshot) {
    var violations = new ArrayList<String>();
    int from = 0;
    while (from < selected.size()) {
      String namespace = selected.get(from).namespace();
      int to = from;
      while (to < selected.size() && selected.get(to).namespace().equals(namespace)) {
        to++;
      }
      check(selected.subList(from, to), snapshot.budgets(namespace), violations);
      from = to;
    }
    return violations;
  }

  static void check(List<PodView> pods, List<BudgetView> budgets, List<String> violations) {
    Map<String, Map<String, List<PodView>>> byLabel = new HashMap<>();
    for (BudgetView budget : budgets) {
      Map<String, String> selector = budget.matchLabels() == null ? Map.of() : budget.matchLabels();
      int covered;
      if (selector.isEmpty()) {
        covered = pods.size(); // an empty selector covers the whole namespace (policy/v1)
      } else {
        Map.Entry<String, String> first = selector.entrySet().iterator().next();
        List<PodView> candidates =
            byLabel
                .computeIfAbsent(first.getKey(), key -> groupByLabel(pods, key))
                .getOrDefault(first.getValue(), List.of());
        covered = 0;
        for (PodView pod : candidates) {
          covered += covers(selector, pod.labels()) ? 1 : 0;
        }
      }
      if (covered > budget.disruptionsAllowed()) {
        violations.add(
            budget.namespace()
                + "/"
                + budget.name()
                + " (allows "
                + Warnings.count(budget.disruptionsAllowed(), "disruption", "disruptions")
                + ", covers "
                + Warnings.count(covered, "selected pod", "selected pods")
                + ")");
      }
    }
  }

  private static Map<String, List<PodView>> groupByLabel(List<PodView> pods, String key) {
    Map<String, List<PodView>> groups = new HashMap<>();
    for (PodView pod : pods) {
      String value = pod.labels() == null ? null : pod.labels().get(key);
      if (value != null) {
        groups.computeIfAbsent(value, v -> new ArrayList<>()).add(pod);
      }
    }
    return groups;
  }

  private static boolean covers(Map<String, String> selector, Map<String, String> labels) {
    for (Map.Entry<String, String> required : selector.entrySet()) {
      if (!required.getValue().equals(labels.get(required.getKey()))) {
        return false;
      }
    }
    return true;
  }
}
