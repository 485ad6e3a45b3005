package dev.faultline.sandbox.api;

import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.MockResponse;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * HTTP streaming watches ({@code ?watch=true} without a websocket upgrade), as kubectl {@code get
 * -w} and client-go use them: a chunked response with one JSON event per line. fabric8's CRUD
 * dispatcher only offers websocket watches, so this serves the streaming form from the store's
 * events, with a watch cache for {@code resourceVersion} resumes and Table output when asked.
 */
public final class HttpWatches {
  private final SandboxStore store;
  private final Clock clock;
  private final WatchHistory history = new WatchHistory(20_000);
  private final Set<Watch> watches = ConcurrentHashMap.newKeySet();

  private final io.vertx.core.Vertx vertx;
  private final AbsentGroups absent;

  public HttpWatches(SandboxStore store, Clock clock, io.vertx.core.Vertx vertx) {
    this(store, clock, vertx, new AbsentGroups());
  }

  /** Watches that refuse the resources of {@code absent} groups, as if not installed. */
  public HttpWatches(
      SandboxStore store, Clock clock, io.vertx.core.Vertx vertx, AbsentGroups absent) {
    this.store = store;
    this.clock = clock;
    this.vertx = vertx;
    this.absent = absent;
    store.addListener(this::onEvent);
  }

  /** Whether the request is a streaming (non-websocket) watch this class should serve. */
  public static boolean isHttpWatch(HttpServerRequest request) {
    String upgrade = request.getHeader("Upgrade");
    if (upgrade != null && upgrade.equalsIgnoreCase("websocket")) {
      return false;
    }
    String watch = request.getParam("watch");
    return "true".equals(watch) || "1".equals(watch);
  }

  private void onEvent(StoreEvent event) {
    long rv = resourceVersion(event);
    history.add(rv, event);
    for (Watch watch : watches) {
      watch.offer(event);
    }
  }

  private long resourceVersion(StoreEvent event) {
    if (event.type().equals("DELETED")) {
      return store.nextResourceVersion();
    }
    return parseVersion(
        SandboxDispatcher.JSON
            .readTree(event.json())
            .path("metadata")
            .path("resourceVersion")
            .asString());
  }

  /** Serves a streaming HTTP watch: chunked, one JSON event per line. */
  public void serve(HttpServerRequest request) {
    ApiPath path = ApiPath.parse(request.uri());
    HttpServerResponse response = request.response();
    Optional<MockResponse> refused = refuse(path);
    if (refused.isPresent()) {
      send(response, refused.get());
      return;
    }
    response.setChunked(true);
    response.putHeader("Content-Type", "application/json");
    response.setStatusCode(200);
    // Clients wait for the headers before they read events; Vert.x would send them only with the
    // first event, which may be minutes away.
    response.writeHead();
    var sink =
        new EventSink() {
          @Override
          public boolean open() {
            return !response.ended() && !response.closed();
          }

          @Override
          public void send(String event) {
            response.write(event + "\n");
          }

          @Override
          public void end() {
            if (open()) {
              response.end();
            }
          }
        };
    boolean table =
        Optional.ofNullable(request.getHeader("Accept")).orElse("").contains("as=Table");
    Watch watch = begin(path, sink, table);
    if (watch != null) {
      response.closeHandler(v -> watches.remove(watch));
    }
  }

  /**
   * Serves a websocket watch, the form fabric8 clients use: one JSON event per text frame. Served
   * here rather than by the CRUD store so that websocket watches get the same last state of deleted
   * objects, resource-version resumes and field selectors as HTTP ones.
   */
  public void serveWebSocket(HttpServerRequest request) {
    ApiPath path = ApiPath.parse(request.uri());
    Optional<MockResponse> refused = refuse(path);
    if (refused.isPresent()) {
      send(request.response(), refused.get());
      return;
    }
    request
        .toWebSocket()
        .onSuccess(
            socket -> {
              var sink =
                  new EventSink() {
                    @Override
                    public boolean open() {
                      return !socket.isClosed();
                    }

                    @Override
                    public void send(String event) {
                      socket.writeTextMessage(event);
                    }

                    @Override
                    public void end() {
                      if (open()) {
                        socket.close();
                      }
                    }
                  };
              Watch watch = begin(path, sink, false);
              if (watch != null) {
                socket.closeHandler(v -> watches.remove(watch));
              }
            });
  }

  private Optional<MockResponse> refuse(ApiPath path) {
    if (path.type().isEmpty() || absent.hides(path.group())) {
      return Optional.of(Status.notFound("the server could not find the requested resource"));
    }
    try {
      FieldSelector.parse(path.query().get("fieldSelector"));
    } catch (IllegalArgumentException e) {
      return Optional.of(Status.error(400, "BadRequest", e.getMessage()));
    }
    return Optional.empty();
  }

