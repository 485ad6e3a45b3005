package dev.faultline.attack;

import dev.faultline.catalog.ParamValues;
import dev.faultline.model.AttackStep;
import dev.faultline.model.NamespacePolicy;
import dev.faultline.model.Target;
import dev.faultline.target.TargetResolution;
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
 */
public record AttackRequest(
    AttackStep step,
    ParamValues params,
    String targetName,
    Target target,
    TargetResolution pods,
    NamespacePolicy namespaces) {
  public AttackRequest {
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(params, "params");
    namespaces = namespaces == null ? NamespacePolicy.DEFAULT : namespaces;
  }

  public Optional<TargetResolution> podResolution() {
    return Optional.ofNullable(pods);
  }
}
