package dev.faultline.export.chaosmesh;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.Examples;
import dev.faultline.export.ExportException;
import dev.faultline.export.ExportFormat;
import dev.faultline.export.ExportOptions;
import dev.faultline.export.ExportResult;
import dev.faultline.export.Exports;
import dev.faultline.format.ExperimentReader;
import dev.faultline.model.Experiment;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every example exports to a Workflow that the CRD schema and the admission webhook accept. */
class ChaosMeshExamplesTest {
  static List<Path> examples() {
    return Examples.all();
  }

  @ParameterizedTest
  @MethodSource("examples")
  void everyExampleExportsToAnAdmittedWorkflowOrIsRefusedForHavingNoChaos(Path file)
      throws Exception {
    Experiment experiment = new ExperimentReader().read(file).experiment().orElseThrow();
    boolean hasChaos =
        experiment.spec().steps().stream()
            .anyMatch(
                s ->
                    s instanceof dev.faultline.model.AttackStep a
                            && (a.attack().startsWith("chaosmesh.")
                                || a.attack().startsWith("k8s.pod.delete")
                                || a.attack().equals("k8s.container.kill"))
                        || s instanceof dev.faultline.model.ProbeStep p
                            && p.probe().equals("http.check"));
    if (!hasChaos) {
      assertThatThrownBy(
              () ->
                  Exports.standard()
                      .export(experiment, ExportFormat.CHAOS_MESH, ExportOptions.DEFAULTS))
          .isInstanceOf(ExportException.class)
          .hasMessageContaining("has a Chaos Mesh counterpart");
      return;
    }
    ExportResult result =
        Exports.standard().export(experiment, ExportFormat.CHAOS_MESH, ExportOptions.DEFAULTS);
    System.err.println(
        "=== "
            + file
            + "\n"
            + result.text()
            + result.warnings().stream()
                .map(String::valueOf)
                .reduce("", (a, b) -> a + "\n  ! " + b));
    WorkflowChecks.admitted(result.text());
  }
}
