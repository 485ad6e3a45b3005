package dev.faultline.sandbox.api;

import static dev.faultline.sandbox.api.Trees.cells;
import static dev.faultline.sandbox.api.Trees.columns;
import static dev.faultline.sandbox.api.Trees.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Services (types, IPs, ports) and nodes (status, roles, wide node info). */
class TableViewServiceNodeTest {
  private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

  private static JsonNode service(String spec, String status) {
    return TableView.toTable(
        "services",
        json(
            """
            {"apiVersion": "v1", "kind": "Service",
             "metadata": {"name": "web", "creationTimestamp": "2025-06-01T11:00:00Z"},
             "spec": %s, "status": %s}
            """
                .formatted(spec, status)),
        IncludeObject.NONE,
        NOW);
  }

  @Test
  void clusterIpServiceWithTwoPorts() {
    var table =
        service(
            """
            {"type": "ClusterIP", "clusterIP": "10.96.0.10", "clusterIPs": ["10.96.0.10"],
             "selector": {"app": "web"},
             "ports": [{"port": 80, "protocol": "TCP"}, {"port": 443, "protocol": "TCP"}]}
            """,
            "{}");
    assertThat(columns(table))
        .containsExactly(
            "Name", "Type", "Cluster-IP", "External-IP", "Port(s)", "Age", "Selector (wide)");
    assertThat(cells(table))
        .containsExactly(
            "web", "ClusterIP", "10.96.0.10", "<none>", "80/TCP,443/TCP", "60m", "app=web");
  }

  @Test
  void nodePortShowsBothPortsAndDefaultsTheProtocol() {
    var table =
        service(
            """
            {"type": "NodePort", "clusterIP": "10.96.0.11",
             "ports": [{"port": 80, "nodePort": 30080}, {"port": 53, "protocol": "UDP"}]}
            """,
            "{}");
    assertThat(cells(table).subList(1, 5))
        .containsExactly("NodePort", "10.96.0.11", "<none>", "80:30080/TCP,53/UDP");
  }

  @Test
  void loadBalancerIsPendingUntilItHasAnIngressThenListsIpsAndExternalIps() {
    var pending = service("{\"type\": \"LoadBalancer\", \"ports\": []}", "{}");
    var ready =
        service(
            "{\"type\": \"LoadBalancer\", \"externalIPs\": [\"192.0.2.1\"], \"ports\": []}",
            "{\"loadBalancer\": {\"ingress\": [{\"ip\": \"203.0.113.9\"}, {\"hostname\": \"lb.example.com\"}]}}");
    assertThat(cells(pending).subList(2, 5)).containsExactly("<none>", "<pending>", "<none>");
    assertThat(cells(ready).get(3)).isEqualTo("203.0.113.9,lb.example.com,192.0.2.1");
  }

  @Test
  void headlessAndExternalNameServices() {
    var headless = service("{\"clusterIP\": \"None\", \"selector\": {}}", "{}");
    var external =
        service("{\"type\": \"ExternalName\", \"externalName\": \"db.example.com\"}", "{}");
    assertThat(cells(headless).subList(1, 5))
        .containsExactly("ClusterIP", "None", "<none>", "<none>");
    assertThat(cells(headless).get(6)).isEqualTo("<none>");
    assertThat(cells(external).subList(1, 4))
        .containsExactly("ExternalName", "<none>", "db.example.com");
  }

  private static JsonNode node(String labels, String spec, String status) {
    return TableView.toTable(
        "nodes",
        json(
            """
            {"apiVersion": "v1", "kind": "Node",
             "metadata": {"name": "node-a", "labels": %s, "creationTimestamp": "2025-05-01T12:00:00Z"},
             "spec": %s, "status": %s}
            """
                .formatted(labels, spec, status)),
        IncludeObject.NONE,
        NOW);
  }

  private static final String READY_STATUS =
      """
      {"conditions": [{"type": "MemoryPressure", "status": "False"}, {"type": "Ready", "status": "True"}],
       "addresses": [{"type": "Hostname", "address": "node-a"}, {"type": "InternalIP", "address": "172.18.0.2"}],
       "nodeInfo": {"kubeletVersion": "v1.35.0", "osImage": "Debian GNU/Linux 12 (bookworm)",
                    "kernelVersion": "6.8.0", "containerRuntimeVersion": "containerd://2.1.0"}}
      """;

  @Test
  void readyControlPlaneNode() {
    var table =
        node(
            "{\"node-role.kubernetes.io/control-plane\": \"\", \"kubernetes.io/hostname\": \"node-a\"}",
            "{}",
            READY_STATUS);
    assertThat(columns(table))
        .containsExactly(
            "Name",
            "Status",
            "Roles",
            "Age",
            "Version",
            "Internal-IP (wide)",
            "External-IP (wide)",
            "OS-Image (wide)",
            "Kernel-Version (wide)",
            "Container-Runtime (wide)");
    assertThat(cells(table))
        .containsExactly(
            "node-a",
            "Ready",
            "control-plane",
            "31d",
            "v1.35.0",
            "172.18.0.2",
            "<none>",
            "Debian GNU/Linux 12 (bookworm)",
            "6.8.0",
            "containerd://2.1.0");
  }

  @Test
  void cordonedNodeIsSchedulingDisabled() {
    var table = node("{}", "{\"unschedulable\": true}", READY_STATUS);
    assertThat(cells(table).subList(1, 3)).containsExactly("Ready,SchedulingDisabled", "<none>");
  }

  @Test
  void notReadyAndUnknownNodes() {
    var notReady =
        node("{}", "{}", "{\"conditions\": [{\"type\": \"Ready\", \"status\": \"Unknown\"}]}");
    var unknown = node("{}", "{\"unschedulable\": true}", "{}");
    assertThat(cells(notReady).get(1)).isEqualTo("NotReady");
    assertThat(cells(unknown).get(1)).isEqualTo("Unknown,SchedulingDisabled");
    assertThat(cells(unknown).subList(7, 10))
        .containsExactly("<unknown>", "<unknown>", "<unknown>");
  }

  @Test
  void rolesComeFromBothLabelConventionsSorted() {
    var table =
        node(
            """
            {"node-role.kubernetes.io/worker": "", "node-role.kubernetes.io/": "",
             "kubernetes.io/role": "ingress", "node-role.kubernetes.io/control-plane": "true"}
            """,
            "{}",
            READY_STATUS);
    assertThat(cells(table).get(2)).isEqualTo("control-plane,ingress,worker");
  }
}
