package dev.faultline.probe.load;

import static dev.faultline.probe.load.ScriptedServer.ok;
import static dev.faultline.probe.load.ScriptedServer.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class Http1ConnectionTest {
  private final DeadlineWatch watch = new DeadlineWatch();
  private ScriptedServer server;

  @AfterEach
  void stop() throws Exception {
    watch.close();
    if (server != null) {
      server.close();
    }
  }

  private Http1Connection connection(String method, String body) {
    URI uri = URI.create("http://127.0.0.1:" + server.port() + "/orders?id=7");
    return new Http1Connection(
        server.address(), RequestBytes.of(uri, method, Map.of("X-Test", "yes"), body), watch);
  }

  private static long inSeconds(int seconds) {
    return System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
  }

  @Test
  void keepsOneConnectionForManyAnswersOfAnySize() throws Exception {
    String big = "x".repeat(100_000); // larger than the read buffer
    server =
        new ScriptedServer(
            (i, request, out) -> {
              ok(out, i % 10 == 3 ? big : "{\"n\":" + i + "}");
              return true;
            });
    try (Http1Connection connection = connection("GET", null)) {
      for (int i = 0; i < 50; i++) {
        assertThat(connection.send(inSeconds(5))).isEqualTo(200);
      }
    }
    assertThat(server.connections()).isEqualTo(1);
    assertThat(server.requests().getFirst())
        .startsWith("GET /orders?id=7 HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\n")
        .contains("X-Test: yes\r\n")
        .doesNotContain("Content-Length");
  }

  @Test
  void readsChunkedBodiesWithExtensionsAndTrailersAndKeepsGoing() throws Exception {
    server =
        new ScriptedServer(
            (i, request, out) -> {
              write(out, "HTTP/1.1 201 Created\r\nTransfer-Encoding: chunked\r\n\r\n");
              write(out, "5;name=value\r\nhello\r\n");
              write(out, "1A\r\n" + "y".repeat(26) + "\r\n");
              write(out, "0\r\nX-Checksum: abc\r\n\r\n");
              return true;
            });
    try (Http1Connection connection = connection("GET", null)) {
      assertThat(connection.send(inSeconds(5))).isEqualTo(201);
      assertThat(connection.send(inSeconds(5))).isEqualTo(201);
    }
    assertThat(server.connections()).isEqualTo(1);
  }

  @Test
  void anHttp10AnswerWithoutLengthIsReadToTheEndAndTheNextRequestReconnects() throws Exception {
    server =
        new ScriptedServer(
            (i, request, out) -> {
              write(out, "HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nbody until the end");
              return false;
            });
    try (Http1Connection connection = connection("GET", null)) {
      assertThat(connection.send(inSeconds(5))).isEqualTo(200);
      assertThat(connection.send(inSeconds(5))).isEqualTo(200);
    }
    assertThat(server.connections()).isEqualTo(2);
  }

  @Test
  void connectionCloseIsHonoured() throws Exception {
    server =
        new ScriptedServer(
            (i, request, out) -> {
              write(
                  out,
                  "HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
              return false;
            });
    try (Http1Connection connection = connection("GET", null)) {
      assertThat(connection.send(inSeconds(5))).isEqualTo(503);
      assertThat(connection.send(inSeconds(5))).isEqualTo(503);
    }
    assertThat(server.connections()).isEqualTo(2);
  }

  @Test
  void anIdleConnectionTheServerDroppedIsRetriedOnceForIdempotentMethodsOnly() throws Exception {
    // The server answers and then drops the connection without a word, as on a keep-alive
    // timeout; the next request finds it closed.
    server =
        new ScriptedServer(
            (i, request, out) -> {
              ok(out, "ok");
              return false;
            });
    try (Http1Connection get = connection("GET", null)) {
      assertThat(get.send(inSeconds(5))).isEqualTo(200);
      Thread.sleep(100); // let the close arrive
      assertThat(get.send(inSeconds(5))).isEqualTo(200);
    }
    assertThat(server.connections()).isEqualTo(2);

    try (Http1Connection post = connection("POST", "{\"order\":1}")) {
      assertThat(post.send(inSeconds(5))).isEqualTo(200);
      Thread.sleep(100);
      assertThatThrownBy(() -> post.send(inSeconds(5)))
          .isInstanceOf(EOFException.class)
          .hasMessage("connection closed by the server before an answer");
    }
    assertThat(server.requests().get(2))
        .startsWith("POST /orders?id=7 HTTP/1.1\r\n")
        .contains("Content-Length: 11\r\n")
        .endsWith("\r\n\r\n{\"order\":1}");
  }

  @Test
  void aServerThatNeverAnswersTimesOutAtTheDeadline() throws Exception {
    server =
        new ScriptedServer(
            (i, request, out) -> {
              Thread.sleep(Duration.ofSeconds(30));
              return false;
            });
    try (Http1Connection connection = connection("GET", null)) {
      long start = System.nanoTime();
      assertThatThrownBy(() -> connection.send(start + Duration.ofMillis(300).toNanos()))
          .isInstanceOf(SocketTimeoutException.class);
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      assertThat(took).isBetween(Duration.ofMillis(300), Duration.ofMillis(1_300));
    }
  }

  @Test
  void headAnswersAndNoContentHaveNoBodyAndInterimAnswersAreSkipped() throws Exception {
    server =
        new ScriptedServer(
            (i, request, out) -> {
              switch (i) {
                case 0 -> write(out, "HTTP/1.1 200 OK\r\nContent-Length: 1234\r\n\r\n"); // HEAD
                case 1 -> write(out, "HTTP/1.1 204 No Content\r\n\r\n");
                default -> {
                  write(out, "HTTP/1.1 100 Continue\r\n\r\n");
                  ok(out, "after continue");
                }
              }
              return true;
            });
    try (Http1Connection head = connection("HEAD", null)) {
      assertThat(head.send(inSeconds(5))).isEqualTo(200);
      assertThat(head.send(inSeconds(5))).isEqualTo(204); // not a HEAD answer, but no body by rule
      assertThat(head.send(inSeconds(5))).isEqualTo(200);
    }
    assertThat(server.connections()).isEqualTo(1);
  }

  @Test
  void aRefusedConnectionSaysSo() throws Exception {
    int port;
    try (var closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = closed.getLocalPort();
    }
    URI uri = URI.create("http://127.0.0.1:" + port + "/");
    try (var connection =
        new Http1Connection(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
            RequestBytes.of(uri, "GET", Map.of(), null),
            watch)) {
      assertThatThrownBy(() -> connection.send(inSeconds(5))).isInstanceOf(ConnectException.class);
    }
  }
}
