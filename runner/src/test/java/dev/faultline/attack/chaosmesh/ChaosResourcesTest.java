package dev.faultline.attack.chaosmesh;

import static dev.faultline.attack.chaosmesh.ChaosRequests.pod;
import static dev.faultline.attack.chaosmesh.ChaosRequests.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.attack.AttackContext;
import dev.faultline.attack.AttackRequest;
import dev.faultline.attack.Fault;
import dev.faultline.model.NamespacePolicy;
import dev.faultline.target.SelectedPod;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The resources the Chaos Mesh attacks create, for every kind and action: valid against the real
 * CRD schemas, with the pods Faultline selected listed by name, the selected containers, strings
 * where Chaos Mesh wants strings, and clear messages for parameters Chaos Mesh would reject.
 */
class ChaosResourcesTest {
  private static final CrdSchema SCHEMA = CrdSchema.load();
  private static final SelectedPod A = pod("shop", "db-a", "app");
  private static final SelectedPod B = pod("shop", "db-b", "app", "sidecar");

  private static ObjectNode build(ChaosKind kind, Map<String, Object> with) throws Exception {
    AttackRequest request = request(kind.attackId(), with, A, B);
    ObjectNode resource = ChaosResources.build(kind, request, "shop", List.of(A, B), "faultline-x");
    assertThat(SCHEMA.problems(resource)).as(resource.toString()).isEmpty();
    return resource;
  }

  private static JsonNode spec(ChaosKind kind, Map<String, Object> with) throws Exception {
    return build(kind, with).path("spec");
  }

  private static void rejected(ChaosKind kind, Map<String, Object> with, String message) {
    assertThatThrownBy(
            () ->
                ChaosResources.build(
                    kind, request(kind.attackId(), with, A), "shop", List.of(A), "faultline-x"))
        .isInstanceOf(ChaosParamException.class)
        .hasMessageStartingWith(kind.attackId() + ": ")
        .hasMessageContaining(message);
  }

  private static Map<String, Object> with(Object... pairs) {
    var map = new LinkedHashMap<String, Object>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return map;
  }

  @Test
  void everyResourceNamesItsPodsExplicitlyInModeAllWithTheStepsDurationAsItsEnd() throws Exception {
    ObjectNode resource = build(ChaosKind.NETWORK, with("action", "delay", "latency", "300ms"));
    assertThat(resource.path("apiVersion").asString()).isEqualTo("chaos-mesh.org/v1alpha1");
    assertThat(resource.path("kind").asString()).isEqualTo("NetworkChaos");
    assertThat(resource.path("metadata").path("namespace").asString()).isEqualTo("shop");
    JsonNode spec = resource.path("spec");
    assertThat(spec.path("selector").toString())
        .isEqualTo("{\"pods\":{\"shop\":[\"db-a\",\"db-b\"]}}");
    assertThat(spec.path("mode").asString()).isEqualTo("all");
    assertThat(spec.has("value")).isFalse();
    assertThat(spec.path("duration").asString()).isEqualTo("5m");
  }

  @Test
  void withoutAStepDurationTheExperimentsMaxDurationEndsTheFault() throws Exception {
    var with = with("action", "delay", "latency", "1s");
    AttackRequest capped =
        request(
            "chaosmesh.network", with, null, Duration.ofMinutes(30), NamespacePolicy.DEFAULT, A);
    assertThat(
            ChaosResources.build(ChaosKind.NETWORK, capped, "shop", List.of(A), "n")
                .path("spec")
                .path("duration")
                .asString())
        .isEqualTo("30m");
    AttackRequest open = request("chaosmesh.network", with, null, null, NamespacePolicy.DEFAULT, A);
    assertThat(
            ChaosResources.build(ChaosKind.NETWORK, open, "shop", List.of(A), "n")
                .path("spec")
                .has("duration"))
        .isFalse();
  }

