package dev.faultline.probe;

import dev.faultline.sandbox.PrometheusScrapeConfig;
import dev.faultline.sandbox.demo.ServiceKey;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Prometheus for tests: the Debian package's {@code /usr/bin/prometheus} as a child process,
 * with a temporary configuration (written by {@link PrometheusScrapeConfig}, scraping every second)
 * and storage, on a free loopback port, behind HTTP basic auth. {@link #start} returns once it is
 * ready and its first scrape of every target has landed; {@link #close} kills it.
 *
 * <p>A missing binary fails the test with the command that installs it: these tests are how we know
 * the probe works against the real server, so they must not quietly skip. {@code
 * FAULTLINE_PROMETHEUS} names another binary.
 */
final class PrometheusServer implements AutoCloseable {
  static final String USER = "faultline";
  static final String PASSWORD = "faultline-test-secret";

  /** bcrypt (cost 4, the cheapest Prometheus accepts) of {@link #PASSWORD}. */
  private static final String PASSWORD_BCRYPT =
      "$2b$04$xRRFWDfNcrj1awb1KWQjOeu6xhP946ham1p.mCgih4BPYSoCS1Muu";

  private static final Duration START_LIMIT = Duration.ofSeconds(60);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final Process process;
  private final Path log;
  private final URI url;
  private final Thread killer;

  private PrometheusServer(Process process, Path log, URI url) {
    this.process = process;
    this.log = log;
    this.url = url;
    this.killer = new Thread(process::destroyForcibly, "prometheus-killer");
    Runtime.getRuntime().addShutdownHook(killer); // no orphan if the test JVM dies first
  }

  /**
   * Starts Prometheus scraping {@code targets} and waits until it has scraped each of them once.
   *
   * @param dir an empty directory for the configuration, the storage and the log
   */
  static PrometheusServer start(Path dir, Map<ServiceKey, URI> targets) throws Exception {
    long started = System.nanoTime();
    Path binary = binary();
    Path config = dir.resolve("prometheus.yml");
    Files.writeString(config, PrometheusScrapeConfig.render(targets, Duration.ofSeconds(1)));
    Path web = dir.resolve("web.yml");
    Files.writeString(web, "basic_auth_users:\n  " + USER + ": " + PASSWORD_BCRYPT + "\n");
    PrometheusServer server = null;
    // A free port can be taken by someone else between our look and Prometheus's bind: try again.
    for (int attempt = 1; server == null; attempt++) {
      int port = freePort();
      Path log = dir.resolve("prometheus-" + attempt + ".log");
      Process process =
          new ProcessBuilder(
                  binary.toString(),
                  "--config.file=" + config,
                  "--web.config.file=" + web,
                  "--storage.tsdb.path=" + dir.resolve("data-" + attempt),
                  "--web.listen-address=127.0.0.1:" + port)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      var candidate = new PrometheusServer(process, log, URI.create("http://127.0.0.1:" + port));
      try {
        candidate.awaitReady();
        server = candidate;
      } catch (AssertionError e) {
        candidate.close();
        if (attempt == 3 || !Files.readString(log).contains("address already in use")) {
          throw e;
        }
      }
    }
    long ready = System.nanoTime();
    // Prometheus hands new targets to the scrapers every 5 s, so the first scrape comes late.
    server.awaitScraped(targets.size());
    System.err.printf(
        "Prometheus ready in %d ms, all %d targets scraped after %d ms%n",
        (ready - started) / 1_000_000, targets.size(), (System.nanoTime() - started) / 1_000_000);
    return server;
  }

  private static Path binary() {
    String override = System.getenv("FAULTLINE_PROMETHEUS");
    if (override != null && !override.isBlank()) {
      Path path = Path.of(override);
      if (!Files.isExecutable(path)) {
        throw new AssertionError("FAULTLINE_PROMETHEUS=" + override + " is not an executable");
      }
      return path;
    }
    Stream<Path> candidates =
        Stream.concat(
            Stream.of(Path.of("/usr/bin/prometheus")),
            Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .filter(p -> !p.isEmpty())
                .map(p -> Path.of(p, "prometheus")));
    return candidates
        .filter(Files::isExecutable)
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    "Prometheus is not installed: no /usr/bin/prometheus and none on PATH. The"
                        + " prometheus.query tests run a real Prometheus: install the Debian package"
                        + " (apt-get install prometheus; .ci/run does) or set FAULTLINE_PROMETHEUS"
                        + " to a prometheus binary."));
  }

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** {@code http://127.0.0.1:PORT}. */
  URI url() {
    return url;
  }

  /** The {@code Authorization} header value that Prometheus accepts. */
  static String authorization() {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
  }

  /** Runs an instant query and returns Prometheus's answer as it came. */
  String query(String promQl) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(url.resolve("/api/v1/query"))
            .header("Authorization", authorization())
            .header("Content-Type", "application/x-www-form-urlencoded")
            .timeout(Duration.ofSeconds(10))
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "query=" + URLEncoder.encode(promQl, StandardCharsets.UTF_8)))
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
  }

  private void awaitReady() throws Exception {
    long deadline = System.nanoTime() + START_LIMIT.toNanos();
    HttpRequest ready =
        HttpRequest.newBuilder(url.resolve("/-/ready"))
            .header("Authorization", authorization())
            .timeout(Duration.ofSeconds(2))
            .build();
    while (true) {
      if (!process.isAlive()) {
        throw new AssertionError(
            "Prometheus exited with " + process.exitValue() + " while starting:\n" + logTail());
      }
      try {
        if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Prometheus not ready within " + START_LIMIT + ":\n" + logTail());
      }
      Thread.sleep(50);
    }
  }

  /** Waits until every target has been scraped and found up. */
  private void awaitScraped(int targets) throws Exception {
    String wanted = "\"value\":[";
    long deadline = System.nanoTime() + START_LIMIT.toNanos();
    String last = "";
    while (System.nanoTime() < deadline) {
      last = query("count(up == 1) == " + targets);
      if (last.contains(wanted)) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError(
        "Prometheus did not scrape all "
            + targets
            + " targets within "
            + START_LIMIT
            + ": "
            + last);
  }

  /** The end of Prometheus's log, for failure messages. */
  String logTail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() {
    process.destroy(); // SIGTERM: Prometheus shuts down cleanly in well under a second
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    try {
      Runtime.getRuntime().removeShutdownHook(killer);
    } catch (IllegalStateException e) {
      // the JVM is shutting down already; the hook runs and finds the process gone
    }
  }
}
