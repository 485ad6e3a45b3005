package dev.faultline.sandbox.api;

import java.util.ArrayList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON merge patch (RFC 7386), {@code application/merge-patch+json}: objects merge recursively,
 * {@code null} removes a member, anything else (lists included) replaces. {@code kubectl scale},
 * {@code label}, {@code annotate} and {@code patch --type merge} send these.
 */
final class MergePatch {
  private MergePatch() {}

  /**
   * Applies {@code patch} to a copy of {@code target}.
   *
   * @throws PatchException 400 when the patch is not a JSON object, as the apiserver's json-patch
   *     library rejects any other top-level value for an object target
   */
  static ObjectNode apply(ObjectNode target, JsonNode patch) throws PatchException {
    if (!patch.isObject()) {
      throw PatchException.badRequest("Invalid JSON Patch");
    }
    return (ObjectNode) merge(target.deepCopy(), patch);
  }

  private static JsonNode merge(JsonNode target, JsonNode patch) {
    if (!patch.isObject()) {
      return patch.deepCopy();
    }
    ObjectNode result =
        target != null && target.isObject() ? (ObjectNode) target : Json.MAPPER.createObjectNode();
    for (String key : new ArrayList<>(patch.propertyNames())) {
      JsonNode value = patch.get(key);
      if (value.isNull()) {
        result.remove(key);
      } else {
        // A member the target lacks is merged into nothing, which drops nulls nested in it.
        result.set(key, merge(result.get(key), value));
      }
    }
    return result;
  }
}
