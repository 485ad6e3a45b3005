package dev.faultline.sandbox.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
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
 *
 * <p>HTTPChaos-style layers act only on the requests they match (path, method); their rewrites
 * change the path and method the service sees and the status, body and headers of its answer. Every
 * answer carries the service's clock in a {@code Date} header and a {@code time} field (ISO-8601,
 * whole seconds), off by the layers' clock offsets under a TimeChaos.
 */
final class DemoHandler implements HttpHandler {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final System.Logger LOG = System.getLogger(DemoHandler.class.getName());
  private static final DateTimeFormatter DATE = DateTimeFormatter.RFC_1123_DATE_TIME;

  static {
    // Loads the date formatting tables with the class, so the first request is not the slow one.
    DATE.format(Instant.EPOCH.atOffset(ZoneOffset.UTC));
    Instant.EPOCH.plus(Duration.ZERO).truncatedTo(ChronoUnit.SECONDS).toString();
  }

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

  /** One answer: status, content type, body and extra headers. */
  private record Reply(int status, String contentType, byte[] body, Map<String, String> headers) {
    Reply(int status, String contentType, byte[] body) {
      this(status, contentType, body, Map.of());
    }
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    long arrived = System.nanoTime();
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      String method = exchange.getRequestMethod();
      if (path.equals("/metrics")) {
        send(exchange, guarded(() -> readOnly(method) ? metricsReply() : notAllowed()));
        return;
      }
      FaultDecision decision = faults.decide(method, path);
      if (!sleep(decision.delay())) {
        return; // the service is stopping; dropping the connection is the honest answer
      }
      Instant now = Instant.now().plus(decision.clockOffset()).truncatedTo(ChronoUnit.SECONDS);
      Reply reply =
          rewritten(
              guarded(() -> answer(decision.method(method), decision.path(path), decision, now)),
              decision);
      // Counted before sending, so a scrape right after the client got its answer includes it.
      metrics.record(reply.status(), (System.nanoTime() - arrived) / 1e9);
      exchange.getResponseHeaders().set("Date", DATE.format(now.atOffset(ZoneOffset.UTC)));
      send(exchange, reply);
    }
  }

  private Reply answer(String method, String path, FaultDecision decision, Instant now) {
    if (path.equals("/health")) {
      return readOnly(method) ? health(now) : notAllowed();
    }
    if (decision.aborted()) {
      return error(decision.abortStatus(), "fault filter abort", now);
    }
    if (backends.state().ready() == 0) {
      return error(503, "no healthy upstream", now);
    }
    return json(
        200, identified(JSON.createObjectNode().put("status", "OK"), now).put("path", path));
  }

  /** The answer after the matching HTTPChaos rewrites (status, body, headers, JSON patch). */
  private static Reply rewritten(Reply reply, FaultDecision decision) {
    for (FaultDecision.Rewrite r : decision.rewrites()) {
      if (!r.match().matchesStatus(reply.status())) {
        continue;
      }
      HttpRewrite rewrite = r.rewrite();
      int status = rewrite.status() == 0 ? reply.status() : rewrite.status();
      byte[] body =
          rewrite.body() == null ? reply.body() : rewrite.body().getBytes(StandardCharsets.UTF_8);
      if (rewrite.mergePatch() != null) {
        body = mergePatched(body, rewrite.mergePatch());
      }
      var headers = new LinkedHashMap<>(reply.headers());
      headers.putAll(rewrite.headers());
      headers.putAll(rewrite.addHeaders());
      reply = new Reply(status, reply.contentType(), body, headers);
    }
    return reply;
  }

  /** RFC 7396 over a JSON body; a body that is not a JSON object is left as it is. */
  private static byte[] mergePatched(byte[] body, String patch) {
    try {
      JsonNode target = JSON.readTree(body);
      if (!(target instanceof ObjectNode object)) {
        return body;
      }
      return JSON.writeValueAsBytes(merge(object, JSON.readTree(patch)));
    } catch (RuntimeException e) {
      return body;
    }
  }

  private static JsonNode merge(JsonNode target, JsonNode patch) {
    if (!patch.isObject()) {
      return patch;
    }
    ObjectNode result =
        target.isObject() ? ((ObjectNode) target).deepCopy() : JSON.createObjectNode();
    for (Map.Entry<String, JsonNode> e : patch.properties()) {
      if (e.getValue().isNull()) {
        result.remove(e.getKey());
      } else {
        result.set(e.getKey(), merge(result.path(e.getKey()), e.getValue()));
      }
    }
    return result;
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

  private Reply health(Instant now) {
    BackendState pods = backends.state();
    boolean up = pods.ready() >= 1 && !faults.abortsAll();
    ObjectNode body =
        JSON.createObjectNode()
            .put("status", up ? "UP" : "DOWN")
            .put("ready", pods.ready())
            .put("total", pods.total())
            .put("service", key.name())
            .put("namespace", key.namespace())
            .put("time", now.toString());
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
    return error(status, message, Instant.now().truncatedTo(ChronoUnit.SECONDS));
  }

  private Reply error(int status, String message, Instant now) {
    ObjectNode body = JSON.createObjectNode().put("error", message).put("status", status);
    return json(status, identified(body, now));
  }

  /** Names the service and says what time its clock shows (skewed under a TimeChaos). */
  private ObjectNode identified(ObjectNode node, Instant now) {
    return node.put("service", key.name())
        .put("namespace", key.namespace())
        .put("time", now.toString());
  }

  private static Reply json(int status, ObjectNode body) {
    return new Reply(status, "application/json", JSON.writeValueAsBytes(body));
  }

  private static boolean readOnly(String method) {
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
    reply.headers().forEach(exchange.getResponseHeaders()::set);
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
