package dev.faultline.sandbox.demo;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import com.google.protobuf.DynamicMessage;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.ProtoFileDescriptorSupplier;
import io.grpc.protobuf.ProtoServiceDescriptorSupplier;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.protobuf.services.ProtoReflectionService;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

/**
 * The gRPC side of a demo service, on 127.0.0.1: {@code grpc.health.v1.Health}, server reflection
 * (v1 and v1alpha) and the unary {@code demo.Checkout/Quote} and {@code demo.Inventory/Check} of
 * {@link GrpcDemoSchema}.
 *
 * <p>It shares the pods and fault layers of its {@link DemoService}, so the same attacks reach it:
 * with no ready pod, health says {@code NOT_SERVING} and calls fail {@code UNAVAILABLE}; a layer's
 * delay slows every call (health included, as for {@code /health}); an abort fails a call with the
 * gRPC status closest to the abort's HTTP status. HTTPChaos layers match the gRPC path ({@code
 * /demo.Checkout/Quote}, method {@code POST}), as they would on the wire. Loaded only when a
 * sandbox serves gRPC, so nothing else pays for the gRPC classes.
 */
final class GrpcDemoServer implements AutoCloseable {
  private static final Set<String> SERVICES =
      Set.of("demo.Checkout", "demo.Inventory", "grpc.health.v1.Health");

  private final Server server;
  private final ExecutorService executor;

