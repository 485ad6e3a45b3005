package dev.faultline.probe;

import static dev.faultline.probe.RecordedAnswers.parsed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Judging recorded Prometheus 2.42 answers: comparisons, reductions, and every odd shape. */
class PromQueryCheckTest {
  private static final Duration LATENCY = Duration.ofMillis(7);

  private static ProbeSample judge(String recorded, String operator, double threshold) {
    return judge(recorded, operator, threshold, PromReduce.WORST, false);
  }

  private static ProbeSample judge(
      String recorded, String operator, double threshold, PromReduce reduce, boolean passOnEmpty) {
    var check =
        new PromQueryCheck(
            "the_query{x=\"y\"}", new PromComparison(operator, threshold), reduce, passOnEmpty);
    return check.judge(parsed(recorded), LATENCY);
  }

  @Test
  void everyOperatorComparesTheOneValue() {
    // vector-one holds 3 ready pods.
    assertThat(judge("vector-one", ">=", 3)).isEqualTo(ProbeSample.pass(3, LATENCY, "3 >= 3"));
    assertThat(judge("vector-one", ">", 3))
        .isEqualTo(ProbeSample.fail(3, LATENCY, "3, expected > 3"));
    assertThat(judge("vector-one", "<", 3.5).passed()).isTrue();
    assertThat(judge("vector-one", "<=", 2.99).passed()).isFalse();
    assertThat(judge("vector-one", "==", 3).passed()).isTrue();
    assertThat(judge("vector-one", "!=", 3).passed()).isFalse();
    assertThat(judge("vector-one", "!=", 0).message()).isEqualTo("3 != 0");
    assertThat(judge("scalar", "==", 3)).isEqualTo(ProbeSample.pass(3, LATENCY, "3 == 3"));
  }

  @Test
  void nanNeverPassesAndSaysWhyItMayComeUp() {
    for (String recorded : new String[] {"vector-nan", "scalar-nan"}) {
      for (String operator : new String[] {"<", "<=", ">", ">=", "==", "!="}) {
        ProbeSample sample = judge(recorded, operator, 0.01);
        assertThat(sample.passed()).as(recorded + " " + operator).isFalse();
        assertThat(sample.value()).isNaN();
      }
    }
    assertThat(judge("vector-nan", "<", 0.01).message())
        .isEqualTo(
            "NaN, expected < 0.01 (NaN never passes; 0/0, e.g. a ratio without traffic, is NaN)");
    ProbeSample infinite = judge("vector-inf", "<", 0.01);
    assertThat(infinite.message()).isEqualTo("+Inf, expected < 0.01");
    assertThat(judge("vector-inf", ">", 1e9).passed()).isTrue();
  }

  @Test
  void noDataFailsNamingTheQueryUnlessOnEmptyPasses() {
    ProbeSample empty = judge("vector-empty", ">=", 1);
    assertThat(empty.passed()).isFalse();
    assertThat(empty.value()).isNaN();
    assertThat(empty.message())
        .isEqualTo("no data: the query gives an empty result: the_query{x=\"y\"}");
    assertThat(judge("matrix-range-empty", ">=", 1).passed()).isFalse();

    ProbeSample allowed = judge("vector-empty", ">=", 1, PromReduce.WORST, true);
    assertThat(allowed.passed()).isTrue();
    assertThat(allowed.value()).isNaN();
    assertThat(allowed.message()).isEqualTo("no data (onEmpty: pass)");
  }

  @Test
  void severalSeriesFailNamingThemAndTheQuery() {
    ProbeSample two = judge("vector-two", ">=", 1);
    assertThat(two.passed()).as("each series would pass, but which one is the answer?").isFalse();
    assertThat(two.value()).isNaN();
    assertThat(two.message())
        .startsWith(
            "2 series, expected one (aggregate them with min, max or sum, or narrow the selector):"
                + " demo_ready_pods{faultline_service=\"shop/cart\",")
        .contains(", demo_ready_pods{faultline_service=\"shop/checkout\",")
        .endsWith(", in query: the_query{x=\"y\"}");
    assertThat(judge("matrix-range-two", ">=", 1).message()).startsWith("2 series, expected one");
  }

