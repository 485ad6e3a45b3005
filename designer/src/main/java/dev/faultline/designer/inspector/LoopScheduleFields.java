package dev.faultline.designer.inspector;

import dev.faultline.model.Experiment;
import dev.faultline.model.Keyword;
import dev.faultline.model.Loop;
import dev.faultline.model.Schedule;
import dev.faultline.model.ScheduleConcurrency;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The experiment form's {@code spec.loop} and {@code spec.schedule} fields. Problems (a bad cron,
 * an unknown zone) show under their field through the field's path; a block whose fields are all
 * cleared leaves the file.
 */
final class LoopScheduleFields {
  private static final Loop NO_LOOP = new Loop(null, null, null, null, null);
  private static final Schedule NO_SCHEDULE = new Schedule(null, null, null, null, null);

  private LoopScheduleFields() {}

  static List<InspectorField> fields() {
    return List.of(
        ExperimentFields.field(
                "spec.loop.times",
                "loop times",
                FieldEditor.INTEGER,
                e -> loop(e).times() == null ? null : (Object) (long) loop(e).times(),
                (e, v) ->
                    withLoop(
                        e,
                        l ->
                            new Loop(
                                v == null ? null : Math.toIntExact(((Number) v).longValue()),
                                l.duration(),
                                l.pause(),
                                l.continueOnFailure(),
                                l.extras())))
            .prompt("runs once")
            .range(1.0, null)
            .help("Repeat the experiment this many times; each loop rolls back before the pause.")
            .build(),
        ExperimentFields.field(
                "spec.loop.for",
                "loop for",
                FieldEditor.DURATION,
                e -> StepCopy.text(loop(e).duration()),
                (e, v) ->
                    withLoop(
                        e,
                        l ->
                            new Loop(
                                l.times(),
                                StepCopy.span(v),
                                l.pause(),
                                l.continueOnFailure(),
                                l.extras())))
            .prompt("no time limit")
            .help("Start no loop later than this after the first began.")
            .build(),
        ExperimentFields.field(
                "spec.loop.pause",
                "pause",
                FieldEditor.DURATION,
                e -> StepCopy.text(loop(e).pause()),
                (e, v) ->
                    withLoop(
                        e,
                        l ->
                            new Loop(
                                l.times(),
                                l.duration(),
                                StepCopy.span(v),
                                l.continueOnFailure(),
                                l.extras())))
            .prompt("none")
            .build(),
        ExperimentFields.field(
                "spec.loop.continueOnFailure",
                "continue on failure",
                FieldEditor.BOOLEAN,
                e -> loop(e).continueOnFailure(),
                (e, v) ->
                    withLoop(
                        e,
                        l ->
                            new Loop(
                                l.times(),
                                l.duration(),
                                l.pause(),
                                Boolean.TRUE.equals(v) ? Boolean.TRUE : null,
                                l.extras())))
            .help("By default a failed loop ends the run.")
            .build(),
        ExperimentFields.field(
                "spec.schedule.cron",
                "cron",
                FieldEditor.MONOSPACE,
                e -> schedule(e).cron(),
                (e, v) ->
                    withSchedule(
                        e,
                        s ->
                            new Schedule(
                                blank(v),
                                s.timeZone(),
                                s.concurrency(),
                                s.historyLimit(),
                                s.extras())))
            .prompt("not scheduled")
            .help("Five fields (0 */2 * * *), @daily, or @every 5m; faultline run waits for each.")
            .build(),
        ExperimentFields.field(
                "spec.schedule.timeZone",
                "time zone",
                FieldEditor.TEXT,
                e -> schedule(e).timeZone(),
                (e, v) ->
                    withSchedule(
                        e,
                        s ->
                            new Schedule(
                                s.cron(), blank(v), s.concurrency(), s.historyLimit(), s.extras())))
            .prompt("UTC")
            .build(),
        ExperimentFields.field(
                "spec.schedule.concurrency",
                "concurrency",
                FieldEditor.CHOICE,
                e -> schedule(e).concurrency() == null ? null : schedule(e).concurrency().keyword(),
                (e, v) ->
                    withSchedule(
                        e,
                        s ->
                            new Schedule(
                                s.cron(),
                                s.timeZone(),
                                v == null
                                    ? null
                                    : Keyword.parse(ScheduleConcurrency.class, v.toString())
                                        .orElse(null),
                                s.historyLimit(),
                                s.extras())))
            .choices(Keyword.words(ScheduleConcurrency.class))
            .prompt("default: forbid")
            .help("forbid skips a firing while the previous run still goes.")
            .build());
  }

  private static Loop loop(Experiment e) {
    return e.spec().loop() == null ? NO_LOOP : e.spec().loop();
  }

  private static Schedule schedule(Experiment e) {
    return e.spec().schedule() == null ? NO_SCHEDULE : e.spec().schedule();
  }

  private static String blank(Object value) {
    return value == null || value.toString().isBlank() ? null : value.toString().strip();
  }

  private static Experiment withLoop(Experiment e, UnaryOperator<Loop> change) {
    Loop loop = change.apply(loop(e));
    boolean empty =
        loop.times() == null
            && loop.duration() == null
            && loop.pause() == null
            && loop.continueOnFailure() == null
            && loop.extras().isEmpty();
    return e.withSpec(e.spec().withLoop(empty ? null : loop));
  }

  private static Experiment withSchedule(Experiment e, UnaryOperator<Schedule> change) {
    Schedule schedule = change.apply(schedule(e));
    boolean empty =
        schedule.cron() == null
            && schedule.timeZone() == null
            && schedule.concurrency() == null
            && schedule.historyLimit() == null
            && schedule.extras().isEmpty();
    return e.withSpec(e.spec().withSchedule(empty ? null : schedule));
  }
}
