package dev.faultline.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.attack.chaosmesh.ChaosDefinitions;
import dev.faultline.attack.chaosmesh.ChaosKind;
import dev.faultline.attack.chaosmesh.ChaosMeshExecutor;
import dev.faultline.model.TimeSpan;
import dev.faultline.safety.FaultAnnotations;
import dev.faultline.sandbox.SandboxOptions;
import dev.faultline.sandbox.demo.ServiceKey;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The six Chaos Mesh attacks on the sandbox: each creates its resource for the checkout pods, the
 * checkout demo service shows the fault to a plain HTTP client (slower, failing, rewritten, a
 * skewed clock), and after rollback no Chaos Mesh object of the run is left and the service is
 * healthy again. Also: rollback from the fault alone, objects of other runs left alone, Chaos Mesh
 * ending a fault on its own when its duration is over, an API outage during rollback.
 */
class ChaosMeshExecutorIT {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  @TempDir static Path dir;
  private static AttackFixture fx;
  private static URI checkout;

  @BeforeAll
  static void start() throws Exception {
    fx = AttackFixture.start(dir, SandboxOptions.defaults());
    checkout = fx.sandbox.demoUrls().get(new ServiceKey("shop", "checkout"));
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @AfterEach
  void nothingLeftBehind() throws Exception {
    assertThat(chaosObjects()).as("Chaos Mesh objects left in shop").isEmpty();
    AttackFixture.await(() -> get("/health").statusCode(), code -> code == 200);
    AttackFixture.await(() -> get("/").statusCode(), code -> code == 200);
  }

  /** Applies the attack to every checkout pod's {@code app} container; returns its one fault. */
  private static Fault apply(ChaosKind kind, Map<String, Object> with) throws Exception {
    return apply(kind, with, null);
  }

  private static Fault apply(ChaosKind kind, Map<String, Object> with, String duration)
      throws Exception {
    AttackRequest request = request(kind, with, duration);
    var executor = new ChaosMeshExecutor(kind);
    assertThat(executor.prerequisites(request, fx.context)).isEmpty();
    List<Fault> faults = executor.prepare(request, fx.context);
    assertThat(faults).hasSize(1);
    Fault fault = faults.getFirst();
    executor.apply(fault, fx.context);
    return fault;
  }

  private static AttackRequest request(ChaosKind kind, Map<String, Object> with, String duration) {
    AttackRequest r = fx.podRequest(kind.attackId(), with, "shop", "app=checkout", List.of("app"));
    return new AttackRequest(
        r.step().toBuilder().duration(duration == null ? null : TimeSpan.of(duration)).build(),
        r.params(),
        r.targetName(),
        r.target(),
        r.pods(),
        r.namespaces(),
        Duration.ofMinutes(10));
  }

  private static void rollback(Fault fault) throws AttackException {
    new ChaosMeshExecutor(ChaosKind.valueOf(kindOf(fault))).rollback(fault, fx.context);
  }

  private static String kindOf(Fault fault) {
    for (ChaosKind kind : ChaosKind.values()) {
      if (kind.attackId().equals(fault.attackId())) {
        return kind.name();
      }
    }
    throw new AssertionError(fault.attackId());
  }

  private static HttpResponse<String> get(String path) {
    try {
      return HTTP.send(
          HttpRequest.newBuilder(checkout.resolve(path)).timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static long millis(String path) {
    long start = System.nanoTime();
    get(path);
    return (System.nanoTime() - start) / 1_000_000;
  }

  /** The median latency of five calls, robust to one slow call on a busy machine. */
  private static long medianMillis(String path) {
    var samples = new ArrayList<Long>();
    for (int i = 0; i < 5; i++) {
      samples.add(millis(path));
    }
    samples.sort(null);
    return samples.get(2);
  }

  private static List<GenericKubernetesResource> chaosObjects() {
    var all = new ArrayList<GenericKubernetesResource>();
    for (ChaosKind kind : ChaosKind.values()) {
      all.addAll(
          fx.client
              .genericKubernetesResources(ChaosDefinitions.of(kind))
              .inNamespace("shop")
              .list()
              .getItems());
    }
    return all;
  }

  private static GenericKubernetesResource object(Fault fault) {
    return fx.client
        .genericKubernetesResources(ChaosDefinitions.of(ChaosKind.valueOf(kindOf(fault))))
        .inNamespace(fault.object().namespace())
        .withName(fault.object().name())
        .get();
  }

  private static JsonNode tree(GenericKubernetesResource resource) {
    return JSON.readTree(fx.client.getKubernetesSerialization().asJson(resource));
  }

  @Test
  void networkDelaySlowsTheServiceUntilRollback() throws Exception {
    Fault fault = apply(ChaosKind.NETWORK, Map.of("action", "delay", "latency", "400ms"));

    JsonNode created = tree(object(fault));
    assertThat(
            created
                .path("metadata")
                .path("labels")
                .path(FaultAnnotations.CREATED_BY_RUN)
                .asString())
        .isEqualTo("run-1");
    assertThat(created.path("metadata").path("annotations").path(FaultAnnotations.FAULT).asString())
        .contains(fault.id());
    assertThat(created.path("spec").path("selector").path("pods").path("shop").size()).isEqualTo(3);
    assertThat(created.path("spec").path("mode").asString()).isEqualTo("all");
    assertThat(created.path("spec").path("duration").asString())
        .as("the experiment's maxDuration as the safety net")
        .isEqualTo("10m");
    AttackFixture.await(() -> millis("/orders"), ms -> ms >= 400);
    FaultStatus status =
        AttackFixture.await(
            () -> new ChaosMeshExecutor(ChaosKind.NETWORK).status(fault, fx.context),
            s -> s.state() == FaultStatus.State.ACTIVE);
    assertThat(status.message()).isEqualTo("injected into 3 of 3 pods");

    rollback(fault);
    assertThat(object(fault)).isNull();
    assertThat(medianMillis("/orders")).isLessThan(400);
    assertThat(new ChaosMeshExecutor(ChaosKind.NETWORK).status(fault, fx.context).state())
        .isEqualTo(FaultStatus.State.GONE);
  }

  @Test
  void networkLossFailsRequests() throws Exception {
    Fault fault = apply(ChaosKind.NETWORK, Map.of("action", "loss", "percent", 100));
    AttackFixture.await(() -> get("/orders").statusCode(), code -> code == 503);
    rollback(fault);
  }

  @Test
  void stressSlowsTheSelectedContainers() throws Exception {
    long before = medianMillis("/orders");
    Fault fault = apply(ChaosKind.STRESS, Map.of("cpuWorkers", 2, "cpuLoad", 90));
    assertThat(tree(object(fault)).path("spec").path("containerNames").toString())
        .isEqualTo("[\"app\"]");
    AttackFixture.await(() -> medianMillis("/orders"), ms -> ms >= before + 30);
    rollback(fault);
  }

  @Test
  void httpAbortHitsOnlyTheMatchingPath() throws Exception {
    Fault fault = apply(ChaosKind.HTTP, Map.of("port", 8080, "path", "/api/*", "abort", true));
    AttackFixture.await(() -> get("/api/orders").statusCode(), code -> code == 503);
    assertThat(get("/shop/orders").statusCode()).isEqualTo(200);
    assertThat(get("/health").statusCode()).isEqualTo(200);
    rollback(fault);
    // The sandbox's chaos controller sees the deletion through its watch, a moment later.
    assertThat(AttackFixture.await(() -> get("/api/orders"), r -> r.statusCode() == 200))
        .isNotNull();
  }

  @Test
  void httpRewritesResponses() throws Exception {
    Fault fault =
        apply(
            ChaosKind.HTTP,
            Map.of(
                "port",
                8080,
                "target",
                "Response",
                "code",
                200,
                "replaceCode",
                418,
                "patchBody",
                "{\"status\": \"TEAPOT\", \"chaos\": true}",
                "patchHeaders",
                Map.of("X-Chaos", "on")));
    HttpResponse<String> rewritten =
        AttackFixture.await(() -> get("/orders"), r -> r.statusCode() == 418);
    JsonNode body = JSON.readTree(rewritten.body());
    assertThat(body.path("status").asString()).isEqualTo("TEAPOT");
    assertThat(body.path("chaos").asBoolean()).isTrue();
    assertThat(body.path("path").asString()).isEqualTo("/orders");
    assertThat(rewritten.headers().firstValue("X-Chaos")).hasValue("on");
    rollback(fault);
    // The sandbox's chaos controller sees the deletion through its watch, a moment later.
    assertThat(AttackFixture.await(() -> get("/orders"), r -> r.statusCode() == 200)).isNotNull();
  }

  @Test
  void httpRewritesTheRequestPath() throws Exception {
    Fault fault =
        apply(ChaosKind.HTTP, Map.of("port", 8080, "path", "/orders", "replacePath", "/gone"));
    AttackFixture.await(
        () -> JSON.readTree(get("/orders").body()).path("path").asString(),
        path -> path.equals("/gone"));
    rollback(fault);
  }

  @Test
  void ioLatencySlowsAndIoFaultsFail() throws Exception {
    Fault slow =
        apply(ChaosKind.IO, Map.of("volumePath", "/data", "action", "latency", "delay", "400ms"));
    assertThat(tree(object(slow)).path("spec").path("volumePath").asString()).isEqualTo("/data");
    AttackFixture.await(() -> millis("/orders"), ms -> ms >= 400);
    rollback(slow);

    Fault failing =
        apply(ChaosKind.IO, Map.of("volumePath", "/data", "action", "fault", "errno", 5));
    AttackFixture.await(() -> get("/orders").statusCode(), code -> code == 500);
    rollback(failing);
  }

  @Test
  void dnsErrorsFailTheCallersAndTheHealthCheck() throws Exception {
    Fault fault = apply(ChaosKind.DNS, Map.of("action", "error"));
    AttackFixture.await(() -> get("/orders").statusCode(), code -> code == 502);
    HttpResponse<String> health = get("/health");
    assertThat(health.statusCode()).isEqualTo(503);
    assertThat(JSON.readTree(health.body()).path("status").asString()).isEqualTo("DOWN");
    rollback(fault);
  }

  @Test
  void timeSkewShowsInTheServicesClock() throws Exception {
    Fault fault = apply(ChaosKind.TIME, Map.of("timeOffset", "-2h"));
    Instant shown =
        AttackFixture.await(
            () -> Instant.parse(JSON.readTree(get("/health").body()).path("time").asString()),
            t -> t.isBefore(Instant.now().minus(Duration.ofMinutes(110))));
    assertThat(shown).isAfter(Instant.now().minus(Duration.ofMinutes(130)));
    assertThat(get("/health").headers().firstValue("Date")).isPresent();
    rollback(fault);
    Instant after = Instant.parse(JSON.readTree(get("/health").body()).path("time").asString());
    assertThat(Duration.between(after, Instant.now()).abs()).isLessThan(Duration.ofMinutes(1));
  }

  @Test
  void aNewExecutorRollsBackFromTheFaultAloneAndAgainIsANoOp() throws Exception {
    Fault fault = apply(ChaosKind.NETWORK, Map.of("action", "delay", "latency", "300ms"));
    Fault fromJournal = AttackFixture.roundTrip(fault);
    new ChaosMeshExecutor(ChaosKind.NETWORK).rollback(fromJournal, fx.context);
    assertThat(object(fault)).isNull();
    new ChaosMeshExecutor(ChaosKind.NETWORK).rollback(fromJournal, fx.context);
  }

  @Test
  void rollbackLeavesAnObjectThisRunDidNotCreate() throws Exception {
    Fault fault = apply(ChaosKind.TIME, Map.of("timeOffset", "10m"));
    Fault otherRun =
        new Fault(
            fault.id(),
            "run-2",
            fault.stepId(),
            fault.attackId(),
            fault.context(),
            fault.object(),
            fault.action(),
            true,
            fault.data());
    rollback(otherRun);
    assertThat(object(fault)).as("run-1's object stays").isNotNull();
    rollback(fault);
  }

  @Test
  void aRetriedApplyIsHarmless() throws Exception {
    Fault fault = apply(ChaosKind.DNS, Map.of("action", "random"));
    new ChaosMeshExecutor(ChaosKind.DNS).apply(fault, fx.context); // its first answer was lost
    rollback(fault);
  }

  @Test
  void anObjectOfTheSameNameThatIsNotOursIsNeitherReplacedNorDeleted() throws Exception {
    var executor = new ChaosMeshExecutor(ChaosKind.TIME);
    Fault fault =
        executor
            .prepare(request(ChaosKind.TIME, Map.of("timeOffset", "1h"), null), fx.context)
            .getFirst();
    var foreign =
        fx.client
            .getKubernetesSerialization()
            .unmarshal(fault.data("manifest", ""), GenericKubernetesResource.class);
    fx.client
        .genericKubernetesResources(ChaosDefinitions.of(ChaosKind.TIME))
        .inNamespace("shop")
        .resource(foreign)
        .create();
    try {
      assertThatThrownBy(() -> executor.apply(fault, fx.context))
          .isInstanceOf(AttackException.class)
          .hasMessageContaining("exists already and was not created by this run");
      executor.rollback(fault, fx.context);
      assertThat(object(fault)).isNotNull();
    } finally {
      fx.client
          .genericKubernetesResources(ChaosDefinitions.of(ChaosKind.TIME))
          .inNamespace("shop")
          .withName(fault.object().name())
          .delete();
    }
  }

  @Test
  void chaosMeshEndsTheFaultItselfWhenItsDurationIsOver() throws Exception {
    Fault fault = apply(ChaosKind.HTTP, Map.of("port", 8080, "abort", true), "1s");
    assertThat(tree(object(fault)).path("spec").path("duration").asString()).isEqualTo("1s");
    FaultStatus status =
        AttackFixture.await(
            () -> new ChaosMeshExecutor(ChaosKind.HTTP).status(fault, fx.context),
            s -> s.state() == FaultStatus.State.RECOVERED);
    assertThat(status.message()).contains("duration is over");
    assertThat(get("/orders").statusCode())
        .as("the fault ended before any rollback")
        .isEqualTo(200);
    rollback(fault);
  }

  @Test
  void rollbackAsksToRetryWhileTheApiIsDown() throws Exception {
    Fault fault = apply(ChaosKind.STRESS, Map.of("memoryWorkers", 1, "memorySize", "64MB"));
    fx.assertRollbackRetryableWhileApiIsDown(new ChaosMeshExecutor(ChaosKind.STRESS), fault);
    rollback(fault);
  }

  @Test
  void withoutChaosMeshThePreflightAndApplySaySoAndRollbackHasNothingToDo() throws Exception {
    try (AttackFixture bare =
        AttackFixture.start(
            dir.resolve("bare"),
            SandboxOptions.defaults().withDemoServices(false).withoutChaosMesh())) {
      AttackRequest request =
          bare.podRequest(
              "chaosmesh.network",
              Map.of("action", "delay", "latency", "1s"),
              "shop",
              "app=checkout",
              List.of());
      assertThat(bare.client.getApiGroups().getGroups())
          .extracting(g -> g.getName())
          .contains("apps")
          .doesNotContain("chaos-mesh.org");
      var executor = new ChaosMeshExecutor(ChaosKind.NETWORK);
      assertThat(executor.prerequisites(request, bare.context))
          .containsExactly(
              "Chaos Mesh is not installed in context 'faultline-sandbox' (no NetworkChaos in"
                  + " chaos-mesh.org/v1alpha1); install it"
                  + " (https://chaos-mesh.org/docs/production-installation-using-helm/) or use"
                  + " another attack");
      Fault fault = executor.prepare(request, bare.context).getFirst();
      assertThatThrownBy(() -> executor.apply(fault, bare.context))
          .isInstanceOf(AttackException.class)
          .hasMessageContaining("Chaos Mesh is not installed in context 'faultline-sandbox'");
      executor.rollback(fault, bare.context);
      assertThat(executor.status(fault, bare.context).state()).isEqualTo(FaultStatus.State.GONE);
    }
  }
}
