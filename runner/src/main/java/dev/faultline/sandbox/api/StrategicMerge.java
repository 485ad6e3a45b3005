package dev.faultline.sandbox.api;

import dev.faultline.sandbox.api.StrategicSchema.Field;
import dev.faultline.sandbox.api.StrategicSchema.Type;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Kubernetes strategic merge patch, {@code application/strategic-merge-patch+json}, as
 * apimachinery's {@code strategicpatch} applies it on the server (parallel lists merged, unmatched
 * nulls ignored). Maps merge recursively and {@code null} deletes; lists with a merge key merge
 * element by element; lists of scalars with a set strategy merge as sets; other lists are replaced.
 *
 * <p>Directives: {@code $patch: replace|delete} on a map or as a list element, {@code $retainKeys},
 * {@code $deleteFromPrimitiveList/<field>} and {@code $setElementOrder/<field>}. Merged lists are
 * ordered as upstream orders them: {@code $setElementOrder} first, then the patch's order, with
 * elements only the server has kept where they were relative to their neighbours.
 *
 * <p>Where upstream stores a patch value as given (a field the object lacks, or a replaced list),
 * this merges it into nothing instead, so that directives and nulls inside it never reach the
 * store.
 */
final class StrategicMerge {
  private static final String PATCH = "$patch";
  private static final String RETAIN_KEYS = "$retainKeys";
  private static final String DELETE_FROM = "$deleteFromPrimitiveList/";
  private static final String SET_ORDER = "$setElementOrder/";

  private StrategicMerge() {}

  /** Applies {@code patch} to a copy of {@code original}; neither argument is changed. */
  static ObjectNode apply(ObjectNode original, JsonNode patch, Type schema) throws PatchException {
    if (!patch.isObject()) {
      throw PatchException.badRequest(
          "json: cannot unmarshal non-object into Go value of type map[string]interface {}");
    }
    return mergeMap(original.deepCopy(), (ObjectNode) patch.deepCopy(), schema);
  }

  private static ObjectNode mergeMap(ObjectNode original, ObjectNode patch, Type type)
      throws PatchException {
    JsonNode directive = patch.get(PATCH);
    if (directive != null) {
      String value = Json.text(directive);
      if (value.equals("replace")) {
        patch.remove(PATCH);
        return mergeMap(Json.MAPPER.createObjectNode(), patch, type);
      }
      if (value.equals("delete")) {
        return Json.MAPPER.createObjectNode();
      }
      throw PatchException.unprocessable("Unknown patch type: " + directive + " in map: " + patch);
    }
    retainKeys(original, patch);
    setElementOrder(original, patch, type);

    var deletions = new ArrayList<String>();
    for (String key : new ArrayList<>(patch.propertyNames())) {
      JsonNode value = patch.get(key);
      if (key.startsWith(DELETE_FROM)) {
        deletions.add(key);
        continue;
      }
      if (value.isNull()) {
        original.remove(key); // a null the original lacks is ignored, not stored
        continue;
      }
      Field field = type.field(key);
      JsonNode current = original.get(key);
      JsonNode merged;
      if (current instanceof ObjectNode map && value instanceof ObjectNode patchMap) {
        merged = mergeMap(map, patchMap, field.type());
      } else if (current instanceof ArrayNode list && value instanceof ArrayNode patchList) {
        merged = mergeList(list, patchList, field);
      } else {
        merged = fresh(value, field);
      }
      if (merged == null) {
        original.remove(key);
      } else {
        original.set(key, merged);
      }
    }
    // Deletions run after the merges so the result does not depend on key order.
    for (String key : deletions) {
      deleteFromList(original, key.substring(DELETE_FROM.length()), patch.get(key));
    }
    return original;
  }

  /**
   * A patch value with nothing to merge into: its directives are applied to an empty value, which
   * also drops its nulls. Null means the value deletes itself ({@code $patch: delete}).
   */
  private static JsonNode fresh(JsonNode value, Field field) throws PatchException {
    if (value instanceof ObjectNode map) {
      if (Json.text(map.get(PATCH)).equals("delete")) {
        return null;
      }
      return mergeMap(Json.MAPPER.createObjectNode(), map, field.type());
    }
    if (value instanceof ArrayNode list) {
      return mergeList(Json.MAPPER.createArrayNode(), list, field);
    }
    return value;
  }

