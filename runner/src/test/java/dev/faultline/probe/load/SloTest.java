package dev.faultline.probe.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Judging a window against the SLO, and how the verdict reads. */
class SloTest {
  private static final long FIVE_SECONDS = 5_000_000_000L;

  /** A 5 s window at 100 req/s: 499 ok and one 503, with the given percentiles in ms. */
  private static WindowStats window(double p50, double p95, double p99) {
    return new WindowStats(
        FIVE_SECONDS,
        500,
        500,
        499,
        1,
        0,
        0,
        0,
        0,
        Map.of(503, 1L),
        "",
        micros(p50),
        micros(p95),
        micros(p99),
        micros(p99 * 2),
        micros(p99));
  }

  private static long micros(double ms) {
    return Math.round(ms * 1000);
  }

  private static Slo slo(String p50, String p95, String p99, double errors, Double throughput) {
    return new Slo(
        p50 == null ? null : dev.faultline.model.TimeSpan.of(p50).toDuration(),
        p95 == null ? null : dev.faultline.model.TimeSpan.of(p95).toDuration(),
        p99 == null ? null : dev.faultline.model.TimeSpan.of(p99).toDuration(),
        errors,
        throughput);
  }

  @Test
  void aWindowWithinEveryLimitPasses() {
    WindowStats stats = window(3, 9, 14);
    assertThat(slo("5ms", "10ms", "20ms", 1, 99.0).violations(stats)).isEmpty();
    assertThat(stats.errorPercent()).isEqualTo(0.2);
    assertThat(stats.throughput()).isEqualTo(99.8);
  }

  @Test
  void eachBrokenLimitIsNamed() {
    WindowStats stats = window(3, 9, 14);
    assertThat(slo(null, null, "10ms", 1, null).violations(stats))
        .containsExactly("p99 over 10 ms");
    assertThat(slo("2ms", "8ms", null, 1, null).violations(stats))
        .containsExactly("p50 over 2 ms", "p95 over 8 ms");
    assertThat(slo(null, null, null, 0.1, null).violations(stats))
        .containsExactly("errors over 0.1 %");
    assertThat(slo(null, null, null, 1, 99.9).violations(stats))
        .containsExactly("throughput under 99.9 req/s");
  }

  @Test
  void theMessageGivesTheNumbersThenWhatTheyBreak() {
    WindowStats stats = window(3, 9, 14);
    var verdict =
        Judgement.of(stats, slo(null, null, "10ms", 1, null).violations(stats), "window 5 s");

    assertThat(verdict.passed()).isFalse();
    assertThat(verdict.millis()).isEqualTo(14.0);
    assertThat(verdict.latency()).isEqualTo(Duration.ofMillis(14));
    assertThat(verdict.message())
        .isEqualTo(
            "p50 3 ms, p95 9 ms, p99 14 ms, 0.2 % errors (1 × 503), 99.8 req/s (window 5 s)"
                + " — p99 over 10 ms");
  }

  @Test
  void aRampWindowBelowTheMinimumThroughputIsNotHeldToIt() {
    // The schedule asked for 40 req/s in this window (a ramp on its way to 100): 39.9 is fine.
    var ramping =
        new WindowStats(
            FIVE_SECONDS, 200, 200, 200, 0, 0, 0, 0, 0, Map.of(), "", 1000, 2000, 3000, 4000, 3000);
    var slo = slo(null, null, null, 1, 90.0);
    assertThat(slo.judgesThroughput(ramping)).isFalse();
    assertThat(slo.violations(ramping)).isEmpty();

    var full =
        new WindowStats(
            FIVE_SECONDS, 500, 400, 400, 0, 0, 0, 0, 0, Map.of(), "", 1000, 2000, 3000, 4000, 3000);
    assertThat(slo.violations(full)).containsExactly("throughput under 90 req/s");
  }

  @Test
  void aWindowWithoutAnswersIsJudgedOnErrorsAndSaysWhatFailed() {
    var down =
        new WindowStats(
            FIVE_SECONDS, 50, 0, 0, 0, 0, 50, 0, 0, Map.of(), "connection refused", 0, 0, 0, 0, 0);
    var violations = slo(null, null, "100ms", 1, null).violations(down);

    assertThat(violations).containsExactly("errors over 1 %");
    assertThat(Judgement.of(down, violations, "window 5 s").message())
        .isEqualTo(
            "no answers, 100 % errors (50 failed: connection refused), 0 req/s (window 5 s)"
                + " — errors over 1 %");
    assertThat(Judgement.of(down, violations, "window 5 s").millis()).isNaN();
  }

  @Test
  void numbersReadNaturallyAtEveryScale() {
    assertThat(LoadText.millis(Duration.ofNanos(350_000))).isEqualTo("0.35 ms");
    assertThat(LoadText.millis(Duration.ofNanos(3_400_000))).isEqualTo("3.4 ms");
    assertThat(LoadText.millis(Duration.ofMillis(14))).isEqualTo("14 ms");
    assertThat(LoadText.millis(Duration.ofMillis(1_234))).isEqualTo("1.23 s");
    assertThat(LoadText.millis(Duration.ofMillis(1_500))).isEqualTo("1.5 s");
    assertThat(LoadText.millis(Duration.ofMillis(2_000))).isEqualTo("2 s");
    assertThat(LoadText.millis(Duration.ofSeconds(12))).isEqualTo("12 s");
    assertThat(LoadText.percent(0.05)).isEqualTo("0.05 %");
    assertThat(LoadText.percent(12.34)).isEqualTo("12.3 %");
    assertThat(LoadText.rate(1234.56)).isEqualTo("1234.6 req/s");
    assertThat(LoadText.span(150_000_000_000L)).isEqualTo("2 m 30 s");
    assertThat(LoadText.range(10_000_000_000L, 12_500_000_000L)).isEqualTo("10–12.5 s");
  }
}
