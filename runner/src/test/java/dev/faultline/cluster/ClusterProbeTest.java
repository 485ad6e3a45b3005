package dev.faultline.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The probe against a tiny fake API server (JDK HttpServer) and a closed port. */
class ClusterProbeTest {

  private static final String VERSION =
      "{\"major\":\"1\",\"minor\":\"31\",\"gitVersion\":\"v1.31.2\"}";

  private final Map<String, Answer> answers = new ConcurrentHashMap<>();
  private final CountDownLatch release = new CountDownLatch(1);
  private HttpServer server;

  private record Answer(int status, String body) {}

  private String start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/", this::handle);
    server.start();
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    Answer answer = answers.get(exchange.getRequestURI().getPath());
    if (answer == null) {
      answer = new Answer(404, status(404, "NotFound", "not here"));
    }
    if (answer.status() == 0) {
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      answer = new Answer(200, VERSION);
    }
    byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(answer.status(), body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  @AfterEach
  void stop() {
    release.countDown();
    if (server != null) {
      server.stop(0);
    }
  }

  private static String status(int code, String reason, String message) {
    return """
        {"kind":"Status","apiVersion":"v1","status":"Failure","message":"%s","reason":"%s","code":%d}
        """
        .formatted(message, reason, code);
  }

  private static String list(String kind, int items) {
    StringBuilder json = new StringBuilder("{\"kind\":\"" + kind + "\",\"apiVersion\":\"v1\",");
    json.append("\"metadata\":{\"resourceVersion\":\"1\"},\"items\":[");
    for (int i = 0; i < items; i++) {
      json.append(i == 0 ? "" : ",")
          .append("{\"metadata\":{\"name\":\"item-")
          .append(i)
          .append("\"}}");
    }
    return json.append("]}").toString();
  }

  private static KubernetesClient client(String url) {
    Config config =
        new ConfigBuilder(Config.empty())
            .withMasterUrl(url)
            .withRequestRetryBackoffLimit(ClusterConnector.REQUEST_RETRIES)
            .withConnectionTimeout(2000)
            .build();
    return new KubernetesClientBuilder().withConfig(config).build();
  }

  @Test
  void countsNamespacesAndPods() throws IOException {
    String url = start();
    answers.put("/version", new Answer(200, VERSION));
    answers.put("/api/v1/namespaces", new Answer(200, list("NamespaceList", 3)));
    answers.put("/api/v1/pods", new Answer(200, list("PodList", 7)));

    try (KubernetesClient client = client(url)) {
      ClusterSummary summary = ClusterProbe.probe(client);

      assertThat(summary)
          .isEqualTo(
              new ClusterSummary.Reachable(url, "v1.31.2", OptionalInt.of(3), OptionalInt.of(7)));
      assertThat(summary.describe()).isEqualTo("v1.31.2 \u00b7 7 pods in 3 namespaces");
    }
  }

  @Test
  void aUserWhoMayNotListPodsStillConnects() throws IOException {
    String url = start();
    answers.put("/version", new Answer(200, VERSION));
    answers.put("/api/v1/namespaces", new Answer(200, list("NamespaceList", 1)));
    answers.put("/api/v1/pods", new Answer(403, status(403, "Forbidden", "pods is forbidden")));

    try (KubernetesClient client = client(url)) {
      assertThat(ClusterProbe.probe(client).describe()).isEqualTo("v1.31.2 \u00b7 1 namespace");
    }
  }

  @Test
  void rejectedCredentialsAreSaidPlainly() throws IOException {
    String url = start();
    answers.put("/version", new Answer(401, status(401, "Unauthorized", "Unauthorized")));

    try (KubernetesClient client = client(url)) {
      ClusterSummary summary = ClusterProbe.probe(client);

      assertThat(summary).isInstanceOf(ClusterSummary.Unavailable.class);
      assertThat(summary.describe())
          .isEqualTo(url + ": unauthorized (401), the credentials were rejected");
      assertThat(((ClusterSummary.Unavailable) summary).advice())
          .isEqualTo(ClusterErrors.UNAUTHORIZED_ADVICE);
    }
  }

  @Test
  void aForbiddenVersionCallNamesTheMissingPermission() throws IOException {
    String url = start();
    answers.put(
        "/version",
        new Answer(
            403,
            status(
                403,
                "Forbidden",
                "forbidden: User \\\"carol\\\" cannot get path \\\"/version\\\"")));

    try (KubernetesClient client = client(url)) {
      ClusterSummary summary = ClusterProbe.probe(client);

      assertThat(summary.describe())
          .isEqualTo(
              url + ": forbidden (403): forbidden: User \"carol\" cannot get path \"/version\"");
      assertThat(((ClusterSummary.Unavailable) summary).advice())
          .startsWith("RBAC does not allow this request;");
    }
  }

  @Test
  void aClosedPortIsConnectionRefused() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    String url = "http://127.0.0.1:" + port;

    try (KubernetesClient client = client(url)) {
      long started = System.nanoTime();
      ClusterSummary summary = ClusterProbe.probe(client);

      assertThat(summary)
          .isEqualTo(
              new ClusterSummary.Unavailable(
                  url,
                  "cannot reach " + url + ": connection refused",
                  ClusterErrors.UNREACHABLE_ADVICE));
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }
  }

  @Test
  void aServerThatDoesNotAnswerTimesOut() throws IOException {
    String url = start();
    answers.put("/version", new Answer(0, ""));

    try (KubernetesClient client = client(url)) {
      ClusterSummary summary = ClusterProbe.probe(client, Duration.ofMillis(300));

      assertThat(summary.describe()).isEqualTo("cannot reach " + url + ": no answer within 300 ms");
      assertThat(((ClusterSummary.Unavailable) summary).advice())
          .isEqualTo(ClusterErrors.TIMEOUT_ADVICE);
    }
  }

  @Test
  void unknownHostsAreNamed() {
    try (KubernetesClient client = client("https://no-such-host.invalid:6443")) {
      assertThat(ClusterProbe.probe(client).describe())
          .isEqualTo(
              "cannot reach https://no-such-host.invalid:6443: unknown host no-such-host.invalid");
    }
  }
}
