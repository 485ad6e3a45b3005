package dev.faultline.sandbox.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Age column's thresholds, at and either side of every boundary of HumanDuration. */
class TableViewHumanDurationTest {
  @ParameterizedTest(name = "{0}s -> {1}")
  @CsvSource({
    "-3, <invalid>",
    "-2, <invalid>",
    "-1, 0s",
    "0, 0s",
    "1, 1s",
    "119, 119s",
    "120, 2m",
    "150, 2m30s",
    "599, 9m59s",
    "600, 10m",
    "659, 10m",
    "10799, 179m",
    "10800, 3h",
    "12600, 3h30m",
    "28799, 7h59m",
    "28800, 8h",
    "30599, 8h",
    "172799, 47h",
    "172800, 2d",
    "180000, 2d2h",
    "691199, 7d23h",
    "691200, 8d",
    "63071999, 729d",
    "63072000, 2y",
    "63158400, 2y1d",
    "252287999, 7y364d",
    "252288000, 8y",
    "315360000, 10y",
  })
  void formatsLikeKubectl(long seconds, String expected) {
    assertThat(HumanDuration.format(Duration.ofSeconds(seconds))).isEqualTo(expected);
  }

  @Test
  void toleratesUpToTwoSecondsOfClockSkewTruncatingTowardsZero() {
    assertThat(HumanDuration.format(Duration.ofMillis(-1500))).isEqualTo("0s");
    assertThat(HumanDuration.format(Duration.ofMillis(-1999))).isEqualTo("0s");
    assertThat(HumanDuration.format(Duration.ofMillis(-2000))).isEqualTo("<invalid>");
    assertThat(HumanDuration.format(Duration.ofMillis(119_999))).isEqualTo("119s");
  }

  @Test
  void missingTimestampIsUnknown() {
    Instant now = Instant.parse("2025-06-01T12:00:00Z");
    assertThat(HumanDuration.since(null, now)).isEqualTo("<unknown>");
    assertThat(HumanDuration.since(now.minusSeconds(300), now)).isEqualTo("5m");
  }
}
