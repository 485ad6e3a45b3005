package dev.faultline.validate;

import dev.faultline.model.Experiment;
import dev.faultline.model.Loop;
import dev.faultline.model.Schedule;
import dev.faultline.model.cron.CronExpression;
import dev.faultline.model.cron.CronSyntaxException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;

/**
 * {@code spec.loop} says how often (times and/or for) with valid durations; {@code spec.schedule}
 * has a cron that parses (pointing at the offending character) and fires at all, and a known IANA
 * time zone.
 */
final class LoopScheduleRule implements Rule {
  private static final String LOOP = "spec.loop";
  private static final String SCHEDULE = "spec.schedule";

  @Override
  public void check(Experiment experiment, ProblemSink sink) {
    if (experiment.spec().loop() != null) {
      checkLoop(experiment.spec().loop(), sink);
    }
    if (experiment.spec().schedule() != null) {
      checkSchedule(experiment.spec().schedule(), sink);
    }
  }

  private static void checkLoop(Loop loop, ProblemSink sink) {
    if (loop.times() == null && loop.duration() == null) {
      sink.error(
          LOOP, "a loop needs 'times' (such as 'times: 5') or 'for' (such as 'for: 30m'), or both");
    }
    if (loop.times() != null && loop.times() < 1) {
      sink.error(Paths.child(LOOP, "times"), "times must be 1 or more");
    }
    DurationRule.parse(loop.duration(), Paths.child(LOOP, "for"), sink)
        .filter(java.time.Duration::isZero)
        .ifPresent(zero -> sink.error(Paths.child(LOOP, "for"), "'for' must be more than 0"));
    DurationRule.parse(loop.pause(), Paths.child(LOOP, "pause"), sink);
  }

  private static void checkSchedule(Schedule schedule, ProblemSink sink) {
    String cronPath = Paths.child(SCHEDULE, "cron");
    if (schedule.cron() == null) {
      sink.error(SCHEDULE, "a schedule needs 'cron', such as cron: \"0 */2 * * *\"");
    } else {
      try {
        CronExpression cron = CronExpression.parse(schedule.cron());
        if (!cron.firesEver(Instant.now())) {
          sink.error(cronPath, "'" + schedule.cron() + "' never fires (no such day)");
        }
      } catch (CronSyntaxException e) {
        sink.error(cronPath, e.offset(), e.getMessage());
      }
    }
    if (schedule.timeZone() != null) {
      try {
        ZoneId.of(schedule.timeZone());
      } catch (DateTimeException e) {
        sink.error(
            Paths.child(SCHEDULE, "timeZone"),
            "'"
                + schedule.timeZone()
                + "' is not a known time zone; use an IANA name such as Europe/Berlin or UTC");
      }
    }
    if (schedule.historyLimit() != null && schedule.historyLimit() < 1) {
      sink.error(Paths.child(SCHEDULE, "historyLimit"), "historyLimit must be 1 or more");
    }
  }
}
