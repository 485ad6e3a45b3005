package dev.faultline.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.model.Experiment;
import dev.faultline.model.Loop;
import dev.faultline.model.Schedule;
import dev.faultline.model.ScheduleConcurrency;
import dev.faultline.model.TimeSpan;
import org.junit.jupiter.api.Test;

/** {@code spec.loop} and {@code spec.schedule} in files: read, written back, kept through JSON. */
class LoopScheduleFormatTest {
  private static final String CANONICAL =
      """
      apiVersion: faultline.dev/v1alpha1
      kind: Experiment
      metadata:
        name: nightly
      spec:
        loop:
          times: 5
          for: 30m
          pause: 1m
          continueOnFailure: true
          x-note: keep
        schedule:
          cron: 0 */2 * * *
          timeZone: Europe/Berlin
          concurrency: allow
          historyLimit: 3
        steps:
          - id: wait
            wait: 1s
      """;

  @Test
  void loopAndScheduleAreReadAndWrittenBackUnchanged() {
    ReadResult read = new ExperimentReader().read(CANONICAL, Syntax.YAML);
    assertThat(read.problems()).isEmpty();
    Experiment experiment = read.experiment().orElseThrow();
    Loop loop = experiment.spec().loop();
    assertThat(loop.times()).isEqualTo(5);
    assertThat(loop.duration()).isEqualTo(TimeSpan.of("30m"));
    assertThat(loop.pause()).isEqualTo(TimeSpan.of("1m"));
    assertThat(loop.effectiveContinueOnFailure()).isTrue();
    assertThat(loop.extras().fields()).containsEntry("x-note", "keep");
    Schedule schedule = experiment.spec().schedule();
    assertThat(schedule.cron()).isEqualTo("0 */2 * * *");
    assertThat(schedule.effectiveTimeZone()).isEqualTo("Europe/Berlin");
    assertThat(schedule.effectiveConcurrency()).isEqualTo(ScheduleConcurrency.ALLOW);
    assertThat(schedule.historyLimit()).isEqualTo(3);

    assertThat(ExperimentFormat.write(experiment, Syntax.YAML)).isEqualTo(CANONICAL);
    String json = ExperimentFormat.write(experiment, Syntax.JSON);
    assertThat(new ExperimentReader().read(json, Syntax.JSON).experiment()).contains(experiment);
  }

  @Test
  void defaultsAreForbidAndUtcAndStopOnFailure() {
    Experiment experiment =
        new ExperimentReader()
            .read(
                """
                apiVersion: faultline.dev/v1alpha1
                kind: Experiment
                metadata: {name: t}
                spec:
                  loop: {times: 2}
                  schedule: {cron: "@every 5m"}
                  steps: [{id: w, wait: 1s}]
                """,
                Syntax.YAML)
            .experiment()
            .orElseThrow();
    assertThat(experiment.spec().loop().effectiveContinueOnFailure()).isFalse();
    assertThat(experiment.spec().schedule().effectiveConcurrency())
        .isEqualTo(ScheduleConcurrency.FORBID);
    assertThat(experiment.spec().schedule().effectiveTimeZone()).isEqualTo("UTC");
  }

  @Test
  void wrongTypesAreReportedWhereTheyAre() {
    ReadResult read =
        new ExperimentReader()
            .read(
                """
                apiVersion: faultline.dev/v1alpha1
                kind: Experiment
                metadata: {name: t}
                spec:
                  loop: {times: many, continueOnFailure: sometimes}
                  schedule: {cron: "@daily", concurrency: replace}
                  steps: [{id: w, wait: 1s}]
                """,
                Syntax.YAML);
    assertThat(read.problems())
        .extracting(p -> p.line() + ":" + p.column() + " " + p.message())
        .containsExactly(
            "5:17 expected a whole number, not a string",
            "5:42 expected true or false, not a string",
            "6:43 'replace' is not a valid concurrency; use one of forbid, allow");
  }
}
