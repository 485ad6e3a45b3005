package dev.faultline.probe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The loose PromQL check at prepare: certain mistakes only, never a query Prometheus accepts. */
class PromQlShapeTest {

  @Test
  void queriesPrometheusAcceptsPass() {
    for (String query :
        new String[] {
          "up",
          "demo_ready_pods{service=\"checkout\"} >= 3",
          "histogram_quantile(0.99, sum by (le) (rate(demo_http_request_duration_seconds_bucket[5m])))",
          "sum(rate(x{code=~\"5..\"}[1m])) / sum(rate(x[1m]))",
          "max_over_time(deriv(rate(x[1m])[5m:1m])[10m:])",
          "label_replace(up, \"a\", \"$1)\", \"job\", \"(.*)\")",
          "count(x{path='/a(b'})",
          "x{path=`C:\\dir(`}",
          "x{re=\"\\\"(\"}",
          "sum(up) # the total (of everything\n  by (job)",
        }) {
      assertThat(PromQlShape.problem(query)).as(query).isEmpty();
    }
  }

  @Test
  void emptyQueriesAreRefused() {
    assertThat(PromQlShape.problem("")).contains("the query is empty");
    assertThat(PromQlShape.problem("  \n ")).contains("the query is empty");
  }

  @Test
  void unbalancedBracketsNameTheirPlace() {
    assertThat(PromQlShape.problem("sum(demo_ready_pods")).contains("unclosed '(' at column 4");
    assertThat(PromQlShape.problem("sum(rate(x[1m])) by (job))"))
        .contains("')' at column 26 closes nothing");
    assertThat(PromQlShape.problem("rate(x[1m)]"))
        .contains("')' at column 10 does not close '[' at column 7");
    assertThat(PromQlShape.problem("sum(\n  rate(x{a=\"b\"[1m])\n)"))
        .contains("')' at line 2, column 19 does not close '{' at line 2, column 9");
  }

  @Test
  void unclosedStringsAreRefused() {
    assertThat(PromQlShape.problem("x{a=\"b}")).contains("unclosed string starting at column 5");
    assertThat(PromQlShape.problem("x{a='b\\'}")).contains("unclosed string starting at column 5");
    assertThat(PromQlShape.problem("x{a=`b}")).contains("unclosed string starting at column 5");
  }
}
