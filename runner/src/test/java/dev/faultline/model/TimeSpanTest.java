package dev.faultline.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimeSpanTest {
  @Test
  void parsesUnitsAndCombinations() {
    assertThat(TimeSpan.parse("500ms")).contains(Duration.ofMillis(500));
    assertThat(TimeSpan.parse("10s")).contains(Duration.ofSeconds(10));
    assertThat(TimeSpan.parse("2m")).contains(Duration.ofMinutes(2));
    assertThat(TimeSpan.parse("1h")).contains(Duration.ofHours(1));
    assertThat(TimeSpan.parse("1h30m5s250ms")).contains(Duration.ofMillis(5_405_250));
    assertThat(TimeSpan.parse("120s")).contains(Duration.ofMinutes(2));
    assertThat(TimeSpan.parse("0s")).contains(Duration.ZERO);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "10",
        "s",
        "10 s",
        "-5s",
        "1.5s",
        "10sec",
        "5m1h",
        "1s1s",
        "2d",
        "99999999999999999999h"
      })
  void rejectsWhatIsNotADuration(String text) {
    assertThat(TimeSpan.parse(text)).isEmpty();
    assertThat(TimeSpan.of(text).isValid()).isFalse();
  }

  @Test
  void keepsTheTextAsWrittenAndFormatsCanonically() {
    assertThat(TimeSpan.of("120s").text()).isEqualTo("120s");
    assertThat(TimeSpan.of(Duration.ofSeconds(90)).text()).isEqualTo("1m30s");
    assertThat(TimeSpan.of(Duration.ofMillis(3_600_500)).text()).isEqualTo("1h500ms");
    assertThat(TimeSpan.of(Duration.ZERO).text()).isEqualTo("0s");
  }
}
