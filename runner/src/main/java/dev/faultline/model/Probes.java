package dev.faultline.model;

/**
 * The ids of the built-in probes, for {@link ExperimentBuilder#probe} and {@link
 * ExperimentBuilder#continuousProbe}. A test keeps this list equal to the catalog's probe
 * descriptors; their parameters are listed in {@code docs/probes.md}.
 */
public final class Probes {
  /** An HTTP request, its status and optionally a jq condition on the body. */
  public static final String HTTP_CHECK = "http.check";

  /** A condition on the state of Kubernetes objects. */
  public static final String K8S_STATE = "k8s.state";

  /** Whether workloads have their replicas ready. */
  public static final String K8S_READY = "k8s.ready";

  /** A PromQL query compared with a threshold. */
  public static final String PROMETHEUS_QUERY = "prometheus.query";

  /** Whether a TCP connection can be opened. */
  public static final String TCP_CONNECT = "tcp.connect";

  /** An HTTP load with latency and error objectives. */
  public static final String LOAD_HTTP = "load.http";

  /** The standard gRPC health check ({@code grpc.health.v1}) of a server or one of its services. */
  public static final String GRPC_HEALTH = "grpc.health";

  /** A unary gRPC load with the same latency and error objectives as {@code load.http}. */
  public static final String LOAD_GRPC = "load.grpc";

  private Probes() {}
}
