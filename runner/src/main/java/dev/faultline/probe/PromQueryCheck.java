package dev.faultline.probe;

import static dev.faultline.probe.PromComparison.number;

import java.time.Duration;
import java.util.List;

/**
 * Judges a Prometheus answer for {@code prometheus.query}: one number, compared with the threshold.
 * Anything else fails with a message that says what came instead, and never passes silently: no
 * data fails unless {@code onEmpty: pass}, several series fail (the query must aggregate them), NaN
 * fails, and Prometheus's own errors fail with its message.
 *
 * @param query the PromQL, named in messages about the result's shape
 * @param passOnEmpty {@code onEmpty: pass}: a query without data passes (an alert-style query such
 *     as {@code up == 0} is empty when all is well)
 */
record PromQueryCheck(
    String query, PromComparison comparison, PromReduce reduce, boolean passOnEmpty) {
  private static final int SHOWN_SERIES = 3;
  private static final int SHOWN_QUERY = 200;

  ProbeSample judge(PrometheusAnswer answer, Duration latency) {
    return switch (answer) {
      case PrometheusAnswer.Error error ->
          ProbeSample.fail(
              Double.NaN,
              latency,
              error.message()
                  + (error.errorType().equals("bad_data") ? " in query: " + shown(query) : ""));
      case PrometheusAnswer.Unusable unusable ->
          ProbeSample.fail(Double.NaN, latency, unusable.message());
      case PrometheusAnswer.Data data -> judge(data, latency);
    };
  }

  private ProbeSample judge(PrometheusAnswer.Data data, Duration latency) {
    String warnings =
        data.warnings().isEmpty()
            ? ""
            : "; Prometheus warns: " + String.join("; ", data.warnings());
    List<PrometheusAnswer.Series> series = data.series();
    if (series.isEmpty()) {
      return passOnEmpty
          ? ProbeSample.pass(Double.NaN, latency, "no data (onEmpty: pass)" + warnings)
          : ProbeSample.fail(
              Double.NaN,
              latency,
              "no data: the query gives an empty result: " + shown(query) + warnings);
    }
    if (series.size() > 1) {
      return ProbeSample.fail(
          Double.NaN, latency, several(series) + ", in query: " + shown(query) + warnings);
    }
    double[] points = series.getFirst().points();
    double value = data.matrix() ? reduce.apply(points, comparison) : points[0];
    String prefix =
        data.matrix()
            ? reduce.word()
                + " of "
                + points.length
                + " point"
                + (points.length == 1 ? "" : "s")
                + ": "
            : "";
    if (comparison.holds(value)) {
      return ProbeSample.pass(
          value, latency, prefix + number(value) + " " + comparison.text() + warnings);
    }
    String nan =
        Double.isNaN(value) ? " (NaN never passes; 0/0, e.g. a ratio without traffic, is NaN)" : "";
    return ProbeSample.fail(
        value,
        latency,
        prefix + number(value) + ", expected " + comparison.text() + nan + warnings);
  }

  private static String several(List<PrometheusAnswer.Series> series) {
    var out =
        new StringBuilder()
            .append(series.size())
            .append(" series, expected one (aggregate them with min, max or sum, or narrow the")
            .append(" selector): ");
    for (int i = 0; i < Math.min(SHOWN_SERIES, series.size()); i++) {
      out.append(i == 0 ? "" : ", ").append(series.get(i).name());
    }
    if (series.size() > SHOWN_SERIES) {
      out.append(" and ").append(series.size() - SHOWN_SERIES).append(" more");
    }
    return out.toString();
  }

  private static String shown(String query) {
    String line = query.strip().replaceAll("\\s+", " ");
    return line.length() <= SHOWN_QUERY ? line : line.substring(0, SHOWN_QUERY) + "...";
  }
}
