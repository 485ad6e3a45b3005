package dev.faultline.sandbox.api;

import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The columns of one resource and how to fill them from one object. Printers always write the wide
 * cells too, as kube-apiserver does: kubectl drops priority-1 columns unless asked for {@code -o
 * wide}.
 */
interface Printer {
  List<Column> columns();

  void print(JsonNode object, Instant now, Row row);

  /** How a simple printer fills one row. */
  @FunctionalInterface
  interface Cells {
    void print(JsonNode object, Instant now, Row row);
  }

  static Printer of(List<Column> columns, Cells cells) {
    record Simple(List<Column> columns, Cells cells) implements Printer {
      @Override
      public void print(JsonNode object, Instant now, Row row) {
        cells.print(object, now, row);
      }
    }
    return new Simple(List.copyOf(columns), cells);
  }

  static String name(JsonNode object) {
    return Json.text(object.path("metadata").path("name"));
  }

  static String age(JsonNode object, Instant now) {
    return HumanDuration.since(Json.time(object.path("metadata").path("creationTimestamp")), now);
  }
}
