package dev.faultline.sandbox.api;

import static dev.faultline.sandbox.api.Trees.cells;
import static dev.faultline.sandbox.api.Trees.columns;
import static dev.faultline.sandbox.api.Trees.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Deployments, ReplicaSets, StatefulSets and DaemonSets. */
class TableViewWorkloadTest {
  private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

  private static final String TEMPLATE =
      """
      "selector": {"matchLabels": {"app": "web"}},
      "template": {"metadata": {"labels": {"app": "web"}},
                   "spec": {"nodeSelector": {"disk": "ssd"},
                            "containers": [{"name": "app", "image": "nginx:1.27"},
                                           {"name": "log", "image": "fluent-bit:3"}]}}
      """;

  @Test
  void deployment() {
    var deployment =
        json(
            """
            {"apiVersion": "apps/v1", "kind": "Deployment",
             "metadata": {"name": "web", "creationTimestamp": "2025-05-31T12:00:00Z"},
             "spec": {"replicas": 3, %s},
             "status": {"replicas": 3, "readyReplicas": 2, "updatedReplicas": 3, "availableReplicas": 2}}
            """
                .formatted(TEMPLATE));
    var table = TableView.toTable("deployments", deployment, IncludeObject.NONE, NOW);
    assertThat(columns(table))
        .containsExactly(
            "Name",
            "Ready",
            "Up-to-date",
            "Available",
            "Age",
            "Containers (wide)",
            "Images (wide)",
            "Selector (wide)");
    assertThat(cells(table))
        .containsExactly(
            "web", "2/3", 3L, 2L, "24h", "app,log", "nginx:1.27,fluent-bit:3", "app=web");
  }

  @Test
  void deploymentWithoutReplicasOrStatusDefaultsToOneDesired() {
    var deployment =
        json(
            """
            {"apiVersion": "apps/v1", "kind": "Deployment",
             "metadata": {"name": "fresh", "creationTimestamp": "2025-06-01T11:59:50Z"},
             "spec": {%s}}
            """
                .formatted(TEMPLATE));
    var table = TableView.toTable("deployments", deployment, IncludeObject.NONE, NOW);
    assertThat(cells(table).subList(0, 5)).containsExactly("fresh", "0/1", 0L, 0L, "10s");
  }

  @Test
  void replicaSetUsesIntegerCountsAndFormatsItsSelector() {
    var replicaSet =
        json(
            """
            {"apiVersion": "apps/v1", "kind": "ReplicaSet",
             "metadata": {"name": "web-5d4f", "creationTimestamp": "2025-06-01T11:00:00Z"},
             "spec": {"replicas": 2, %s},
             "status": {"replicas": 2, "readyReplicas": 1}}
            """
                .formatted(TEMPLATE));
    var table = TableView.toTable("replicasets", replicaSet, IncludeObject.NONE, NOW);
    assertThat(columns(table))
        .containsExactly(
            "Name",
            "Desired",
            "Current",
            "Ready",
            "Age",
            "Containers (wide)",
            "Images (wide)",
            "Selector (wide)");
    assertThat(table.get("columnDefinitions").get(1).get("type").stringValue())
        .isEqualTo("integer");
    assertThat(cells(table))
        .containsExactly(
            "web-5d4f", 2L, 2L, 1L, "60m", "app,log", "nginx:1.27,fluent-bit:3", "app=web");
  }

  @Test
  void statefulSet() {
    var statefulSet =
        json(
            """
            {"apiVersion": "apps/v1", "kind": "StatefulSet",
             "metadata": {"name": "db", "creationTimestamp": "2025-06-01T08:30:00Z"},
             "spec": {"replicas": 3, %s},
             "status": {"readyReplicas": 3}}
            """
                .formatted(TEMPLATE));
    var table = TableView.toTable("statefulsets", statefulSet, IncludeObject.NONE, NOW);
    assertThat(columns(table))
        .containsExactly("Name", "Ready", "Age", "Containers (wide)", "Images (wide)");
    assertThat(cells(table))
        .containsExactly("db", "3/3", "3h30m", "app,log", "nginx:1.27,fluent-bit:3");
  }

  @Test
  void daemonSet() {
    var daemonSet =
        json(
            """
            {"apiVersion": "apps/v1", "kind": "DaemonSet",
             "metadata": {"name": "agent", "creationTimestamp": "2025-05-20T12:00:00Z"},
             "spec": {%s},
             "status": {"desiredNumberScheduled": 3, "currentNumberScheduled": 3, "numberReady": 2,
                        "updatedNumberScheduled": 3, "numberAvailable": 2}}
            """
                .formatted(TEMPLATE));
    var table = TableView.toTable("daemonsets", daemonSet, IncludeObject.NONE, NOW);
    assertThat(columns(table))
        .containsExactly(
            "Name",
            "Desired",
            "Current",
            "Ready",
            "Up-to-date",
            "Available",
            "Node Selector",
            "Age",
            "Containers (wide)",
            "Images (wide)",
            "Selector (wide)");
    assertThat(cells(table))
        .containsExactly(
            "agent",
            3L,
            3L,
            2L,
            3L,
            2L,
            "disk=ssd",
            "12d",
            "app,log",
            "nginx:1.27,fluent-bit:3",
            "app=web");
  }
}
