package dev.faultline.sandbox.api;

import static dev.faultline.sandbox.api.Trees.cells;
import static dev.faultline.sandbox.api.Trees.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The pod columns, and above all the STATUS reasoning of kubectl's pod printer. */
class TableViewPodTest {
  private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

  private static JsonNode table(ObjectNode pod) {
    return TableView.toTable("pods", pod, IncludeObject.NONE, NOW);
  }

  private static ObjectNode pod(String spec, String status) {
    return json(
        """
        {"apiVersion": "v1", "kind": "Pod",
         "metadata": {"name": "web-1", "namespace": "shop", "creationTimestamp": "2025-06-01T11:55:00Z"},
         "spec": %s,
         "status": %s}
        """
            .formatted(spec, status));
  }

  private static final String TWO_CONTAINERS =
      """
      {"nodeName": "node-a", "containers": [{"name": "app", "image": "nginx"}, {"name": "log", "image": "fluent"}]}
      """;

  @Test
  void columnsMatchKubectlGetPodsWithWideOnesAtPriorityOne() {
    var table = table(pod(TWO_CONTAINERS, "{}"));
    assertThat(Trees.columns(table))
        .containsExactly(
            "Name",
            "Ready",
            "Status",
            "Restarts",
            "Age",
            "IP (wide)",
            "Node (wide)",
            "Nominated Node (wide)",
            "Readiness Gates (wide)");
    // Restarts is a string column since it became "3 (2m ago)".
    assertThat(table.get("columnDefinitions").get(3).get("type").stringValue()).isEqualTo("string");
    assertThat(table.get("columnDefinitions").get(0).get("format").stringValue()).isEqualTo("name");
  }

  @Test
  void runningPodWithOneReadyContainerOfTwo() {
    var pod =
        pod(
            TWO_CONTAINERS,
            """
            {"phase": "Running", "podIP": "10.0.0.7",
             "conditions": [{"type": "Ready", "status": "False"}],
             "containerStatuses": [
               {"name": "app", "ready": true, "restartCount": 0, "state": {"running": {}}},
               {"name": "log", "ready": false, "restartCount": 0, "state": {"running": {}}}]}
            """);
    assertThat(cells(table(pod)))
        .containsExactly(
            "web-1", "1/2", "Running", "0", "5m", "10.0.0.7", "node-a", "<none>", "<none>");
  }

  @Test
  void crashLoopShowsWaitingReasonAndRestartsWithTimeOfLastRestart() {
    var pod =
        pod(
            TWO_CONTAINERS,
            """
            {"phase": "Running",
             "containerStatuses": [
               {"name": "app", "ready": false, "restartCount": 3,
                "state": {"waiting": {"reason": "CrashLoopBackOff"}},
                "lastState": {"terminated": {"exitCode": 1, "finishedAt": "2025-06-01T11:58:00Z"}}},
               {"name": "log", "ready": true, "restartCount": 1, "state": {"running": {}},
                "lastState": {"terminated": {"exitCode": 1, "finishedAt": "2025-06-01T11:50:00Z"}}}]}
            """);
    assertThat(cells(table(pod)).subList(1, 4))
        .containsExactly("1/2", "CrashLoopBackOff", "4 (2m ago)");
  }

  @Test
  void restartsWithoutATerminationTimeAreJustTheNumber() {
    var pod =
        pod(
            TWO_CONTAINERS,
            """
            {"phase": "Running", "containerStatuses": [
               {"name": "app", "ready": true, "restartCount": 2, "state": {"running": {}}}]}
            """);
    assertThat(cells(table(pod)).get(3)).isEqualTo("2");
  }

  @Test
  void firstContainerReasonWinsBecauseStatusesAreReadFromLastToFirst() {
    var pod =
        pod(
            TWO_CONTAINERS,
            """
            {"phase": "Pending", "containerStatuses": [
               {"name": "app", "state": {"waiting": {"reason": "ImagePullBackOff"}}},
               {"name": "log", "state": {"waiting": {"reason": "ContainerCreating"}}}]}
            """);
    assertThat(cells(table(pod)).get(2)).isEqualTo("ImagePullBackOff");
  }

