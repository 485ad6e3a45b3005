package dev.faultline.probe;

import static dev.faultline.probe.HttpCheckExecutor.since;
import static dev.faultline.probe.HttpCheckExecutor.span;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A prepared {@code grpc.health} probe. It keeps one channel to the resolved address and drops it
 * after a call that did not reach the server, so a restarted server is seen at the next sample
 * instead of after gRPC's reconnect back-off.
 */
final class GrpcHealthProbe implements PreparedProbe {
  /** The probe's parameters, checked. */
  record Settings(
      GrpcAddress address,
      String service,
      boolean tls,
      boolean insecureSkipVerify,
      Duration timeout,
      String expectStatus) {}

  private final Settings settings;
  private final ClusterHosts hosts;
  private ManagedChannel channel; // guarded by this
  private String channelKey; // guarded by this

  GrpcHealthProbe(Settings settings, ClusterHosts hosts) {
    this.settings = settings;
    this.hosts = hosts;
  }

  @Override
  public synchronized ProbeSample sample() throws InterruptedException {
    long start = System.nanoTime();
    long deadline = start + settings.timeout().toNanos();
    String name = settings.address().toString();
    ClusterHosts.Address address;
    try {
      address =
          hosts.resolve(
              settings.address().host(), settings.address().port(), deadline - System.nanoTime());
    } catch (ClusterHosts.UnreachableException e) {
      return ProbeSample.fail(Double.NaN, since(start), e.getMessage());
    }
    String via = address.via().isEmpty() ? "" : " (via " + address.via() + ")";
    String what = settings.service().isEmpty() ? name : name + " " + settings.service();
    ManagedChannel ch = channel(address);
    try {
      HealthCheckResponse answer =
          HealthGrpc.newBlockingStub(ch)
              .withDeadlineAfter(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)
              .check(HealthCheckRequest.newBuilder().setService(settings.service()).build());
      Duration latency = since(start);
      double millis = latency.toNanos() / 1e6;
      String status = answer.getStatus().name();
      String text = status + " in " + Math.round(millis) + " ms from " + what + via;
      return status.equals(settings.expectStatus())
          ? ProbeSample.pass(millis, latency, text)
          : ProbeSample.fail(millis, latency, text + ", expected " + settings.expectStatus());
    } catch (StatusRuntimeException e) {
      if (Thread.interrupted()) {
        throw new InterruptedException("cancelled while checking " + name);
      }
      Status.Code code = e.getStatus().getCode();
      if (code == Status.Code.UNAVAILABLE || code == Status.Code.DEADLINE_EXCEEDED) {
        dropChannel(); // reconnect at once next time, not after gRPC's back-off
        hosts.forget();
      }
      String text =
          switch (code) {
            case DEADLINE_EXCEEDED ->
                "no answer from " + what + " within " + span(settings.timeout());
            case UNIMPLEMENTED -> name + " serves no grpc.health.v1.Health";
            default -> what + ": " + GrpcChannels.describe(e);
          };
      // A status code is an answer too: the service may be expected to be unknown or failing.
      boolean passes = settings.expectStatus().equals(code.name());
      Duration latency = since(start);
      return new ProbeSample(passes, latency.toNanos() / 1e6, latency, text + via);
    }
  }

  private ManagedChannel channel(ClusterHosts.Address address) {
    String key = address.host() + ":" + address.port();
    if (channel == null || !key.equals(channelKey)) {
      dropChannel();
      channel =
          GrpcChannels.open(
              address.host(),
              address.port(),
              GrpcChannels.Security.of(settings.tls(), settings.insecureSkipVerify()));
      channelKey = key;
    }
    return channel;
  }

  private void dropChannel() {
    GrpcChannels.close(channel);
    channel = null;
    channelKey = null;
  }

  @Override
  public synchronized void close() {
    dropChannel();
    hosts.close();
  }
}
