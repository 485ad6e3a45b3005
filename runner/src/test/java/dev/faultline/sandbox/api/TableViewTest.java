package dev.faultline.sandbox.api;

import static dev.faultline.sandbox.api.Trees.cells;
import static dev.faultline.sandbox.api.Trees.columns;
import static dev.faultline.sandbox.api.Trees.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The Table envelope: metadata, column definitions, rows and what each row's object is. */
class TableViewTest {
  private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

  private static final String POD_LIST =
      """
      {"kind": "PodList", "apiVersion": "v1",
       "metadata": {"resourceVersion": "4711", "continue": "next-page", "remainingItemCount": 3},
       "items": [
         {"metadata": {"name": "a", "namespace": "shop", "uid": "u-a", "labels": {"app": "web"},
                       "creationTimestamp": "2025-06-01T11:00:00Z"},
          "spec": {"containers": [{"name": "c"}]}, "status": {"phase": "Pending"}},
         {"metadata": {"name": "b", "namespace": "shop", "uid": "u-b",
                       "creationTimestamp": "2025-05-30T12:00:00Z"},
          "spec": {"containers": [{"name": "c"}]}, "status": {"phase": "Running"}}]}
      """;

  @Test
  void listBecomesOneRowPerItemWithTheListsPagingMetadata() {
    var table = TableView.toTable("pods", json(POD_LIST), IncludeObject.METADATA, NOW);

    assertThat(table.get("kind").stringValue()).isEqualTo("Table");
    assertThat(table.get("apiVersion").stringValue()).isEqualTo("meta.k8s.io/v1");
    assertThat(table.get("metadata").toString())
        .isEqualTo(
            "{\"resourceVersion\":\"4711\",\"continue\":\"next-page\",\"remainingItemCount\":3}");
    assertThat(table.get("rows")).hasSize(2);
    assertThat(cells(table, 0).subList(0, 5)).containsExactly("a", "0/1", "Pending", "0", "60m");
    assertThat(cells(table, 1).subList(0, 5)).containsExactly("b", "0/1", "Running", "0", "2d");
  }

  @Test
  void columnDefinitionsCarryEveryFieldTheApiserverSends() {
    var table = TableView.toTable("pods", json(POD_LIST), IncludeObject.NONE, NOW);
    JsonNode name = table.get("columnDefinitions").get(0);
    assertThat(name.propertyNames())
        .containsExactly("name", "type", "format", "description", "priority");
    assertThat(name.get("description").stringValue())
        .startsWith("Name must be unique within a namespace.");
    JsonNode ip = table.get("columnDefinitions").get(5);
    assertThat(ip.get("format").stringValue()).isEmpty();
    assertThat(ip.get("priority").intValue()).isEqualTo(1);
  }

  @Test
  void metadataRowsCarryPartialObjectMetadata() {
    var table = TableView.toTable("pods", json(POD_LIST), IncludeObject.METADATA, NOW);
    JsonNode object = table.get("rows").get(0).get("object");
    assertThat(object.get("kind").stringValue()).isEqualTo("PartialObjectMetadata");
    assertThat(object.get("apiVersion").stringValue()).isEqualTo("meta.k8s.io/v1");
    assertThat(object.get("metadata").get("labels").get("app").stringValue()).isEqualTo("web");
    assertThat(object.get("metadata").get("namespace").stringValue()).isEqualTo("shop");
    assertThat(object.has("spec")).isFalse();
  }

  @Test
  void objectRowsCarryTheWholeObjectWithKindAndApiVersionFromTheList() {
    var table = TableView.toTable("pods", json(POD_LIST), IncludeObject.OBJECT, NOW);
    JsonNode object = table.get("rows").get(1).get("object");
    assertThat(object.get("kind").stringValue()).isEqualTo("Pod");
    assertThat(object.get("apiVersion").stringValue()).isEqualTo("v1");
    assertThat(object.get("status").get("phase").stringValue()).isEqualTo("Running");
  }

  @Test
  void noneLeavesTheObjectOut() {
    var table = TableView.toTable("pods", json(POD_LIST), IncludeObject.NONE, NOW);
    assertThat(table.get("rows").get(0).has("object")).isFalse();
  }

