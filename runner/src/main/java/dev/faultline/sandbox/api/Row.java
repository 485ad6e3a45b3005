package dev.faultline.sandbox.api;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The cells (and row conditions) a {@link Printer} writes for one object. */
final class Row {
  final ArrayNode cells = Json.MAPPER.createArrayNode();
  ArrayNode conditions;

  Row add(String cell) {
    cells.add(cell);
    return this;
  }

  Row add(long cell) {
    cells.add(cell);
    return this;
  }

  Row addNull() {
    cells.addNull();
    return this;
  }

  /** A {@code TableRowCondition}; the apiserver marks finished pods {@code Completed}. */
  void condition(String type, String status, String reason, String message) {
    if (conditions == null) {
      conditions = Json.MAPPER.createArrayNode();
    }
    ObjectNode condition = conditions.addObject();
    condition.put("type", type);
    condition.put("status", status);
    condition.put("reason", reason);
    condition.put("message", message);
  }
}
