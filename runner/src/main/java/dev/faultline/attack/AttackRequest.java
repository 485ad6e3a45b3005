package dev.faultline.attack;

import dev.faultline.catalog.ParamValues;
import dev.faultline.model.AttackStep;
import dev.faultline.model.NamespacePolicy;
import dev.faultline.model.Target;
import dev.faultline.target.TargetResolution;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One attack step, ready to prepare.
 *
 * @param params the step's parameters with the descriptor's defaults
 * @param targetName the step's {@code target}, {@code null} when the attack needs none
 * @param target the target definition, {@code null} when the attack needs none
 * @param pods for Pod targets: the resolution the engine made at step start (selected pods and
 *     containers, honouring the blast radius and the namespace policy); {@code null} for other
 *     kinds, which executors resolve themselves
 * @param namespaces the experiment's namespace policy; executors that resolve their own targets
 *     must leave out denied namespaces
 * @param maxDuration the experiment's {@code spec.safety.maxDuration}, {@code null} when it sets
 *     none; executors that hand a fault to an operator in the cluster give it this as the fault's
 *     own end when the step has no duration, so the fault ends even if Faultline dies
 */
public record AttackRequest(
    AttackStep step,
    ParamValues params,
    String targetName,
    Target target,
    TargetResolution pods,
    NamespacePolicy namespaces,
    Duration maxDuration) {
  public AttackRequest {
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(params, "params");
    namespaces = namespaces == null ? NamespacePolicy.DEFAULT : namespaces;
  }

  /** A request of an experiment without {@code spec.safety.maxDuration}. */
  public AttackRequest(
      AttackStep step,
      ParamValues params,
      String targetName,
      Target target,
      TargetResolution pods,
      NamespacePolicy namespaces) {
    this(step, params, targetName, target, pods, namespaces, null);
  }

  /**
   * How long the step's fault may last at most: the step's {@code duration}, else the experiment's
   * {@code spec.safety.maxDuration}; empty when neither is set (the fault lasts until the run
   * ends).
   */
  public Optional<Duration> faultLimit() {
    if (step.duration() != null) {
      return Optional.of(step.duration().toDuration());
    }
    return Optional.ofNullable(maxDuration);
  }

  public Optional<TargetResolution> podResolution() {
    return Optional.ofNullable(pods);
  }
}
