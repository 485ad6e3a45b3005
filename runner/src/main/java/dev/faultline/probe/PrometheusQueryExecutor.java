package dev.faultline.probe;

import static dev.faultline.probe.HttpCheckExecutor.describe;
import static dev.faultline.probe.HttpCheckExecutor.since;
import static dev.faultline.probe.HttpCheckExecutor.span;

import dev.faultline.catalog.ParamValues;
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
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;

/**
 * {@code prometheus.query}: asks Prometheus's HTTP API for one PromQL result and passes when it
 * compares true against {@code threshold}. The sample's value is the result, which the charts plot.
 *
 * <ul>
 *   <li>Without {@code range}: an instant query ({@code POST /api/v1/query}). With it: a range
 *       query ({@code POST /api/v1/query_range}) over the last {@code range} every {@code step}
 *       (default a 60th of the range, at least 1 s), whose points {@code reduce} turns into one
 *       value (default {@code worst}: every point must pass).
 *   <li>The result must be one number: a scalar or a single series. No data fails unless {@code
 *       onEmpty: pass}; several series, NaN and Prometheus errors ({@code bad_data} for PromQL
 *       syntax, {@code execution}, {@code timeout}) fail with a message saying so. See {@link
 *       PromQueryCheck}.
 *   <li>{@code ${env:NAME}} in the URL and headers is replaced at each call, as in {@code
 *       http.check}; messages never show the substituted values.
 *   <li>Cluster-internal hosts ({@code http://prometheus.monitoring:9090}) are reached as {@link
 *       ClusterHosts} says: a demo URL annotation, cluster DNS, or a port-forward.
 *   <li>{@code timeout} bounds the whole call; Prometheus gets a slightly shorter evaluation
 *       timeout so that a slow query ends with its own error rather than with no answer.
 * </ul>
 *
 * {@link #prepare} refuses an empty query and one with unbalanced brackets or an unclosed string
 * ({@link PromQlShape}); the server's parser judges the rest at each call.
 */
public final class PrometheusQueryExecutor implements ProbeExecutor {
  static final String ID = "prometheus.query";

  /** Prometheus refuses range queries with more points per series than this. */
  static final long MAX_POINTS = 11_000;

  private static final long MAX_BODY = 16L << 20;
  private static final Duration MIN_STEP = Duration.ofSeconds(1);

  private final Clock clock;

  public PrometheusQueryExecutor() {
    this(Clock.systemUTC());
  }

  /** With the clock that ends range queries; tests fix it. */
  PrometheusQueryExecutor(Clock clock) {
    this.clock = clock;
  }

  @Override
  public String probeId() {
    return ID;
  }

  @Override
  public PreparedProbe prepare(ProbeRequest request, ProbeContext context) throws ProbeException {
    ParamValues params = request.params();
    String id = request.id();
    PromQuery query;
    PromQueryCheck check;
    try {
      String url = params.string("url").strip();
      String promQl = params.string("query");
      Duration range = params.optionalDuration("range").orElse(null);
      Duration step = params.optionalDuration("step").orElse(null);
      Duration timeout = params.optionalDuration("timeout").orElse(Duration.ofSeconds(5));
      Map<String, String> headers = params.stringMap("headers");
      check =
          new PromQueryCheck(
              promQl,
              new PromComparison(params.string("operator"), params.doubleValue("threshold")),
              PromReduce.of(params.optionalString("reduce").orElse("worst")),
              passOnEmpty(params.optionalString("onEmpty").orElse("fail")));
      checkQuery(id, promQl);
      checkTimes(id, range, step, timeout);
      HttpCheckExecutor.checkUrl(id, url);
      HttpCheckExecutor.checkHeaders(id, headers);
      query =
          new PromQuery(
              url,
              promQl,
              range,
              step == null && range != null ? defaultStep(range) : step,
              timeout,
              headers);
    } catch (IllegalArgumentException e) { // a missing parameter, an unknown reduce or operator
      throw new ProbeException(id + ": " + e.getMessage(), e);
    }
    if (query.queryString() != null) {
      throw new ProbeException(
          id
              + ": url '"
              + query.url()
              + "' has a query string; give the Prometheus base URL, e.g."
              + " http://prometheus.monitoring:9090");
    }
    return new Prepared(
        query, check, context.environment(), new ClusterHosts(context.client()), clock);
  }

  private static boolean passOnEmpty(String onEmpty) {
    return switch (onEmpty) {
      case "pass" -> true;
      case "fail" -> false;
      default ->
          throw new IllegalArgumentException("unknown onEmpty '" + onEmpty + "'; use fail or pass");
    };
  }

  private static void checkQuery(String id, String promQl) throws ProbeException {
    var problem = PromQlShape.problem(promQl);
    if (problem.isPresent()) {
      throw new ProbeException(id + ": query: " + problem.get());
    }
  }

  private static void checkTimes(String id, Duration range, Duration step, Duration timeout)
      throws ProbeException {
    if (!timeout.isPositive()) {
      throw new ProbeException(id + ": timeout must be more than 0");
    }
    if (range == null) {
      if (step != null) {
        throw new ProbeException(id + ": step applies to range queries only; set range too");
      }
      return;
    }
    if (!range.isPositive()) {
      throw new ProbeException(id + ": range must be more than 0");
    }
    Duration resolution = step == null ? defaultStep(range) : step;
    if (!resolution.isPositive()) {
      throw new ProbeException(id + ": step must be more than 0");
    }
    long points = range.toMillis() / Math.max(1, resolution.toMillis()) + 1;
    if (points > MAX_POINTS) {
      throw new ProbeException(
          id
              + ": range "
              + span(range)
              + " at step "
              + span(resolution)
              + " gives "
              + points
              + " points; Prometheus answers at most "
              + MAX_POINTS
              + ": make step larger");
    }
  }

