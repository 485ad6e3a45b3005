package dev.faultline.notify;

import dev.faultline.catalog.EnvPlaceholders;
import dev.faultline.model.Notification;
import dev.faultline.probe.Secrets;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * POSTs each message as JSON. Placeholders in the URL and headers are filled from the environment
 * per call and scrubbed from every error; connection errors, timeouts and 5xx answers are retried
 * with doubling backoff, other answers are final.
 */
public final class WebhookSink implements Sink {
  /** Connect, per-request and retry settings; {@link #DEFAULT} for runs. */
  public record Timing(Duration connect, Duration request, int retries, Duration backoff) {
    public static final Timing DEFAULT =
        new Timing(Duration.ofSeconds(2), Duration.ofSeconds(5), 2, Duration.ofMillis(250));
  }

  private final Notification.Webhook hook;
  private final UnaryOperator<String> environment;
  private final Timing timing;
  private final HttpClient client;
  private final String label;

  public WebhookSink(Notification.Webhook hook, UnaryOperator<String> environment, Timing timing) {
    this.hook = hook;
    this.environment = environment;
    this.timing = timing;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(timing.connect())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    this.label = hostOf(hook.url());
  }

  /** The URL's host (the path of a Slack webhook URL is its secret), or "webhook". */
  static String hostOf(String url) {
    try {
      URI shape = URI.create(EnvPlaceholders.PATTERN.matcher(url).replaceAll("x"));
      URI raw = URI.create(url.replace("${", "%7B").replace("}", "%7D"));
      return shape.getHost() == null || !shape.getHost().equals(raw.getHost())
          ? "webhook"
          : shape.getHost();
    } catch (IllegalArgumentException e) {
      return "webhook";
    }
  }

  @Override
  public String label() {
    return label;
  }

  @Override
  public void send(NotifyMessage message) throws IOException, InterruptedException {
    Secrets secrets = Secrets.forCall(environment);
    HttpRequest request;
    try {
      request = request(secrets, message);
    } catch (Secrets.MissingSecretException e) {
      throw new IOException(e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new IOException("invalid request: " + secrets.scrub(e.getMessage()));
    }
    Duration pause = timing.backoff();
    for (int attempt = 0; ; attempt++) {
      Failure failure = attempt(request, secrets);
      if (failure == null) {
        return;
      }
      if (!failure.retry() || attempt >= timing.retries()) {
        throw new IOException(
            failure.message() + (attempt > 0 ? " (after " + (attempt + 1) + " attempts)" : ""));
      }
      Thread.sleep(pause);
      pause = pause.multipliedBy(2);
    }
  }

  private record Failure(String message, boolean retry) {}

  /** One POST; {@code null} when delivered. */
  private Failure attempt(HttpRequest request, Secrets secrets) throws InterruptedException {
    try {
      int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      return status < 300 ? null : new Failure("HTTP " + status, status >= 500 || status == 429);
    } catch (HttpTimeoutException e) {
      return new Failure("no answer within " + timing.request().toMillis() / 1000.0 + " s", true);
    } catch (ConnectException e) {
      return new Failure("cannot connect", true);
    } catch (IOException e) {
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return new Failure(secrets.scrub(message), true);
    }
  }

  @Override
  public void close() {
    client.shutdownNow();
  }

  private HttpRequest request(Secrets secrets, NotifyMessage message)
      throws Secrets.MissingSecretException {
    String body =
        hook.effectiveFormat() == Notification.WebhookFormat.SLACK
            ? Payloads.slack(message)
            : Payloads.generic(message);
    var builder =
        HttpRequest.newBuilder(URI.create(secrets.resolve(hook.url())))
            .timeout(timing.request())
            .header("Content-Type", "application/json")
            .header("User-Agent", "faultline")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    for (Map.Entry<String, String> header : hook.headers().entrySet()) {
      builder.setHeader(header.getKey(), secrets.resolve(header.getValue()));
    }
    return builder.build();
  }
}
