package dev.faultline.attack;

import dev.faultline.attack.chaosmesh.ChaosKind;
import dev.faultline.attack.chaosmesh.ChaosMeshExecutor;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The attack executors a run can use, by attack id. */
public final class AttackExecutors {
  private final Map<String, AttackExecutor> byId = new LinkedHashMap<>();

  public AttackExecutors(Collection<? extends AttackExecutor> executors) {
    for (AttackExecutor executor : executors) {
      if (byId.putIfAbsent(executor.attackId(), executor) != null) {
        throw new IllegalArgumentException("two executors for " + executor.attackId());
      }
    }
  }

  /** The executors for the attacks Faultline ships with. */
  public static AttackExecutors builtIn() {
    return new AttackExecutors(
        List.of(
            new PodDeleteExecutor(),
            new ContainerKillExecutor(),
            new ProcessSignalExecutor(),
            new ScaleExecutor(),
            new NodeDrainExecutor(),
            new ManifestExecutor(),
            new IstioFaultExecutor(),
            new ChaosMeshExecutor(ChaosKind.NETWORK),
            new ChaosMeshExecutor(ChaosKind.STRESS),
            new ChaosMeshExecutor(ChaosKind.HTTP),
            new ChaosMeshExecutor(ChaosKind.IO),
            new ChaosMeshExecutor(ChaosKind.DNS),
            new ChaosMeshExecutor(ChaosKind.TIME)));
  }

  public Optional<AttackExecutor> find(String attackId) {
    return Optional.ofNullable(byId.get(attackId));
  }

  public Collection<AttackExecutor> all() {
    return List.copyOf(byId.values());
  }
}
