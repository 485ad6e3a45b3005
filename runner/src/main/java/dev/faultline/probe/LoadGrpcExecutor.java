package dev.faultline.probe;

import dev.faultline.catalog.ParamValues;
import dev.faultline.probe.LoadProbe.Running;
import dev.faultline.probe.LoadProbe.Unready;
import dev.faultline.probe.load.LoadSpec;
import java.util.BitSet;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * {@code load.grpc}: {@code load.http}'s open-loop load and SLO for unary gRPC calls. The method is
 * named in full ({@code demo.Checkout/Quote}) and its types are found through the server's
 * reflection when a load starts ({@link GrpcReflection}); the request is JSON ({@link GrpcJson}).
 * Success and failure are gRPC status codes ({@code expectStatus}, default {@code OK}); messages
 * name them ({@code 12 × UNAVAILABLE}). Steps, continuous probes and dry runs behave as {@link
 * LoadProbe} says. The gRPC classes load when a load opens ({@link GrpcLoadOpener}).
 */
public final class LoadGrpcExecutor implements ProbeExecutor {
  static final String ID = "load.grpc";
  private static final Pattern METHOD = Pattern.compile("[A-Za-z_][\\w.]*\\.?[A-Za-z_]\\w*/\\w+");

  /** The gRPC status codes by name, without loading gRPC: 0 OK to 16 UNAUTHENTICATED. */
  static final java.util.List<String> CODES =
      java.util.List.of(
          "OK",
          "CANCELLED",
          "UNKNOWN",
          "INVALID_ARGUMENT",
          "DEADLINE_EXCEEDED",
          "NOT_FOUND",
          "ALREADY_EXISTS",
          "PERMISSION_DENIED",
          "RESOURCE_EXHAUSTED",
          "FAILED_PRECONDITION",
          "ABORTED",
          "OUT_OF_RANGE",
          "UNIMPLEMENTED",
          "INTERNAL",
          "UNAVAILABLE",
          "DATA_LOSS",
          "UNAUTHENTICATED");

  @Override
  public String probeId() {
    return ID;
  }

  /** The parameters, read and checked; the request and metadata still hold their placeholders. */
  record Settings(
      GrpcAddress address,
      String method,
      String request,
      Map<String, String> metadata,
      boolean tls,
      boolean insecure,
      LoadSpec spec) {

    static Settings of(ParamValues params) {
      BitSet expected = expected(params.optionalString("expectStatus").orElse("OK"));
      String method = params.string("method").strip();
      if (method.startsWith("/")) {
        method = method.substring(1);
      }
      if (!METHOD.matcher(method).matches()) {
        throw new IllegalArgumentException(
            "method \"" + method + "\" is not a full method name like demo.Checkout/Quote");
      }
      String request = params.optionalString("request").orElse("{}");
      if (!request.contains("${env:")) {
        checkObject(request);
      }
      return new Settings(
          GrpcAddress.parse(params.string("address")),
          method,
          request,
          params.stringMap("metadata"),
          params.optionalBoolean("tls").orElse(false),
          params.optionalBoolean("insecureSkipVerify").orElse(false),
          LoadHttpExecutor.Settings.loadSpec(params, expected::get, LoadGrpcExecutor::codeName));
    }
  }

  /**
   * Checks that {@code json} is a JSON object, before any type is known (and without loading
   * protobuf, as {@link GrpcJson} would).
   *
   * @throws IllegalArgumentException saying what is wrong
   */
  static void checkObject(String json) {
    tools.jackson.databind.JsonNode node;
    try {
      node = tools.jackson.databind.json.JsonMapper.shared().readTree(json);
    } catch (tools.jackson.core.JacksonException e) {
      throw new IllegalArgumentException("request is not JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("request must be a JSON object, like {\"sku\": \"A-1\"}");
    }
  }

  /** {@code OK, NOT_FOUND} as a set of code numbers. */
  static BitSet expected(String text) {
    var out = new BitSet();
    for (String part : text.split(",")) {
      String name = part.strip().toUpperCase(Locale.ROOT);
      if (name.isEmpty()) {
        continue;
      }
      int code = CODES.indexOf(name);
      if (code < 0 && name.chars().allMatch(Character::isDigit)) {
        code = Integer.parseInt(name) <= 16 ? Integer.parseInt(name) : -1;
      }
      if (code < 0) {
        throw new IllegalArgumentException(
            "expectStatus: " + part.strip() + " is not a gRPC status code (OK, NOT_FOUND, ...)");
      }
      out.set(code);
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("expectStatus names no status code");
    }
    return out;
  }

  static String codeName(int code) {
    return code >= 0 && code < CODES.size() ? CODES.get(code) : "code " + code;
  }

  @Override
  public PreparedProbe prepare(ProbeRequest request, ProbeContext context) throws ProbeException {
    Settings settings;
    try {
      settings = Settings.of(request.params());
    } catch (IllegalArgumentException e) {
      throw new ProbeException(request.id() + ": " + e.getMessage(), e);
    }
    var hosts = new ClusterHosts(context.client(), ClusterHosts.DEMO_GRPC_ANNOTATION);
    return new LoadProbe(
        new Opener(settings, context.environment(), hosts),
        LoadHttpExecutor.Settings.loadText(settings.spec()).replace("req/s", "calls/s"),
        hosts);
  }

  /** Resolves secrets and the host, then hands over to the gRPC side. */
  private record Opener(Settings settings, UnaryOperator<String> environment, ClusterHosts hosts)
      implements LoadProbe.Opener {
    @Override
    public Running open() throws Unready, InterruptedException {
      Secrets secrets = Secrets.forCall(environment);
      try {
        String request = secrets.resolve(settings.request());
        var metadata = new java.util.LinkedHashMap<String, String>();
        for (var e : settings.metadata().entrySet()) {
          metadata.put(e.getKey().toLowerCase(Locale.ROOT), secrets.resolve(e.getValue()));
        }
        ClusterHosts.Address address =
            hosts.resolve(
                settings.address().host(),
                settings.address().port(),
                settings.spec().timeout().toNanos());
        String via = address.via().isEmpty() ? "" : " (via " + address.via() + ")";
        return new Running(
            GrpcLoadOpener.open(settings, address, request, metadata, secrets), secrets, via);
      } catch (Secrets.MissingSecretException e) {
        throw new Unready(e.getMessage());
      } catch (ClusterHosts.UnreachableException e) {
        throw new Unready(e.getMessage());
      }
    }
  }
}