  private GrpcDemoServer(Server server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /**
   * Binds {@code 127.0.0.1:port} (0 for a free port) and serves.
   *
   * @throws UncheckedIOException when the port cannot be bound
   */
  static GrpcDemoServer start(ServiceKey key, Backends backends, FaultLayers faults, int port) {
    ExecutorService executor =
        Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("demo-grpc-" + key + "-", 0).factory());
    var calls = new Calls(key, backends, faults);
    Server server;
    try {
      server =
          NettyServerBuilder.forAddress(
                  new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port))
              .executor(executor)
              .addService(new Health(backends, faults))
              .addService(service("Checkout", calls::quote))
              .addService(service("Inventory", calls::check))
              .addService(ProtoReflectionServiceV1.newInstance())
              .addService(ProtoReflectionService.newInstance())
              .build()
              .start();
    } catch (IOException e) {
      executor.shutdownNow();
      throw new UncheckedIOException("cannot bind 127.0.0.1:" + port + " for gRPC " + key, e);
    }
    return new GrpcDemoServer(server, executor);
  }

  int port() {
    return server.getPort();
  }

  @Override
  public void close() {
    server.shutdownNow();
    executor.shutdownNow();
    try {
      server.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The one unary method of a demo service, answering with {@code answer}. */
  private static ServerServiceDefinition service(
      String name, BiFunction<MethodDescriptor, DynamicMessage, DynamicMessage> answer) {
    ServiceDescriptor service = GrpcDemoSchema.FILE.findServiceByName(name);
    MethodDescriptor method = service.getMethods().getFirst();
    var grpcMethod =
        io.grpc.MethodDescriptor.newBuilder(
                ProtoUtils.marshaller(DynamicMessage.getDefaultInstance(method.getInputType())),
                ProtoUtils.marshaller(DynamicMessage.getDefaultInstance(method.getOutputType())))
            .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
            .setFullMethodName(
                io.grpc.MethodDescriptor.generateFullMethodName(
                    service.getFullName(), method.getName()))
            .setSchemaDescriptor(new Schema(service))
            .build();
    return ServerServiceDefinition.builder(
            io.grpc.ServiceDescriptor.newBuilder(service.getFullName())
                .setSchemaDescriptor(new Schema(service))
                .addMethod(grpcMethod)
                .build())
        .addMethod(
            grpcMethod,
            ServerCalls.asyncUnaryCall(
                (request, reply) -> {
                  try {
                    reply.onNext(answer.apply(method, request));
                    reply.onCompleted();
                  } catch (io.grpc.StatusRuntimeException e) {
                    reply.onError(e);
                  }
                }))
        .build();
  }

  /** What server reflection reads to describe a service. */
  private record Schema(ServiceDescriptor service)
      implements ProtoFileDescriptorSupplier, ProtoServiceDescriptorSupplier {
    @Override
    public FileDescriptor getFileDescriptor() {
      return service.getFile();
    }

    @Override
    public ServiceDescriptor getServiceDescriptor() {
      return service;
    }
  }

  /** The demo methods' answers, after the faults have had their say. */
  private record Calls(ServiceKey key, Backends backends, FaultLayers faults) {
    DynamicMessage quote(MethodDescriptor method, DynamicMessage request) {
      admit(method);
      Descriptor in = method.getInputType();
      String sku = (String) request.getField(in.findFieldByName("sku"));
      int quantity = Math.max(1, (Integer) request.getField(in.findFieldByName("quantity")));
      String currency = (String) request.getField(in.findFieldByName("currency"));
      // A stable price per SKU, so answers are checkable: 100 to 9999 cents.
      long price = 100 + Math.floorMod(sku.hashCode(), 9_900);
      Descriptor out = method.getOutputType();
      return DynamicMessage.newBuilder(out)
          .setField(out.findFieldByName("sku"), sku)
          .setField(out.findFieldByName("quantity"), quantity)
          .setField(out.findFieldByName("total_cents"), price * quantity)
          .setField(out.findFieldByName("currency"), currency.isEmpty() ? "EUR" : currency)
          .setField(out.findFieldByName("served_by"), key.toString())
          .build();
    }

    DynamicMessage check(MethodDescriptor method, DynamicMessage request) {
      admit(method);
      Descriptor in = method.getInputType();
      String sku = (String) request.getField(in.findFieldByName("sku"));
      Descriptor out = method.getOutputType();
      return DynamicMessage.newBuilder(out)
          .setField(out.findFieldByName("sku"), sku)
          .setField(out.findFieldByName("available"), Math.floorMod(sku.hashCode(), 50))
          .build();
    }

    /** Waits out the faults' delay, then fails the call as an abort or an empty backend would. */
    private void admit(MethodDescriptor method) {
      FaultDecision decision =
          faults.decide("POST", "/" + method.getService().getFullName() + "/" + method.getName());
      sleep(decision.delay());
      if (decision.aborted()) {
        throw status(decision.abortStatus())
            .withDescription("fault filter abort (" + decision.abortStatus() + ")")
            .asRuntimeException();
      }
      if (backends.state().ready() == 0) {
        throw Status.UNAVAILABLE.withDescription("no healthy upstream").asRuntimeException();
      }
    }
  }

  /** The gRPC status a proxy would give for an HTTP abort status (as Envoy maps them). */
  static Status status(int http) {
    return switch (http) {
      case 400 -> Status.INTERNAL;
      case 401 -> Status.UNAUTHENTICATED;
      case 403 -> Status.PERMISSION_DENIED;
      case 404 -> Status.UNIMPLEMENTED;
      case 429, 502, 503, 504 -> Status.UNAVAILABLE;
      default -> Status.UNKNOWN;
    };
  }

  /** Health that follows the pods: SERVING while one is ready and not every call is aborted. */
  private static final class Health extends HealthGrpc.HealthImplBase {
    private final Backends backends;
    private final FaultLayers faults;

    Health(Backends backends, FaultLayers faults) {
      this.backends = backends;
      this.faults = faults;
    }

    @Override
    public void check(HealthCheckRequest request, StreamObserver<HealthCheckResponse> reply) {
      String service = request.getService();
      if (!service.isEmpty() && !SERVICES.contains(service)) {
        reply.onError(
            Status.NOT_FOUND.withDescription("unknown service " + service).asRuntimeException());
        return;
      }
      sleep(faults.decide("POST", "/grpc.health.v1.Health/Check").delay());
      boolean up = backends.state().ready() >= 1 && !faults.abortsAll();
      reply.onNext(
          HealthCheckResponse.newBuilder()
              .setStatus(up ? ServingStatus.SERVING : ServingStatus.NOT_SERVING)
              .build());
      reply.onCompleted();
    }
  }

  private static void sleep(Duration delay) {
    if (!delay.isPositive()) {
      return;
    }
    try {
      Thread.sleep(delay); // a virtual thread: other calls keep being served meanwhile
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Status.UNAVAILABLE.withDescription("server stopping").asRuntimeException();
    }
  }
}
