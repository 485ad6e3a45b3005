package dev.faultline.catalog;

import static dev.faultline.catalog.Param.optional;
import static dev.faultline.catalog.Param.required;
import static dev.faultline.catalog.ParamType.BOOLEAN;
import static dev.faultline.catalog.ParamType.DURATION;
import static dev.faultline.catalog.ParamType.ENUM;
import static dev.faultline.catalog.ParamType.INTEGER;
import static dev.faultline.catalog.ParamType.JQ;
import static dev.faultline.catalog.ParamType.NUMBER;
import static dev.faultline.catalog.ParamType.STATUS_CODES;
import static dev.faultline.catalog.ParamType.STRING;
import static dev.faultline.catalog.ParamType.STRING_MAP;
import static dev.faultline.catalog.ParamType.URL;

import dev.faultline.catalog.Descriptor.Role;
import dev.faultline.model.TargetKind;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The probes Faultline ships with. */
final class BuiltInProbes {
  private BuiltInProbes() {}

  private static final String[] METHODS = {
    "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"
  };

  static List<Descriptor> all() {
    return List.of(
        probe(
            "http.check",
            "HTTP check",
            "Calls a URL; passes when the status is expected and the jq filter, if any, yields true.",
            "HTTP",
            "http-check",
            TargetUse.NONE,
            Set.of(),
            required("url", URL).docs("The URL to call."),
            optional("method", ENUM).allowed(METHODS).defaultValue("GET").docs("HTTP method."),
            optional("headers", STRING_MAP).docs("Request headers."),
            optional("body", STRING).docs("Request body."),
            optional("expectStatus", STATUS_CODES)
                .defaultValue("200-299")
                .docs("Status codes that pass: 200, 2xx, 200-299, or a comma-separated list."),
            optional("jq", JQ)
                .docs("jq filter over the JSON body; the check passes only when it yields true."),
            optional("timeout", DURATION).defaultValue("2s").docs("Limit for one call."),
            optional("maxLatency", DURATION)
                .docs("Slowest answer that passes; a slower one fails even with the right status."),
            optional("insecureSkipVerify", BOOLEAN)
                .defaultValue(false)
                .docs("Accept any TLS certificate (test clusters only).")),
        probe(
            "k8s.state",
            "Kubernetes state",
            "Checks the selected objects in the cluster: readiness, existence, or a jq condition.",
            "Kubernetes",
            "k8s-state",
            TargetUse.REQUIRED,
            EnumSet.allOf(TargetKind.class),
            optional("condition", ENUM)
                .allowed("allReady", "anyReady", "minReadyPercent", "exists", "absent")
                .defaultValue("allReady")
                .docs("What must hold for the selected objects."),
            optional("minReadyPercent", INTEGER)
                .range(0, 100)
                .docs("For minReadyPercent: share of objects that must be ready."),
            optional("jq", JQ)
                .docs(
                    "Extra jq condition over the list of selected objects (JSON); must yield true.")),
        probe(
            "k8s.ready",
            "Wait until ready",
            "Holds the steps after it until the selected objects are ready (all of them, or"
                + " minReadyPercent); fails when the timeout passes first.",
            "Kubernetes",
            "k8s-ready",
            TargetUse.REQUIRED,
            EnumSet.allOf(TargetKind.class),
            optional("timeout", DURATION)
                .defaultValue("2m")
                .docs("How long to wait before the step fails."),
            optional("minReadyPercent", INTEGER)
                .range(0, 100)
                .docs("Share of objects that must be ready; all of them when absent.")),
        probe(
            "prometheus.query",
            "Prometheus / SLO",
            "Runs a PromQL query; passes when the result compares true against the threshold.",
            "Observability",
            "prometheus",
            TargetUse.NONE,
            Set.of(),
            required("url", URL)
                .docs("Prometheus base URL, e.g. http://prometheus.monitoring:9090."),
            required("query", STRING)
                .docs("PromQL giving one number: a scalar or a single series (aggregate others)."),
            required("operator", ENUM)
                .allowed("<", "<=", ">", ">=", "==", "!=")
                .docs("Comparison of the result with the threshold."),
            required("threshold", NUMBER).docs("Value the result is compared with."),
            optional("range", DURATION)
                .docs(
                    "Makes it a range query over the last range; reduce turns the points into one."),
            optional("step", DURATION)
                .docs("Resolution of a range query; default a 60th of range, at least 1s."),
            optional("reduce", ENUM)
                .allowed("worst", "last", "min", "max", "avg")
                .defaultValue("worst")
                .docs(
                    "How a series' points become one value; worst: the point that fares worst"
                        + " against the comparison, so every point must pass."),
            optional("onEmpty", ENUM)
                .allowed("fail", "pass")
                .defaultValue("fail")
                .docs("What a query without data gives."),
            optional("headers", STRING_MAP)
                .docs("Request headers, e.g. Authorization with a ${env:NAME} secret."),
            optional("timeout", DURATION).defaultValue("5s").docs("Limit for one query.")),
        probe(
            "tcp.connect",
            "TCP connect",
            "Opens a TCP connection; passes when it connects in time.",
            "Network",
            "tcp",
            TargetUse.NONE,
            Set.of(),
            required("host", STRING).docs("Host name or IP address."),
            required("port", INTEGER).range(1, 65535).docs("TCP port."),
            optional("timeout", DURATION).defaultValue("2s").docs("Connect timeout.")),
        probe(
            "load.http",
            "HTTP load",
            "Sends requests at a steady (or ramping) rate, open-loop, and judges latency"
                + " percentiles, errors and throughput per window and over the whole load.",
            "HTTP",
            "load",
            TargetUse.NONE,
            Set.of(),
            joined(
                List.of(
                    required("url", URL).docs("The URL to load."),
                    optional("method", ENUM)
                        .allowed(METHODS)
                        .defaultValue("GET")
                        .docs("HTTP method."),
                    optional("headers", STRING_MAP)
                        .docs("Request headers, the same for every request."),
                    optional("body", STRING).docs("Request body, the same for every request.")),
                scheduleParams("Requests"),
                List.of(
                    optional("expectStatus", STATUS_CODES)
                        .defaultValue("200-299")
                        .docs("Status codes that count as success: 200, 2xx, 200-299, or a list.")),
                sloParams("Requests"),
                List.of(
                    optional("insecureSkipVerify", BOOLEAN)
                        .defaultValue(false)
                        .docs("Accept any TLS certificate (test clusters only).")))),
        probe(
            "grpc.health",
            "gRPC health",
            "Calls grpc.health.v1.Health/Check; passes when the server (or one of its services)"
                + " answers SERVING.",
            "gRPC",
            "http-check",
            TargetUse.NONE,
            Set.of(),
            required("address", STRING)
                .docs("host:port of the server; a Service name (checkout.shop:9090) works too."),
            optional("service", STRING)
                .docs("The service to ask about, e.g. demo.Checkout; empty asks for the server."),
            optional("expectStatus", ENUM)
                .allowed(HEALTH_STATUSES)
                .defaultValue("SERVING")
                .docs(
                    "The answer that passes: a health status, or NOT_FOUND for a service the"
                        + " server must not know."),
            optional("tls", BOOLEAN)
                .defaultValue(false)
                .docs("Call over TLS instead of plaintext."),
            optional("insecureSkipVerify", BOOLEAN)
                .defaultValue(false)
                .docs("With tls: accept any certificate (test clusters only)."),
            optional("timeout", DURATION).defaultValue("2s").docs("Limit for one call.")),
        probe(
            "load.grpc",
            "gRPC load",
            "Sends unary gRPC calls at a steady (or ramping) rate, open-loop, and judges latency"
                + " percentiles, errors and throughput like load.http; the request is JSON, typed"
                + " through the server's reflection.",
            "gRPC",
            "load",
            TargetUse.NONE,
            Set.of(),
            joined(
                List.of(
                    required("address", STRING)
                        .docs(
                            "host:port of the server; a Service name (checkout.shop:9090) works"
                                + " too."),
                    required("method", STRING)
                        .docs("The full method name, e.g. demo.Checkout/Quote."),
                    optional("request", STRING)
                        .defaultValue("{}")
                        .docs(
                            "The request message as JSON (proto3 JSON names), the same for every"
                                + " call."),
                    optional("metadata", STRING_MAP)
                        .docs(
                            "Call metadata (headers), e.g. authorization with a ${env:NAME}"
                                + " secret.")),
                scheduleParams("Calls"),
                List.of(
                    optional("expectStatus", STRING)
                        .defaultValue("OK")
                        .docs(
                            "gRPC status codes that count as success, comma-separated: OK,"
                                + " NOT_FOUND.")),
                sloParams("Calls"),
                List.of(
                    optional("tls", BOOLEAN)
                        .defaultValue(false)
                        .docs("Call over TLS instead of plaintext."),
                    optional("insecureSkipVerify", BOOLEAN)
                        .defaultValue(false)
                        .docs("With tls: accept any certificate (test clusters only).")))));
  }