  /** A 60th of the range, at least 1 s: enough points to see a dip, few enough to stay cheap. */
  static Duration defaultStep(Duration range) {
    Duration sixtieth = range.dividedBy(60);
    return sixtieth.compareTo(MIN_STEP) < 0 ? MIN_STEP : sixtieth;
  }

  private static final class Prepared implements PreparedProbe {
    private final PromQuery query;
    private final PromQueryCheck check;
    private final UnaryOperator<String> environment;
    private final ClusterHosts hosts;
    private final Clock clock;

    Prepared(
        PromQuery query,
        PromQueryCheck check,
        UnaryOperator<String> environment,
        ClusterHosts hosts,
        Clock clock) {
      this.query = query;
      this.check = check;
      this.environment = environment;
      this.hosts = hosts;
      this.clock = clock;
    }

    @Override
    public ProbeSample sample() throws InterruptedException {
      long start = System.nanoTime();
      long deadline = start + query.timeout().toNanos();
      Secrets secrets = Secrets.forCall(environment);
      ProbeSample sample;
      try {
        sample = attempt(secrets, start, deadline);
      } catch (Secrets.MissingSecretException e) {
        sample = ProbeSample.fail(Double.NaN, since(start), e.getMessage());
      }
      String message = secrets.scrub(sample.message());
      return message.equals(sample.message())
          ? sample
          : new ProbeSample(sample.passed(), sample.value(), sample.latency(), message);
    }

    private ProbeSample attempt(Secrets secrets, long start, long deadline)
        throws Secrets.MissingSecretException, InterruptedException {
      String endpoint = query.endpoint();
      URI uri;
      try {
        uri = new URI(query.endpoint(secrets.resolve(query.url())));
      } catch (URISyntaxException e) {
        return ProbeSample.fail(Double.NaN, since(start), "invalid URL: " + e.getReason());
      }
      if (uri.getHost() == null) {
        return ProbeSample.fail(Double.NaN, since(start), "invalid URL: no host");
      }
      int port =
          uri.getPort() > 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
      ClusterHosts.Address address;
      try {
        address = hosts.resolve(uri.getHost(), port, deadline - System.nanoTime());
      } catch (ClusterHosts.UnreachableException e) {
        return ProbeSample.fail(
            Double.NaN,
            since(start),
            "cannot reach Prometheus at " + endpoint + ": " + e.getMessage());
      }
      String via = address.via().isEmpty() ? "" : " (via " + address.via() + ")";
      HttpRequest request;
      try {
        request = request(secrets, address.rewrite(uri), deadline);
      } catch (IllegalArgumentException e) { // a header value with a line break
        return ProbeSample.fail(Double.NaN, since(start), "invalid request: " + e.getMessage());
      }
      CompletableFuture<HttpResponse<byte[]>> pending =
          Client.HTTP.sendAsync(
              request,
              HttpResponse.BodyHandlers.limiting(
                  HttpResponse.BodyHandlers.ofByteArray(), MAX_BODY));
      HttpResponse<byte[]> response;
      try {
        response = pending.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        pending.cancel(true);
        return noAnswer(start, endpoint + via);
      } catch (InterruptedException e) {
        pending.cancel(true);
        throw e;
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof HttpConnectTimeoutException || cause instanceof HttpTimeoutException) {
          return noAnswer(start, endpoint + via);
        }
        if (cause instanceof ConnectException || cause instanceof UnknownHostException) {
          hosts.forget(); // a port-forward or demo service may have moved: look again next time
        }
        return ProbeSample.fail(
            Double.NaN,
            since(start),
            "cannot reach Prometheus at " + endpoint + via + ": " + describe(cause));
      }
      Duration latency = since(start);
      PrometheusAnswer answer =
          PrometheusAnswer.parse(
              response.statusCode(),
              new String(response.body(), StandardCharsets.UTF_8),
              endpoint + via);
      return check.judge(answer, latency);
    }

    private HttpRequest request(Secrets secrets, URI target, long deadline)
        throws Secrets.MissingSecretException {
      var builder =
          HttpRequest.newBuilder(target)
              .timeout(Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime())))
              .header("Accept", "application/json")
              .header("Content-Type", "application/x-www-form-urlencoded");
      for (var header : query.headers().entrySet()) {
        builder.setHeader(
            header.getKey(), secrets.resolve(header.getValue())); // may replace Accept
      }
      return builder.POST(HttpRequest.BodyPublishers.ofString(query.form(clock.instant()))).build();
    }

    private ProbeSample noAnswer(long start, String endpoint) {
      return ProbeSample.fail(
          Double.NaN,
          since(start),
          "no answer from Prometheus within " + span(query.timeout()) + " (" + endpoint + ")");
    }

    @Override
    public void close() {
      hosts.close();
    }
  }

  /** The shared client, created on first use; one per process like {@code http.check}'s. */
  private static final class Client {
    static final HttpClient HTTP =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .build();
  }
}
