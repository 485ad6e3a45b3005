package dev.faultline.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * prometheus.query's HTTP side against a loopback server that replays recorded Prometheus 2.42
 * answers: what it sends, secrets, timeouts, unreachable servers, and what prepare refuses. The
 * real Prometheus is in {@code PrometheusQueryIT}.
 */
class PrometheusQueryExecutorTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00.250Z");
  private static final Map<String, String> LAST = new ConcurrentHashMap<>();
  private static final CountDownLatch NEVER = new CountDownLatch(1);
  private static HttpServer server;
  private static String base;

  @BeforeAll
  static void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext(
        "/ok/",
        ex -> {
          record(ex);
          boolean range = ex.getRequestURI().getPath().endsWith("/query_range");
          reply(ex, 200, RecordedAnswers.body(range ? "matrix-range-varying" : "vector-one"));
        });
    server.createContext("/parse/", ex -> reply(ex, 400, RecordedAnswers.body("error-parse")));
    server.createContext(
        "/auth/",
        ex -> {
          record(ex);
          boolean allowed =
              "Bearer s3cret".equals(ex.getRequestHeaders().getFirst("Authorization"));
          reply(
              ex, allowed ? 200 : 401, allowed ? RecordedAnswers.body("scalar") : "Unauthorized\n");
        });
    server.createContext("/html/", ex -> reply(ex, 404, "404 page not found\n"));
    server.createContext(
        "/hang/",
        ex -> {
          await();
          reply(ex, 200, RecordedAnswers.body("scalar"));
        });
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterAll
  static void stop() {
    NEVER.countDown();
    server.stop(0);
  }

  private static void record(HttpExchange ex) throws IOException {
    LAST.clear();
    LAST.put("method", ex.getRequestMethod());
    LAST.put("path", ex.getRequestURI().getPath());
    LAST.put("contentType", String.valueOf(ex.getRequestHeaders().getFirst("Content-Type")));
    LAST.put("body", new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
  }

  private static void reply(HttpExchange ex, int code, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getRequestBody().readAllBytes();
    ex.getResponseHeaders().set("Content-Type", code == 200 ? "application/json" : "text/plain");
    ex.sendResponseHeaders(code, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static void await() {
    try {
      NEVER.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The form fields of the last recorded request, decoded. */
  private static Map<String, String> form() {
    var fields = new LinkedHashMap<String, String>();
    for (String pair : LAST.get("body").split("&")) {
      int eq = pair.indexOf('=');
      fields.put(
          pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return fields;
  }

  private static PreparedProbe prepare(Map<String, ?> with, UnaryOperator<String> env)
      throws ProbeException {
    var params = new HashMap<String, Object>(with);
    params.putIfAbsent("operator", ">=");
    params.putIfAbsent("threshold", 3);
    params.putIfAbsent("query", "demo_ready_pods{service=\"checkout\"}");
    params.putIfAbsent("timeout", "10s"); // the build machine is shared
    return new PrometheusQueryExecutor(Clock.fixed(NOW, ZoneOffset.UTC))
        .prepare(Probes.request("prometheus.query", params), new ProbeContext(null, "", env));
  }

  private static ProbeSample query(Map<String, ?> with) throws Exception {
    return query(with, name -> null);
  }

  private static ProbeSample query(Map<String, ?> with, UnaryOperator<String> env)
      throws Exception {
    try (PreparedProbe probe = prepare(with, env)) {
      return probe.sample();
    }
  }

  @Test
  void anInstantQueryPostsTheFormAndComparesTheResult() throws Exception {
    ProbeSample sample = query(Map.of("url", base + "/ok", "timeout", "5s"));
    assertThat(sample.passed()).as(sample.message()).isTrue();
    assertThat(sample.value()).isEqualTo(3);
    assertThat(sample.message()).isEqualTo("3 >= 3");
    assertThat(sample.latency()).isPositive();
    assertThat(LAST)
        .containsEntry("method", "POST")
        .containsEntry("path", "/ok/api/v1/query")
        .containsEntry("contentType", "application/x-www-form-urlencoded");
    // Prometheus stops evaluating a little before the probe stops waiting.
    assertThat(form())
        .containsExactly(
            Map.entry("query", "demo_ready_pods{service=\"checkout\"}"),
            Map.entry("timeout", "4.5"));

    assertThat(query(Map.of("url", base + "/ok", "operator", ">", "threshold", 3)))
        .extracting(ProbeSample::passed, ProbeSample::message)
        .containsExactly(false, "3, expected > 3");
  }

  @Test
  void aRangeQueryEndsNowAndStepsAtASixtiethOfTheRangeByDefault() throws Exception {
    ProbeSample sample = query(Map.of("url", base + "/ok", "range", "2m"));
    assertThat(LAST).containsEntry("path", "/ok/api/v1/query_range");
    assertThat(form())
        .containsEntry("start", "1767225480.25")
        .containsEntry("end", "1767225600.25")
        .containsEntry("step", "2");
    assertThat(sample.passed()).isFalse();
    assertThat(sample.value()).isEqualTo(1);
    assertThat(sample.message()).isEqualTo("worst of 17 points: 1, expected >= 3");

    ProbeSample last =
        query(Map.of("url", base + "/ok", "range", "30s", "reduce", "last", "step", "250ms"));
    assertThat(form()).containsEntry("start", "1767225570.25").containsEntry("step", "0.25");
    assertThat(last.message()).isEqualTo("last of 17 points: 3 >= 3");

    query(Map.of("url", base + "/ok", "range", "10s"));
    assertThat(form()).as("at least 1 s").containsEntry("step", "1");
  }

  @Test
  void theBaseUrlMayEndWithASlashOrTheApiPath() throws Exception {
    for (String url :
        new String[] {base + "/ok/", base + "/ok/api/v1/query", base + "/ok/api/v1/query_range"}) {
      assertThat(query(Map.of("url", url)).passed()).as(url).isTrue();
      assertThat(LAST).as(url).containsEntry("path", "/ok/api/v1/query");
    }
  }

  @Test
  void headersCarrySecretsThatNoMessageShows() throws Exception {
    Map<String, Object> with =
        Map.of(
            "url",
            base + "/auth",
            "operator",
            "==",
            "headers",
            Map.of("Authorization", "Bearer ${env:PROM_TOKEN}"));
    ProbeSample allowed = query(with, name -> name.equals("PROM_TOKEN") ? "s3cret" : null);
    assertThat(allowed.passed()).as(allowed.message()).isTrue();

    ProbeSample refused = query(with, name -> "wrong-token");
    assertThat(refused.passed()).isFalse();
    assertThat(refused.message())
        .isEqualTo("HTTP 401 from " + base + "/auth/api/v1/query: Unauthorized")
        .doesNotContain("wrong-token");

    ProbeSample unset = query(with, name -> null);
    assertThat(unset.passed()).isFalse();
    assertThat(unset.message()).isEqualTo("environment variable PROM_TOKEN is not set");
  }

  @Test
  void aSecretInTheUrlIsShownAsItsPlaceholder() throws Exception {
    int closed;
    try (var socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    ProbeSample sample =
        query(
            Map.of("url", "http://127.0.0.1:" + closed + "/${env:TENANT}"),
            name -> "tenant-secret");
    assertThat(sample.passed()).isFalse();
    assertThat(sample.value()).isNaN();
    assertThat(sample.message())
        .isEqualTo(
            "cannot reach Prometheus at http://127.0.0.1:"
                + closed
                + "/${env:TENANT}/api/v1/query: connection refused");
  }

  @Test
  void prometheusErrorsAndForeignAnswersFail() throws Exception {
    ProbeSample parse = query(Map.of("url", base + "/parse", "query", "sum(up)"));
    assertThat(parse.passed()).isFalse();
    assertThat(parse.message())
        .isEqualTo(
            "PromQL parse error at line 1, column 20: unclosed left parenthesis in query: sum(up)");

    ProbeSample html = query(Map.of("url", base + "/html"));
    assertThat(html.message())
        .isEqualTo("HTTP 404 from " + base + "/html/api/v1/query: 404 page not found");
  }

  @Test
  void aServerThatDoesNotAnswerFailsWithinTheTimeout() throws Exception {
    long start = System.nanoTime();
    ProbeSample sample = query(Map.of("url", base + "/hang", "timeout", "300ms"));
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertThat(sample.passed()).isFalse();
    assertThat(sample.message())
        .isEqualTo("no answer from Prometheus within 300ms (" + base + "/hang/api/v1/query)");
    assertThat(took).isLessThan(Duration.ofSeconds(3));
  }

  @Test
  void prepareRefusesWhatCannotWorkNamingTheProbe() {
    assertThatThrownBy(() -> prepare(Map.of("url", base, "query", " "), name -> null))
        .isInstanceOf(ProbeException.class)
        .hasMessage("probe-under-test: query: the query is empty");
    assertThatThrownBy(() -> prepare(Map.of("url", base, "query", "sum(rate(x[1m])"), n -> null))
        .hasMessage("probe-under-test: query: unclosed '(' at column 4");
    assertThatThrownBy(() -> prepare(Map.of("url", base, "step", "10s"), n -> null))
        .hasMessage("probe-under-test: step applies to range queries only; set range too");
    assertThatThrownBy(() -> prepare(Map.of("url", base, "range", "24h", "step", "1s"), n -> null))
        .hasMessage(
            "probe-under-test: range 24h at step 1s gives 86401 points; Prometheus answers at most"
                + " 11000: make step larger");
    assertThatThrownBy(() -> prepare(Map.of("url", base, "timeout", "0s"), n -> null))
        .hasMessage("probe-under-test: timeout must be more than 0");
    assertThatThrownBy(() -> prepare(Map.of("url", base + "/?x=1"), n -> null))
        .hasMessageStartingWith("probe-under-test: url '" + base + "/?x=1' has a query string");
    assertThatThrownBy(() -> prepare(Map.of("url", "ftp://prometheus:21"), n -> null))
        .hasMessage("probe-under-test: 'ftp://prometheus:21' is not an http or https URL");
    assertThatThrownBy(() -> prepare(Map.of("url", base, "reduce", "median"), n -> null))
        .hasMessage("probe-under-test: unknown reduce 'median'; use worst, last, min, max or avg");
    assertThatThrownBy(
            () -> prepare(Map.of("url", base, "headers", Map.of("Host", "x")), n -> null))
        .hasMessage("probe-under-test: header 'Host' cannot be set by a probe");
  }
}
