package dev.faultline.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** load.http's parameters, secrets and modes, against a loopback server. */
class LoadHttpExecutorTest {
  private static HttpServer server;
  private static String base;
  private static final List<String> AUTHORIZATIONS = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext(
        "/",
        ex -> {
          try (ex) {
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            if (auth != null) {
              AUTHORIZATIONS.add(auth);
            }
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(
                ex.getRequestURI().getPath().equals("/missing") ? 404 : 200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
              out.write(body);
            }
          }
        });
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterAll
  static void stop() {
    server.stop(0);
  }

  private static LastingProbe prepare(Map<String, ?> with, Map<String, String> env)
      throws ProbeException {
    var context = new ProbeContext(null, "", env::get);
    return (LastingProbe)
        new LoadHttpExecutor().prepare(Probes.request("load.http", with), context);
  }

  @Test
  void aStepLoadsForItsDurationReportingEachWindowAndJudgesTheWhole() throws Exception {
    var windows = new CopyOnWriteArrayList<ProbeSample>();
    ProbeSample end;
    try (LastingProbe probe =
        prepare(
            Map.of(
                "url",
                base + "/orders",
                "rate",
                40,
                "duration",
                "2s",
                "window",
                "1s",
                "maxP99",
                "1s",
                "minThroughput",
                30),
            Map.of())) {
      end = probe.run(windows::add);
    }

    assertThat(windows).hasSize(2).allMatch(ProbeSample::passed);
    assertThat(windows.getFirst().value()).isPositive();
    assertThat(end.passed()).as(end.message()).isTrue();
    assertThat(end.message())
        .matches("p50 .+ ms, p95 .+ ms, p99 .+ ms, 0 % errors, 40 req/s \\(2 s, 2 windows\\)");
    assertThat(end.latency()).isPositive();
  }

  @Test
  void unexpectedStatusesAreErrors() throws Exception {
    ProbeSample end;
    try (LastingProbe probe =
        prepare(Map.of("url", base + "/missing", "rate", 20, "duration", "1s"), Map.of())) {
      end = probe.run(w -> {});
    }
    assertThat(end.passed()).isFalse();
    assertThat(end.message()).contains("100 % errors (20 × 404)").endsWith("— errors over 1 %");

    try (LastingProbe probe =
        prepare(
            Map.of("url", base + "/missing", "rate", 20, "duration", "1s", "expectStatus", "404"),
            Map.of())) {
      assertThat(probe.run(w -> {}).passed()).isTrue();
    }
  }

  @Test
  void secretsAreResolvedForTheLoadAndNeverShown() throws Exception {
    AUTHORIZATIONS.clear();
    try (LastingProbe probe =
        prepare(
            Map.of(
                "url",
                base + "/orders",
                "headers",
                Map.of("Authorization", "Bearer ${env:TOKEN}"),
                "rate",
                10,
                "duration",
                "1s"),
            Map.of("TOKEN", "s3cret"))) {
      assertThat(probe.run(w -> {}).passed()).isTrue();
    }
    assertThat(AUTHORIZATIONS).hasSize(10).containsOnly("Bearer s3cret");

    try (LastingProbe probe =
        prepare(
            Map.of(
                "url",
                base + "/orders",
                "headers",
                Map.of("Authorization", "Bearer ${env:NOPE}"),
                "duration",
                "1s"),
            Map.of())) {
      ProbeSample missing = probe.run(w -> {});
      assertThat(missing.passed()).isFalse();
      assertThat(missing.message()).isEqualTo("environment variable NOPE is not set");
    }
  }

  @Test
  void aDryRunCheckSendsOneRequestAndSaysWhatTheLoadWouldBe() throws Exception {
    int before = AUTHORIZATIONS.size();
    try (LastingProbe probe =
        prepare(
            Map.of(
                "url",
                base + "/orders",
                "rampFrom",
                5,
                "rampUp",
                "30s",
                "rate",
                200,
                "duration",
                "2m",
                "headers",
                Map.of("Authorization", "x")),
            Map.of())) {
      ProbeSample check = probe.check();
      assertThat(check.passed()).as(check.message()).isTrue();
      assertThat(check.message())
          .matches("200 in \\d+(\\.\\d+)? ms; would load 5 to 200 req/s over 30s, for 2m");
    }
    assertThat(AUTHORIZATIONS.size() - before).isEqualTo(1);
  }

  @Test
  void parametersThatCannotWorkAreRefusedWhenPrepared() {
    assertThatThrownBy(() -> prepare(Map.of("url", base, "rampFrom", 5), Map.of()))
        .isInstanceOf(ProbeException.class)
        .hasMessage("probe-under-test: rampFrom needs rampUp, the length of the ramp");
    assertThatThrownBy(
            () -> prepare(Map.of("url", base, "rate", 50, "minThroughput", 80), Map.of()))
        .hasMessage(
            "probe-under-test: minThroughput 80 req/s is more than the load's rate (50 req/s):"
                + " it could never be met");
    assertThatThrownBy(() -> prepare(Map.of("url", base, "headers", Map.of("Host", "x")), Map.of()))
        .hasMessage("probe-under-test: header 'Host' is set by the load generator");
    assertThatThrownBy(() -> prepare(Map.of("url", "ftp://x/"), Map.of()))
        .hasMessage("probe-under-test: 'ftp://x/' is not an http or https URL");
    assertThatThrownBy(() -> prepare(Map.of("url", base, "window", "0s"), Map.of()))
        .hasMessage("probe-under-test: window must be more than 0");
  }

  @Test
  void aRefusedConnectionFailsTheLoadAndSaysSo() throws Exception {
    ProbeSample end;
    try (LastingProbe probe =
        prepare(Map.of("url", "http://127.0.0.1:1/", "rate", 10, "duration", "1s"), Map.of())) {
      end = probe.run(w -> {});
    }
    assertThat(end.passed()).isFalse();
    assertThat(end.value()).isNaN();
    assertThat(end.message())
        .startsWith("no answers, 100 % errors (10 failed: connection refused), 0 req/s");
  }
}
