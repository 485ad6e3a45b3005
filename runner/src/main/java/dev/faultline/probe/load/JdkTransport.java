package dev.faultline.probe.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;

/**
 * {@code https} through the JDK's {@code HttpClient}: TLS is not worth a client of our own, and a
 * load over TLS is rarely about the last request per core. One client per load, closed with it; its
 * connection pool gives the keep-alive.
 */
final class JdkTransport implements Transport {
  private final HttpClient client;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final URI target;
  private final String method;
  private final Map<String, String> headers;
  private final String body;

  /**
   * @param tls the TLS context to use, {@code null} for the JDK's default (verifying)
   */
  JdkTransport(
      URI target, String method, Map<String, String> headers, String body, SSLContext tls) {
    this.target = target;
    this.method = method;
    this.headers = Map.copyOf(headers);
    this.body = body;
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .executor(executor);
    if (tls != null) {
      builder.sslContext(tls);
    }
    client = builder.build();
  }

  @Override
  public Channel open() {
    return new Channel() {
      @Override
      public int send(long deadlineNanos) throws IOException, InterruptedException {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
          throw new java.net.http.HttpTimeoutException("deadline passed");
        }
        var request = HttpRequest.newBuilder(target).timeout(Duration.ofNanos(left));
        headers.forEach(request::header);
        request.method(
            method,
            body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
      }

      @Override
      public void close() {}
    };
  }

  @Override
  public void close() {
    client.shutdownNow();
    executor.shutdownNow();
  }
}
