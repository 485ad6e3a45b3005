package dev.faultline.updates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The checker against a real HTTP server on loopback. */
class UpdateCheckerTest {

  private static final String RELEASE =
      """
      {"tag_name": "v0.2.0", "name": "Faultline 0.2.0",
       "html_url": "https://example.org/releases/v0.2.0",
       "body": "## What's new\\n- Opt-in update check\\n", "draft": false, "prerelease": false}
      """;

  private HttpServer server;
  private volatile int status = 200;
  private volatile String body = RELEASE;
  private volatile Duration delay = Duration.ZERO;
  private final List<Headers> requests = new CopyOnWriteArrayList<>();
  private final List<String> requestLines = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext(
        "/",
        exchange -> {
          try (exchange) {
            requests.add(exchange.getRequestHeaders());
            requestLines.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            try {
              Thread.sleep(delay);
            } catch (InterruptedException e) {
              return;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(bytes);
            }
          }
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/releases/latest";
  }

  private UpdateStatus check(String current) throws UpdateCheckException {
    return new UpdateChecker(url(), current, Duration.ofSeconds(5), false).check();
  }

  @Test
  void newerReleaseIsOfferedWithItsPageAndNotes() throws Exception {
    UpdateStatus status = check("0.1.0");

    assertThat(status).isInstanceOf(UpdateStatus.Available.class);
    Release release = ((UpdateStatus.Available) status).release();
    assertThat(release.version().toString()).isEqualTo("0.2.0");
    assertThat(release.name()).isEqualTo("Faultline 0.2.0");
    assertThat(release.page())
        .hasValueSatisfying(
            uri -> assertThat(uri.toString()).isEqualTo("https://example.org/releases/v0.2.0"));
    assertThat(release.notesExcerpt()).isEqualTo("## What's new\n- Opt-in update check");
  }

  @Test
  void sendsAPlainGetWithTheProductVersionOnly() throws Exception {
    check("0.1.0");

    assertThat(requestLines).containsExactly("GET /releases/latest");
    Headers headers = requests.getFirst();
    assertThat(headers.getFirst("User-Agent")).isEqualTo("Faultline/0.1.0");
    assertThat(headers.keySet())
        .map(String::toLowerCase)
        .doesNotContain("cookie", "authorization", "x-client-id")
        .isSubsetOf(
            "user-agent",
            "accept",
            "host",
            "connection",
            "content-length",
            "upgrade",
            "http2-settings");
  }

  @Test
  void sameVersionIsUpToDate() throws Exception {
    assertThat(check("0.2.0")).isEqualTo(new UpdateStatus.UpToDate("0.2.0", "0.2.0"));
  }

  @Test
  void olderReleaseIsUpToDate() throws Exception {
    assertThat(check("0.3.0-SNAPSHOT"))
        .isEqualTo(new UpdateStatus.UpToDate("0.3.0-SNAPSHOT", "0.2.0"));
  }

  @Test
  void snapshotOfTheReleasedVersionIsOffered() throws Exception {
    assertThat(check("0.2.0-SNAPSHOT")).isInstanceOf(UpdateStatus.Available.class);
  }

  @Test
  void aDevelopmentBuildIsOfferedAnyRelease() throws Exception {
    assertThat(check("dev")).isInstanceOf(UpdateStatus.Available.class);
  }

  @Test
  void notFoundNamesTheUrlAndStatus() {
    status = 404;
    body = "{\"message\":\"Not Found\"}";

    assertThatThrownBy(() -> check("0.1.0"))
        .isInstanceOf(UpdateCheckException.class)
        .hasMessage(url() + " answered HTTP 404 (Not Found).");
  }

  @Test
  void malformedJsonNamesTheUrl() {
    body = "<html>captive portal</html>";

    assertThatThrownBy(() -> check("0.1.0"))
        .isInstanceOf(UpdateCheckException.class)
        .hasMessageStartingWith(url() + " did not return a release feed: not valid JSON (");
  }

  @Test
  void jsonWithoutATagIsMalformed() {
    body = "{\"name\":\"x\"}";

    assertThatThrownBy(() -> check("0.1.0"))
        .hasMessage(url() + " did not return a release feed: a release has no tag_name.");
  }

  @Test
  void timeoutNamesTheUrlAndTheLimit() {
    delay = Duration.ofSeconds(3);

    assertThatThrownBy(
            () -> new UpdateChecker(url(), "0.1.0", Duration.ofMillis(300), false).check())
        .isInstanceOf(UpdateCheckException.class)
        .hasMessage("No answer from " + url() + " within 0 s.");
  }

  @Test
  void nothingListeningIsOffline() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    String closed = "http://127.0.0.1:" + port + "/feed";

    assertThatThrownBy(
            () -> new UpdateChecker(closed, "0.1.0", Duration.ofSeconds(2), false).check())
        .isInstanceOf(UpdateCheckException.class)
        .hasMessageStartingWith("Cannot reach " + closed + ": ")
        .hasMessageEndingWith("(offline?).");
  }

