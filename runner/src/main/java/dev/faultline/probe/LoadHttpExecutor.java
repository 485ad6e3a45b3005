package dev.faultline.probe;

import dev.faultline.catalog.ParamValues;
import dev.faultline.catalog.StatusCodes;
import dev.faultline.probe.LoadProbe.Running;
import dev.faultline.probe.LoadProbe.Unready;
import dev.faultline.probe.load.HttpLoad;
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
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
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
    var hosts = new ClusterHosts(context.client());
    return new LoadProbe(
        new Opener(settings, context.environment(), hosts), settings.loadText(), hosts);
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
      StatusCodes expect = StatusCodes.parse(params.string("expectStatus"));
      return new Settings(
          params.string("url").strip(),
          params.string("method").toUpperCase(Locale.ROOT),
          params.stringMap("headers"),
          params.optionalString("body").orElse(null),
          params.bool("insecureSkipVerify"),
          loadSpec(params, expect::matches, null));
    }

    /**
     * The schedule, windows and SLO of any load in {@code load.http}'s family (the parameters
     * {@code rate} to {@code minThroughput}).
     *
     * @param statusName how statuses read in messages; {@code null}: as numbers
     * @throws IllegalArgumentException naming the parameter that cannot work
     */
    static LoadSpec loadSpec(
        ParamValues params, IntPredicate expected, IntFunction<String> statusName) {
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
      Duration duration = params.duration("duration");
      Duration window = params.duration("window");
      Duration timeout = params.duration("timeout");
      positive("duration", duration);
      positive("window", window);
      positive("timeout", timeout);
      return new LoadSpec(
          schedule,
          duration,
          window,
          timeout,
          params.intValue("maxConnections"),
          expected,
          slo,
          statusName);
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
      return LoadHttpExecutor.Settings.loadText(spec);
    }

    /** What a load would be, in words, for dry runs. */
    static String loadText(LoadSpec spec) {
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

  /** Sets up HTTP loads for {@link LoadProbe}. */
  private record Opener(Settings settings, UnaryOperator<String> environment, ClusterHosts hosts)
      implements LoadProbe.Opener {

    /** Resolves secrets and the host, and sets up (but does not start) a load. */
    @Override
    public Running open() throws Unready, InterruptedException {
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
  }
}
