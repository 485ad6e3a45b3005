package dev.faultline.sandbox.api;

import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.vertx.HttpServerRequestHandler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The sandbox's Kubernetes API endpoint on 127.0.0.1: a Vert.x HTTP server that serves streaming
 * watches itself and hands every other request (including websocket upgrades for fabric8 watches
 * and exec) to the {@link SandboxDispatcher}, through fabric8 mock web server's request handler.
 * Can be stopped and started again on the same port, for API-outage tests.
 */
public final class SandboxApiServer implements AutoCloseable {
  /** Websocket protocols of exec/attach (kubectl 1.30+ speaks v5; fabric8 v4). */
  static final List<String> CHANNEL_PROTOCOLS =
      List.of(
          "v5.channel.k8s.io",
          "v4.channel.k8s.io",
          "v3.channel.k8s.io",
          "v2.channel.k8s.io",
          "channel.k8s.io");

  private final Vertx vertx;
  private final SandboxStore store;
  private final HttpWatches watches;
  private final Clock clock;
  private final Subresources subresources;
  private final AccessRules access = new AccessRules();
  private final AbsentGroups absent = new AbsentGroups();
  private HttpServer server;
  private final java.util.Set<io.vertx.core.http.HttpConnection> connections =
      java.util.concurrent.ConcurrentHashMap.newKeySet();
  private int port;

  public SandboxApiServer(SandboxStore store, Clock clock, Subresources subresources) {
    this.vertx = Vertx.vertx();
    this.store = store;
    this.clock = clock;
    this.subresources = subresources;
    this.watches = new HttpWatches(store, clock, vertx, absent);
  }

  /** What the API forbids (nothing, unless a test denies something). */
  public AccessRules accessRules() {
    return access;
  }

  /** API groups served as if never installed (none, unless the sandbox leaves Chaos Mesh out). */
  public AbsentGroups absentGroups() {
    return absent;
  }

  /** Starts listening on {@code port} (0 picks a free one); returns the port. */
  public synchronized int start(int requestedPort) {
    if (server != null) {
      return port;
    }
    var options =
        new HttpServerOptions()
            .setHost("127.0.0.1")
            .setPort(requestedPort)
            .setReuseAddress(true)
            .setWebSocketSubProtocols(CHANNEL_PROTOCOLS)
            .setHandle100ContinueAutomatically(true)
            .setCompressionSupported(true);
    HttpServer created = vertx.createHttpServer(options);
    var dispatcher =
        new SandboxDispatcher(
            store, "127.0.0.1:" + requestedPort, clock, subresources, access, absent);
    var handler =
        new HttpServerRequestHandler(vertx) {
          @Override
          protected MockResponse onHttpRequest(RecordedRequest request) {
            return dispatcher.dispatch(request);
          }
        };
    created.connectionHandler(
        connection -> {
          connections.add(connection);
          connection.closeHandler(v -> connections.remove(connection));
        });
    created.requestHandler(
        request -> {
          if (HttpWatches.isHttpWatch(request)) {
            watches.serve(request);
          } else if (isWebSocketUpgrade(request) && isWatch(request)) {
            watches.serveWebSocket(request);
          } else if (isWebSocketUpgrade(request)) {
            handler.handle(
                request); // exec and fabric8 watches: the mock server's websocket handling
          } else {
            offEventLoop(request, dispatcher);
          }
        });
    try {
      server = created.listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(
          "cannot listen on 127.0.0.1:" + requestedPort + ": " + rootMessage(e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting the sandbox API", e);
    }
    port = server.actualPort();
    return port;
  }

  private static boolean isWatch(io.vertx.core.http.HttpServerRequest request) {
    String watch = request.getParam("watch");
    return "true".equals(watch) || "1".equals(watch);
  }

  private static boolean isWebSocketUpgrade(io.vertx.core.http.HttpServerRequest request) {
    String upgrade = request.getHeader("Upgrade");
    return upgrade != null && upgrade.equalsIgnoreCase("websocket");
  }

  /**
   * Answers a plain request on a virtual thread: a list of 30,000 pods takes seconds to build, and
   * on the event loop it would stall every other client, watches included.
   */
  private static void offEventLoop(
      io.vertx.core.http.HttpServerRequest request, SandboxDispatcher dispatcher) {
    request
        .body()
        .onSuccess(
            body ->
                Thread.startVirtualThread(
                    () -> {
                      var headers = io.fabric8.mockwebserver.http.Headers.builder();
                      request.headers().forEach(h -> headers.add(h.getKey(), h.getValue()));
                      var recorded =
                          new RecordedRequest(
                              "HTTP/1.1",
                              io.fabric8.mockwebserver.dsl.HttpMethod.fromVertx(request.method()),
                              request.uri(),
                              headers.build(),
                              new io.fabric8.mockwebserver.http.Buffer(body.getBytes()));
                      MockResponse response = dispatcher.dispatch(recorded);
                      var out = request.response().setStatusCode(response.code());
                      response
                          .getHeaders()
                          .toMultimap()
                          .forEach((name, values) -> out.putHeader(name, values));
                      byte[] bytes =
                          response.getBody() == null
                              ? new byte[0]
                              : response.getBody().readByteArray();
                      out.end(io.vertx.core.buffer.Buffer.buffer(bytes));
                    }))
        .onFailure(e -> request.response().setStatusCode(400).end());
  }

  /** Stops listening; open connections are closed. The store keeps its objects. */
  public synchronized void stop() {
    if (server == null) {
      return;
    }
    // An outage drops every client, watches included, as a dead API server would; closing the
    // listener alone would leave open connections serving.
    connections.forEach(io.vertx.core.http.HttpConnection::close);
    connections.clear();
    try {
      server.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      // Closing is best effort: the port is released when the process ends anyway.
    }
    server = null;
  }

  public synchronized boolean isRunning() {
    return server != null;
  }

  public int port() {
    return port;
  }

  public String url() {
    return "http://127.0.0.1:" + port;
  }

  @Override
  public void close() {
    stop();
    vertx.close();
  }

  private static String rootMessage(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause.getMessage();
  }
}
