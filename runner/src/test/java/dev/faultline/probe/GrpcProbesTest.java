package dev.faultline.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.sandbox.demo.BackendState;
import dev.faultline.sandbox.demo.DemoService;
import dev.faultline.sandbox.demo.Faults;
import dev.faultline.sandbox.demo.ServiceKey;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * grpc.health and load.grpc against the sandbox's gRPC demo server on loopback: statuses,
 * reflection and JSON errors, SLO verdicts with and without faults.
 */
class GrpcProbesTest {
  private static final AtomicReference<BackendState> PODS =
      new AtomicReference<>(new BackendState(3, 3));
  private static DemoService demo;
  private static String address;

  @BeforeAll
  static void start() {
    demo =
        DemoService.start(
            new ServiceKey("shop", "checkout"), PODS::get, new SplittableRandom(1), 0);
    address = "127.0.0.1:" + demo.serveGrpc();
  }

  @AfterAll
  static void stop() {
    demo.close();
  }

  @AfterEach
  void heal() {
    PODS.set(new BackendState(3, 3));
    demo.clearFaults();
  }

  private static PreparedProbe health(Map<String, ?> with) throws ProbeException {
    var params = new HashMap<String, Object>(with);
    params.putIfAbsent("address", address);
    return new GrpcHealthExecutor()
        .prepare(Probes.request("grpc.health", params), new ProbeContext(null, "", k -> null));
  }

  private static LastingProbe load(Map<String, ?> with) throws ProbeException {
    var params = new HashMap<String, Object>(with);
    params.putIfAbsent("address", address);
    params.putIfAbsent("method", "demo.Checkout/Quote");
    return (LastingProbe)
        new LoadGrpcExecutor()
            .prepare(Probes.request("load.grpc", params), new ProbeContext(null, "", k -> null));
  }

  @Test
  void healthIsServingWhilePodsAreReadyAndNotServingWithoutThem() throws Exception {
    try (PreparedProbe probe = health(Map.of())) {
      ProbeSample up = probe.sample();
      assertThat(up.passed()).isTrue();
      assertThat(up.message()).startsWith("SERVING in ");
      assertThat(up.value()).isGreaterThanOrEqualTo(0);

      PODS.set(new BackendState(0, 3));
      ProbeSample down = probe.sample();
      assertThat(down.passed()).isFalse();
      assertThat(down.message()).startsWith("NOT_SERVING in ").endsWith("expected SERVING");

      PODS.set(new BackendState(1, 3));
      assertThat(probe.sample().passed()).isTrue();
    }
  }

  @Test
  void healthOfOneServiceAndOfAnUnknownOne() throws Exception {
    try (PreparedProbe known = health(Map.of("service", "demo.Checkout"));
        PreparedProbe unknown = health(Map.of("service", "demo.Cart"));
        PreparedProbe absent =
            health(Map.of("service", "demo.Cart", "expectStatus", "NOT_FOUND"))) {
      assertThat(known.sample().passed()).isTrue();
      ProbeSample missing = unknown.sample();
      assertThat(missing.passed()).isFalse();
      assertThat(missing.message()).contains("NOT_FOUND: unknown service demo.Cart");
      assertThat(absent.sample().passed()).isTrue();
    }
  }

  @Test
  void aDelayLongerThanTheTimeoutFailsTheHealthCheckInTime() throws Exception {
    demo.setFaults(Faults.delay(Duration.ofSeconds(2)));
    try (PreparedProbe probe = health(Map.of("timeout", "300ms"))) {
      long start = System.nanoTime();
      ProbeSample slow = probe.sample();
      assertThat(slow.passed()).isFalse();
      assertThat(slow.message()).startsWith("no answer from " + address + " within 300ms");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    }
  }