  @Test
  void succeededPodIsCompletedAndCarriesTheRowCondition() {
    var pod =
        pod(
            TWO_CONTAINERS,
            """
            {"phase": "Succeeded", "containerStatuses": [
               {"name": "app", "state": {"terminated": {"exitCode": 0, "reason": "Completed"}}},
               {"name": "log", "state": {"terminated": {"exitCode": 0, "reason": "Completed"}}}]}
            """);
    var table = table(pod);
    assertThat(cells(table).subList(1, 3)).containsExactly("0/2", "Completed");
    JsonNode condition = table.get("rows").get(0).get("conditions").get(0);
    assertThat(condition.get("type").stringValue()).isEqualTo("Completed");
    assertThat(condition.get("reason").stringValue()).isEqualTo("Succeeded");
  }

  @Test
  void completedFirstContainerWithAnotherRunningIsRunningOrNotReady() {
    String statuses =
        """
        [{"name": "app", "state": {"terminated": {"exitCode": 0, "reason": "Completed"}}},
         {"name": "log", "ready": true, "state": {"running": {}}}]
        """;
    var ready =
        pod(
            TWO_CONTAINERS,
            "{\"phase\": \"Running\", \"conditions\": [{\"type\": \"Ready\", \"status\": \"True\"}],"
                + " \"containerStatuses\": "
                + statuses
                + "}");
    var notReady =
        pod(TWO_CONTAINERS, "{\"phase\": \"Running\", \"containerStatuses\": " + statuses + "}");
    assertThat(cells(table(ready)).get(2)).isEqualTo("Running");
    assertThat(cells(table(notReady)).get(2)).isEqualTo("NotReady");
  }

  @Test
  void terminatedWithoutReasonShowsExitCodeOrSignal() {
    var exit =
        pod(
            TWO_CONTAINERS,
            "{\"phase\": \"Failed\", \"containerStatuses\": [{\"name\": \"app\","
                + " \"state\": {\"terminated\": {\"exitCode\": 137}}}]}");
    var signal =
        pod(
            TWO_CONTAINERS,
            "{\"phase\": \"Failed\", \"containerStatuses\": [{\"name\": \"app\","
                + " \"state\": {\"terminated\": {\"exitCode\": 0, \"signal\": 9}}}]}");
    assertThat(cells(table(exit)).get(2)).isEqualTo("ExitCode:137");
    assertThat(cells(table(signal)).get(2)).isEqualTo("Signal:9");
  }

  @Test
  void deletionTimestampMakesARunningPodTerminatingButNotAFinishedOne() {
    var running = pod(TWO_CONTAINERS, "{\"phase\": \"Running\"}");
    ((ObjectNode) running.get("metadata")).put("deletionTimestamp", "2025-06-01T11:59:00Z");
    var finished = pod(TWO_CONTAINERS, "{\"phase\": \"Succeeded\"}");
    ((ObjectNode) finished.get("metadata")).put("deletionTimestamp", "2025-06-01T11:59:00Z");
    var lost = pod(TWO_CONTAINERS, "{\"phase\": \"Running\", \"reason\": \"NodeLost\"}");
    ((ObjectNode) lost.get("metadata")).put("deletionTimestamp", "2025-06-01T11:59:00Z");

    assertThat(cells(table(running)).get(2)).isEqualTo("Terminating");
    assertThat(cells(table(finished)).get(2)).isEqualTo("Succeeded");
    assertThat(cells(table(lost)).get(2)).isEqualTo("Unknown");
  }

  @Test
  void podReasonReplacesPhase() {
    var evicted = pod(TWO_CONTAINERS, "{\"phase\": \"Failed\", \"reason\": \"Evicted\"}");
    assertThat(cells(table(evicted)).get(2)).isEqualTo("Evicted");
  }

