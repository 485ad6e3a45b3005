package dev.faultline.probe;

import dev.faultline.catalog.ParamValues;
import dev.faultline.catalog.StatusCodes;
import dev.faultline.model.TimeSpan;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLException;

/**
 * {@code http.check}: calls a URL and passes when the status is expected, the answer came within
 * {@code maxLatency} (when given) and the {@code jq} filter (when given) yields {@code true} over
 * the JSON body. The sample's value is the latency in milliseconds.
 *
 * <ul>
 *   <li>{@code ${env:NAME}} in the URL, headers and body is replaced by the environment variable at
 *       each call; values are not kept, and messages never show header values or substituted
 *       secrets.
 *   <li>Cluster-internal hosts ({@code http://checkout.shop/health}) are reached as {@link
 *       ClusterHosts} says: a demo URL annotation, DNS, or a port-forward.
 *   <li>{@code timeout} bounds the whole call, body included: a server that does not answer gives a
 *       failed sample "no answer within 2s".
 * </ul>
 *
 * Calls share two {@link HttpClient}s (verifying, and trusting any certificate for {@code
 * insecureSkipVerify}), so a thousand probes cost a thousand connections at most, not a thousand
 * clients with their selector threads.
 */
public final class HttpCheckExecutor implements ProbeExecutor {
  static final String ID = "http.check";
  private static final long MAX_BODY = 16L << 20;
  private static final byte[] EMPTY = new byte[0];

  @Override
  public String probeId() {
    return ID;
  }

  @Override
  public PreparedProbe prepare(ProbeRequest request, ProbeContext context) throws ProbeException {
    ParamValues params = request.params();
    String url;
    String method;
    Map<String, String> headers;
    String body;
    StatusCodes expect;
    Duration timeout;
    Duration maxLatency;
    boolean insecure;
    JqFilter jq;
    try {
      url = params.string("url").strip();
      method = params.optionalString("method").orElse("GET").toUpperCase(Locale.ROOT);
      headers = params.stringMap("headers");
      body = params.optionalString("body").orElse(null);
      expect = StatusCodes.parse(params.optionalString("expectStatus").orElse("200-299"));
      timeout = params.optionalDuration("timeout").orElse(Duration.ofSeconds(2));
      maxLatency = params.optionalDuration("maxLatency").orElse(null);
      insecure = params.optionalBoolean("insecureSkipVerify").orElse(false);
      jq =
          params.optionalString("jq").isPresent()
              ? JqFilter.compile(ID, params.string("jq"))
              : null;
    } catch (IllegalArgumentException e) {
      throw new ProbeException(request.id() + ": " + e.getMessage(), e);
    }
    if (timeout.isZero() || timeout.isNegative()) {
      throw new ProbeException(request.id() + ": timeout must be more than 0");
    }
    checkUrl(request.id(), url);
    checkHeaders(request.id(), headers);
    return new Prepared(
        new Call(url, method, headers, body, expect, timeout, maxLatency, insecure, jq),
        context.environment(),
        new ClusterHosts(context.client()));
  }

  /** Checks the URL with placeholders standing for their values, which are unknown until calls. */
  static void checkUrl(String id, String url) throws ProbeException {
    String probe = Secrets.PLACEHOLDER.matcher(url).replaceAll("x");
    try {
      URI uri = new URI(probe);
      if (uri.getScheme() == null
          || !(uri.getScheme().equalsIgnoreCase("http")
              || uri.getScheme().equalsIgnoreCase("https"))) {
        throw new ProbeException(id + ": '" + url + "' is not an http or https URL");
      }
      if (uri.getHost() == null || uri.getHost().isEmpty()) {
        throw new ProbeException(id + ": URL '" + url + "' has no host");
      }
    } catch (URISyntaxException e) {
      throw new ProbeException(id + ": invalid URL '" + url + "': " + e.getReason(), e);
    }
  }

  /** Lets the HTTP client reject restricted header names (Host, Connection...) before any call. */
  static void checkHeaders(String id, Map<String, String> headers) throws ProbeException {
    for (String name : headers.keySet()) {
      try {
        HttpRequest.newBuilder(URI.create("http://localhost/")).header(name, "x");
      } catch (IllegalArgumentException e) {
        throw new ProbeException(id + ": header '" + name + "' cannot be set by a probe", e);
      }
    }
  }

  /** What to call and what to expect; nothing secret (placeholders are still unresolved here). */
  private record Call(
      String url,
      String method,
      Map<String, String> headers,
      String body,
      StatusCodes expect,
      Duration timeout,
      Duration maxLatency,
      boolean insecure,
      JqFilter jq) {}

  private static final class Prepared implements PreparedProbe {
    private final Call call;
    private final UnaryOperator<String> environment;
    private final ClusterHosts hosts;

    Prepared(Call call, UnaryOperator<String> environment, ClusterHosts hosts) {
      this.call = call;
      this.environment = environment;
      this.hosts = hosts;
    }

    @Override
    public ProbeSample sample() throws InterruptedException {
      long start = System.nanoTime();
      long deadline = start + call.timeout().toNanos();
      Secrets secrets = Secrets.forCall(environment);
      try {
        return scrubbed(secrets, attempt(secrets, start, deadline));
      } catch (Secrets.MissingSecretException e) {
        return ProbeSample.fail(Double.NaN, since(start), e.getMessage());
      }
    }

