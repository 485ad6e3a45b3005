package dev.faultline.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the Prometheus HTTP API ({@code /api/v1/query}, {@code /api/v1/query_range}) answered: data
 * (a scalar, an instant vector or a matrix, as series of numbers), an error of Prometheus's own
 * ({@code "status": "error"}), or something that is no answer of that API at all.
 */
sealed interface PrometheusAnswer {
  JsonMapper JSON = JsonMapper.builder().build();
  int SNIPPET = 200;

  /**
   * A successful answer.
   *
   * @param resultType {@code scalar}, {@code vector} or {@code matrix}
   * @param series one per time series; a scalar is one series without labels
   * @param warnings what Prometheus warned about (a partial answer, for example)
   */
  record Data(String resultType, List<Series> series, List<String> warnings)
      implements PrometheusAnswer {
    public Data {
      series = List.copyOf(series);
      warnings = List.copyOf(warnings);
    }

    /** Whether points span time (a range query or a range vector), not one instant. */
    boolean matrix() {
      return resultType.equals("matrix");
    }
  }

  /**
   * One time series.
   *
   * @param name the series as PromQL writes it: {@code demo_ready_pods{service="cart"}}
   * @param points its values, oldest first; one for a scalar or an instant vector
   */
  record Series(String name, double[] points) {}

  /** Prometheus refused or failed the query, e.g. {@code bad_data} for a PromQL syntax error. */
  record Error(String errorType, String error) implements PrometheusAnswer {
    private static final Pattern PARSE_ERROR =
        Pattern.compile(
            "(?:invalid parameter \"query\": )?(\\d+):(\\d+): parse error: (.*)", Pattern.DOTALL);

    /** For people: PromQL syntax errors name line and column, others the error type. */
    String message() {
      Matcher parse = PARSE_ERROR.matcher(error);
      if (parse.matches()) {
        return "PromQL parse error at line "
            + parse.group(1)
            + ", column "
            + parse.group(2)
            + ": "
            + parse.group(3);
      }
      return "Prometheus error (" + errorType + "): " + error;
    }
  }

  /** Not an answer the probe can use; the message says what came instead. */
  record Unusable(String message) implements PrometheusAnswer {}

  /**
   * Reads one answer.
   *
   * @param status the HTTP status; Prometheus answers errors with 400, 422 or 503 and a JSON body
   * @param endpoint where the answer came from, for messages
   */
  static PrometheusAnswer parse(int status, String body, String endpoint) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JacksonException e) {
      root = null;
    }
    if (root == null || !root.isObject()) {
      return new Unusable("HTTP " + status + " from " + endpoint + ": " + snippet(body));
    }
    String state = root.path("status").asString("");
    if (state.equals("error")) {
      return new Error(
          root.path("errorType").asString("unknown"), root.path("error").asString("no message"));
    }
    if (!state.equals("success")) {
      return new Unusable(
          "not a Prometheus API answer (HTTP "
              + status
              + ") from "
              + endpoint
              + ": "
              + snippet(body));
    }
    try {
      return data(root.path("data"), warnings(root.path("warnings")));
    } catch (IllegalArgumentException e) {
      return new Unusable("unexpected Prometheus answer from " + endpoint + ": " + e.getMessage());
    }
  }

  private static PrometheusAnswer data(JsonNode data, List<String> warnings) {
    String type = data.path("resultType").asString("");
    JsonNode result = data.path("result");
    return switch (type) {
      case "scalar" ->
          new Data(type, List.of(new Series("scalar", new double[] {value(result)})), warnings);
      case "vector" -> {
        var series = new ArrayList<Series>();
        for (JsonNode s : elements(result)) {
          if (s.has("histogram")) {
            yield new Unusable(
                "the query gives native histograms, not numbers; use histogram_quantile or"
                    + " histogram_count on them");
          }
          series.add(new Series(name(s.path("metric")), new double[] {value(s.path("value"))}));
        }
        yield new Data(type, series, warnings);
      }
      case "matrix" -> {
        var series = new ArrayList<Series>();
        for (JsonNode s : elements(result)) {
          List<JsonNode> values = elements(s.path("values"));
          double[] points = new double[values.size()];
          for (int i = 0; i < points.length; i++) {
            points[i] = value(values.get(i));
          }
          series.add(new Series(name(s.path("metric")), points));
        }
        yield new Data(type, series, warnings);
      }
      case "string" ->
          new Unusable(
              "the query gives a string, not a number: \"" + result.path(1).asString("") + "\"");
      default -> throw new IllegalArgumentException("unknown resultType '" + type + "'");
    };
  }

  /** A sample {@code [timestamp, "value"]}; values are strings so NaN and ±Inf fit. */
  private static double value(JsonNode sample) {
    JsonNode value = sample.path(1);
    if (!value.isString()) {
      throw new IllegalArgumentException("a sample without a value: " + sample);
    }
    String text = value.asString();
    return switch (text) {
      case "NaN" -> Double.NaN;
      case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      default -> {
        try {
          yield Double.parseDouble(text);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("a sample value that is not a number: " + text);
        }
      }
    };
  }

  private static List<JsonNode> elements(JsonNode array) {
    if (!array.isArray()) {
      throw new IllegalArgumentException("expected a list, got " + array);
    }
    var out = new ArrayList<JsonNode>(array.size());
    array.values().forEach(out::add);
    return out;
  }

  /** {@code name{label="value",...}}, as PromQL writes a series. */
  private static String name(JsonNode metric) {
    String name = metric.path("__name__").asString("");
    var labels = new StringBuilder();
    for (Map.Entry<String, JsonNode> label : metric.properties()) {
      if (!label.getKey().equals("__name__")) {
        labels.append(labels.isEmpty() ? "" : ",");
        labels.append(label.getKey()).append("=\"");
        labels.append(label.getValue().asString().replace("\\", "\\\\").replace("\"", "\\\""));
        labels.append('"');
      }
    }
    return name + "{" + labels + "}";
  }

  private static List<String> warnings(JsonNode warnings) {
    var out = new ArrayList<String>();
    if (warnings.isArray()) {
      warnings.values().forEach(w -> out.add(w.asString()));
    }
    return out;
  }

  private static String snippet(String body) {
    String line = body == null ? "" : body.strip().replaceAll("\\s+", " ");
    if (line.isEmpty()) {
      return "empty body";
    }
    return line.length() <= SNIPPET ? line : line.substring(0, SNIPPET) + "...";
  }
}