  /** {@code $retainKeys}: the original keeps only the listed keys. */
  private static void retainKeys(ObjectNode original, ObjectNode patch) throws PatchException {
    JsonNode retain = patch.remove(RETAIN_KEYS);
    if (retain == null) {
      return;
    }
    if (!retain.isArray()) {
      throw PatchException.badRequest("invalid patch format of retainKeys");
    }
    var keep = new ArrayList<String>();
    retain.forEach(key -> keep.add(Json.text(key)));
    for (var entry : patch.properties()) {
      String key = entry.getKey();
      boolean directive = key.startsWith(DELETE_FROM) || key.startsWith(SET_ORDER);
      if (!entry.getValue().isNull() && !directive && !keep.contains(key)) {
        throw PatchException.badRequest("invalid patch format of retainKeys");
      }
    }
    original.retain(keep);
  }

  /**
   * {@code $setElementOrder/<field>}: merges that field's list now, then orders it by the
   * directive, and takes the list out of the patch so the main loop does not merge it again.
   */
  private static void setElementOrder(ObjectNode original, ObjectNode patch, Type type)
      throws PatchException {
    for (String key : new ArrayList<>(patch.propertyNames())) {
      if (!key.startsWith(SET_ORDER)) {
        continue;
      }
      JsonNode order = patch.remove(key);
      if (!order.isArray()) {
        throw PatchException.badRequest("invalid patch format of setElementOrder list");
      }
      String name = key.substring(SET_ORDER.length());
      Field field = type.field(name);
      JsonNode current = original.get(name);
      JsonNode patchList = patch.get(name);
      if (patchList != null && !patchList.isArray()) {
        continue; // a null or a non-list is the main loop's business
      }
      ArrayNode before = current instanceof ArrayNode list ? list : Json.MAPPER.createArrayNode();
      if (patchList != null) {
        checkOrderMatchesPatch((ArrayNode) patchList, (ArrayNode) order, field);
      }
      ArrayNode merged;
      if (patchList == null) {
        if (!(current instanceof ArrayNode)) {
          continue;
        }
        merged = before.deepCopy();
      } else {
        merged = mergeList(before.deepCopy(), (ArrayNode) patchList, field);
        patch.remove(name);
      }
      if (field.merges()) {
        ArrayNode serverOrder =
            patchList != null && field.mergesByKey()
                ? Ordering.aliasedServerOrder(before, (ArrayNode) patchList, field.mergeKey())
                : before;
        merged = Ordering.normalize(merged, (ArrayNode) order, serverOrder, field.mergeKey());
      }
      original.set(name, merged);
    }
  }

  /** Upstream refuses a patch list whose order contradicts its {@code $setElementOrder}. */
  private static void checkOrderMatchesPatch(ArrayNode patchList, ArrayNode order, Field field)
      throws PatchException {
    if (!field.merges() || order.isEmpty()) {
      return;
    }
    int at = 0;
    for (JsonNode item : patchList) {
      if (item.isObject() && item.has(PATCH)) {
        continue;
      }
      while (at < order.size() && !Ordering.sameKey(item, order.get(at), field.mergeKey())) {
        at++;
      }
      if (at == order.size()) {
        throw PatchException.unprocessable(
            "The order in patch list:\n"
                + patchList
                + "\n doesn't match $setElementOrder list:\n"
                + order);
      }
      at++;
    }
  }

