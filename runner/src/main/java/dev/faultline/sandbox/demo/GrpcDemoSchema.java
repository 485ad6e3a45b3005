package dev.faultline.sandbox.demo;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.MethodDescriptorProto;
import com.google.protobuf.DescriptorProtos.ServiceDescriptorProto;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;

/**
 * The schema of the sandbox's gRPC demo service, {@code demo/shop.proto}, built in code so the
 * build needs no {@code protoc}:
 *
 * <pre>
 * package demo;
 * message QuoteRequest { string sku = 1; int32 quantity = 2; string currency = 3; }
 * message QuoteReply { string sku = 1; int32 quantity = 2; int64 total_cents = 3;
 *                      string currency = 4; string served_by = 5; }
 * message CheckRequest { string sku = 1; }
 * message CheckReply { string sku = 1; int32 available = 2; }
 * service Checkout { rpc Quote(QuoteRequest) returns (QuoteReply); }
 * service Inventory { rpc Check(CheckRequest) returns (CheckReply); }
 * </pre>
 */
final class GrpcDemoSchema {
  static final FileDescriptor FILE = build();

  private GrpcDemoSchema() {}

  private static FileDescriptor build() {
    var file =
        FileDescriptorProto.newBuilder()
            .setName("demo/shop.proto")
            .setPackage("demo")
            .setSyntax("proto3")
            .addMessageType(
                message(
                    "QuoteRequest", string("sku", 1), int32("quantity", 2), string("currency", 3)))
            .addMessageType(
                message(
                    "QuoteReply",
                    string("sku", 1),
                    int32("quantity", 2),
                    field("total_cents", 3, FieldDescriptorProto.Type.TYPE_INT64),
                    string("currency", 4),
                    string("served_by", 5)))
            .addMessageType(message("CheckRequest", string("sku", 1)))
            .addMessageType(message("CheckReply", string("sku", 1), int32("available", 2)))
            .addService(service("Checkout", "Quote", "QuoteRequest", "QuoteReply"))
            .addService(service("Inventory", "Check", "CheckRequest", "CheckReply"))
            .build();
    try {
      return FileDescriptor.buildFrom(file, new FileDescriptor[0]);
    } catch (DescriptorValidationException e) {
      throw new IllegalStateException("the demo schema is invalid", e);
    }
  }

  private static DescriptorProto message(String name, FieldDescriptorProto... fields) {
    var builder = DescriptorProto.newBuilder().setName(name);
    for (FieldDescriptorProto f : fields) {
      builder.addField(f);
    }
    return builder.build();
  }

  private static FieldDescriptorProto string(String name, int number) {
    return field(name, number, FieldDescriptorProto.Type.TYPE_STRING);
  }

  private static FieldDescriptorProto int32(String name, int number) {
    return field(name, number, FieldDescriptorProto.Type.TYPE_INT32);
  }

  private static FieldDescriptorProto field(
      String name, int number, FieldDescriptorProto.Type type) {
    return FieldDescriptorProto.newBuilder()
        .setName(name)
        .setNumber(number)
        .setType(type)
        .setLabel(FieldDescriptorProto.Label.LABEL_OPTIONAL)
        .build();
  }

  private static ServiceDescriptorProto service(
      String name, String method, String input, String output) {
    return ServiceDescriptorProto.newBuilder()
        .setName(name)
        .addMethod(
            MethodDescriptorProto.newBuilder()
                .setName(method)
                .setInputType(".demo." + input)
                .setOutputType(".demo." + output))
        .build();
  }
}
