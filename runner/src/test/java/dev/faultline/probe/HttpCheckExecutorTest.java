package dev.faultline.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** http.check against a real loopback HTTP server. */
class HttpCheckExecutorTest {
  private static HttpServer server;
  private static String base;
  private static final Map<String, Object> LAST = new ConcurrentHashMap<>();
  private static final CountDownLatch NEVER = new CountDownLatch(1);

  @BeforeAll
  static void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext(
        "/status/",
        ex -> {
          int code = Integer.parseInt(ex.getRequestURI().getPath().substring("/status/".length()));
          reply(ex, code, "{}");
        });
    server.createContext("/up", ex -> reply(ex, 200, "{\"status\":\"UP\",\"ready\":3}"));
    server.createContext("/text", ex -> reply(ex, 200, "hello, not json"));
    server.createContext("/empty", ex -> reply(ex, 200, ""));
    server.createContext(
        "/slow",
        ex -> {
          sleep(300);
          reply(ex, 200, "{}");
        });
    server.createContext(
        "/hang",
        ex -> {
          await();
          reply(ex, 200, "{}");
        });
    server.createContext(
        "/hang-body",
        ex -> {
          ex.sendResponseHeaders(200, 100);
          ex.getResponseBody().write('{');
          ex.getResponseBody().flush();
          await();
          ex.close();
        });
    server.createContext(
        "/echo",
        ex -> {
          LAST.put("method", ex.getRequestMethod());
          LAST.put("headers", new HashMap<>(ex.getRequestHeaders()));
          LAST.put("body", new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          LAST.put("query", String.valueOf(ex.getRequestURI().getRawQuery()));
          reply(ex, 201, "{\"ok\":true}");
        });
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterAll
  static void stop() {
    NEVER.countDown();
    server.stop(0);
  }

  private static void reply(HttpExchange ex, int code, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getRequestBody().readAllBytes();
    boolean none = bytes.length == 0 || code == 204;
    ex.sendResponseHeaders(code, none ? -1 : bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      if (!none) {
        out.write(bytes);
      }
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void await() {
    try {
      NEVER.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ProbeSample check(Map<String, ?> with) throws Exception {
    return check(with, name -> null);
  }

  /** Calls once; with a 10 s timeout unless the test gives one (the build machine is shared). */
  private static ProbeSample check(
      Map<String, ?> with, java.util.function.UnaryOperator<String> env) throws Exception {
    var params = new HashMap<String, Object>(with);
    params.putIfAbsent("timeout", "10s");
    try (PreparedProbe probe =
        new HttpCheckExecutor()
            .prepare(Probes.request("http.check", params), new ProbeContext(null, "", env))) {
      return probe.sample();
    }
  }

  @Test
  void passesOnAnExpectedStatusWithLatencyAsValue() throws Exception {
    ProbeSample sample = check(Map.of("url", base + "/status/204"));
    assertThat(sample.passed()).isTrue();
    assertThat(sample.message()).matches("204 in \\d+ ms");
    assertThat(sample.value()).isGreaterThan(0).isEqualTo(sample.latency().toNanos() / 1e6);
  }

  @Test
  void statusRangesClassesAndLists() throws Exception {
    assertThat(check(Map.of("url", base + "/status/503")).passed()).isFalse();
    assertThat(check(Map.of("url", base + "/status/503")).message())
        .matches("503 in \\d+ ms, expected 200-299");
    assertThat(check(Map.of("url", base + "/status/503", "expectStatus", "5xx")).passed()).isTrue();
    assertThat(check(Map.of("url", base + "/status/404", "expectStatus", "200, 404")).passed())
        .isTrue();
    assertThat(check(Map.of("url", base + "/status/302", "expectStatus", "200,400-499")).passed())
        .isFalse();
    assertThat(check(Map.of("url", base + "/status/200", "expectStatus", "200")).passed()).isTrue();
    assertThat(check(Map.of("url", base + "/status/201", "expectStatus", "200")).passed())
        .isFalse();
  }

  @Test
  void jqMustYieldTrue() throws Exception {
    ProbeSample up = check(Map.of("url", base + "/up", "jq", ".status == \"UP\""));
    assertThat(up.passed()).as(up.message()).isTrue();
    assertThat(up.message()).matches("200 in \\d+ ms, jq: true");

    ProbeSample down = check(Map.of("url", base + "/up", "jq", ".status == \"DOWN\""));
    assertThat(down.passed()).isFalse();
    assertThat(down.message()).endsWith(", jq: false");

    ProbeSample value = check(Map.of("url", base + "/up", "jq", ".status"));
    assertThat(value.passed()).isFalse();
    assertThat(value.message()).endsWith(", jq gave \"UP\", not true or false");

    ProbeSample none = check(Map.of("url", base + "/up", "jq", "empty"));
    assertThat(none.passed()).isFalse();
    assertThat(none.message()).endsWith(", jq gave no result");

    ProbeSample several = check(Map.of("url", base + "/up", "jq", ".ready > 1, .ready > 5"));
    assertThat(several.passed()).as("every output must be true").isFalse();
  }

  @Test
  void jqOnABodyThatIsNotJsonOrOnARuntimeErrorSaysSo() throws Exception {
    ProbeSample text = check(Map.of("url", base + "/text", "jq", ".status == \"UP\""));
    assertThat(text.passed()).isFalse();
    assertThat(text.message()).contains("200 in").contains("jq: the body is not JSON (");

    ProbeSample empty = check(Map.of("url", base + "/empty", "jq", ".status == \"UP\""));
    assertThat(empty.passed()).isFalse();
    assertThat(empty.message()).endsWith("jq: the body is empty, not JSON");

    ProbeSample error = check(Map.of("url", base + "/up", "jq", ".status | tonumber > 1"));
    assertThat(error.passed()).isFalse();
    assertThat(error.message()).contains(", jq failed: ");
  }

  @Test
  void aStatusOutsideTheRangeFailsBeforeJqIsAsked() throws Exception {
    ProbeSample sample = check(Map.of("url", base + "/status/500", "jq", ".status == \"UP\""));
    assertThat(sample.passed()).isFalse();
    assertThat(sample.message()).endsWith("expected 200-299");
  }

  @Test
  void aHangingServerGivesAFailedSampleWithinTheTimeout() throws Exception {
    long start = System.nanoTime();
    ProbeSample sample = check(Map.of("url", base + "/hang", "timeout", "300ms"));
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertThat(sample.passed()).isFalse();
    assertThat(sample.message()).isEqualTo("no answer within 300ms");
    assertThat(sample.value()).isNaN();
    assertThat(took).isBetween(Duration.ofMillis(250), Duration.ofSeconds(3));

    // headers arrive, the body never ends: the timeout covers the body too
    start = System.nanoTime();
    ProbeSample body = check(Map.of("url", base + "/hang-body", "timeout", "300ms"));
    assertThat(body.message()).isEqualTo("no answer within 300ms");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
  }

  @Test
  void theDefaultTimeoutIsTwoSeconds() throws Exception {
    try (PreparedProbe probe =
        new HttpCheckExecutor()
            .prepare(
                Probes.request("http.check", Map.of("url", base + "/hang")),
                new ProbeContext(null, "", null))) {
      assertThat(probe.sample().message()).isEqualTo("no answer within 2s");
    }
  }

  @Test
  void maxLatencyFailsSlowAnswers() throws Exception {
    ProbeSample slow = check(Map.of("url", base + "/slow", "maxLatency", "100ms"));
    assertThat(slow.passed()).isFalse();
    assertThat(slow.message()).matches("200 in \\d+ ms, slower than maxLatency 100ms");
    assertThat(slow.value()).isGreaterThanOrEqualTo(250);
    assertThat(check(Map.of("url", base + "/slow", "maxLatency", "2s")).passed()).isTrue();
  }

  @Test
  void sendsMethodHeadersAndBody() throws Exception {
    ProbeSample sample =
        check(
            Map.of(
                "url", base + "/echo",
                "method", "POST",
                "headers", Map.of("X-Probe", "yes", "Content-Type", "application/json"),
                "body", "{\"order\":42}",
                "expectStatus", "201",
                "jq", ".ok"));
    assertThat(sample.passed()).as(sample.message()).isTrue();
    assertThat(LAST.get("method")).isEqualTo("POST");
    assertThat(LAST.get("body")).isEqualTo("{\"order\":42}");
    @SuppressWarnings("unchecked")
    var headers = (Map<String, List<String>>) LAST.get("headers");
    assertThat(headers.get("X-probe")).containsExactly("yes");
    assertThat(headers.get("Content-type")).containsExactly("application/json");

    check(Map.of("url", base + "/echo", "method", "DELETE", "expectStatus", "2xx"));
    assertThat(LAST.get("method")).isEqualTo("DELETE");
  }

  @Test
  void substitutesEnvironmentSecretsAtCallTimeAndNeverShowsThem() throws Exception {
    var env = new HashMap<String, String>();
    env.put("API_TOKEN", "s3cr3t-one");
    Map<String, ?> with =
        Map.of(
            "url", base + "/echo?token=${env:API_TOKEN}",
            "headers", Map.of("Authorization", "Bearer ${env:API_TOKEN}"),
            "body", "token=${env:API_TOKEN}",
            "method", "POST",
            "expectStatus", "200",
            "timeout", "10s");
    try (PreparedProbe probe =
        new HttpCheckExecutor()
            .prepare(Probes.request("http.check", with), new ProbeContext(null, "", env::get))) {
      ProbeSample first = probe.sample();
      assertThat(first.passed()).isFalse(); // 201, expected 200: a failure message to inspect
      assertThat(first.message()).doesNotContain("s3cr3t").doesNotContain("Bearer");
      @SuppressWarnings("unchecked")
      var headers = (Map<String, List<String>>) LAST.get("headers");
      assertThat(headers.get("Authorization")).containsExactly("Bearer s3cr3t-one");
      assertThat(LAST.get("body")).isEqualTo("token=s3cr3t-one");
      assertThat(LAST.get("query")).isEqualTo("token=s3cr3t-one");

      env.put("API_TOKEN", "s3cr3t-two"); // read at each call, not at prepare
      probe.sample();
      assertThat(headers = castHeaders()).isNotNull();
      assertThat(headers.get("Authorization")).containsExactly("Bearer s3cr3t-two");

      env.remove("API_TOKEN");
      ProbeSample missing = probe.sample();
      assertThat(missing.passed()).isFalse();
      assertThat(missing.message()).isEqualTo("environment variable API_TOKEN is not set");
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, List<String>> castHeaders() {
    return (Map<String, List<String>>) LAST.get("headers");
  }

  @Test
  void aSecretThatAnErrorMessageRepeatsIsScrubbed() throws Exception {
    // The unknown host is the secret itself, and the HTTP client's message names it.
    ProbeSample sample =
        check(
            Map.of("url", "http://${env:HOST}.invalid/", "timeout", "5s"),
            name -> name.equals("HOST") ? "hidden-host-name" : null);
    assertThat(sample.passed()).isFalse();
    assertThat(sample.message()).doesNotContain("hidden-host-name");
  }

  @Test
  void aClosedPortIsConnectionRefused() throws Exception {
    int port;
    try (var socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    ProbeSample sample = check(Map.of("url", "http://127.0.0.1:" + port + "/health"));
    assertThat(sample.passed()).isFalse();
    assertThat(sample.message()).isEqualTo("connection refused");
  }

  @Test
  void badParametersFailAtPrepareNotAtCalls() {
    var executor = new HttpCheckExecutor();
    var context = new ProbeContext(null, "", null);
    assertThatThrownBy(
            () ->
                executor.prepare(
                    Probes.request("http.check", Map.of("url", base, "jq", ".status ==")), context))
        .isInstanceOf(ProbeException.class)
        .hasMessageContaining("invalid jq");
    assertThatThrownBy(
            () ->
                executor.prepare(
                    Probes.request("http.check", Map.of("url", "ftp://example.com/")), context))
        .hasMessageContaining("not an http or https URL");
    assertThatThrownBy(
            () ->
                executor.prepare(
                    Probes.request(
                        "http.check", Map.of("url", base, "headers", Map.of("Host", "x"))),
                    context))
        .hasMessageContaining("header 'Host' cannot be set");
    assertThatThrownBy(
            () ->
                executor.prepare(
                    Probes.request("http.check", Map.of("url", base, "expectStatus", "2xx,99")),
                    context))
        .hasMessageContaining("'99' is not a status code");
  }

  @Test
  void cancellingACallInFlightInterruptsIt() throws Exception {
    try (PreparedProbe probe =
        new HttpCheckExecutor()
            .prepare(
                Probes.request("http.check", Map.of("url", base + "/hang", "timeout", "20s")),
                new ProbeContext(null, "", null))) {
      var thrown = new java.util.concurrent.atomic.AtomicReference<Throwable>();
      Thread caller =
          Thread.ofVirtual()
              .start(
                  () -> {
                    try {
                      probe.sample();
                    } catch (Throwable t) {
                      thrown.set(t);
                    }
                  });
      Thread.sleep(200);
      caller.interrupt();
      caller.join(Duration.ofSeconds(2));
      assertThat(caller.isAlive()).isFalse();
      assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
    }
  }
}