    private ProbeSample attempt(Secrets secrets, long start, long deadline)
        throws Secrets.MissingSecretException, InterruptedException {
      URI uri;
      try {
        uri = new URI(secrets.resolve(call.url()));
      } catch (URISyntaxException e) {
        return ProbeSample.fail(Double.NaN, since(start), "invalid URL: " + e.getReason());
      }
      if (uri.getHost() == null) {
        return ProbeSample.fail(Double.NaN, since(start), "invalid URL: no host");
      }
      ClusterHosts.Address address;
      int port =
          uri.getPort() > 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
      try {
        address = hosts.resolve(uri.getHost(), port, deadline - System.nanoTime());
      } catch (ClusterHosts.UnreachableException e) {
        return ProbeSample.fail(Double.NaN, since(start), e.getMessage());
      }
      HttpRequest request;
      try {
        request = request(secrets, address.rewrite(uri), deadline);
      } catch (IllegalArgumentException e) { // a header value with a line break, a bad URL
        return ProbeSample.fail(Double.NaN, since(start), "invalid request: " + e.getMessage());
      }
      HttpClient client = call.insecure() ? Clients.INSECURE : Clients.VERIFYING;
      // Only jq reads the body; without it the body is drained and dropped.
      CompletableFuture<HttpResponse<byte[]>> pending =
          client.sendAsync(
              request,
              call.jq() == null
                  ? info -> HttpResponse.BodySubscribers.replacing(EMPTY)
                  : HttpResponse.BodyHandlers.limiting(
                      HttpResponse.BodyHandlers.ofByteArray(), MAX_BODY));
      HttpResponse<byte[]> response;
      try {
        response = pending.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        pending.cancel(true);
        return noAnswer(start, address);
      } catch (InterruptedException e) {
        pending.cancel(true);
        throw e;
      } catch (ExecutionException e) {
        return failure(e.getCause(), start, address);
      }
      return judge(response, start, address);
    }

    private HttpRequest request(Secrets secrets, URI target, long deadline)
        throws Secrets.MissingSecretException {
      var builder =
          HttpRequest.newBuilder(target)
              .timeout(Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime())));
      var resolved = new LinkedHashMap<String, String>();
      for (var header : call.headers().entrySet()) {
        resolved.put(header.getKey(), secrets.resolve(header.getValue()));
      }
      resolved.forEach(builder::header);
      HttpRequest.BodyPublisher publisher =
          call.body() == null
              ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString(
                  secrets.resolve(call.body()), StandardCharsets.UTF_8);
      return builder.method(call.method(), publisher).build();
    }

    private ProbeSample judge(
        HttpResponse<byte[]> response, long start, ClusterHosts.Address address) {
      Duration latency = since(start);
      double millis = latency.toNanos() / 1e6;
      String seen = response.statusCode() + " in " + Math.round(millis) + " ms" + via(address);
      if (!call.expect().matches(response.statusCode())) {
        return ProbeSample.fail(millis, latency, seen + ", expected " + call.expect().text());
      }
      if (call.maxLatency() != null && latency.compareTo(call.maxLatency()) > 0) {
        return ProbeSample.fail(
            millis, latency, seen + ", slower than maxLatency " + span(call.maxLatency()));
      }
      if (call.jq() == null) {
        return ProbeSample.pass(millis, latency, seen);
      }
      JqFilter.Outcome outcome =
          call.jq().testText(new String(response.body(), StandardCharsets.UTF_8));
      return new ProbeSample(outcome.passed(), millis, latency, seen + ", " + outcome.message());
    }

    private ProbeSample noAnswer(long start, ClusterHosts.Address address) {
      return ProbeSample.fail(
          Double.NaN, since(start), "no answer within " + span(call.timeout()) + via(address));
    }

    private ProbeSample failure(Throwable cause, long start, ClusterHosts.Address address) {
      if (cause instanceof HttpConnectTimeoutException || cause instanceof HttpTimeoutException) {
        return noAnswer(start, address);
      }
      if (cause instanceof ConnectException || cause instanceof UnknownHostException) {
        hosts.forget(); // the demo service or port-forward may have moved: look again next time
      }
      return ProbeSample.fail(Double.NaN, since(start), describe(cause) + via(address));
    }

    @Override
    public void close() {
      hosts.close();
    }
  }

  private static ProbeSample scrubbed(Secrets secrets, ProbeSample sample) {
    String message = secrets.scrub(sample.message());
    return message.equals(sample.message())
        ? sample
        : new ProbeSample(sample.passed(), sample.value(), sample.latency(), message);
  }

  private static String via(ClusterHosts.Address address) {
    return address.via().isEmpty() || address.forward() == null
        ? ""
        : " (via " + address.via() + ")";
  }

  static String describe(Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof ConnectException) {
        return "connection refused";
      }
      if (t instanceof UnknownHostException) {
        return "unknown host " + t.getMessage();
      }
      if (t instanceof SSLException) {
        return "TLS failed: " + t.getMessage();
      }
    }
    if (cause instanceof IOException && cause.getMessage() != null) {
      return cause.getMessage();
    }
    return cause == null
        ? "failed"
        : cause.getClass().getSimpleName()
            + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
  }

  static Duration since(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  static String span(Duration duration) {
    return TimeSpan.of(duration).text();
  }

  /** The shared clients, created on first use. */
  private static final class Clients {
    static final HttpClient VERIFYING = builder().build();
    static final HttpClient INSECURE = builder().sslContext(InsecureTls.context()).build();

    private static HttpClient.Builder builder() {
      return HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER)
          .executor(Executors.newVirtualThreadPerTaskExecutor());
    }
  }
}
