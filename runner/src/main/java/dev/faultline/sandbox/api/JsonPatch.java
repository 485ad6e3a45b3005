package dev.faultline.sandbox.api;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON Patch (RFC 6902), {@code application/json-patch+json}: a list of add, remove, replace, move,
 * copy and test operations on JSON Pointers (RFC 6901). Operations apply in order to a copy; the
 * first that cannot apply (including a failed test) fails the whole patch with 422, as the
 * apiserver does. A body that is not a list of operations at all is a 400.
 */
final class JsonPatch {
  private JsonPatch() {}

  static ObjectNode apply(ObjectNode target, JsonNode patch) throws PatchException {
    if (!patch.isArray()) {
      throw PatchException.badRequest(
          "json: cannot unmarshal " + jsonType(patch) + " into Go value of type jsonpatch.Patch");
    }
    for (JsonNode operation : patch) {
      if (!operation.isObject()) {
        throw PatchException.badRequest(
            "json: cannot unmarshal "
                + jsonType(operation)
                + " into Go value of type jsonpatch.Operation");
      }
    }
    JsonNode document = target.deepCopy();
    for (JsonNode operation : patch) {
      document = applyOne(document, operation);
    }
    if (!document.isObject()) {
      throw PatchException.unprocessable("the patched document is not a JSON object");
    }
    return (ObjectNode) document;
  }

  private static JsonNode applyOne(JsonNode document, JsonNode operation) throws PatchException {
    String op = Json.text(operation.get("op"));
    switch (op) {
      case "add" -> {
        return add(document, pointer(operation, "path", op), value(operation, op), op);
      }
      case "remove" -> {
        List<String> path = pointer(operation, "path", op);
        remove(document, path, op);
        return document;
      }
      case "replace" -> {
        List<String> path = pointer(operation, "path", op);
        JsonNode value = value(operation, op);
        if (path.isEmpty()) {
          return value;
        }
        get(document, path, op); // replace needs an existing target
        remove(document, path, op);
        return add(document, path, value, op);
      }
      case "move" -> {
        List<String> from = pointer(operation, "from", op);
        List<String> path = pointer(operation, "path", op);
        if (from.equals(path)) {
          get(document, from, op);
          return document;
        }
        if (path.size() > from.size() && path.subList(0, from.size()).equals(from)) {
          throw PatchException.unprocessable(
              "move operation does not apply: cannot move "
                  + text(from)
                  + " into its own child "
                  + text(path));
        }
        JsonNode value = get(document, from, op);
        remove(document, from, op);
        return add(document, path, value, op);
      }
      case "copy" -> {
        List<String> from = pointer(operation, "from", op);
        JsonNode value = get(document, from, op).deepCopy();
        return add(document, pointer(operation, "path", op), value, op);
      }
      case "test" -> {
        List<String> path = pointer(operation, "path", op);
        JsonNode expected = value(operation, op);
        JsonNode actual = find(document, path);
        if (actual == null || !Json.same(actual, expected)) {
          throw PatchException.unprocessable(
              "testing value " + text(path) + " failed: test failed");
        }
        return document;
      }
      default -> throw PatchException.unprocessable("Unexpected kind: " + op);
    }
  }

  private static JsonNode add(JsonNode document, List<String> path, JsonNode value, String op)
      throws PatchException {
    if (path.isEmpty()) {
      return value;
    }
    JsonNode parent = find(document, path.subList(0, path.size() - 1));
    String last = path.getLast();
    if (parent instanceof ObjectNode object) {
      object.set(last, value);
    } else if (parent instanceof ArrayNode array) {
      int index = last.equals("-") ? array.size() : index(last, array.size() + 1, path);
      array.insert(index, value);
    } else {
      throw missing(op, path);
    }
    return document;
  }

  private static void remove(JsonNode document, List<String> path, String op)
      throws PatchException {
    if (path.isEmpty()) {
      throw PatchException.unprocessable(op + " operation does not apply: cannot remove the root");
    }
    JsonNode parent = find(document, path.subList(0, path.size() - 1));
    String last = path.getLast();
    if (parent instanceof ObjectNode object && object.has(last)) {
      object.remove(last);
    } else if (parent instanceof ArrayNode array && !last.equals("-")) {
      array.remove(index(last, array.size(), path));
    } else {
      throw missing(op, path);
    }
  }

  private static JsonNode get(JsonNode document, List<String> path, String op)
      throws PatchException {
    JsonNode found = find(document, path);
    if (found == null) {
      throw missing(op, path);
    }
    return found;
  }

  /** The node at {@code path}, or null when any step of it does not exist. */
  private static JsonNode find(JsonNode document, List<String> path) throws PatchException {
    JsonNode node = document;
    for (String token : path) {
      if (node instanceof ObjectNode object) {
        node = object.get(token);
      } else if (node instanceof ArrayNode array) {
        if (token.equals("-")) {
          return null;
        }
        node = array.get(index(token, array.size(), path));
      } else {
        return null;
      }
      if (node == null) {
        return null;
      }
    }
    return node;
  }

  /** An array index: digits without leading zeros, below {@code limit}. */
  private static int index(String token, int limit, List<String> path) throws PatchException {
    boolean digits = !token.isEmpty() && token.chars().allMatch(Character::isDigit);
    if (!digits || (token.length() > 1 && token.charAt(0) == '0') || token.length() > 9) {
      throw PatchException.unprocessable("invalid array index " + token + " in " + text(path));
    }
    int index = Integer.parseInt(token);
    if (index >= limit) {
      throw PatchException.unprocessable(
          "Unable to access invalid index: " + index + ": invalid index referenced");
    }
    return index;
  }

  private static JsonNode value(JsonNode operation, String op) throws PatchException {
    JsonNode value = operation.get("value");
    if (value == null) {
      throw PatchException.unprocessable(op + " operation has no value");
    }
    return value.deepCopy();
  }

  /** Parses a JSON Pointer into unescaped reference tokens ({@code ~1} is /, {@code ~0} is ~). */
  private static List<String> pointer(JsonNode operation, String field, String op)
      throws PatchException {
    JsonNode node = operation.get(field);
    if (node == null || !node.isString()) {
      throw PatchException.unprocessable(op + " operation has no " + field);
    }
    String pointer = node.stringValue();
    var tokens = new ArrayList<String>();
    if (pointer.isEmpty()) {
      return tokens;
    }
    if (pointer.charAt(0) != '/') {
      throw PatchException.unprocessable(
          "JSON pointer must be empty or start with a \"/\": " + pointer);
    }
    for (String raw : pointer.substring(1).split("/", -1)) {
      tokens.add(raw.replace("~1", "/").replace("~0", "~"));
    }
    return tokens;
  }

  private static PatchException missing(String op, List<String> path) {
    return PatchException.unprocessable(
        op
            + " operation does not apply: doc is missing path: \""
            + text(path)
            + "\": missing value");
  }

  private static String text(List<String> path) {
    var out = new StringBuilder();
    for (String token : path) {
      out.append('/').append(token.replace("~", "~0").replace("/", "~1"));
    }
    return out.toString();
  }

  private static String jsonType(JsonNode node) {
    if (node.isObject()) {
      return "object";
    }
    if (node.isString()) {
      return "string";
    }
    if (node.isNumber()) {
      return "number";
    }
    if (node.isBoolean()) {
      return "bool";
    }
    return node.isArray() ? "array" : "null";
  }
}