  private static ArrayNode mergeList(ArrayNode original, ArrayNode patch, Field field)
      throws PatchException {
    if (!field.merges()) {
      return replaceList(patch);
    }
    if (original.isEmpty() && patch.isEmpty()) {
      return original;
    }
    if (!elementsAreMaps(original, patch)) {
      ArrayNode merged = Json.MAPPER.createArrayNode();
      for (JsonNode item : original) {
        addIfAbsent(merged, item);
      }
      for (JsonNode item : patch) {
        addIfAbsent(merged, item);
      }
      return Ordering.normalize(merged, patch, original, null);
    }
    if (!field.mergesByKey()) {
      throw PatchException.unprocessable("cannot merge lists without merge key");
    }
    String mergeKey = field.mergeKey();
    ArrayNode server = original;
    ArrayNode plain = Json.MAPPER.createArrayNode();
    boolean replace = false;
    for (JsonNode item : patch) {
      JsonNode directive = item.get(PATCH);
      if (directive == null) {
        plain.add(item);
        continue;
      }
      switch (Json.text(directive)) {
        case "delete" -> {
          JsonNode key = item.get(mergeKey);
          if (key == null) {
            throw noMergeKey(item, mergeKey);
          }
          server = withoutKey(server, mergeKey, key);
        }
        case "replace" -> replace = true;
        case "merge" ->
            throw PatchException.unprocessable(
                "merging lists cannot yet be specified in the patch");
        default ->
            throw PatchException.unprocessable(
                "Unknown patch type: " + directive + " in map: " + item);
      }
    }
    if (replace) {
      // The list is replaced by the patch's other elements.
      server = Json.MAPPER.createArrayNode();
    }
    ArrayNode merged = server.deepCopy();
    for (JsonNode item : plain) {
      JsonNode key = item.get(mergeKey);
      if (key == null) {
        throw noMergeKey(item, mergeKey);
      }
      int at = Ordering.indexOf(merged, item, mergeKey);
      if (at >= 0) {
        merged.set(at, mergeMap((ObjectNode) merged.get(at), (ObjectNode) item, field.type()));
      } else {
        merged.add(mergeMap(Json.MAPPER.createObjectNode(), (ObjectNode) item, field.type()));
      }
    }
    return Ordering.normalize(merged, replace ? merged : plain, server, mergeKey);
  }

  /** An atomic list takes the patch's elements, minus directive-only and deleted elements. */
  private static ArrayNode replaceList(ArrayNode patch) throws PatchException {
    ArrayNode list = Json.MAPPER.createArrayNode();
    for (JsonNode item : patch) {
      if (item instanceof ObjectNode map) {
        boolean directiveOnly = map.size() == 1 && map.has(PATCH);
        if (directiveOnly || Json.text(map.get(PATCH)).equals("delete")) {
          continue;
        }
        list.add(mergeMap(Json.MAPPER.createObjectNode(), map, Type.UNKNOWN));
      } else {
        list.add(item.deepCopy());
      }
    }
    return list;
  }

  private static boolean elementsAreMaps(ArrayNode original, ArrayNode patch)
      throws PatchException {
    Boolean maps = null;
    for (ArrayNode list : List.of(original, patch)) {
      for (JsonNode item : list) {
        if (item.isArray()) {
          throw PatchException.unprocessable("lists of lists are not supported");
        }
        if (maps == null) {
          maps = item.isObject();
        } else if (maps != item.isObject()) {
          throw PatchException.unprocessable("list element types are not identical");
        }
      }
    }
    return Boolean.TRUE.equals(maps);
  }

  private static void addIfAbsent(ArrayNode list, JsonNode item) {
    for (JsonNode present : list) {
      if (Json.same(present, item)) {
        return;
      }
    }
    list.add(item.deepCopy());
  }

  private static ArrayNode withoutKey(ArrayNode list, String mergeKey, JsonNode key) {
    ArrayNode kept = Json.MAPPER.createArrayNode();
    for (JsonNode item : list) {
      if (!Json.same(item.get(mergeKey), key)) {
        kept.add(item);
      }
    }
    return kept;
  }

  /** {@code $deleteFromPrimitiveList/<field>}: removes those scalars from the stored list. */
  private static void deleteFromList(ObjectNode original, String name, JsonNode values)
      throws PatchException {
    if (!values.isArray()) {
      throw PatchException.badRequest("invalid patch format of primitive list");
    }
    if (!(original.get(name) instanceof ArrayNode list)) {
      return;
    }
    ArrayNode kept = Json.MAPPER.createArrayNode();
    for (JsonNode item : list) {
      boolean delete = false;
      for (JsonNode value : values) {
        delete |= Json.same(item, value);
      }
      if (!delete) {
        kept.add(item);
      }
    }
    // An emptied list is dropped, as decoding into the typed object (omitempty) would.
    if (kept.isEmpty()) {
      original.remove(name);
    } else {
      original.set(name, kept);
    }
  }

  private static PatchException noMergeKey(JsonNode item, String mergeKey) {
    return PatchException.unprocessable(
        "map: " + item + " does not contain declared merge key: " + mergeKey);
  }
}
