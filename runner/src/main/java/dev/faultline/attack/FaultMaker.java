package dev.faultline.attack;

import java.util.Map;

/**
 * Numbers the faults of one step ({@code freeze#1}, {@code freeze#2}, ...) and fills in what every
 * fault of the step shares: run, step, attack and context.
 */
public final class FaultMaker {
  private final AttackRequest request;
  private final AttackContext context;
  private final String attackId;
  private int next = 1;

  public FaultMaker(AttackRequest request, AttackContext context, String attackId) {
    this.request = request;
    this.context = context;
    this.attackId = attackId;
  }

  /** The next fault of the step. */
  public Fault make(ObjectRef object, String action, boolean reversible, Map<String, String> data) {
    return new Fault(
        request.step().id() + "#" + next++,
        context.runId(),
        request.step().id(),
        attackId,
        context.contextName(),
        object,
        action,
        reversible,
        data);
  }
}
