package dev.faultline.probe.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OpenLoopScheduleTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  void aConstantRateSpacesRequestsEvenlyFromTheStart() {
    var schedule = OpenLoopSchedule.constant(100);

    assertThat(schedule.countBefore(10 * SECOND)).isEqualTo(1000);
    for (long k : new long[] {0, 1, 2, 99, 500, 999}) {
      assertThat(schedule.dueNanos(k)).as("request %d", k).isEqualTo(k * 10_000_000L);
    }
    assertThat(schedule.dueNanos(1000)).isEqualTo(10 * SECOND); // the first one not in 10 s
    assertThat(schedule.rateAt(3 * SECOND)).isEqualTo(100);
  }

  @Test
  void aFractionalRateCountsWholeRequests() {
    var schedule = OpenLoopSchedule.constant(0.5); // one every 2 s

    assertThat(schedule.dueNanos(3)).isEqualTo(6 * SECOND);
    assertThat(schedule.countBefore(5 * SECOND)).isEqualTo(3); // at 0, 2 and 4 s
    assertThat(schedule.countBefore(6 * SECOND)).isEqualTo(3); // 6 s is not before 6 s
  }

  @Test
  void aRampFromZeroSendsHalfTheRequestsOfTheFullRateAndSpeedsUpLinearly() {
    var schedule = OpenLoopSchedule.ramp(0, 100, Duration.ofSeconds(10));

    // N(t) = a t² / 2 with a = 10 req/s²: 500 requests in the 10 s ramp.
    assertThat(schedule.countBefore(10 * SECOND)).isEqualTo(500);
    // Request k is due at √(2k/a): k = 5 at 1 s, k = 20 at 2 s, k = 320 at 8 s.
    assertThat(schedule.dueNanos(5)).isCloseTo(SECOND, within(1L));
    assertThat(schedule.dueNanos(20)).isCloseTo(2 * SECOND, within(1L));
    assertThat(schedule.dueNanos(320)).isCloseTo(8 * SECOND, within(1L));
    assertThat(schedule.rateAt(5 * SECOND)).isEqualTo(50);
    // Gaps shrink as the rate climbs: 1/rate at each point.
    long early = schedule.dueNanos(11) - schedule.dueNanos(10);
    long late = schedule.dueNanos(401) - schedule.dueNanos(400);
    assertThat(early).isGreaterThan(3 * late);
  }

  @Test
  void afterTheRampTheFullRateHolds() {
    var schedule = OpenLoopSchedule.ramp(50, 150, Duration.ofSeconds(10));

    // 10 s averaging 100 req/s, then 10 s at 150 req/s.
    assertThat(schedule.countBefore(10 * SECOND)).isEqualTo(1000);
    assertThat(schedule.countBefore(20 * SECOND)).isEqualTo(2500);
    assertThat(schedule.dueNanos(1000)).isCloseTo(10 * SECOND, within(1L));
    assertThat(schedule.dueNanos(1150)).isCloseTo(11 * SECOND, within(1L));
    assertThat(schedule.rateAt(15 * SECOND)).isEqualTo(150);
    assertThat(schedule.expectedBy(12 * SECOND) - schedule.expectedBy(11 * SECOND))
        .isCloseTo(150, within(1e-9));
  }

  @Test
  void aRampCanGoDown() {
    var schedule = OpenLoopSchedule.ramp(100, 20, Duration.ofSeconds(4));

    assertThat(schedule.countBefore(4 * SECOND)).isEqualTo(240); // average 60 req/s
    assertThat(schedule.peakRate()).isEqualTo(100);
    long previous = -1;
    for (long k = 0; k < 300; k++) {
      long due = schedule.dueNanos(k);
      assertThat(due).isGreaterThan(previous);
      previous = due;
    }
  }

  @Test
  void countBeforeAgreesWithDueTimesEverywhere() {
    var schedule = OpenLoopSchedule.ramp(3, 77, Duration.ofMillis(2_500));
    for (long nanos = 0; nanos <= 6 * SECOND; nanos += 37_000_000L) {
      long n = schedule.countBefore(nanos);
      if (n > 0) {
        assertThat(schedule.dueNanos(n - 1)).isLessThan(nanos);
      }
      assertThat(schedule.dueNanos(n)).isGreaterThanOrEqualTo(nanos);
    }
  }

  @Test
  void refusesRatesThatCannotBeScheduled() {
    assertThatThrownBy(() -> OpenLoopSchedule.constant(0)).hasMessageContaining("rate");
    assertThatThrownBy(() -> OpenLoopSchedule.ramp(-1, 10, Duration.ofSeconds(1)))
        .hasMessageContaining("rampFrom");
  }
}
