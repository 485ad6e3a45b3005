package dev.faultline.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.format.ExperimentReader;
import dev.faultline.format.Syntax;
import dev.faultline.model.Experiment;
import org.junit.jupiter.api.Test;

/** Formats without loops or schedules say so instead of dropping them. */
class LoopScheduleWarningsTest {
  private static final Experiment LOOPED =
      new ExperimentReader()
          .read(
              """
              apiVersion: faultline.dev/v1alpha1
              kind: Experiment
              metadata: {name: nightly}
              spec:
                loop: {times: 3}
                schedule: {cron: "@daily"}
                steps:
                  - {id: healthy, probe: http.check, with: {url: "http://web.shop/health"}}
              """,
              Syntax.YAML)
          .experiment()
          .orElseThrow();

  @Test
  void chaosToolkitAndJavaWarnAboutTheLoopAndTheSchedule() throws Exception {
    for (ExportFormat format : new ExportFormat[] {ExportFormat.CHAOS_TOOLKIT, ExportFormat.JAVA}) {
      ExportResult result = Exports.standard().export(LOOPED, format, ExportOptions.DEFAULTS);
      assertThat(result.warnings())
          .as(format.name())
          .extracting(ConversionWarning::path)
          .contains("spec.loop", "spec.schedule");
      assertThat(result.warnings())
          .extracting(ConversionWarning::message)
          .anySatisfy(m -> assertThat(m).contains("has no schedules", "'@daily'"));
    }
  }
}
