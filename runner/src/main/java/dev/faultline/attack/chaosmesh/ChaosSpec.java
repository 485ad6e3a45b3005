package dev.faultline.attack.chaosmesh;

import dev.faultline.attack.AttackRequest;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a step's parameters into the fields of one Chaos Mesh kind's {@code spec}, as the CRD
 * schema and the admission webhook want them (percentages as strings, required blocks filled in,
 * direction and target rules kept).
 */
interface ChaosSpec {
  /**
   * Writes the kind's own fields into {@code spec}; selector, mode, containers and duration are the
   * executor's.
   *
   * @param namespace the namespace of the resource being built (of its pods)
   * @throws ChaosParamException when parameters are missing, do not fit together or have values
   *     Chaos Mesh would reject
   */
  void write(AttackRequest request, String namespace, ObjectNode spec) throws ChaosParamException;

  /** What the fault does in a few words, for the fault's action: {@code delay 300ms ± 50ms}. */
  String summary(AttackRequest request);
}