  @Test
  void schedulingGatedPod() {
    var gated =
        pod(
            TWO_CONTAINERS,
            """
            {"phase": "Pending", "conditions": [
              {"type": "PodScheduled", "status": "False", "reason": "SchedulingGated"}]}
            """);
    assertThat(cells(table(gated)).get(2)).isEqualTo("SchedulingGated");
  }

  @Test
  void initContainerProgressAndFailures() {
    String spec =
        """
        {"initContainers": [{"name": "migrate"}, {"name": "seed"}],
         "containers": [{"name": "app"}]}
        """;
    var waiting =
        pod(
            spec,
            """
            {"phase": "Pending", "initContainerStatuses": [
               {"name": "migrate", "state": {"terminated": {"exitCode": 0}}},
               {"name": "seed", "state": {"waiting": {"reason": "PodInitializing"}}}],
             "containerStatuses": [{"name": "app", "state": {"waiting": {"reason": "PodInitializing"}}}]}
            """);
    var crashing =
        pod(
            spec,
            """
            {"phase": "Pending", "initContainerStatuses": [
               {"name": "migrate", "restartCount": 4, "state": {"waiting": {"reason": "CrashLoopBackOff"}}}]}
            """);
    var failed =
        pod(
            spec,
            """
            {"phase": "Pending", "initContainerStatuses": [
               {"name": "migrate", "state": {"terminated": {"exitCode": 2, "reason": "Error"}}}]}
            """);
    var failedNoReason =
        pod(
            spec,
            """
            {"phase": "Pending", "initContainerStatuses": [
               {"name": "migrate", "state": {"terminated": {"exitCode": 2}}}]}
            """);

    assertThat(cells(table(waiting)).subList(1, 4)).containsExactly("0/1", "Init:1/2", "0");
    // While initializing, init container restarts are what the column counts.
    assertThat(cells(table(crashing)).subList(2, 4)).containsExactly("Init:CrashLoopBackOff", "4");
    assertThat(cells(table(failed)).get(2)).isEqualTo("Init:Error");
    assertThat(cells(table(failedNoReason)).get(2)).isEqualTo("Init:ExitCode:2");
  }

  @Test
  void sidecarsCountAsContainersAndKeepTheirRestartsOnceInitialized() {
    var pod =
        pod(
            """
            {"initContainers": [{"name": "proxy", "restartPolicy": "Always"}, {"name": "migrate"}],
             "containers": [{"name": "app"}]}
            """,
            """
            {"phase": "Running",
             "conditions": [{"type": "Initialized", "status": "True"}],
             "initContainerStatuses": [
               {"name": "proxy", "started": true, "ready": true, "restartCount": 2, "state": {"running": {}}},
               {"name": "migrate", "restartCount": 5, "state": {"terminated": {"exitCode": 0}}}],
             "containerStatuses": [
               {"name": "app", "ready": true, "restartCount": 1, "state": {"running": {}}}]}
            """);
    // 2 of 2 ready (sidecar + app); the finished init container's 5 restarts no longer count.
    assertThat(cells(table(pod)).subList(1, 4)).containsExactly("2/2", "Running", "3");
  }

  @Test
  void wideCellsPreferPodIpsAndCountSatisfiedReadinessGates() {
    var pod =
        pod(
            """
            {"containers": [{"name": "app"}],
             "readinessGates": [{"conditionType": "example.com/lb"}, {"conditionType": "example.com/dns"}]}
            """,
            """
            {"phase": "Pending", "podIP": "10.0.0.1", "podIPs": [{"ip": "10.0.0.9"}, {"ip": "fd00::9"}],
             "nominatedNodeName": "node-b",
             "conditions": [{"type": "example.com/lb", "status": "True"}, {"type": "example.com/dns", "status": "False"}]}
            """);
    List<Object> cells = cells(table(pod));
    assertThat(cells.subList(5, 9)).containsExactly("10.0.0.9", "<none>", "node-b", "1/2");
  }
}
