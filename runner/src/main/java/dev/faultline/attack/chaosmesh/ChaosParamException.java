package dev.faultline.attack.chaosmesh;

import dev.faultline.attack.AttackException;

/**
 * A step's parameters cannot make a Chaos Mesh resource: the message names the attack, the
 * parameter and what to write instead. Not retryable.
 */
final class ChaosParamException extends AttackException {
  ChaosParamException(String attackId, String message) {
    super(attackId + ": " + message);
  }
}
