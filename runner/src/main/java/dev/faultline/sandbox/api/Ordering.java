package dev.faultline.sandbox.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * The element order of a merged list, as strategicpatch's {@code normalizeElementOrder} decides it:
 * elements named by the patch (or by {@code $setElementOrder}) come in that order; elements only
 * the server has keep their server order and are slotted in before the first patch element that the
 * server had after them. So {@code kubectl apply} reorders containers the way a real cluster would.
 */
final class Ordering {
  private Ordering() {}

  /**
   * @param merged the merged elements, in any order
   * @param order the elements whose order the patch dictates
   * @param serverOrder the list as stored before the patch
   * @param mergeKey the key identifying map elements, or null for a list of scalars
   */
  static ArrayNode normalize(
      ArrayNode merged, ArrayNode order, ArrayNode serverOrder, String mergeKey)
      throws PatchException {
    if (mergeKey != null) {
      for (ArrayNode list : List.of(merged, order)) {
        for (JsonNode item : list) {
          if (!item.isObject() || !item.has(mergeKey)) {
            throw PatchException.unprocessable(
                "map: " + item + " does not contain declared merge key: " + mergeKey);
          }
        }
      }
    }
    var patchItems = new ArrayList<JsonNode>();
    var serverOnly = new ArrayList<JsonNode>();
    for (JsonNode item : merged) {
      (indexOf(order, item, mergeKey) >= 0 ? patchItems : serverOnly).add(item);
    }
    sortBy(patchItems, order, mergeKey);
    sortBy(serverOnly, serverOrder, mergeKey);

    ArrayNode result = Json.MAPPER.createArrayNode();
    int i = 0;
    int j = 0;
    while (i < serverOnly.size() || j < patchItems.size()) {
      if (i >= serverOnly.size()) {
        result.add(patchItems.get(j++));
      } else if (j >= patchItems.size()) {
        result.add(serverOnly.get(i++));
      } else {
        int left = indexOf(serverOrder, serverOnly.get(i), mergeKey);
        int right = indexOf(serverOrder, patchItems.get(j), mergeKey);
        // A server-only element goes first only if the server had it before this patch element.
        if (left >= 0 && right >= 0 && left < right) {
          result.add(serverOnly.get(i++));
        } else {
          result.add(patchItems.get(j++));
        }
      }
    }
    return result;
  }

  /**
   * The server order that upstream's {@code $setElementOrder} handling actually compares against.
   * It means to use the stored list, but Go's in-place {@code append} in the preceding merge has by
   * then shifted deleted elements out of that list's backing array and written new elements into
   * the freed slots, until the array was full. Upstream's own test cases depend on this (a
   * server-only element stays ahead of elements that took the place of a deleted one), so it is
   * reproduced here, for a list whose capacity is its length, as after decoding.
   */
  static ArrayNode aliasedServerOrder(ArrayNode stored, ArrayNode patch, String mergeKey) {
    var backing = new ArrayList<JsonNode>();
    stored.forEach(backing::add);
    int length = backing.size();
    boolean replace = false;
    for (JsonNode item : patch) {
      String directive = Json.text(item.get("$patch"));
      if (directive.equals("replace")) {
        replace = true;
      } else if (directive.equals("delete") && item.has(mergeKey)) {
        for (int at = find(backing, length, item, mergeKey);
            at >= 0;
            at = find(backing, length, item, mergeKey)) {
          // append(s[:at], s[at+1:]...) shifts the tail left; the last slot keeps its old value.
          for (int i = at; i < length - 1; i++) {
            backing.set(i, backing.get(i + 1));
          }
          length--;
        }
      }
    }
    if (!replace) {
      // With $patch: replace upstream appends to a new slice, so only deletions touch the array.
      for (JsonNode item : patch) {
        if (item.has("$patch") || find(backing, length, item, mergeKey) >= 0) {
          continue;
        }
        if (length == backing.size()) {
          break; // append reallocates: later elements no longer land in the stored list
        }
        backing.set(length++, item);
      }
    }
    ArrayNode order = Json.MAPPER.createArrayNode();
    backing.forEach(order::add);
    return order;
  }

  private static int find(List<JsonNode> list, int length, JsonNode item, String mergeKey) {
    for (int i = 0; i < length; i++) {
      if (sameKey(list.get(i), item, mergeKey)) {
        return i;
      }
    }
    return -1;
  }

  /** Stable sort by position in {@code order}; left alone if some element is not in it. */
  private static void sortBy(List<JsonNode> items, ArrayNode order, String mergeKey) {
    for (JsonNode item : items) {
      if (indexOf(order, item, mergeKey) < 0) {
        return;
      }
    }
    items.sort(Comparator.comparingInt(item -> indexOf(order, item, mergeKey)));
  }

  /** Position of {@code item} in {@code list}, by merge key for maps, by value for scalars. */
  static int indexOf(ArrayNode list, JsonNode item, String mergeKey) {
    for (int i = 0; i < list.size(); i++) {
      if (sameKey(list.get(i), item, mergeKey)) {
        return i;
      }
    }
    return -1;
  }

  static boolean sameKey(JsonNode a, JsonNode b, String mergeKey) {
    if (mergeKey == null) {
      return Json.same(a, b);
    }
    JsonNode left = a.get(mergeKey);
    JsonNode right = b.get(mergeKey);
    return left != null && right != null && Json.same(left, right);
  }
}
