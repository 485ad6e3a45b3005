package dev.faultline.engine;

import dev.faultline.attack.AttackContext;
import dev.faultline.attack.AttackException;
import dev.faultline.attack.AttackExecutor;
import dev.faultline.attack.AttackRequest;
import dev.faultline.attack.Fault;
import dev.faultline.attack.FaultStatus;
import dev.faultline.attack.ObjectRef;
import dev.faultline.catalog.Descriptor;
import dev.faultline.catalog.Param;
import dev.faultline.catalog.ParamType;
import dev.faultline.catalog.TargetUse;
import dev.faultline.cluster.AccessCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fault that only writes to the execution log. Parameters: {@code faults} (how many, default 1),
 * {@code reversible} (default true), {@code failApply} (the last fault fails to apply), {@code
 * rollbackFailures} (retryable rollback failures per fault before it works; -1: never works).
 */
final class FakeAttack implements AttackExecutor {
  static final String ID = "test.fault";

  static final Descriptor DESCRIPTOR =
      new Descriptor(
          Descriptor.Role.ATTACK,
          ID,
          "Test fault",
          "Writes to a log.",
          "Test",
          "test",
          TargetUse.NONE,
          java.util.Set.of(),
          List.of(
              Param.optional("faults", ParamType.INTEGER).defaultValue(1).docs("How many."),
              Param.optional("reversible", ParamType.BOOLEAN).defaultValue(true).docs("Undoable."),
              Param.optional("failApply", ParamType.BOOLEAN).defaultValue(false).docs("Fail."),
              Param.optional("rollbackFailures", ParamType.INTEGER)
                  .defaultValue(0)
                  .docs("Retryable failures before rollback works; -1: never.")));

  private final ExecutionLog log;
  private final Map<String, AtomicInteger> rollbackAttempts = new ConcurrentHashMap<>();
  volatile List<AccessCheck> needs = List.of();
  volatile List<String> unmet = List.of();

  FakeAttack(ExecutionLog log) {
    this.log = log;
  }

  @Override
  public String attackId() {
    return ID;
  }

  @Override
  public List<AccessCheck> accessNeeds(AttackRequest request) {
    return needs;
  }

  @Override
  public List<String> prerequisites(AttackRequest request, AttackContext context) {
    log.add("prerequisites " + request.step().id());
    return unmet;
  }

  @Override
  public List<Fault> prepare(AttackRequest request, AttackContext context) {
    var p = request.params();
    int n = p.intValue("faults");
    var faults = new ArrayList<Fault>();
    for (int i = 0; i < n; i++) {
      String id = request.step().id() + "#" + i;
      faults.add(
          new Fault(
              id,
              context.runId(),
              request.step().id(),
              ID,
              context.contextName(),
              ObjectRef.pod("test", id),
              "fake fault " + id,
              p.bool("reversible"),
              Map.of(
                  "failApply", String.valueOf(p.bool("failApply") && i == n - 1),
                  "rollbackFailures", String.valueOf(p.longValue("rollbackFailures")))));
    }
    log.add("prepare " + request.step().id());
    return faults;
  }

  @Override
  public void apply(Fault fault, AttackContext context) throws AttackException {
    if (Boolean.parseBoolean(fault.data("failApply", "false"))) {
      log.add("apply-failed " + fault.id());
      throw new AttackException("refused by the fake");
    }
    log.add("apply " + fault.id());
  }

  @Override
  public FaultStatus status(Fault fault, AttackContext context) {
    return FaultStatus.active("fine");
  }

  @Override
  public void rollback(Fault fault, AttackContext context) throws AttackException {
    int failures = Integer.parseInt(fault.data("rollbackFailures", "0"));
    int attempt =
        rollbackAttempts.computeIfAbsent(fault.id(), k -> new AtomicInteger()).incrementAndGet();
    if (failures < 0 || attempt <= failures) {
      log.add("rollback-failed " + fault.id());
      throw new AttackException("API unreachable (fake)", true, null);
    }
    log.add("rollback " + fault.id());
  }
}
