package dev.faultline.probe;

import dev.faultline.catalog.ParamValues;
import dev.faultline.catalog.StatusCodes;
import dev.faultline.probe.load.HttpLoad;
import dev.faultline.probe.load.Judgement;
import dev.faultline.probe.load.LoadSpec;
import dev.faultline.probe.load.LoadTarget;
import dev.faultline.probe.load.OpenLoopSchedule;
import dev.faultline.probe.load.Slo;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * {@code load.http}: an open-loop HTTP load with SLO assertions (see {@link HttpLoad} for how it
 * loads and measures, and {@code docs/probes.md}).
 *
 * <ul>
 *   <li>As a step without {@code until}, {@link LastingProbe#run} loads for {@code duration},
 *       reports every {@code window} as a sample, and passes when every window and the whole load
 *       meet the SLO. The sample's value is the p99 latency in milliseconds.
 *   <li>In {@code spec.probes} (and {@code until} steps), the first sample starts a load that runs
 *       until the probe is closed; each sample judges the windows finished since the previous one,
 *       waiting for the next window to finish when none has.
 *   <li>A dry run sends one request and says what the load would be.
 * </ul>
 *
 * The URL, headers and body may hold {@code ${env:NAME}} secrets, resolved when a load starts.
 * Cluster-internal hosts are reached as {@link ClusterHosts} says, once per load.
 */
public final class LoadHttpExecutor implements ProbeExecutor {
  static final String ID = "load.http";

  @Override
  public String probeId() {
    return ID;
  }

  @Override
  public PreparedProbe prepare(ProbeRequest request, ProbeContext context) throws ProbeException {
    Settings settings;
    try {
      settings = Settings.of(request.params());
    } catch (IllegalArgumentException e) {
      throw new ProbeException(request.id() + ": " + e.getMessage(), e);
    }
    HttpCheckExecutor.checkUrl(request.id(), settings.url());
    try {
      HttpLoad.checkHeaders(settings.headers());
    } catch (IllegalArgumentException e) {
      throw new ProbeException(request.id() + ": " + e.getMessage(), e);
    }
    return new Prepared(settings, context.environment(), new ClusterHosts(context.client()));
  }

  /** The parameters, read and checked; the URL, headers and body still hold their placeholders. */
  record Settings(
      String url,
      String method,
      Map<String, String> headers,
      String body,
      boolean insecure,
      LoadSpec spec) {

    static Settings of(ParamValues params) {
      double rate = params.doubleValue("rate");
      var rampUp = params.optionalDuration("rampUp").orElse(Duration.ZERO);
      var rampFrom = params.optionalDouble("rampFrom");
      if (rampFrom.isPresent() && rampUp.isZero()) {
        throw new IllegalArgumentException("rampFrom needs rampUp, the length of the ramp");
      }
      OpenLoopSchedule schedule =
          new OpenLoopSchedule(rate, rampFrom.orElse(0.0), rampUp.toNanos());
      Double minThroughput = params.optionalDouble("minThroughput").orElse(null);
      if (minThroughput != null && minThroughput > schedule.peakRate()) {
        throw new IllegalArgumentException(
            "minThroughput "
                + plain(minThroughput)
                + " req/s is more than the load's rate ("
                + plain(schedule.peakRate())
                + " req/s): it could never be met");
      }
      var slo =
          new Slo(
              params.optionalDuration("maxP50").orElse(null),
              params.optionalDuration("maxP95").orElse(null),
              params.optionalDuration("maxP99").orElse(null),
              params.doubleValue("maxErrorPercent"),
              minThroughput);
      StatusCodes expect = StatusCodes.parse(params.string("expectStatus"));
      Duration duration = params.duration("duration");
      Duration window = params.duration("window");
      Duration timeout = params.duration("timeout");
      positive("duration", duration);
      positive("window", window);
      positive("timeout", timeout);
      var spec =
          new LoadSpec(
              schedule,
              duration,
              window,
              timeout,
              params.intValue("maxConnections"),
              expect::matches,
              slo);
      return new Settings(
          params.string("url").strip(),
          params.string("method").toUpperCase(Locale.ROOT),
          params.stringMap("headers"),
          params.optionalString("body").orElse(null),
          params.bool("insecureSkipVerify"),
          spec);
    }

    private static void positive(String name, Duration value) {
      if (!value.isPositive()) {
        throw new IllegalArgumentException(name + " must be more than 0");
      }
    }

    private static String plain(double value) {
      return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    /** {@code 10 req/s for 30s} or {@code 0 to 100 req/s over 1m, for 5m}. */
    String loadText() {
      OpenLoopSchedule s = spec.schedule();
      String rate =
          s.rampNanos() == 0
              ? plain(s.rate()) + " req/s"
              : plain(s.rampFrom())
                  + " to "
                  + plain(s.rate())
                  + " req/s over "
                  + HttpCheckExecutor.span(Duration.ofNanos(s.rampNanos()))
                  + ",";
      return rate + " for " + HttpCheckExecutor.span(spec.duration());
    }
  }

  private static final class Prepared implements LastingProbe {
    private final Settings settings;
    private final UnaryOperator<String> environment;
    private final ClusterHosts hosts;
    private Running continuous; // guarded by this
    private boolean closed; // guarded by this

    /** A load and the secrets its target was resolved with, to scrub them from messages. */
    private record Running(HttpLoad load, Secrets secrets, String via) {}

    Prepared(Settings settings, UnaryOperator<String> environment, ClusterHosts hosts) {
      this.settings = settings;
      this.environment = environment;
      this.hosts = hosts;
    }

    @Override
    public ProbeSample run(Consumer<ProbeSample> progress) throws InterruptedException {
      Running running;
      try {
        running = open();
      } catch (Unready e) {
        return ProbeSample.fail(Double.NaN, Duration.ZERO, e.getMessage());
      }
      try (HttpLoad load = running.load()) {
        Judgement end = load.run(window -> progress.accept(sample(running, window)));
        return sample(running, end);
      }
    }

    @Override
    public ProbeSample sample() throws InterruptedException {
      Running running;
      synchronized (this) {
        if (closed) {
          return ProbeSample.fail(Double.NaN, Duration.ZERO, "the load was stopped");
        }
        if (continuous == null) {
          try {
            continuous = open();
          } catch (Unready e) {
            return ProbeSample.fail(Double.NaN, Duration.ZERO, e.getMessage());
          }
        }
        running = continuous;
      }
      return sample(running, running.load().nextSample());
    }

    @Override
    public ProbeSample check() throws InterruptedException {
      Running running;
      try {
        running = open();
      } catch (Unready e) {
        return ProbeSample.fail(Double.NaN, Duration.ZERO, e.getMessage());
      }
      try (HttpLoad load = running.load()) {
        Judgement once = load.checkOnce();
        return sample(
            running,
            new Judgement(
                once.passed(),
                once.millis(),
                once.latency(),
                once.message() + "; would load " + settings.loadText(),
                null));
      }
    }

    private ProbeSample sample(Running running, Judgement judgement) {
      return new ProbeSample(
          judgement.passed(),
          judgement.millis(),
          judgement.latency(),
          running.secrets().scrub(judgement.message()) + running.via());
    }

    /** Resolves secrets and the host, and sets up (but does not start) a load. */
    private Running open() throws Unready, InterruptedException {
      Secrets secrets = Secrets.forCall(environment);
      try {
        URI uri = new URI(secrets.resolve(settings.url()));
        if (uri.getHost() == null) {
          throw new Unready("invalid URL: no host");
        }
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() > 0 ? uri.getPort() : https ? 443 : 80;
        ClusterHosts.Address address =
            hosts.resolve(uri.getHost(), port, settings.spec().timeout().toNanos());
        var headers = new LinkedHashMap<String, String>();
        for (var header : settings.headers().entrySet()) {
          headers.put(header.getKey(), secrets.resolve(header.getValue()));
        }
        String body = settings.body() == null ? null : secrets.resolve(settings.body());
        var target =
            new LoadTarget(
                address.rewrite(uri),
                settings.method(),
                headers,
                body,
                settings.insecure() ? InsecureTls.context() : null);
        String via =
            address.via().isEmpty() || address.forward() == null
                ? ""
                : " (via " + address.via() + ")";
        return new Running(new HttpLoad(settings.spec(), target), secrets, via);
      } catch (Secrets.MissingSecretException e) {
        throw new Unready(e.getMessage());
      } catch (URISyntaxException e) {
        throw new Unready("invalid URL: " + e.getReason());
      } catch (ClusterHosts.UnreachableException e) {
        throw new Unready(e.getMessage());
      } catch (IllegalArgumentException e) { // a header value with a line break, after secrets
        throw new Unready(secrets.scrub("invalid request: " + e.getMessage()));
      }
    }

    @Override
    public void close() {
      Running running;
      synchronized (this) {
        closed = true;
        running = continuous;
        continuous = null;
      }
      if (running != null) {
        running.load().close();
      }
      hosts.close();
    }
  }

  /** The load cannot start; the message says why. */
  private static final class Unready extends Exception {
    private static final long serialVersionUID = 1L;

    Unready(String message) {
      super(message, null, false, false);
    }
  }
}