  private static final String[] HEALTH_STATUSES = {
    "SERVING", "NOT_SERVING", "SERVICE_UNKNOWN", "UNKNOWN", "NOT_FOUND"
  };

  /** The open-loop schedule of a load ({@code load.http}, {@code load.grpc}). */
  private static List<Param> scheduleParams(String what) {
    return List.of(
        optional("rate", NUMBER)
            .range(0.1, 100_000)
            .defaultValue(10)
            .docs(what + " per second (after the ramp, when there is one)."),
        optional("rampFrom", NUMBER)
            .range(0, 100_000)
            .docs(what + " per second at the start; the rate rises linearly over rampUp."),
        optional("rampUp", DURATION)
            .docs("How long the linear ramp from rampFrom (default 0) to rate takes."),
        optional("duration", DURATION)
            .defaultValue("30s")
            .docs("How long a step loads; probes in spec.probes load until they stop."),
        optional("window", DURATION)
            .defaultValue("5s")
            .docs("The span each verdict covers; the SLO is checked per window and at the end."),
        optional("timeout", DURATION)
            .defaultValue("2s")
            .docs("Limit for one request, counted from when it was due."),
        optional("maxConnections", INTEGER)
            .range(1, 10_000)
            .defaultValue(100)
            .docs(
                what.equals("Requests")
                    ? "Most connections, and so requests in flight, at once."
                    : "Most calls in flight at once (multiplexed over one HTTP/2 connection)."));
  }

