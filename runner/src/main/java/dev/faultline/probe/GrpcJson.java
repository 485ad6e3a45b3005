package dev.faultline.probe;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A request message from JSON, typed by the method's descriptor (proto3 JSON mapping, as {@code
 * grpcurl -d} takes it). Errors name the field: protobuf's own parser says what is wrong with a
 * value but not where, so a failing request is parsed again field by field to find it.
 */
final class GrpcJson {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private GrpcJson() {}

  /**
   * The message of {@code type} that {@code json} describes.
   *
   * @throws IllegalArgumentException naming the field that does not fit, e.g. {@code field quantity
   *     of demo.QuoteRequest: Not an int32 value: "many"}
   */
  static DynamicMessage parse(String json, Descriptor type) {
    LoadGrpcExecutor.checkObject(json);
    try {
      DynamicMessage.Builder builder = DynamicMessage.newBuilder(type);
      JsonFormat.parser().merge(json, builder);
      return builder.build();
    } catch (InvalidProtocolBufferException | RuntimeException e) {
      throw new IllegalArgumentException(locate(json, type, message(e)), e);
    }
  }

  /** Parses each top-level field alone to find the one that fails. */
  private static String locate(String json, Descriptor type, String whole) {
    ObjectNode object = (ObjectNode) JSON.readTree(json);
    for (Map.Entry<String, JsonNode> field : object.properties()) {
      if (type.findFieldByName(field.getKey()) == null && !hasJsonName(type, field.getKey())) {
        return "request field "
            + field.getKey()
            + ": "
            + type.getFullName()
            + " has no such field; it has "
            + String.join(", ", type.getFields().stream().map(f -> f.getJsonName()).toList());
      }
      ObjectNode alone = JSON.createObjectNode();
      alone.set(field.getKey(), field.getValue());
      try {
        JsonFormat.parser().merge(alone.toString(), DynamicMessage.newBuilder(type));
      } catch (InvalidProtocolBufferException | RuntimeException e) {
        return "request field " + field.getKey() + " of " + type.getFullName() + ": " + message(e);
      }
    }
    return "request does not fit " + type.getFullName() + ": " + whole;
  }

  private static boolean hasJsonName(Descriptor type, String name) {
    return type.getFields().stream().anyMatch(f -> f.getJsonName().equals(name));
  }

  private static String message(Exception e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
