package dev.faultline.cluster.snapshot;

import java.util.Map;

/**
 * A PodDisruptionBudget, for the "would violate a disruption budget" warning.
 *
 * @param matchLabels the budget's selector ({@code matchLabels} only)
 * @param disruptionsAllowed how many selected pods may go now, from the budget's status
 */
public record BudgetView(
    String namespace, String name, Map<String, String> matchLabels, int disruptionsAllowed) {}