  @Test
  void theTableDoesNotShareNodesWithTheInput() {
    var list = json(POD_LIST);
    var table = TableView.toTable("pods", list, IncludeObject.OBJECT, NOW);
    ((tools.jackson.databind.node.ObjectNode)
            table.get("rows").get(0).get("object").get("metadata"))
        .put("name", "changed");
    assertThat(list.get("items").get(0).get("metadata").get("name").stringValue()).isEqualTo("a");
  }

  @Test
  void singleObjectIsOneRowWithItsResourceVersion() {
    var pod =
        json(
            """
            {"kind": "Pod", "apiVersion": "v1",
             "metadata": {"name": "solo", "resourceVersion": "12", "creationTimestamp": "2025-06-01T11:59:30Z"},
             "spec": {"containers": [{"name": "c"}]}, "status": {"phase": "Running"}}
            """);
    var table = TableView.toTable("pods", pod, IncludeObject.METADATA, NOW);
    assertThat(table.get("metadata").toString()).isEqualTo("{\"resourceVersion\":\"12\"}");
    assertThat(cells(table)).startsWith("solo", "0/1", "Running", "0", "30s");
  }

  @Test
  void emptyListHasColumnsAndNoRows() {
    var list =
        json("{\"kind\": \"PodList\", \"apiVersion\": \"v1\", \"metadata\": {}, \"items\": []}");
    var table = TableView.toTable("pods", list, IncludeObject.METADATA, NOW);
    assertThat(table.get("rows").isArray()).isTrue();
    assertThat(table.get("rows")).isEmpty();
    assertThat(table.get("columnDefinitions")).hasSize(9);
    assertThat(table.get("metadata").isEmpty()).isTrue();
  }

  @Test
  void customResourcesGetNameAndAgeAsADateColumn() {
    var list =
        json(
            """
            {"kind": "ExperimentList", "apiVersion": "chaos.faultline.dev/v1",
             "metadata": {"resourceVersion": "9"},
             "items": [{"metadata": {"name": "x", "creationTimestamp": "2025-06-01T09:00:00Z"}},
                       {"metadata": {"name": "y"}}]}
            """);
    var table = TableView.toTable("experiments", list, IncludeObject.METADATA, NOW);
    assertThat(columns(table)).containsExactly("Name", "Age");
    assertThat(table.get("columnDefinitions").get(1).get("type").stringValue()).isEqualTo("date");
    assertThat(cells(table, 0)).containsExactly("x", "3h");
    assertThat(cells(table, 1)).containsExactly("y", null);
  }

  @Test
  void aCustomResourceNamedLikeABuiltInOneIsNotPrintedAsTheBuiltIn() {
    var knative =
        json(
            """
            {"kind": "Service", "apiVersion": "serving.knative.dev/v1",
             "metadata": {"name": "hello", "creationTimestamp": "2025-06-01T11:00:00Z"},
             "spec": {"template": {}}}
            """);
    var table = TableView.toTable("services", knative, IncludeObject.NONE, NOW);
    assertThat(columns(table)).containsExactly("Name", "Age");
  }

  @Test
  void builtInResourcesWithoutAPrinterGetCreatedAt() {
    var role =
        json(
            """
            {"kind": "ClusterRole", "apiVersion": "rbac.authorization.k8s.io/v1",
             "metadata": {"name": "view", "creationTimestamp": "2025-01-02T03:04:05Z"}}
            """);
    var table = TableView.toTable("clusterroles", role, IncludeObject.NONE, NOW);
    assertThat(columns(table)).containsExactly("Name", "Created At");
    assertThat(cells(table)).containsExactly("view", "2025-01-02T03:04:05Z");
  }

  @Test
  void includeObjectQueryValues() {
    assertThat(IncludeObject.fromQuery(null)).isEqualTo(IncludeObject.METADATA);
    assertThat(IncludeObject.fromQuery("")).isEqualTo(IncludeObject.METADATA);
    assertThat(IncludeObject.fromQuery("Object")).isEqualTo(IncludeObject.OBJECT);
    assertThat(IncludeObject.fromQuery("None")).isEqualTo(IncludeObject.NONE);
    assertThatThrownBy(() -> IncludeObject.fromQuery("object"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unrecognized includeObject value: \"object\"");
  }
}
