package dev.faultline.sandbox.api;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Test helpers: JSON from text blocks, and cells of a Table as plain Java values. */
final class Trees {
  private Trees() {}

  static ObjectNode json(String text) {
    return (ObjectNode) Json.MAPPER.readTree(text);
  }

  /** Strings stay strings, integers become {@code Long}, JSON null becomes null. */
  static List<Object> cells(JsonNode table, int row) {
    var cells = new ArrayList<Object>();
    for (JsonNode cell : table.get("rows").get(row).get("cells")) {
      if (cell.isNull()) {
        cells.add(null);
      } else if (cell.isIntegralNumber()) {
        cells.add(cell.longValue());
      } else {
        cells.add(cell.stringValue());
      }
    }
    return cells;
  }

  static List<Object> cells(JsonNode table) {
    return cells(table, 0);
  }

  /** Column names, with {@code (wide)} after those of priority 1. */
  static List<String> columns(JsonNode table) {
    var names = new ArrayList<String>();
    for (JsonNode column : table.get("columnDefinitions")) {
      String name = column.get("name").stringValue();
      names.add(column.get("priority").intValue() == 1 ? name + " (wide)" : name);
    }
    return names;
  }
}
