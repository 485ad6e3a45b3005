package dev.faultline.sandbox.api;

import java.time.Instant;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The server-side {@code Table} that kube-apiserver returns when a client such as {@code kubectl
 * get} sends {@code Accept: application/json;as=Table;v=v1;g=meta.k8s.io,...}: column definitions
 * and one row of cells per object, so kubectl shows the same columns as against a real cluster.
 *
 * <p>Built-in printers exist for pods, services, nodes, namespaces, configmaps, secrets, endpoints,
 * events, deployments, replicasets, statefulsets, daemonsets and poddisruptionbudgets, following
 * {@code pkg/printers/internalversion} of Kubernetes. Roles, cluster roles, CRDs and limit ranges
 * get the apiserver's default table (Name, Created At); every other resource gets what a custom
 * resource without printer columns gets (Name, Age). Column descriptions that upstream takes from
 * the API's Go doc comments are abridged; kubectl never shows them.
 */
public final class TableView {
  private TableView() {}

  /**
   * Renders a list or a single object as a {@code meta.k8s.io/v1} Table.
   *
   * @param resource the plural, lower-case resource name from the URL, such as {@code pods}
   * @param listOrObject a {@code ...List} with {@code items}, or one object
   * @param include what each row carries besides its cells; {@link IncludeObject#NONE} leaves the
   *     row's {@code object} out
   * @param now the server's clock, for the Age columns
   */
  public static ObjectNode toTable(
      String resource, JsonNode listOrObject, IncludeObject include, Instant now) {
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(listOrObject, "listOrObject");
    Objects.requireNonNull(include, "include");
    Objects.requireNonNull(now, "now");
    boolean list = listOrObject.path("items").isArray();
    Printer printer = Printers.forResource(resource, BuiltInGroups.groupOf(listOrObject));

    ObjectNode table = Json.MAPPER.createObjectNode();
    table.put("kind", "Table");
    table.put("apiVersion", "meta.k8s.io/v1");
    table.set("metadata", tableMetadata(listOrObject, list));
    ArrayNode columns = table.putArray("columnDefinitions");
    printer.columns().forEach(column -> columns.add(column.toJson()));
    ArrayNode rows = table.putArray("rows");
    if (list) {
      for (JsonNode item : listOrObject.get("items")) {
        rows.add(row(printer, withTypeMeta(item, listOrObject), include, now));
      }
    } else {
      rows.add(row(printer, listOrObject, include, now));
    }
    return table;
  }

  /** A list's resourceVersion and paging fields; a single object's resourceVersion. */
  private static ObjectNode tableMetadata(JsonNode listOrObject, boolean list) {
    ObjectNode metadata = Json.MAPPER.createObjectNode();
    JsonNode source = listOrObject.path("metadata");
    copyIfPresent(source, metadata, "resourceVersion");
    if (list) {
      copyIfPresent(source, metadata, "continue");
      copyIfPresent(source, metadata, "remainingItemCount");
    }
    return metadata;
  }

  private static void copyIfPresent(JsonNode from, ObjectNode to, String field) {
    JsonNode value = from.get(field);
    if (value != null && !value.isNull() && !(value.isString() && value.stringValue().isEmpty())) {
      to.set(field, value.deepCopy());
    }
  }

  private static ObjectNode row(
      Printer printer, JsonNode object, IncludeObject include, Instant now) {
    var row = new Row();
    printer.print(object, now, row);
    ObjectNode json = Json.MAPPER.createObjectNode();
    json.set("cells", row.cells);
    if (row.conditions != null) {
      json.set("conditions", row.conditions);
    }
    switch (include) {
      case NONE -> {}
      case METADATA -> json.set("object", partialMetadata(object));
      case OBJECT -> json.set("object", object.deepCopy());
    }
    return json;
  }

  private static ObjectNode partialMetadata(JsonNode object) {
    ObjectNode partial = Json.MAPPER.createObjectNode();
    partial.put("kind", "PartialObjectMetadata");
    partial.put("apiVersion", "meta.k8s.io/v1");
    JsonNode metadata = object.path("metadata");
    partial.set(
        "metadata", metadata.isObject() ? metadata.deepCopy() : Json.MAPPER.createObjectNode());
    return partial;
  }

  /**
   * Items of a list usually leave out kind and apiVersion; the apiserver encodes each row's object
   * as a whole object, so they are filled in from the list ({@code PodList} holds {@code Pod}s).
   */
  private static JsonNode withTypeMeta(JsonNode item, JsonNode list) {
    if (!item.isObject() || (item.has("kind") && item.has("apiVersion"))) {
      return item;
    }
    ObjectNode copy = Json.MAPPER.createObjectNode();
    String listKind = Json.text(list.path("kind"));
    if (!item.has("kind") && listKind.endsWith("List") && listKind.length() > 4) {
      copy.put("kind", listKind.substring(0, listKind.length() - 4));
    }
    if (!item.has("apiVersion") && list.path("apiVersion").isString()) {
      copy.set("apiVersion", list.get("apiVersion").deepCopy());
    }
    copy.setAll((ObjectNode) item);
    return copy;
  }
}
