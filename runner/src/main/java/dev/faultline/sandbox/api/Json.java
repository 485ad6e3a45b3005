package dev.faultline.sandbox.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lenient reads from stored Kubernetes objects. The store holds whatever clients sent, so a field
 * can be missing or of an unexpected type; printers treat both like Go's zero value, which is what
 * kube-apiserver sees after decoding into its typed structs.
 */
final class Json {
  /** Rejects trailing content after the document, as Go's json decoder does. */
  static final JsonMapper MAPPER =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  private Json() {}

  static String text(JsonNode node) {
    return node != null && node.isString() ? node.stringValue() : "";
  }

  static long integer(JsonNode node, long zero) {
    if (node == null || !node.isNumber()) {
      return zero;
    }
    return node.isIntegralNumber() ? node.longValue() : (long) node.doubleValue();
  }

  static long integer(JsonNode node) {
    return integer(node, 0);
  }

  static boolean bool(JsonNode node) {
    return node != null && node.isBoolean() && node.booleanValue();
  }

  /** A Kubernetes {@code Time} or {@code MicroTime}; null when absent or unparseable. */
  static Instant time(JsonNode node) {
    String text = text(node);
    if (text.isEmpty()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /**
   * JSON equality as Go's {@code reflect.DeepEqual} sees decoded JSON: numbers compare by value
   * ({@code 80} equals {@code 80.0}), everything else structurally.
   */
  static boolean same(JsonNode a, JsonNode b) {
    if (a == null || b == null) {
      return a == b;
    }
    if (a.isNumber() && b.isNumber()) {
      return decimal(a).compareTo(decimal(b)) == 0;
    }
    if (a.isObject() && b.isObject()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (var entry : a.properties()) {
        if (!same(entry.getValue(), b.get(entry.getKey()))) {
          return false;
        }
      }
      return true;
    }
    if (a.isArray() && b.isArray()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (!same(a.get(i), b.get(i))) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }

  private static BigDecimal decimal(JsonNode number) {
    return number.decimalValue();
  }
}