  @Test
  void aListSkipsDraftsAndPreReleasesUnlessAskedFor() throws Exception {
    body =
        """
        [{"tag_name":"v0.4.0","draft":true,"html_url":"https://example.org/d"},
         {"tag_name":"v0.3.0-rc.1","prerelease":true,"html_url":"https://example.org/rc"},
         {"tag_name":"v0.2.0","html_url":"https://example.org/r"},
         {"tag_name":"v0.1.0","html_url":"https://example.org/o"}]
        """;

    UpdateStatus stable = check("0.1.0");
    UpdateStatus withPre = new UpdateChecker(url(), "0.1.0", Duration.ofSeconds(5), true).check();

    assertThat(((UpdateStatus.Available) stable).release().tag()).isEqualTo("v0.2.0");
    assertThat(((UpdateStatus.Available) withPre).release().tag()).isEqualTo("v0.3.0-rc.1");
    assertThat(check("0.2.0")).isInstanceOf(UpdateStatus.UpToDate.class);
  }

  @Test
  void aPageThatIsNotAWebPageIsNotOffered() throws Exception {
    body = "{\"tag_name\":\"v0.2.0\",\"html_url\":\"file:///etc/passwd\"}";

    assertThat(((UpdateStatus.Available) check("0.1.0")).release().page()).isEmpty();
  }

  @Test
  void plainHttpIsRefusedExceptToThisMachine() {
    assertThatThrownBy(
            () ->
                new UpdateChecker("http://example.org/feed", "0.1.0", Duration.ofSeconds(1), false)
                    .check())
        .hasMessage(
            "The update feed address http://example.org/feed uses plain http; only https is"
                + " allowed (http only to this machine).");
    assertThatThrownBy(() -> UpdateFeed.uri("ftp://example.org/feed"))
        .hasMessage("The update feed address ftp://example.org/feed is not an https:// URL.");
    assertThat(requests).isEmpty();
  }

  @Test
  void propertyWinsOverEnvironmentOverDefault() {
    assertThat(UpdateFeed.configured("https://a/feed", "https://b/feed"))
        .isEqualTo("https://a/feed");
    assertThat(UpdateFeed.configured(null, "https://b/feed")).isEqualTo("https://b/feed");
    assertThat(UpdateFeed.configured(" ", "")).isEqualTo(UpdateFeed.DEFAULT_URL);
  }

  @Test
  void longNotesAreCut() {
    String notes = "line\n".repeat(30);
    Release release =
        new Release(
            "v1",
            ReleaseVersion.parse("1").orElseThrow(),
            "v1",
            java.util.Optional.empty(),
            notes,
            false,
            false);
    assertThat(release.notesExcerpt()).isEqualTo("line\n".repeat(12).strip() + " \u2026");
  }
}