  /** The SLO a load is judged by, per window and over the whole. */
  private static List<Param> sloParams(String what) {
    return List.of(
        optional("maxP50", DURATION).docs("Median latency tolerated."),
        optional("maxP95", DURATION).docs("95th percentile latency tolerated."),
        optional("maxP99", DURATION).docs("99th percentile latency tolerated."),
        optional("maxErrorPercent", NUMBER)
            .range(0, 100)
            .defaultValue(1)
            .docs(
                "Failed "
                    + what.toLowerCase(java.util.Locale.ROOT)
                    + " tolerated, in percent of a window and of the whole."),
        optional("minThroughput", NUMBER)
            .min(0)
            .docs(
                "Successful "
                    + what.toLowerCase(java.util.Locale.ROOT)
                    + " per second each window must reach."));
  }

  @SafeVarargs
  private static Param[] joined(List<Param>... groups) {
    var all = new java.util.ArrayList<Param>();
    for (List<Param> group : groups) {
      all.addAll(group);
    }
    return all.toArray(Param[]::new);
  }

  private static Descriptor probe(
      String id,
      String title,
      String description,
      String category,
      String iconId,
      TargetUse targetUse,
      Set<TargetKind> kinds,
      Param... params) {
    return new Descriptor(
        Role.PROBE, id, title, description, category, iconId, targetUse, kinds, List.of(params));
  }
}