  @Test
  void aClosedPortIsUnavailable() throws Exception {
    int port;
    try (var socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    try (PreparedProbe probe = health(Map.of("address", "127.0.0.1:" + port))) {
      ProbeSample refused = probe.sample();
      assertThat(refused.passed()).isFalse();
      assertThat(refused.message()).contains("UNAVAILABLE").contains("refused");
    }
  }

  @Test
  void parametersThatCannotWorkFailAtPrepare() {
    assertThatThrownBy(() -> health(Map.of("address", "checkout.shop")))
        .isInstanceOf(ProbeException.class)
        .hasMessageContaining("is not host:port");
    assertThatThrownBy(() -> load(Map.of("method", "Quote")))
        .hasMessageContaining("not a full method name like demo.Checkout/Quote");
    assertThatThrownBy(() -> load(Map.of("request", "{\"sku\": ")))
        .hasMessageContaining("request is not JSON");
    assertThatThrownBy(() -> load(Map.of("request", "[1]")))
        .hasMessageContaining("request must be a JSON object");
    assertThatThrownBy(() -> load(Map.of("expectStatus", "OK, FINE")))
        .hasMessageContaining("FINE is not a gRPC status code");
  }

  @Test
  void aDryRunCallsOnceThroughReflection() throws Exception {
    try (LastingProbe probe = load(Map.of("request", "{\"sku\": \"A-1\", \"quantity\": 2}"))) {
      ProbeSample once = probe.check();
      assertThat(once.passed()).isTrue();
      assertThat(once.message()).startsWith("OK in ").contains("would load 10 calls/s for 30s");
    }
  }

  @Test
  void reflectionNamesWhatIsUnknown() throws Exception {
    try (LastingProbe method = load(Map.of("method", "demo.Checkout/Quot"));
        LastingProbe service = load(Map.of("method", "demo.Checkou/Quote"))) {
      assertThat(method.check().message())
          .isEqualTo("demo.Checkout/Quot: demo.Checkout has no method Quot; it has Quote");
      assertThat(service.check().message())
          .startsWith("demo.Checkou/Quote: the server has no service demo.Checkou; it has ")
          .contains("demo.Checkout", "demo.Inventory", "grpc.health.v1.Health");
    }
  }

  @Test
  void aRequestThatDoesNotFitNamesTheField() throws Exception {
    try (LastingProbe badValue =
            load(Map.of("request", "{\"sku\": \"A\", \"quantity\": \"many\"}"));
        LastingProbe unknown = load(Map.of("request", "{\"skux\": \"A\"}"))) {
      assertThat(badValue.check().message())
          .startsWith("request field quantity of demo.QuoteRequest: ")
          .contains("many");
      assertThat(unknown.check().message())
          .isEqualTo(
              "request field skux: demo.QuoteRequest has no such field; it has sku, quantity,"
                  + " currency");
    }
  }

  @Test
  void aLoadMeetsItsSloWithoutFaultsAndBreaksItUnderADelay() throws Exception {
    Map<String, Object> with =
        Map.of(
            "request", "{\"sku\": \"A-1\"}",
            "rate", 50,
            "duration", "2s",
            "window", "1s",
            "maxP99", "1s",
            "minThroughput", 30);
    var windows = new CopyOnWriteArrayList<ProbeSample>();
    try (LastingProbe warmUp = load(Map.of("rate", 50, "duration", "1s", "window", "1s"))) {
      warmUp.run(s -> {}); // the first calls of a JVM load gRPC's classes: not what is measured
    }
    try (LastingProbe probe = load(with)) {
      ProbeSample end = probe.run(windows::add);
      assertThat(end.passed()).as(end.message()).isTrue();
      assertThat(end.message()).contains("0 % errors");
      assertThat(windows).hasSize(2);
    }
    demo.setFaults(Faults.delay(Duration.ofMillis(1200)));
    try (LastingProbe probe = load(with)) {
      ProbeSample end = probe.run(s -> {});
      assertThat(end.passed()).isFalse();
      assertThat(end.message()).contains("p99 over 1");
      assertThat(end.value()).isGreaterThanOrEqualTo(1200);
    }
  }

  @Test
  void failedCallsCountByGrpcStatusName() throws Exception {
    PODS.set(new BackendState(0, 3));
    try (LastingProbe probe =
        load(Map.of("rate", 20, "duration", "1s", "window", "1s", "maxErrorPercent", 5))) {
      ProbeSample end = probe.run(s -> {});
      assertThat(end.passed()).isFalse();
      assertThat(end.message()).contains("100 % errors").contains("\u00d7 UNAVAILABLE");
    }
  }

  @Test
  void aContinuousLoadJudgesEachWindow() throws Exception {
    try (LastingProbe probe = load(Map.of("rate", 20, "window", "500ms", "maxErrorPercent", 0))) {
      assertThat(probe.sample().passed()).isTrue();
      PODS.set(new BackendState(0, 3));
      probe.sample(); // the window in which the pods went
      ProbeSample down = probe.sample();
      assertThat(down.passed()).isFalse();
      assertThat(down.message()).contains("UNAVAILABLE");
    }
  }
}
