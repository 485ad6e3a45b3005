package dev.faultline.probe;

import dev.faultline.catalog.ParamValues;
import java.time.Duration;

/**
 * {@code grpc.health}: asks a server's {@code grpc.health.v1.Health/Check} for a service (empty:
 * the whole server); passes when the answer is the expected status, {@code SERVING} by default. The
 * sample's value is the call's latency in milliseconds; its message names the status. Cluster
 * Service names ({@code checkout.shop:9090}) are reached as {@link ClusterHosts} says, like {@code
 * http.check}'s. The gRPC classes load with the first sample ({@link GrpcHealthProbe}), not here.
 */
public final class GrpcHealthExecutor implements ProbeExecutor {
  static final String ID = "grpc.health";

  @Override
  public String probeId() {
    return ID;
  }

  @Override
  public PreparedProbe prepare(ProbeRequest request, ProbeContext context) throws ProbeException {
    ParamValues params = request.params();
    GrpcHealthProbe.Settings settings;
    try {
      Duration timeout = params.optionalDuration("timeout").orElse(Duration.ofSeconds(2));
      if (!timeout.isPositive()) {
        throw new IllegalArgumentException("timeout must be more than 0");
      }
      settings =
          new GrpcHealthProbe.Settings(
              GrpcAddress.parse(params.string("address")),
              params.optionalString("service").orElse("").strip(),
              params.optionalBoolean("tls").orElse(false),
              params.optionalBoolean("insecureSkipVerify").orElse(false),
              timeout,
              params.optionalString("expectStatus").orElse("SERVING"));
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new ProbeException(request.id() + ": " + e.getMessage(), e);
    }
    return new GrpcHealthProbe(
        settings, new ClusterHosts(context.client(), ClusterHosts.DEMO_GRPC_ANNOTATION));
  }
}
