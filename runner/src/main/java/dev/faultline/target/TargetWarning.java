package dev.faultline.target;

import java.util.Objects;

/**
 * Something about a resolution the user should see before running the attack.
 *
 * @param message one sentence for the preview and the CLI, naming the pods or objects concerned
 */
public record TargetWarning(Type type, String message) {
  public TargetWarning {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(message, "message");
  }

  /** The kinds of warning, for icons, filters and tests. */
  public enum Type {
    /** Nothing can be hit: no pod matches, or every matching pod is terminating. */
    NO_MATCH,
    /** {@code maxPercent} of so few pods rounds down to zero, so nothing is hit. */
    PERCENT_ROUNDS_TO_ZERO,
    /** Every live replica of a workload is selected: an outage, not a degradation. */
    WHOLE_WORKLOAD,
    /** A PodDisruptionBudget allows fewer disruptions than the selected pods it covers. */
    BUDGET_VIOLATION,
    /** Pods that would match are in namespaces spec.safety does not permit, and are left out. */
    DENIED_NAMESPACE,
    /**
     * Some selected pods are not ready already, so the attack tells less about the steady state.
     */
    NOT_READY,
    /** Some matching pods are terminating; they are never selected. */
    TERMINATING,
    /** The target's kind is not resolved to pods (Deployment, StatefulSet and Node targets). */
    UNSUPPORTED_KIND,
    /** Matching pods run on nodes without the topology's label; they are in no zone. */
    UNKNOWN_ZONE,
    /** The zone a topology names hosts no matching pod (a typo, or a zone not in this cluster). */
    ZONE_NOT_FOUND,
    /** A topology asks for more zones than host matching pods. */
    FEWER_ZONES
  }
}
