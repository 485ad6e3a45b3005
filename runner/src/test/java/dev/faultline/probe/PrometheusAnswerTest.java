package dev.faultline.probe;

import static dev.faultline.probe.RecordedAnswers.parsed;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Reading the answers Prometheus 2.42 really gives (recorded in test resources). */
class PrometheusAnswerTest {

  private static PrometheusAnswer.Data data(String name) {
    PrometheusAnswer answer = parsed(name);
    assertThat(answer).as(name).isInstanceOf(PrometheusAnswer.Data.class);
    return (PrometheusAnswer.Data) answer;
  }

  @Test
  void anInstantVectorIsOneSeriesPerLabelSetWithOnePoint() {
    PrometheusAnswer.Data one = data("vector-one");
    assertThat(one.resultType()).isEqualTo("vector");
    assertThat(one.matrix()).isFalse();
    assertThat(one.series()).hasSize(1);
    assertThat(one.series().getFirst().name())
        .isEqualTo(
            "demo_ready_pods{faultline_service=\"shop/checkout\",instance=\"127.0.0.1:32919\","
                + "job=\"demo\",namespace=\"shop\",service=\"checkout\"}");
    assertThat(one.series().getFirst().points()).containsExactly(3.0);

    PrometheusAnswer.Data two = data("vector-two");
    assertThat(two.series())
        .extracting(PrometheusAnswer.Series::name)
        .allMatch(n -> n.startsWith("demo_ready_pods{"))
        .anyMatch(n -> n.contains("service=\"cart\""))
        .anyMatch(n -> n.contains("service=\"checkout\""));
    assertThat(data("vector-empty").series()).isEmpty();
  }

  @Test
  void specialValuesAreNumbers() {
    assertThat(data("vector-nan").series().getFirst().points()[0]).isNaN();
    assertThat(data("vector-nan").series().getFirst().name()).isEqualTo("{}");
    assertThat(data("vector-inf").series().getFirst().points())
        .containsExactly(Double.POSITIVE_INFINITY);
    assertThat(data("scalar-nan").series().getFirst().points()[0]).isNaN();
  }

  @Test
  void aScalarIsOneSeriesWithoutLabels() {
    PrometheusAnswer.Data scalar = data("scalar");
    assertThat(scalar.resultType()).isEqualTo("scalar");
    assertThat(scalar.series())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.name()).isEqualTo("scalar");
              assertThat(s.points()).containsExactly(3.0);
            });
  }

  @Test
  void aMatrixKeepsEveryPointOldestFirst() {
    PrometheusAnswer.Data range = data("matrix-range");
    assertThat(range.matrix()).isTrue();
    assertThat(range.series().getFirst().points()).containsExactly(3, 3, 3, 3, 3, 3);

    PrometheusAnswer.Data varying = data("matrix-range-varying");
    assertThat(varying.series().getFirst().points())
        .containsExactly(3, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 3, 3);

    double[] ratio = data("matrix-range-nan").series().getFirst().points();
    assertThat(ratio).hasSize(17);
    assertThat(ratio[0]).isNaN();
    assertThat(ratio[3]).isEqualTo(1.0);

    assertThat(data("matrix-instant").series().getFirst().points()).containsExactly(3, 3, 3);
    assertThat(data("matrix-range-two").series()).hasSize(2);
    assertThat(data("matrix-range-empty").series()).isEmpty();
  }

  @Test
  void prometheusErrorsKeepTheirTypeAndPromQlSyntaxErrorsNameTheirPlace() {
    assertThat(parsed("error-parse"))
        .isEqualTo(
            new PrometheusAnswer.Error(
                "bad_data",
                "invalid parameter \"query\": 1:20: parse error: unclosed left parenthesis"));
    assertThat(((PrometheusAnswer.Error) parsed("error-parse")).message())
        .isEqualTo("PromQL parse error at line 1, column 20: unclosed left parenthesis");
    assertThat(((PrometheusAnswer.Error) parsed("error-execution")).message())
        .startsWith("Prometheus error (execution): found duplicate series for the match group")
        .endsWith("many-to-many matching not allowed: matching labels must be unique on one side");
    assertThat(((PrometheusAnswer.Error) parsed("error-timeout")).message())
        .isEqualTo("Prometheus error (timeout): query timed out in query queue");
    assertThat(((PrometheusAnswer.Error) parsed("error-resolution")).message())
        .isEqualTo(
            "Prometheus error (bad_data): exceeded maximum resolution of 11,000 points per"
                + " timeseries. Try decreasing the query resolution (?step=XX)");
  }

  @Test
  void answersThatAreNotFromThePrometheusApiSaySo() {
    assertThat(parsed("not-prometheus"))
        .isEqualTo(
            new PrometheusAnswer.Unusable(
                "not a Prometheus API answer (HTTP 200) from http://prometheus.test/api/v1/query:"
                    + " {\"status\":\"OK\",\"service\":\"prometheus\",\"namespace\":\"monitoring\","
                    + "\"path\":\"/api/v1/query\"}"));
    assertThat(PrometheusAnswer.parse(401, "Unauthorized\n", "http://p/api/v1/query"))
        .isEqualTo(
            new PrometheusAnswer.Unusable("HTTP 401 from http://p/api/v1/query: Unauthorized"));
    assertThat(PrometheusAnswer.parse(502, "", "http://p/api/v1/query"))
        .isEqualTo(
            new PrometheusAnswer.Unusable("HTTP 502 from http://p/api/v1/query: empty body"));
    assertThat(PrometheusAnswer.parse(200, "x".repeat(500), "e"))
        .isEqualTo(new PrometheusAnswer.Unusable("HTTP 200 from e: " + "x".repeat(200) + "..."));
    assertThat(parsed("string"))
        .isEqualTo(
            new PrometheusAnswer.Unusable("the query gives a string, not a number: \"hello\""));
  }

  @Test
  void aSuccessWithAShapeOutsideTheApiIsUnusableNotACrash() {
    assertThat(
            PrometheusAnswer.parse(
                200, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\"}}", "e"))
        .isInstanceOf(PrometheusAnswer.Unusable.class)
        .extracting(a -> ((PrometheusAnswer.Unusable) a).message())
        .asString()
        .startsWith("unexpected Prometheus answer from e: expected a list");
    assertThat(
            PrometheusAnswer.parse(
                200,
                "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":"
                    + "[{\"metric\":{},\"value\":[1,\"many\"]}]}}",
                "e"))
        .isEqualTo(
            new PrometheusAnswer.Unusable(
                "unexpected Prometheus answer from e: a sample value that is not a number: many"));
    assertThat(
            PrometheusAnswer.parse(
                200,
                "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":"
                    + "[{\"metric\":{},\"histogram\":[1,{\"count\":\"2\"}]}]}}",
                "e"))
        .isInstanceOf(PrometheusAnswer.Unusable.class);
  }

  @Test
  void warningsAreKept() {
    var answer =
        PrometheusAnswer.parse(
            200,
            "{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[1,\"2\"]},"
                + "\"warnings\":[\"partial response\"]}",
            "e");
    assertThat(((PrometheusAnswer.Data) answer).warnings()).containsExactly("partial response");
  }
}
