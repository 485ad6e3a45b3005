package dev.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.faultline.updates.UpdateFeed;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code faultline version [--check]} against a release feed on loopback. */
class VersionCommandTest {

  private HttpServer feed;
  private volatile int status = 200;
  private final AtomicInteger requests = new AtomicInteger();
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void start() throws Exception {
    feed = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    feed.createContext(
        "/",
        exchange -> {
          try (exchange) {
            requests.incrementAndGet();
            byte[] body =
                "{\"tag_name\":\"v0.2.0\",\"html_url\":\"https://example.org/r/v0.2.0\"}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream o = exchange.getResponseBody()) {
              o.write(body);
            }
          }
        });
    feed.start();
    System.setProperty(UpdateFeed.PROPERTY, url());
  }

  @AfterEach
  void stop() {
    System.clearProperty(UpdateFeed.PROPERTY);
    feed.stop(0);
  }

  private String url() {
    return "http://127.0.0.1:" + feed.getAddress().getPort() + "/latest";
  }

  private int run(String... args) {
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  @Test
  void withoutCheckItOnlyPrintsTheVersion() {
    assertThat(run("version")).isZero();
    assertThat(out.toString()).isEqualTo("faultline dev" + System.lineSeparator());
    assertThat(requests).hasValue(0);
  }

  @Test
  void checkReportsANewerReleaseWithExitCode10() {
    // From classes the version is "dev": a development build, older than any release.
    assertThat(run("version", "--check")).isEqualTo(10);
    assertThat(out.toString().strip())
        .isEqualTo("Faultline 0.2.0 is available (you have dev): https://example.org/r/v0.2.0");
    assertThat(requests).hasValue(1);
  }

  @Test
  void anUnreadableFeedIsExitCode69WithTheUrlAndCause() {
    status = 404;
    assertThat(run("version", "--check-updates")).isEqualTo(69);
    assertThat(err.toString().strip())
        .isEqualTo("version --check: " + url() + " answered HTTP 404 (Not Found).");
  }
}
