package dev.faultline.probe;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What one {@code prometheus.query} call sends: the API endpoint under the base URL and the form
 * fields. Nothing secret: {@code ${env:NAME}} placeholders in the URL and headers are still
 * unresolved here.
 *
 * @param url the base URL as written; an API path at its end ({@code /api/v1/query}) is tolerated
 *     and dropped
 * @param range {@code null} for an instant query
 * @param step the range query's resolution; {@code null} for an instant query
 */
record PromQuery(
    String url,
    String query,
    Duration range,
    Duration step,
    Duration timeout,
    Map<String, String> headers) {
  private static final Pattern API_SUFFIX = Pattern.compile("(/api/v1(/query(_range)?)?)?/*$");

  /**
   * Prometheus stops evaluating after this share of our timeout, so a slow query ends with its own
   * "query timed out" error, which says more than our "no answer".
   */
  private static final double SERVER_SHARE = 0.9;

  PromQuery {
    headers = Map.copyOf(headers);
  }

  /** The query string of the base URL, which a base URL should not have, or {@code null}. */
  String queryString() {
    int mark = url.indexOf('?');
    return mark < 0 ? null : url.substring(mark + 1);
  }

  /** The endpoint for messages, with placeholders as written. */
  String endpoint() {
    return endpoint(url);
  }

  /** The API endpoint under {@code base} (the URL with placeholders resolved). */
  String endpoint(String base) {
    String api = range == null ? "/api/v1/query" : "/api/v1/query_range";
    return API_SUFFIX.matcher(base).replaceFirst("") + api;
  }

  /** The form body; a range query ends at {@code now}. */
  String form(Instant now) {
    var form = new StringBuilder("query=").append(URLEncoder.encode(query, StandardCharsets.UTF_8));
    form.append("&timeout=").append(seconds(serverTimeout()));
    if (range != null) {
      form.append("&start=").append(seconds(now.minus(range)));
      form.append("&end=").append(seconds(now));
      form.append("&step=").append(seconds(step));
    }
    return form.toString();
  }

  private Duration serverTimeout() {
    return Duration.ofMillis(Math.max(1, (long) (timeout.toMillis() * SERVER_SHARE)));
  }

  /** Seconds with millisecond precision, the way the API takes times and durations. */
  static String seconds(Duration duration) {
    return BigDecimal.valueOf(duration.toMillis(), 3).stripTrailingZeros().toPlainString();
  }

  static String seconds(Instant instant) {
    return BigDecimal.valueOf(instant.toEpochMilli(), 3).stripTrailingZeros().toPlainString();
  }
}
