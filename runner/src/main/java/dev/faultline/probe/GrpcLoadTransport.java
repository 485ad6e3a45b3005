package dev.faultline.probe;

import com.google.protobuf.DynamicMessage;
import io.grpc.CallOptions;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code load.grpc}'s way to its server: every worker calls one unary method with the same request
 * over one shared channel (HTTP/2 multiplexes the calls). A call's gRPC status code is its status
 * ({@code 0} is {@code OK}); {@code DEADLINE_EXCEEDED} is a timeout, as a late HTTP answer is.
 */
final class GrpcLoadTransport implements dev.faultline.probe.load.Transport {
  private final ManagedChannel channel;
  private final io.grpc.Channel calls;
  private final MethodDescriptor<DynamicMessage, DynamicMessage> method;
  private final DynamicMessage request;

  GrpcLoadTransport(
      ManagedChannel channel,
      MethodDescriptor<DynamicMessage, DynamicMessage> method,
      DynamicMessage request,
      Map<String, String> metadata) {
    this.channel = channel;
    var headers = new Metadata();
    metadata.forEach(
        (name, value) ->
            headers.put(Metadata.Key.of(name, Metadata.ASCII_STRING_MARSHALLER), value));
    this.calls =
        ClientInterceptors.intercept(channel, MetadataUtils.newAttachHeadersInterceptor(headers));
    this.method = method;
    this.request = request;
  }

  @Override
  public Channel open() {
    return new Channel() {
      @Override
      public int send(long deadlineNanos) throws IOException, InterruptedException {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
          throw new SocketTimeoutException("deadline passed before the call");
        }
        try {
          ClientCalls.blockingUnaryCall(
              calls,
              method,
              CallOptions.DEFAULT.withDeadlineAfter(left, TimeUnit.NANOSECONDS),
              request);
          return Status.Code.OK.value();
        } catch (StatusRuntimeException e) {
          if (Thread.interrupted()) {
            throw new InterruptedException("load stopped");
          }
          if (e.getStatus().getCode() == Status.Code.DEADLINE_EXCEEDED) {
            throw new SocketTimeoutException("DEADLINE_EXCEEDED");
          }
          if (e.getStatus().getCode() == Status.Code.UNAVAILABLE) {
            channel.resetConnectBackoff(); // a server back from a fault is used at once
          }
          return e.getStatus().getCode().value();
        }
      }

      @Override
      public void close() {}
    };
  }

  @Override
  public void close() {
    GrpcChannels.close(channel);
  }
}
