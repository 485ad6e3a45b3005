package dev.faultline.probe;

import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.DynamicMessage;
import dev.faultline.probe.LoadProbe.Unready;
import dev.faultline.probe.load.HttpLoad;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.ProtoUtils;
import java.util.Map;

/**
 * Sets up one {@code load.grpc} load: a channel, the method's types by reflection, the request
 * built from JSON. Separate from {@link LoadGrpcExecutor} so the gRPC classes load only here.
 */
final class GrpcLoadOpener {
  private GrpcLoadOpener() {}

  /**
   * One call before the load, not counted: the first call of a JVM loads and compiles the call
   * path, which would otherwise land in the first window as latency the server never caused.
   */
  private static void warmUp(GrpcLoadTransport transport, long deadlineNanos)
      throws InterruptedException {
    try (var channel = transport.open()) {
      channel.send(deadlineNanos);
    } catch (java.io.IOException e) {
      // the load will meet the same failure and count it
    }
  }

  static HttpLoad open(
      LoadGrpcExecutor.Settings settings,
      ClusterHosts.Address address,
      String requestJson,
      Map<String, String> metadata,
      Secrets secrets)
      throws Unready, InterruptedException {
    ManagedChannel channel =
        GrpcChannels.open(
            address.host(),
            address.port(),
            GrpcChannels.Security.of(settings.tls(), settings.insecure()));
    try {
      long deadline =
          System.nanoTime() + Math.max(settings.spec().timeout().toNanos(), 5_000_000_000L);
      MethodDescriptor method = GrpcReflection.method(channel, settings.method(), deadline);
      DynamicMessage request = GrpcJson.parse(requestJson, method.getInputType());
      var grpcMethod =
          io.grpc.MethodDescriptor.newBuilder(
                  ProtoUtils.marshaller(DynamicMessage.getDefaultInstance(method.getInputType())),
                  ProtoUtils.marshaller(DynamicMessage.getDefaultInstance(method.getOutputType())))
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(settings.method())
              .build();
      var transport = new GrpcLoadTransport(channel, grpcMethod, request, metadata);
      warmUp(transport, deadline);
      return new HttpLoad(settings.spec(), transport);
    } catch (GrpcReflection.ReflectionException e) {
      GrpcChannels.close(channel);
      throw new Unready(settings.method() + ": " + e.getMessage());
    } catch (StatusRuntimeException e) {
      GrpcChannels.close(channel);
      throw new Unready(
          "cannot look up "
              + settings.method()
              + " on "
              + settings.address()
              + ": "
              + GrpcChannels.describe(e));
    } catch (IllegalArgumentException e) {
      GrpcChannels.close(channel);
      throw new Unready(secrets.scrub(e.getMessage()));
    } catch (RuntimeException | InterruptedException e) {
      GrpcChannels.close(channel);
      throw e;
    }
  }
}
