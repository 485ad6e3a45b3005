package dev.faultline.sandbox.api;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** TEMPORARY STUB, replaced by the real one. */
public final class Patches {
  public static ObjectNode apply(String contentType, ObjectNode original, String body)
      throws PatchException {
    ObjectNode copy = original.deepCopy();
    merge(copy, SandboxDispatcher.JSON.readTree(body));
    return copy;
  }

  private static void merge(ObjectNode target, JsonNode patch) {
    for (var e : patch.properties()) {
      if (e.getValue().isNull()) target.remove(e.getKey());
      else if (e.getValue().isObject() && target.get(e.getKey()) instanceof ObjectNode o)
        merge(o, e.getValue());
      else target.set(e.getKey(), e.getValue());
    }
  }
}
