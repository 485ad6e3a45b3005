package dev.faultline.probe;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The probe executors a run can use, by probe id. */
public final class ProbeExecutors {
  private final Map<String, ProbeExecutor> byId = new LinkedHashMap<>();

  public ProbeExecutors(Collection<? extends ProbeExecutor> executors) {
    for (ProbeExecutor executor : executors) {
      if (byId.putIfAbsent(executor.probeId(), executor) != null) {
        throw new IllegalArgumentException("two executors for " + executor.probeId());
      }
    }
  }

  /**
   * The executors for the probes Faultline ships with: {@code http.check}, {@code k8s.state},
   * {@code k8s.ready}, {@code tcp.connect}, {@code prometheus.query}, {@code load.http}, {@code
   * grpc.health} and {@code load.grpc}.
   */
  public static ProbeExecutors builtIn() {
    return new ProbeExecutors(
        List.of(
            new HttpCheckExecutor(),
            new K8sStateExecutor(),
            new K8sReadyExecutor(),
            new TcpConnectExecutor(),
            new PrometheusQueryExecutor(),
            new LoadHttpExecutor(),
            new GrpcHealthExecutor(),
            new LoadGrpcExecutor()));
  }

  public Optional<ProbeExecutor> find(String probeId) {
    return Optional.ofNullable(byId.get(probeId));
  }

  public Collection<ProbeExecutor> all() {
    return List.copyOf(byId.values());
  }
}
