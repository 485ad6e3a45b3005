package dev.faultline.validate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoopScheduleRuleTest {
  private static final String STEPS = "  steps: [{id: w, wait: 1s}]\n";

  @Test
  void aValidLoopAndScheduleHaveNoProblems() {
    assertThat(
            Check.problems(
                """
                spec:
                  loop: {times: 3, pause: 10s}
                  schedule: {cron: "0 9 * * MON-FRI", timeZone: Europe/Berlin}
                """
                    + STEPS))
        .isEmpty();
  }

  @Test
  void aBadCronIsReportedAtTheOffendingCharacter() {
    assertThat(
            Check.located(
                """
                spec:
                  schedule:
                    cron: "0 25 * * *"
                """
                    + STEPS))
        .containsExactly("7:14 hour 25 is out of range 0-23");
    assertThat(
            Check.located(
                """
                spec:
                  schedule:
                    cron: 0 0 * * FRY
                """
                    + STEPS))
        .containsExactly(
            "7:19 'FRY' is not a valid day of week (expected a number or a name such as SUN)");
  }

  @Test
  void aCronThatNeverFiresAndAnUnknownZoneAreErrors() {
    assertThat(
            Check.located(
                """
                spec:
                  schedule:
                    cron: 0 0 31 2 *
                    timeZone: Europe/Berlim
                """
                    + STEPS))
        .containsExactly(
            "7:11 '0 0 31 2 *' never fires (no such day)",
            "8:15 'Europe/Berlim' is not a known time zone; use an IANA name such as Europe/Berlin"
                + " or UTC");
  }

  @Test
  void aLoopNeedsTimesOrForAndSensibleNumbers() {
    assertThat(Check.messages("spec:\n  loop: {pause: 1m}\n" + STEPS))
        .containsExactly(
            "error: a loop needs 'times' (such as 'times: 5') or 'for' (such as 'for: 30m'), or"
                + " both");
    assertThat(Check.messages("spec:\n  loop: {times: 0, for: 0s, pause: soon}\n" + STEPS))
        .hasSize(3)
        .anySatisfy(m -> assertThat(m).isEqualTo("error: times must be 1 or more"))
        .anySatisfy(m -> assertThat(m).isEqualTo("error: 'for' must be more than 0"));
  }
}
