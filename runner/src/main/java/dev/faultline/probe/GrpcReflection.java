package dev.faultline.probe;

import com.google.protobuf.ByteString;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Finds a method's request and response types through the server's reflection service, as {@code
 * grpcurl} does: {@code grpc.reflection.v1}, or {@code v1alpha} for older servers (their messages
 * are the same on the wire, so one set of classes speaks both).
 */
final class GrpcReflection {
  private static final String V1 = "grpc.reflection.v1.ServerReflection/ServerReflectionInfo";
  private static final String V1ALPHA =
      "grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo";

  private GrpcReflection() {}

  /** The method cannot be used; the message says why (unknown service or method, no reflection). */
  static final class ReflectionException extends Exception {
    private static final long serialVersionUID = 1L;

    ReflectionException(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * The method {@code fullName} ({@code demo.Checkout/Quote}) as the server describes it.
   *
   * @param deadlineNanos when to give up ({@link System#nanoTime()})
   * @throws ReflectionException naming what is unknown, and what the server has instead
   * @throws StatusRuntimeException when the server cannot be reached
   */
  static MethodDescriptor method(ManagedChannel channel, String fullName, long deadlineNanos)
      throws ReflectionException, InterruptedException {
    int slash = fullName.indexOf('/');
    String serviceName = fullName.substring(0, slash);
    String methodName = fullName.substring(slash + 1);
    ServiceDescriptor service;
    try (var stream = Stream.open(channel, V1, deadlineNanos)) {
      service = service(stream, serviceName);
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() != Status.Code.UNIMPLEMENTED) {
        throw e;
      }
      try (var stream = Stream.open(channel, V1ALPHA, deadlineNanos)) {
        service = service(stream, serviceName);
      } catch (StatusRuntimeException alpha) {
        if (alpha.getStatus().getCode() == Status.Code.UNIMPLEMENTED) {
          throw new ReflectionException(
              "the server offers no reflection (grpc.reflection.v1 or v1alpha), so the types of "
                  + fullName
                  + " are unknown");
        }
        throw alpha;
      }
    }
    MethodDescriptor method = service.findMethodByName(methodName);
    if (method == null) {
      throw new ReflectionException(
          serviceName
              + " has no method "
              + methodName
              + "; it has "
              + String.join(
                  ", ", service.getMethods().stream().map(MethodDescriptor::getName).toList()));
    }
    if (method.isClientStreaming() || method.isServerStreaming()) {
      throw new ReflectionException(
          fullName + " is a streaming method; load.grpc calls unary ones");
    }
    return method;
  }

  private static ServiceDescriptor service(Stream stream, String serviceName)
      throws ReflectionException, InterruptedException {
    ServerReflectionResponse answer =
        stream.ask(ServerReflectionRequest.newBuilder().setFileContainingSymbol(serviceName));
    if (answer.hasErrorResponse()) {
      ServerReflectionResponse list =
          stream.ask(ServerReflectionRequest.newBuilder().setListServices(""));
      List<String> names =
          list.getListServicesResponse().getServiceList().stream()
              .map(s -> s.getName())
              .sorted()
              .toList();
      throw new ReflectionException(
          "the server has no service "
              + serviceName
              + (names.isEmpty() ? "" : "; it has " + String.join(", ", names)));
    }
    var protos = new HashMap<String, FileDescriptorProto>();
    String first = add(answer, protos);
    FileDescriptor file = build(first, protos, stream, new HashMap<>());
    String shortName =
        serviceName.startsWith(file.getPackage() + ".")
            ? serviceName.substring(file.getPackage().length() + 1)
            : serviceName;
    ServiceDescriptor service = file.findServiceByName(shortName);
    if (service == null) {
      throw new ReflectionException(
          "the server's description of " + serviceName + " does not contain it");
    }
    return service;
  }

  /** Adds the files of a file-descriptor answer; returns the name of the first. */
  private static String add(ServerReflectionResponse answer, Map<String, FileDescriptorProto> out)
      throws ReflectionException {
    String first = null;
    for (ByteString bytes : answer.getFileDescriptorResponse().getFileDescriptorProtoList()) {
      try {
        FileDescriptorProto proto = FileDescriptorProto.parseFrom(bytes);
        out.putIfAbsent(proto.getName(), proto);
        first = first == null ? proto.getName() : first;
      } catch (InvalidProtocolBufferException e) {
        throw new ReflectionException("the server sent an unreadable file descriptor");
      }
    }
    if (first == null) {
      throw new ReflectionException("the server sent no file descriptor");
    }
    return first;
  }

  /** Builds a file and, first, its dependencies, asking the server for the ones it did not send. */
  private static FileDescriptor build(
      String name,
      Map<String, FileDescriptorProto> protos,
      Stream stream,
      Map<String, FileDescriptor> built)
      throws ReflectionException, InterruptedException {
    FileDescriptor done = built.get(name);
    if (done != null) {
      return done;
    }
    FileDescriptorProto proto = protos.get(name);
    if (proto == null) {
      ServerReflectionResponse answer =
          stream.ask(ServerReflectionRequest.newBuilder().setFileByFilename(name));
      if (answer.hasErrorResponse()) {
        throw new ReflectionException("the server does not describe " + name);
      }
      add(answer, protos);
      proto = protos.get(name);
      if (proto == null) {
        throw new ReflectionException("the server does not describe " + name);
      }
    }
    var dependencies = new ArrayList<FileDescriptor>();
    for (String dependency : proto.getDependencyList()) {
      dependencies.add(build(dependency, protos, stream, built));
    }
    try {
      FileDescriptor file =
          FileDescriptor.buildFrom(proto, dependencies.toArray(FileDescriptor[]::new));
      built.put(name, file);
      return file;
    } catch (DescriptorValidationException e) {
      throw new ReflectionException("the server's " + name + " is invalid: " + e.getMessage());
    }
  }

  /** One reflection stream: ask, wait for the answer, ask again. */
  private static final class Stream implements AutoCloseable {
    private static final Object DONE = new Object();
    private final BlockingQueue<Object> answers = new LinkedBlockingQueue<>();
    private final StreamObserver<ServerReflectionRequest> requests;
    private final long deadlineNanos;

    private Stream(ManagedChannel channel, String fullMethodName, long deadlineNanos) {
      this.deadlineNanos = deadlineNanos;
      var method =
          ServerReflectionGrpc.getServerReflectionInfoMethod().toBuilder()
              .setFullMethodName(fullMethodName)
              .build();
      long left = Math.max(1, deadlineNanos - System.nanoTime());
      this.requests =
          ClientCalls.asyncBidiStreamingCall(
              channel.newCall(
                  method, CallOptions.DEFAULT.withDeadlineAfter(left, TimeUnit.NANOSECONDS)),
              new StreamObserver<>() {
                @Override
                public void onNext(ServerReflectionResponse value) {
                  answers.add(value);
                }

                @Override
                public void onError(Throwable t) {
                  answers.add(t);
                }

                @Override
                public void onCompleted() {
                  answers.add(DONE);
                }
              });
    }

    static Stream open(ManagedChannel channel, String fullMethodName, long deadlineNanos) {
      return new Stream(channel, fullMethodName, deadlineNanos);
    }

    ServerReflectionResponse ask(ServerReflectionRequest.Builder request)
        throws InterruptedException {
      requests.onNext(request.build());
      Object answer =
          answers.poll(Math.max(1, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
      return switch (answer) {
        case ServerReflectionResponse r -> r;
        case StatusRuntimeException e -> throw e;
        case Throwable t -> throw Status.fromThrowable(t).asRuntimeException();
        case null ->
            throw Status.DEADLINE_EXCEEDED
                .withDescription("no reflection answer in time")
                .asRuntimeException();
        default ->
            throw Status.INTERNAL.withDescription("reflection stream ended").asRuntimeException();
      };
    }

    @Override
    public void close() {
      try {
        requests.onCompleted();
      } catch (IllegalStateException e) {
        // the call failed already
      }
    }
  }
}