  @Test
  void networkDelayWritesLatencyJitterAndCorrelationAsChaosMeshWantsThem() throws Exception {
    JsonNode spec =
        spec(
            ChaosKind.NETWORK,
            with("action", "delay", "latency", "1500ms", "jitter", "50ms", "correlation", 25));
    assertThat(spec.path("action").asString()).isEqualTo("delay");
    assertThat(spec.path("direction").asString()).isEqualTo("to");
    assertThat(spec.path("delay").path("latency").asString()).isEqualTo("1500ms");
    assertThat(spec.path("delay").path("jitter").asString()).isEqualTo("50ms");
    assertThat(spec.path("delay").path("correlation").isString()).isTrue();
    assertThat(spec.path("delay").path("correlation").asString()).isEqualTo("25");
    assertThat(spec.has("containerNames")).as("NetworkChaos has no containerNames").isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"loss", "duplicate", "corrupt"})
  void packetPercentagesAreStrings(String action) throws Exception {
    JsonNode spec =
        spec(ChaosKind.NETWORK, with("action", action, "percent", 12.5, "correlation", 30));
    assertThat(spec.path(action).path(action).isString()).isTrue();
    assertThat(spec.path(action).path(action).asString()).isEqualTo("12.5");
    assertThat(spec.path(action).path("correlation").asString()).isEqualTo("30");
  }

  @Test
  void bandwidthHasRateLimitAndBuffer() throws Exception {
    JsonNode spec = spec(ChaosKind.NETWORK, with("action", "bandwidth", "rate", "1MBPS"));
    assertThat(spec.path("bandwidth").toString())
        .isEqualTo("{\"rate\":\"1mbps\",\"limit\":20971520,\"buffer\":10000}");
    JsonNode custom =
        spec(
            ChaosKind.NETWORK,
            with("action", "bandwidth", "rate", "500kbit", "limit", 1000, "buffer", 2000));
    assertThat(custom.path("bandwidth").path("limit").asLong()).isEqualTo(1000);
    assertThat(custom.path("bandwidth").path("buffer").asLong()).isEqualTo(2000);
  }

  @Test
  void directionBothTargetsThePeerPodsBySelector() throws Exception {
    JsonNode spec =
        spec(
            ChaosKind.NETWORK,
            with(
                "action", "delay",
                "latency", "100ms",
                "direction", "both",
                "peerNamespaces", List.of("payments"),
                "peerLabelSelector", "app=ledger,tier in (api,web),!canary"));
    assertThat(spec.path("direction").asString()).isEqualTo("both");
    JsonNode target = spec.path("target");
    assertThat(target.path("mode").asString()).isEqualTo("all");
    assertThat(target.path("selector").path("namespaces").toString()).isEqualTo("[\"payments\"]");
    assertThat(target.path("selector").path("labelSelectors").toString())
        .isEqualTo("{\"app\":\"ledger\"}");
    assertThat(target.path("selector").path("expressionSelectors").toString())
        .isEqualTo(
            "[{\"key\":\"tier\",\"operator\":\"In\",\"values\":[\"api\",\"web\"]},"
                + "{\"key\":\"canary\",\"operator\":\"DoesNotExist\"}]");
  }

  @Test
  void peersDefaultToTheNamespaceOfTheTargetPods() throws Exception {
    JsonNode spec =
        spec(
            ChaosKind.NETWORK,
            with("action", "partition", "direction", "from", "peerLabelSelector", "app=web"));
    assertThat(spec.path("target").path("selector").path("namespaces").toString())
        .isEqualTo("[\"shop\"]");
  }

  @Test
  void partitionFromExternalTargetsNeedsNoPeerPods() throws Exception {
    JsonNode spec =
        spec(
            ChaosKind.NETWORK,
            with(
                "action",
                "partition",
                "direction",
                "both",
                "externalTargets",
                List.of("10.0.0.0/8", "example.com")));
    assertThat(spec.has("target")).isFalse();
    assertThat(spec.path("externalTargets").toString())
        .isEqualTo("[\"10.0.0.0/8\",\"example.com\"]");
    JsonNode to =
        spec(
            ChaosKind.NETWORK,
            with("action", "loss", "percent", 50, "externalTargets", List.of("1.2.3.4")));
    assertThat(to.path("externalTargets").toString()).isEqualTo("[\"1.2.3.4\"]");
  }

  @Test
  void networkParametersThatChaosMeshWouldRejectAreNamed() {
    rejected(ChaosKind.NETWORK, with("action", "delay"), "action delay needs 'latency'");
    rejected(ChaosKind.NETWORK, with("action", "loss"), "action loss needs 'percent'");
    rejected(ChaosKind.NETWORK, with("action", "bandwidth"), "action bandwidth needs 'rate'");
    rejected(ChaosKind.NETWORK, with("action", "bandwidth", "rate", "fast"), "'rate' is 'fast'");
    rejected(
        ChaosKind.NETWORK,
        with("action", "loss", "percent", 5, "latency", "1s"),
        "'latency' applies to action delay");
    rejected(
        ChaosKind.NETWORK,
        with("action", "partition", "correlation", 5),
        "'correlation' applies to action");
    rejected(
        ChaosKind.NETWORK,
        with("action", "delay", "latency", "1s", "direction", "both"),
        "direction both needs the pods on the other side of the traffic");
    rejected(
        ChaosKind.NETWORK,
        with(
            "action",
            "delay",
            "latency",
            "1s",
            "direction",
            "from",
            "peerLabelSelector",
            "app=x",
            "externalTargets",
            List.of("1.1.1.1")),
        "'externalTargets' works with direction to only");
    rejected(
        ChaosKind.NETWORK,
        with("action", "delay", "latency", "1s", "peerNamespaces", List.of("shop")),
        "'peerNamespaces' needs 'peerLabelSelector'");
    rejected(
        ChaosKind.NETWORK,
        with("action", "delay", "latency", "1s", "direction", "both", "peerLabelSelector", "n>3"),
        "cannot compare numbers");
    rejected(
        ChaosKind.NETWORK,
        with(
            "action",
            "delay",
            "latency",
            "1s",
            "direction",
            "both",
            "peerNamespaces",
            List.of("kube-system"),
            "peerLabelSelector",
            "k8s-app=kube-dns"),
        "peer namespace 'kube-system' is not permitted by spec.safety.namespaces");
  }

  @Test
  void stressHasCpuAndMemoryStressorsAndTheSelectedContainers() throws Exception {
    JsonNode spec =
        spec(
            ChaosKind.STRESS,
            with("cpuWorkers", 2, "cpuLoad", 80, "memoryWorkers", 1, "memorySize", "256MB"));
    assertThat(spec.path("stressors").toString())
        .isEqualTo(
            "{\"cpu\":{\"workers\":2,\"load\":80},\"memory\":{\"workers\":1,\"size\":\"256MB\"}}");
    assertThat(spec.path("containerNames").toString()).isEqualTo("[\"app\",\"sidecar\"]");
    assertThat(
            spec(ChaosKind.STRESS, with("memoryWorkers", 1, "memorySize", "50%"))
                .path("stressors")
                .has("cpu"))
        .isFalse();
  }

  @Test
  void stressWithoutStressorsIsRejected() {
    rejected(ChaosKind.STRESS, with(), "give 'cpuWorkers' or 'memoryWorkers'");
    rejected(ChaosKind.STRESS, with("cpuWorkers", 0), "'cpuWorkers' is 0; it must be at least 1");
    rejected(ChaosKind.STRESS, with("cpuLoad", 50), "'cpuLoad' needs 'cpuWorkers'");
    rejected(
        ChaosKind.STRESS, with("memoryWorkers", 1, "memorySize", "lots"), "'memorySize' is 'lots'");
  }

  @Test
  void httpAbortAndDelayOnRequests() throws Exception {
    JsonNode spec =
        spec(
            ChaosKind.HTTP,
            with("port", 8080, "path", "/api/*", "method", "post", "abort", true, "delay", "2s"));
    assertThat(spec.path("target").asString()).isEqualTo("Request");
    assertThat(spec.path("port").asInt()).isEqualTo(8080);
    assertThat(spec.path("path").asString()).isEqualTo("/api/*");
    assertThat(spec.path("method").asString()).isEqualTo("POST");
    assertThat(spec.path("abort").asBoolean()).isTrue();
    assertThat(spec.path("delay").asString()).isEqualTo("2s");
    assertThat(spec.has("containerNames")).as("HTTPChaos has no containerNames").isFalse();
  }

  @Test
  void httpReplacesAndPatchesResponses() throws Exception {
    JsonNode spec =
        spec(
            ChaosKind.HTTP,
            with(
                "port",
                80,
                "target",
                "Response",
                "code",
                200,
                "replaceCode",
                503,
                "replaceBody",
                "{\"error\":\"chaos\"}",
                "replaceHeaders",
                Map.of("Retry-After", "5"),
                "patchBody",
                "{\"degraded\": true}",
                "patchHeaders",
                Map.of("X-Chaos", "on")));
    assertThat(spec.path("code").asInt()).isEqualTo(200);
    JsonNode replace = spec.path("replace");
    assertThat(replace.path("code").asInt()).isEqualTo(503);
    assertThat(
            new String(
                Base64.getDecoder().decode(replace.path("body").asString()),
                StandardCharsets.UTF_8))
        .isEqualTo("{\"error\":\"chaos\"}");
    assertThat(replace.path("headers").toString()).isEqualTo("{\"Retry-After\":\"5\"}");
    assertThat(spec.path("patch").toString())
        .isEqualTo(
            "{\"body\":{\"type\":\"JSON\",\"value\":\"{\\\"degraded\\\":true}\"},\"headers\":[[\"X-Chaos\",\"on\"]]}");
  }

  @Test
  void httpRewritesRequestPathsAndMethods() throws Exception {
    JsonNode spec =
        spec(
            ChaosKind.HTTP, with("port", 80, "replacePath", "/missing", "replaceMethod", "delete"));
    assertThat(spec.path("replace").toString())
        .isEqualTo("{\"path\":\"/missing\",\"method\":\"DELETE\"}");
  }

  @Test
  void httpParametersThatDoNotFitTheTargetAreRejected() {
    rejected(ChaosKind.HTTP, with("port", 80), "say what to do with the matching requests");
    rejected(ChaosKind.HTTP, with("port", 80, "abort", false), "say what to do");
    rejected(
        ChaosKind.HTTP,
        with("port", 80, "replaceCode", 500),
        "'replaceCode' works with target Response only");
    rejected(
        ChaosKind.HTTP,
        with("port", 80, "code", 200, "abort", true),
        "'code' works with target Response only");
    rejected(
        ChaosKind.HTTP,
        with("port", 80, "target", "Response", "replacePath", "/x"),
        "'replacePath' works with target Request only");
    rejected(ChaosKind.HTTP, with("port", 80, "patchBody", "not json"), "'patchBody' is not JSON");
    rejected(ChaosKind.HTTP, with("port", 80, "patchBody", "[1]"), "must be a JSON object");
  }

  @Test
  void ioLatencyFaultAndAttributeOverride() throws Exception {
    JsonNode latency =
        spec(
            ChaosKind.IO,
            with(
                "volumePath",
                "/var/lib/data",
                "path",
                "/var/lib/data/**/*.db",
                "action",
                "latency",
                "delay",
                "100ms",
                "percent",
                50,
                "methods",
                List.of("read", "write")));
    assertThat(latency.path("action").asString()).isEqualTo("latency");
    assertThat(latency.path("volumePath").asString()).isEqualTo("/var/lib/data");
    assertThat(latency.path("path").asString()).isEqualTo("/var/lib/data/**/*.db");
    assertThat(latency.path("delay").asString()).isEqualTo("100ms");
    assertThat(latency.path("percent").asInt()).isEqualTo(50);
    assertThat(latency.path("methods").toString()).isEqualTo("[\"read\",\"write\"]");
    assertThat(latency.path("containerNames").toString()).isEqualTo("[\"app\",\"sidecar\"]");
    JsonNode fault = spec(ChaosKind.IO, with("volumePath", "/data", "action", "fault", "errno", 5));
    assertThat(fault.path("errno").asInt()).isEqualTo(5);
    assertThat(fault.path("percent").asInt()).as("default").isEqualTo(100);
    JsonNode attr =
        spec(
            ChaosKind.IO,
            with("volumePath", "/data", "action", "attrOverride", "attrPerm", 292, "attrSize", 0));
    assertThat(attr.path("attr").toString()).isEqualTo("{\"perm\":292,\"size\":0}");
  }

  @Test
  void ioParametersThatDoNotFitTheActionAreRejected() {
    rejected(
        ChaosKind.IO,
        with("volumePath", "/data", "action", "latency"),
        "action latency needs 'delay'");
    rejected(
        ChaosKind.IO, with("volumePath", "/data", "action", "fault"), "action fault needs 'errno'");
    rejected(
        ChaosKind.IO,
        with("volumePath", "/data", "action", "attrOverride"),
        "needs 'attrPerm' or 'attrSize'");
    rejected(
        ChaosKind.IO,
        with("volumePath", "/data", "action", "fault", "errno", 5, "delay", "1s"),
        "'delay' applies to action latency");
    rejected(
        ChaosKind.IO,
        with("volumePath", "data", "action", "fault", "errno", 5),
        "absolute mount path");
    rejected(
        ChaosKind.IO,
        with("volumePath", "/data", "action", "fault", "errno", 5, "methods", List.of("reed")),
        "'methods' has 'reed'");
  }

  @Test
  void dnsErrorAndRandomWithPatterns() throws Exception {
    JsonNode error =
        spec(
            ChaosKind.DNS,
            with(
                "action",
                "error",
                "patterns",
                List.of("payments.svc.cluster.local", "api.example.*", "h?st")));
    assertThat(error.path("action").asString()).isEqualTo("error");
    assertThat(error.path("patterns").size()).isEqualTo(3);
    assertThat(error.path("containerNames").toString()).isEqualTo("[\"app\",\"sidecar\"]");
    JsonNode random = spec(ChaosKind.DNS, with("action", "random"));
    assertThat(random.has("patterns")).isFalse();
    rejected(
        ChaosKind.DNS,
        with("action", "error", "patterns", List.of("chaos-mes*.org")),
        "* only at the end");
  }

  @Test
  void timeShiftsByASignedOffsetOnTheChosenClocks() throws Exception {
    JsonNode spec =
        spec(
            ChaosKind.TIME,
            with("timeOffset", "-1h30m", "clockIds", List.of("CLOCK_REALTIME", "CLOCK_MONOTONIC")));
    assertThat(spec.path("timeOffset").asString()).isEqualTo("-1h30m");
    assertThat(spec.path("clockIds").toString())
        .isEqualTo("[\"CLOCK_REALTIME\",\"CLOCK_MONOTONIC\"]");
    assertThat(spec.path("containerNames").toString()).isEqualTo("[\"app\",\"sidecar\"]");
    assertThat(spec(ChaosKind.TIME, with("timeOffset", "2h")).has("clockIds")).isFalse();
    rejected(ChaosKind.TIME, with("timeOffset", "yesterday"), "'timeOffset' is 'yesterday'");
    rejected(
        ChaosKind.TIME,
        with("timeOffset", "10m", "clockIds", List.of("CLOCK_WALL")),
        "'clockIds' has 'CLOCK_WALL'");
  }

  @Test
  void namesAreDns1123UniquePerRunAndStepAndBounded() {
    String name = ChaosResources.name("slow-db", "checkout-20261202-051500-a3f9");
    assertThat(name).matches("faultline-slow-db-[0-9a-f]{8}");
    assertThat(ChaosResources.name("slow-db", "checkout-20261202-051500-a3f9")).isEqualTo(name);
    assertThat(ChaosResources.name("slow-db", "checkout-20261202-051500-b000")).isNotEqualTo(name);
    String odd = ChaosResources.name("Slow_DB.v2-" + "x".repeat(80), "r");
    assertThat(odd).hasSizeLessThanOrEqualTo(63).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  }

  @Test
  void prepareMakesOneResourcePerNamespaceOfTheSelectedPods() throws Exception {
    SelectedPod elsewhere = pod("payments", "ledger-0", "app");
    AttackRequest request = request("chaosmesh.stress", with("cpuWorkers", 1), A, elsewhere, B);
    var context = new AttackContext(null, "prod", "run-7", null);
    List<Fault> faults = new ChaosMeshExecutor(ChaosKind.STRESS).prepare(request, context);
    assertThat(faults).hasSize(2);
    assertThat(faults).extracting(f -> f.object().namespace()).containsExactly("payments", "shop");
    assertThat(faults)
        .extracting(f -> f.object().name())
        .containsOnly(ChaosResources.name("slow-db", "run-7"));
    assertThat(faults).allMatch(Fault::reversible);
    assertThat(faults.get(1).action())
        .isEqualTo(
            "stress CPU × 1 on 2 pods in shop with StressChaos shop/"
                + ChaosResources.name("slow-db", "run-7")
                + " (deleted on rollback)");
    for (Fault fault : faults) {
      JsonNode manifest = ChaosResources.JSON.readTree(fault.data("manifest", ""));
      assertThat(SCHEMA.problems(manifest)).isEmpty();
      assertThat(manifest.path("spec").path("selector").path("pods").properties())
          .extracting(Map.Entry::getKey)
          .containsExactly(fault.object().namespace());
    }
  }

  @Test
  void theSchemaCheckCatchesWhatTheApiServerWouldRejectOrDrop() throws Exception {
    ObjectNode resource = build(ChaosKind.NETWORK, with("action", "loss", "percent", 10));
    ((ObjectNode) resource.path("spec").path("loss")).put("loss", 10);
    ((ObjectNode) resource.path("spec")).put("mode", "most");
    ((ObjectNode) resource.path("spec")).put("latency", "1s");
    ((ObjectNode) resource.path("spec")).remove("selector");
    assertThat(SCHEMA.problems(resource))
        .containsExactlyInAnyOrder(
            ".spec: missing required 'selector'",
            ".spec.loss.loss: expected string, got 10",
            ".spec.mode: \"most\" is not one of [\"one\",\"all\",\"fixed\",\"fixed-percent\",\"random-max-percent\"]",
            ".spec.latency: not in the schema (the API server would drop it)");
  }
}