  /** Sends the initial events and registers the watch; null when it ended at once (410). */
  private Watch begin(ApiPath path, EventSink sink, boolean table) {
    FieldSelector fields = FieldSelector.parse(path.query().get("fieldSelector"));
    Watch watch = new Watch(path, store.attributesOf(watchQueryPath(path)), fields, sink, table);
    String from = path.query().getOrDefault("resourceVersion", "");
    if ("true".equals(path.query().get("sendInitialEvents"))) {
      // Streaming list (client-go's WatchListClient, used by kubectl wait and rollout status):
      // the current state as ADDED events, then a bookmark saying the initial events are done.
      initialState(path).stream()
          .filter(fields::matches)
          .forEach(object -> watch.write("ADDED", object));
      watch.writeInitialEventsEnd(store.nextResourceVersion());
    } else if (from.isEmpty() || from.equals("0")) {
      initialState(path).stream()
          .filter(fields::matches)
          .forEach(object -> watch.write("ADDED", object));
    } else {
      Optional<List<WatchHistory.Entry>> missed = history.after(parseVersion(from));
      if (missed.isEmpty()) {
        watch.writeGone(from);
        sink.end();
        return null;
      }
      missed.get().forEach(entry -> watch.offer(entry.event()));
    }
    watches.add(watch);
    String timeout = path.query().get("timeoutSeconds");
    if (timeout != null) {
      long millis = Math.max(1, parseVersion(timeout)) * 1000;
      vertx.setTimer(
          millis,
          id -> {
            watches.remove(watch);
            sink.end();
          });
    }
    return watch;
  }

  /** Where a watch's events go: a chunked HTTP response or a websocket. */
  private interface EventSink {
    boolean open();

    void send(String event);

    void end();
  }

  /** The collection path with only the selector query parameters the store understands. */
  private static String watchQueryPath(ApiPath path) {
    var query = new StringBuilder();
    for (String key : List.of("labelSelector")) {
      String value = path.query().get(key);
      if (value != null && !value.isEmpty()) {
        query
            .append(query.isEmpty() ? '?' : '&')
            .append(key)
            .append('=')
            .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
      }
    }
    return path.collectionPath() + query;
  }

  private List<JsonNode> initialState(ApiPath path) {
    MockResponse list = store.call(HttpMethod.GET, watchQueryPath(path), null, null);
    if (list.code() != 200) {
      return List.of();
    }
    JsonNode items = SandboxDispatcher.JSON.readTree(list.getBody().readUtf8()).path("items");
    var objects = new java.util.ArrayList<JsonNode>();
    items.forEach(objects::add);
    return objects;
  }

  private static void send(HttpServerResponse response, MockResponse status) {
    response
        .setStatusCode(status.code())
        .putHeader("Content-Type", "application/json")
        .end(status.getBody().readUtf8());
  }

  static long parseVersion(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** One open watch stream. */
  private final class Watch {
    private final ApiPath path;
    private final AttributeSet selects;
    private final FieldSelector fields;
    private final EventSink sink;
    private final boolean table;
    private boolean columnsSent;

    Watch(ApiPath path, AttributeSet selects, FieldSelector fields, EventSink sink, boolean table) {
      this.path = path;
      this.selects = selects;
      this.fields = fields;
      this.sink = sink;
      this.table = table;
    }

    void offer(StoreEvent event) {
      if (event.attributes().matches(selects)) {
        JsonNode object = SandboxDispatcher.JSON.readTree(event.json());
        if (fields.matches(object)) {
          write(event.type(), object);
        }
      }
    }

    synchronized void write(String type, JsonNode object) {
      ObjectNode line = SandboxDispatcher.JSON.createObjectNode();
      line.put("type", type);
      if (table) {
        ObjectNode rows =
            TableView.toTable(path.resource(), object, IncludeObject.METADATA, clock.instant());
        if (columnsSent) {
          rows.putArray("columnDefinitions");
        }
        columnsSent = true;
        line.set("object", rows);
      } else {
        line.set("object", object);
      }
      if (sink.open()) {
        sink.send(line.toString());
      }
    }

    synchronized void writeInitialEventsEnd(long resourceVersion) {
      ObjectNode line = SandboxDispatcher.JSON.createObjectNode();
      line.put("type", "BOOKMARK");
      ObjectNode object = line.putObject("object");
      ApiResource type = path.type().orElseThrow();
      object.put("kind", type.kind());
      object.put("apiVersion", type.apiVersion());
      ObjectNode meta = object.putObject("metadata");
      meta.put("resourceVersion", String.valueOf(resourceVersion));
      meta.putObject("annotations").put("k8s.io/initial-events-end", "true");
      if (sink.open()) {
        sink.send(line.toString());
      }
    }

    void writeGone(String from) {
      ObjectNode line = SandboxDispatcher.JSON.createObjectNode();
      line.put("type", "ERROR");
      ObjectNode status = line.putObject("object");
      status.put("kind", "Status");
      status.put("apiVersion", "v1");
      status.put("status", "Failure");
      status.put("message", "too old resource version: " + from);
      status.put("reason", "Expired");
      status.put("code", 410);
      sink.send(line.toString());
    }
  }
}
