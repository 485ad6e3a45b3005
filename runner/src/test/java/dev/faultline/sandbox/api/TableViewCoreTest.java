package dev.faultline.sandbox.api;

import static dev.faultline.sandbox.api.Trees.cells;
import static dev.faultline.sandbox.api.Trees.columns;
import static dev.faultline.sandbox.api.Trees.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Namespaces, configmaps, secrets, endpoints, pod disruption budgets and events. */
class TableViewCoreTest {
  private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

  private static JsonNode table(String resource, String object) {
    return TableView.toTable(resource, json(object), IncludeObject.NONE, NOW);
  }

  @Test
  void namespace() {
    var table =
        table(
            "namespaces",
            """
            {"apiVersion": "v1", "kind": "Namespace",
             "metadata": {"name": "shop", "creationTimestamp": "2025-06-01T11:58:00Z"},
             "status": {"phase": "Terminating"}}
            """);
    assertThat(columns(table)).containsExactly("Name", "Status", "Age");
    assertThat(cells(table)).containsExactly("shop", "Terminating", "2m");
  }

  @Test
  void configMapCountsDataAndBinaryData() {
    var table =
        table(
            "configmaps",
            """
            {"apiVersion": "v1", "kind": "ConfigMap",
             "metadata": {"name": "settings", "creationTimestamp": "2025-06-01T11:00:00Z"},
             "data": {"a": "1", "b": "2"}, "binaryData": {"c": "AA=="}}
            """);
    assertThat(columns(table)).containsExactly("Name", "Data", "Age");
    assertThat(cells(table)).containsExactly("settings", 3L, "60m");
  }

  @Test
  void secretShowsTypeAndKeyCount() {
    var table =
        table(
            "secrets",
            """
            {"apiVersion": "v1", "kind": "Secret",
             "metadata": {"name": "tls", "creationTimestamp": "2025-06-01T11:00:00Z"},
             "type": "kubernetes.io/tls", "data": {"tls.crt": "", "tls.key": ""}}
            """);
    assertThat(columns(table)).containsExactly("Name", "Type", "Data", "Age");
    assertThat(cells(table)).containsExactly("tls", "kubernetes.io/tls", 2L, "60m");
  }

  @Test
  void endpointsListsAtMostThreeThenCountsTheRest() {
    var table =
        table(
            "endpoints",
            """
            {"apiVersion": "v1", "kind": "Endpoints",
             "metadata": {"name": "web", "creationTimestamp": "2025-06-01T11:00:00Z"},
             "subsets": [{"addresses": [{"ip": "10.0.0.1"}, {"ip": "10.0.0.2"}, {"ip": "fd00::3"}],
                          "ports": [{"port": 8080}, {"port": 9090}]}]}
            """);
    assertThat(cells(table))
        .containsExactly("web", "10.0.0.1:8080,10.0.0.2:8080,[fd00::3]:8080 + 3 more...", "60m");
  }

  @Test
  void endpointsWithoutSubsetsOrPorts() {
    var none =
        table(
            "endpoints",
            "{\"apiVersion\": \"v1\", \"kind\": \"Endpoints\", \"metadata\": {\"name\": \"x\"}}");
    var headless =
        table(
            "endpoints",
            """
            {"apiVersion": "v1", "kind": "Endpoints", "metadata": {"name": "h"},
             "subsets": [{"addresses": [{"ip": "10.0.0.1"}, {"ip": "10.0.0.2"}]}]}
            """);
    assertThat(cells(none).get(1)).isEqualTo("<none>");
    assertThat(cells(headless).get(1)).isEqualTo("10.0.0.1,10.0.0.2");
  }

  @Test
  void podDisruptionBudget() {
    var table =
        table(
            "poddisruptionbudgets",
            """
            {"apiVersion": "policy/v1", "kind": "PodDisruptionBudget",
             "metadata": {"name": "web", "creationTimestamp": "2025-06-01T11:00:00Z"},
             "spec": {"minAvailable": "50%"},
             "status": {"disruptionsAllowed": 1}}
            """);
    assertThat(columns(table))
        .containsExactly("Name", "Min Available", "Max Unavailable", "Allowed Disruptions", "Age");
    assertThat(cells(table)).containsExactly("web", "50%", "N/A", 1L, "60m");
  }

  @Test
  void coreEvent() {
    var table =
        table(
            "events",
            """
            {"apiVersion": "v1", "kind": "Event",
             "metadata": {"name": "web-1.17f3", "creationTimestamp": "2025-06-01T11:50:00Z"},
             "involvedObject": {"kind": "Pod", "name": "web-1", "fieldPath": "spec.containers{app}"},
             "type": "Warning", "reason": "BackOff", "message": "Back-off restarting failed container\\n",
             "source": {"component": "kubelet", "host": "node-a"},
             "firstTimestamp": "2025-06-01T11:50:00Z", "lastTimestamp": "2025-06-01T11:59:00Z", "count": 7}
            """);
    assertThat(columns(table))
        .containsExactly(
            "Last Seen",
            "Type",
            "Reason",
            "Object",
            "Subobject (wide)",
            "Source (wide)",
            "Message",
            "First Seen (wide)",
            "Count (wide)",
            "Name (wide)");
    assertThat(cells(table))
        .containsExactly(
            "60s",
            "Warning",
            "BackOff",
            "pod/web-1",
            "spec.containers{app}",
            "kubelet, node-a",
            "Back-off restarting failed container",
            "10m",
            7L,
            "web-1.17f3");
  }

  @Test
  void newStyleEventsUseEventTimeSeriesAndReportingFields() {
    var core =
        table(
            "events",
            """
            {"apiVersion": "v1", "kind": "Event", "metadata": {"name": "e"},
             "involvedObject": {"kind": "Node"}, "type": "Normal", "reason": "Cordon", "message": "",
             "eventTime": "2025-06-01T11:59:50.123456Z",
             "reportingComponent": "faultline", "reportingInstance": "sandbox"}
            """);
    var eventsApi =
        table(
            "events",
            """
            {"apiVersion": "events.k8s.io/v1", "kind": "Event", "metadata": {"name": "e2"},
             "regarding": {"kind": "Deployment", "name": "web"}, "type": "Normal",
             "reason": "ScalingReplicaSet", "note": "Scaled up to 3",
             "eventTime": "2025-06-01T11:00:00.000000Z",
             "series": {"count": 4, "lastObservedTime": "2025-06-01T11:57:00.000000Z"},
             "reportingController": "deployment-controller"}
            """);
    // 9.88s ago shows as 9s: ages truncate, they never round.
    assertThat(cells(core))
        .containsExactly(
            "9s", "Normal", "Cordon", "node", "", "faultline, sandbox", "", "9s", 1L, "e");
    assertThat(cells(eventsApi))
        .containsExactly(
            "3m",
            "Normal",
            "ScalingReplicaSet",
            "deployment/web",
            "",
            "deployment-controller",
            "Scaled up to 3",
            "60m",
            4L,
            "e2");
  }
}
