package dev.faultline.sandbox.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Answers every request of one demo service: {@code /metrics}, {@code /health}, and any other path
 * as ordinary traffic.
 *
 * <p>Faults apply before the answer is chosen, like a sidecar in front of the app: a delayed
 * request waits first, then an aborted one gets the abort status. {@code /health} is delayed like
 * any request (a probe with a timeout should notice a slow service) but is never randomly aborted;
 * it reports DOWN when every request would be aborted. {@code /metrics} bypasses faults and is not
 * counted, so scraping does not disturb what it measures.
 */
final class DemoHandler implements HttpHandler {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final System.Logger LOG = System.getLogger(DemoHandler.class.getName());

  private final ServiceKey key;
  private final Backends backends;
  private final FaultLayers faults;
  private final DemoMetrics metrics;

  DemoHandler(ServiceKey key, Backends backends, FaultLayers faults, DemoMetrics metrics) {
    this.key = key;
    this.backends = backends;
    this.faults = faults;
    this.metrics = metrics;
  }

  /** One answer: status, content type and body. */
  private record Reply(int status, String contentType, byte[] body) {}

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    long arrived = System.nanoTime();
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      if (path.equals("/metrics")) {
        send(exchange, guarded(() -> readOnly(exchange) ? metricsReply() : notAllowed()));
        return;
      }
      FaultDecision decision = faults.decide();
      if (!sleep(decision.delay())) {
        return; // the service is stopping; dropping the connection is the honest answer
      }
      Reply reply = guarded(() -> answer(exchange, path, decision));
      // Counted before sending, so a scrape right after the client got its answer includes it.
      metrics.record(reply.status(), (System.nanoTime() - arrived) / 1e9);
      send(exchange, reply);
    }
  }

  private Reply answer(HttpExchange exchange, String path, FaultDecision decision) {
    if (path.equals("/health")) {
      return readOnly(exchange) ? health() : notAllowed();
    }
    if (decision.aborted()) {
      return error(decision.abortStatus(), "fault filter abort");
    }
    if (backends.state().ready() == 0) {
      return error(503, "no healthy upstream");
    }
    return json(200, identified(JSON.createObjectNode().put("status", "OK")).put("path", path));
  }

  private Reply guarded(Supplier<Reply> answer) {
    try {
      return answer.get();
    } catch (RuntimeException e) {
      // A failing backends supplier is a sandbox bug; answer like a crashing app, not a hung one.
      LOG.log(System.Logger.Level.WARNING, "demo service " + key + " failed a request", e);
      return error(500, "internal error: " + e.getMessage());
    }
  }

  private Reply health() {
    BackendState pods = backends.state();
    boolean up = pods.ready() >= 1 && !faults.abortsAll();
    ObjectNode body =
        JSON.createObjectNode()
            .put("status", up ? "UP" : "DOWN")
            .put("ready", pods.ready())
            .put("total", pods.total())
            .put("service", key.name())
            .put("namespace", key.namespace());
    return json(up ? 200 : 503, body);
  }

  private Reply metricsReply() {
    String text = metrics.render(backends.state());
    return new Reply(200, DemoMetrics.CONTENT_TYPE, text.getBytes(StandardCharsets.UTF_8));
  }

  private Reply notAllowed() {
    return error(405, "method not allowed");
  }

  private Reply error(int status, String message) {
    ObjectNode body = JSON.createObjectNode().put("error", message).put("status", status);
    return json(status, identified(body));
  }

  private ObjectNode identified(ObjectNode node) {
    return node.put("service", key.name()).put("namespace", key.namespace());
  }

  private static Reply json(int status, ObjectNode body) {
    return new Reply(status, "application/json", JSON.writeValueAsBytes(body));
  }

  private static boolean readOnly(HttpExchange exchange) {
    String method = exchange.getRequestMethod();
    return method.equals("GET") || method.equals("HEAD");
  }

  /** Waits out an injected delay; false when interrupted because the service is stopping. */
  private static boolean sleep(Duration delay) {
    if (!delay.isPositive()) {
      return true;
    }
    try {
      Thread.sleep(delay); // a virtual thread: other requests keep being served meanwhile
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static void send(HttpExchange exchange, Reply reply) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", reply.contentType());
    if (exchange.getRequestMethod().equals("HEAD")) {
      exchange.sendResponseHeaders(reply.status(), -1); // HEAD has no body by definition
      return;
    }
    exchange.sendResponseHeaders(reply.status(), reply.body().length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(reply.body());
    }
  }
}
