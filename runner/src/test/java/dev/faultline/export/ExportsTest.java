package dev.faultline.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.faultline.Examples;
import dev.faultline.format.ExperimentReader;
import dev.faultline.format.Syntax;
import dev.faultline.model.Experiment;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ExportsTest {
  private static Experiment example(String name) {
    Path file = Examples.dir().resolve(name);
    return new ExperimentReader().read(file).experiment().orElseThrow();
  }

  @Test
  void yamlExportReadsBackEqualWithoutWarnings() throws Exception {
    Experiment experiment = example("checkout-freeze-and-recover.yaml");

    ExportResult result =
        Exports.standard().export(experiment, ExportFormat.YAML, ExportOptions.DEFAULTS);

    assertThat(result.warnings()).isEmpty();
    assertThat(new ExperimentReader().read(result.text(), Syntax.YAML).experiment())
        .contains(experiment);
  }

  @Test
  void anExperimentWithErrorsIsNotExported() {
    Experiment broken =
        new ExperimentReader()
            .read(
                """
                apiVersion: faultline.dev/v1alpha1
                kind: Experiment
                metadata: {name: broken}
                spec:
                  steps:
                    - {id: a, attack: k8s.pod.delete, target: nowhere}
                """,
                Syntax.YAML)
            .experiment()
            .orElseThrow();

    ExportException e =
        catchThrowableOfType(
            ExportException.class,
            () -> Exports.standard().export(broken, ExportFormat.YAML, ExportOptions.DEFAULTS));

    assertThat(e.problems()).isNotEmpty().allMatch(p -> p.isError());
    assertThat(e.problems()).anyMatch(p -> p.path().equals("spec.steps[0].target"));
    assertThat(e.getMessage()).contains("before exporting");
  }

  @Test
  void formatsAreFoundByTheirCliNames() {
    for (ExportFormat format : ExportFormat.values()) {
      assertThat(ExportFormat.byCliName(format.cliName())).contains(format);
      assertThat(Exports.exporter(format).format()).isEqualTo(format);
    }
    assertThat(ExportFormat.byCliName("CHAOS-MESH")).contains(ExportFormat.CHAOS_MESH);
    assertThat(ExportFormat.byCliName("litmus")).isEmpty();
  }
}
