package dev.faultline.export.chaosmesh;

import dev.faultline.catalog.EnvPlaceholders;
import dev.faultline.catalog.ParamValues;
import dev.faultline.catalog.StatusCodes;
import dev.faultline.export.ConversionWarning;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes an {@code http.check} probe as a Chaos Mesh HTTP {@code statusCheck}. Chaos Mesh checks
 * the status code only, with GET or POST: a jq filter, a latency limit, TLS options and other
 * methods cannot go along and are warnings.
 */
final class StatusCheckWriter {
  private final List<ConversionWarning> warnings;

  StatusCheckWriter(List<ConversionWarning> warnings) {
    this.warnings = warnings;
  }

  /**
   * The {@code statusCheck} block without {@code mode} and thresholds, which the caller sets.
   *
   * @param at the probe's path, for warnings ({@code spec.steps[2]})
   * @throws Refused when the URL holds a {@code ${env:NAME}} placeholder: Chaos Mesh does not
   *     substitute it, and its webhook refuses a URL whose host is not a host
   */
  ObjectNode write(ParamValues params, ObjectNode check, String at, String id) throws Refused {
    if (EnvPlaceholders.in(params.string("url"))) {
      throw new Refused(
          "the url holds an ${env:NAME} placeholder, which Chaos Mesh does not substitute");
    }
    check.put("type", "HTTP");
    check.put(
        "timeoutSeconds",
        seconds(params.optionalDuration("timeout").orElse(Duration.ofSeconds(2))));
    ObjectNode http = check.putObject("http");
    http.put("url", params.string("url"));
    String method = params.string("method").toUpperCase(Locale.ROOT);
    if (!method.equals("GET") && !method.equals("POST")) {
      String instead = params.optionalString("body").isPresent() ? "POST" : "GET";
      warn(
          at + ".with.method",
          id
              + ": Chaos Mesh status checks send GET or POST only; "
              + method
              + " is sent as "
              + instead);
      method = instead;
    }
    http.put("method", method);
    Map<String, String> headers = params.stringMap("headers");
    if (!headers.isEmpty()) {
      ObjectNode h = http.putObject("headers");
      headers.forEach((name, value) -> h.putArray(name).add(value));
    }
    params.optionalString("body").ifPresent(b -> http.put("body", b));
    if (headers.values().stream().anyMatch(EnvPlaceholders::in)
        || params.optionalString("body").filter(EnvPlaceholders::in).isPresent()) {
      warn(
          at + ".with",
          id
              + ": Chaos Mesh does not substitute ${env:NAME}; the headers or body are sent with"
              + " the placeholder as it stands, not the secret");
    }
    http.putObject("criteria").put("statusCode", statusCode(params.string("expectStatus"), at, id));
    params
        .optionalString("jq")
        .ifPresent(
            jq ->
                warn(
                    at + ".with.jq",
                    id
                        + ": Chaos Mesh checks the status code only; the jq filter '"
                        + jq
                        + "' is left out, so the check passes on the status alone"));
    params
        .optionalString("maxLatency")
        .ifPresent(
            l ->
                warn(
                    at + ".with.maxLatency",
                    id
                        + ": Chaos Mesh has no latency limit; maxLatency "
                        + l
                        + " is left out (a slow answer within timeoutSeconds passes)"));
    if (params.optionalBoolean("insecureSkipVerify").orElse(false)) {
      warn(
          at + ".with.insecureSkipVerify",
          id + ": Chaos Mesh status checks have no TLS options; certificates are verified");
    }
    return check;
  }

  /** {@code 200}, {@code 200-299}: Chaos Mesh's one code or one inclusive range. */
  private String statusCode(String text, String at, String id) {
    List<StatusCodes.Range> ranges = StatusCodes.parse(text).ranges();
    StatusCodes.Range first = ranges.getFirst();
    if (ranges.size() > 1) {
      warn(
          at + ".with.expectStatus",
          id
              + ": Chaos Mesh takes one status code or range; of '"
              + text
              + "' only "
              + code(first)
              + " is kept");
    }
    return code(first);
  }

  private static String code(StatusCodes.Range range) {
    return range.low() == range.high()
        ? String.valueOf(range.low())
        : range.low() + "-" + range.high();
  }

  /** Whole seconds, rounded up, at least 1: what the status check's integer fields take. */
  static long seconds(Duration duration) {
    long seconds = (duration.toMillis() + 999) / 1000;
    return Math.max(1, seconds);
  }

  private void warn(String path, String message) {
    warnings.add(ConversionWarning.at(path, message));
  }
}
