package dev.faultline.model.cron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CronExpressionTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  private static List<String> firings(String cron, String from, ZoneId zone, int count) {
    CronExpression expression = CronExpression.parse(cron);
    Instant at = ZonedDateTime.parse(from).toInstant();
    var out = new ArrayList<String>();
    for (int i = 0; i < count; i++) {
      at = expression.next(at, zone).orElseThrow();
      out.add(ZonedDateTime.ofInstant(at, zone).toOffsetDateTime().toString());
    }
    return out;
  }

  @Test
  void everyTwoHoursOnTheHour() {
    assertThat(firings("0 */2 * * *", "2026-12-03T11:53:00Z", ZoneOffset.UTC, 3))
        .containsExactly("2026-12-03T12:00Z", "2026-12-03T14:00Z", "2026-12-03T16:00Z");
  }

  @Test
  void listsRangesStepsAndNames() {
    // 9:15 and 9:45 on weekdays in January and February
    assertThat(firings("15,45 9 * jan-FEB mon-fri", "2026-12-31T10:00:00Z", ZoneOffset.UTC, 3))
        .containsExactly("2027-01-01T09:15Z", "2027-01-01T09:45Z", "2027-01-04T09:15Z");
    assertThat(firings("10-30/10 0 1 * *", "2026-12-03T00:00:00Z", ZoneOffset.UTC, 4))
        .containsExactly(
            "2027-01-01T00:10Z", "2027-01-01T00:20Z", "2027-01-01T00:30Z", "2027-02-01T00:10Z");
    // 5/20 is "from 5 to the end, every 20"
    assertThat(firings("5/20 3 * * *", "2026-12-03T00:00:00Z", ZoneOffset.UTC, 3))
        .containsExactly("2026-12-03T03:05Z", "2026-12-03T03:25Z", "2026-12-03T03:45Z");
  }

  @Test
  void sundayIsZeroOrSeven() {
    assertThat(firings("0 12 * * 7", "2026-12-03T00:00:00Z", ZoneOffset.UTC, 1))
        .containsExactly("2026-12-06T12:00Z");
    assertThat(firings("0 12 * * SUN", "2026-12-03T00:00:00Z", ZoneOffset.UTC, 1))
        .containsExactly("2026-12-06T12:00Z");
  }

  @Test
  void macros() {
    assertThat(firings("@hourly", "2026-12-03T11:53:00Z", ZoneOffset.UTC, 1))
        .containsExactly("2026-12-03T12:00Z");
    assertThat(firings("@daily", "2026-12-03T11:53:00Z", ZoneOffset.UTC, 1))
        .containsExactly("2026-12-04T00:00Z");
    assertThat(firings("@weekly", "2026-12-03T11:53:00Z", ZoneOffset.UTC, 1))
        .containsExactly("2026-12-06T00:00Z");
    assertThat(firings("@monthly", "2026-12-03T11:53:00Z", ZoneOffset.UTC, 1))
        .containsExactly("2027-01-01T00:00Z");
    assertThat(firings("@yearly", "2026-12-03T11:53:00Z", ZoneOffset.UTC, 1))
        .containsExactly("2027-01-01T00:00Z");
    assertThat(firings("@every 90s", "2026-12-03T11:53:00Z", ZoneOffset.UTC, 2))
        .containsExactly("2026-12-03T11:54:30Z", "2026-12-03T11:56Z");
    assertThat(CronExpression.parse("@every 5m").every()).contains(Duration.ofMinutes(5));
  }

  @Test
  void dayOfMonthOrDayOfWeekWhenBothAreRestricted() {
    // the 13th OR any Friday
    assertThat(firings("0 0 13 * FRI", "2026-12-01T00:00:00Z", ZoneOffset.UTC, 4))
        .containsExactly(
            "2026-12-04T00:00Z", "2026-12-11T00:00Z", "2026-12-13T00:00Z", "2026-12-18T00:00Z");
    // with a '*' day of month, only the weekday counts
    assertThat(firings("0 0 * * FRI", "2026-12-01T00:00:00Z", ZoneOffset.UTC, 2))
        .containsExactly("2026-12-04T00:00Z", "2026-12-11T00:00Z");
    // '*/1' starts with '*', so it does not make the OR rule apply (as in Vixie cron)
    assertThat(firings("0 0 */1 * FRI", "2026-12-01T00:00:00Z", ZoneOffset.UTC, 1))
        .containsExactly("2026-12-04T00:00Z");
  }

  @Test
  void februaryTheTwentyNinthWaitsForALeapYear() {
    assertThat(firings("0 6 29 2 *", "2026-12-03T00:00:00Z", ZoneOffset.UTC, 2))
        .containsExactly("2028-02-29T06:00Z", "2032-02-29T06:00Z");
  }

  @Test
  void aDayThatNeverComesNeverFires() {
    assertThat(CronExpression.parse("0 0 30 2 *").next(Instant.EPOCH, ZoneOffset.UTC)).isEmpty();
    assertThat(CronExpression.parse("0 0 30 2 *").firesEver(Instant.EPOCH)).isFalse();
    assertThat(CronExpression.parse("0 0 29 2 *").firesEver(Instant.EPOCH)).isTrue();
  }

  @Test
  void timeZoneShiftsTheFiring() {
    assertThat(firings("0 9 * * *", "2026-12-03T00:00:00Z", BERLIN, 1))
        .containsExactly("2026-12-03T09:00+01:00");
    assertThat(firings("0 9 * * *", "2026-07-03T00:00:00Z", BERLIN, 1))
        .containsExactly("2026-07-03T09:00+02:00");
  }

  @Test
  void aTimeInTheSpringGapFiresOnceAtTheEndOfTheGap() {
    // Berlin 2026-03-29: 02:00 CET jumps to 03:00 CEST; 02:30 does not exist that day
    assertThat(firings("30 2 * * *", "2026-03-28T12:00:00Z", BERLIN, 3))
        .containsExactly(
            "2026-03-29T03:00+02:00", "2026-03-30T02:30+02:00", "2026-03-31T02:30+02:00");
    // every 10 minutes in the 2 o'clock hour collapses into one firing at 03:00
    assertThat(firings("*/10 2 29 3 *", "2026-03-29T00:00:00Z", BERLIN, 2))
        .containsExactly("2026-03-29T03:00+02:00", "2027-03-29T02:00+02:00");
  }

  @Test
  void aFixedTimeInTheRepeatedHourFiresOnce() {
    // Berlin 2026-10-25: 03:00 CEST goes back to 02:00 CET; 02:30 happens twice
    assertThat(firings("30 2 * * *", "2026-10-24T12:00:00Z", BERLIN, 2))
        .containsExactly("2026-10-25T02:30+02:00", "2026-10-26T02:30+01:00");
  }

  @Test
  void anHourlyScheduleFiresInBothCopiesOfTheRepeatedHour() {
    assertThat(firings("0 * * * *", "2026-10-25T00:30+02:00", BERLIN, 4))
        .containsExactly(
            "2026-10-25T01:00+02:00",
            "2026-10-25T02:00+02:00",
            "2026-10-25T02:00+01:00",
            "2026-10-25T03:00+01:00");
  }

  @Test
  void errorsSayWhereTheyAre() {
    assertThatThrownBy(() -> CronExpression.parse("0 */2 * *"))
        .isInstanceOf(CronSyntaxException.class)
        .hasMessageContaining("5 fields");
    assertProblem("0 25 * * *", 2, "hour 25 is out of range 0-23");
    assertProblem("0 0 * foo *", 6, "'foo' is not a valid month");
    assertProblem("*/0 * * * *", 2, "a step must be 1 or more");
    assertProblem("0 0 * * 5-1", 8, "runs backwards");
    assertProblem("0 0 1,,2 * *", 6, "empty list item in the day of month field");
    assertProblem("@every soon", 7, "@every needs a duration");
    assertProblem("@fortnightly", 0, "unknown macro");
    assertProblem("", 0, "empty");
  }

  private static void assertProblem(String cron, int offset, String message) {
    assertThatThrownBy(() -> CronExpression.parse(cron))
        .isInstanceOfSatisfying(
            CronSyntaxException.class, e -> assertThat(e.offset()).isEqualTo(offset))
        .hasMessageContaining(message);
  }
}