  @Test
  void rangePointsReduceToOneValue() {
    // 3, 3, 3, then 1 for twelve points, then 3, 3 (checkout scaled to 1 and back).
    assertThat(judge("matrix-range-varying", ">=", 3))
        .isEqualTo(ProbeSample.fail(1, LATENCY, "worst of 17 points: 1, expected >= 3"));
    assertThat(judge("matrix-range-varying", "<", 3))
        .isEqualTo(ProbeSample.fail(3, LATENCY, "worst of 17 points: 3, expected < 3"));
    assertThat(judge("matrix-range-varying", ">=", 3, PromReduce.LAST, false))
        .isEqualTo(ProbeSample.pass(3, LATENCY, "last of 17 points: 3 >= 3"));
    assertThat(judge("matrix-range-varying", ">=", 1, PromReduce.MIN, false).value()).isEqualTo(1);
    assertThat(judge("matrix-range-varying", ">=", 1, PromReduce.MAX, false).value()).isEqualTo(3);
    ProbeSample avg = judge("matrix-range-varying", ">", 1.4, PromReduce.AVG, false);
    assertThat(avg.value()).isCloseTo(27.0 / 17, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(avg.message()).isEqualTo("avg of 17 points: 1.58824 > 1.4");
    assertThat(judge("matrix-instant", "==", 3))
        .isEqualTo(ProbeSample.pass(3, LATENCY, "worst of 3 points: 3 == 3"));
  }

  @Test
  void nanPointsAreLeftOutButLastTakesTheLatestAsItIs() {
    // NaN for 3 points, 1 for 5, NaN for 9: traffic in the middle of the window only.
    assertThat(judge("matrix-range-nan", "<=", 1))
        .isEqualTo(ProbeSample.pass(1, LATENCY, "worst of 17 points: 1 <= 1"));
    assertThat(judge("matrix-range-nan", ">", 0, PromReduce.AVG, false).value()).isEqualTo(1);
    ProbeSample last = judge("matrix-range-nan", "<=", 1, PromReduce.LAST, false);
    assertThat(last.passed()).isFalse();
    assertThat(last.value()).isNaN();
  }

  @Test
  void worstForEqualityIsTheFirstPointThatDiffers() {
    assertThat(judge("matrix-range-varying", "==", 3).value()).isEqualTo(1);
    assertThat(judge("matrix-range-varying", "!=", 1).value()).isEqualTo(1);
    assertThat(judge("matrix-range-varying", "!=", 2))
        .isEqualTo(ProbeSample.pass(3, LATENCY, "worst of 17 points: 3 != 2"));
  }

  @Test
  void prometheusErrorsFailWithItsMessageAndSyntaxErrorsWithTheQuery() {
    assertThat(judge("error-parse", "<", 1))
        .isEqualTo(
            ProbeSample.fail(
                Double.NaN,
                LATENCY,
                "PromQL parse error at line 1, column 20: unclosed left parenthesis in query:"
                    + " the_query{x=\"y\"}"));
    assertThat(judge("error-execution", "<", 1).message())
        .startsWith("Prometheus error (execution): found duplicate series")
        .doesNotContain("in query:");
    assertThat(judge("error-timeout", "<", 1).message())
        .isEqualTo("Prometheus error (timeout): query timed out in query queue");
    assertThat(judge("string", "<", 1).message())
        .isEqualTo("the query gives a string, not a number: \"hello\"");
    assertThat(judge("not-prometheus", "<", 1).passed()).isFalse();
  }

  @Test
  void warningsAreAppended() {
    var check = new PromQueryCheck("q", new PromComparison("<", 5), PromReduce.WORST, false);
    var answer =
        PrometheusAnswer.parse(
            200,
            "{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[1,\"2\"]},"
                + "\"warnings\":[\"partial response\"]}",
            "e");
    assertThat(check.judge(answer, LATENCY).message())
        .isEqualTo("2 < 5; Prometheus warns: partial response");
  }

  @Test
  void numbersReadWell() {
    assertThat(PromComparison.number(3)).isEqualTo("3");
    assertThat(PromComparison.number(-2)).isEqualTo("-2");
    assertThat(PromComparison.number(0.01915000000000002)).isEqualTo("0.01915");
    assertThat(PromComparison.number(1234.56789)).isEqualTo("1234.57");
    assertThat(PromComparison.number(0.00001234)).isEqualTo("0.00001234");
    assertThat(PromComparison.number(1.5e-7)).isEqualTo("1.5E-7");
    assertThat(PromComparison.number(Double.NEGATIVE_INFINITY)).isEqualTo("-Inf");
    assertThat(PromComparison.number(1e20)).isEqualTo("1E+20");
  }

  @Test
  void unknownOperatorsAndReductionsAreRefused() {
    assertThatThrownBy(() -> new PromComparison("=~", 1)).hasMessage("unknown operator '=~'");
    assertThatThrownBy(() -> PromReduce.of("median"))
        .hasMessage("unknown reduce 'median'; use worst, last, min, max or avg");
  }
}
