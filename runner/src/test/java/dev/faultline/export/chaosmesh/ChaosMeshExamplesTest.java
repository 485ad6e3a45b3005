package dev.faultline.export.chaosmesh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.Examples;
import dev.faultline.export.ExportException;
import dev.faultline.export.ExportFormat;
import dev.faultline.export.ExportOptions;
import dev.faultline.export.ExportResult;
import dev.faultline.export.Exports;
import dev.faultline.format.ExperimentReader;
import dev.faultline.model.AttackStep;
import dev.faultline.model.ClusterContexts;
import dev.faultline.model.Experiment;
import dev.faultline.model.ProbeStep;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example exports to a Workflow that the CRD schema and the admission webhook accept, or is
 * refused because nothing in the Workflow's cluster has a Chaos Mesh counterpart.
 */
class ChaosMeshExamplesTest {
  static List<Path> examples() {
    return Examples.all();
  }

  @ParameterizedTest
  @MethodSource("examples")
  void everyExampleExportsToAnAdmittedWorkflowOrIsRefusedForHavingNoChaos(Path file)
      throws Exception {
    Experiment experiment = new ExperimentReader().read(file).experiment().orElseThrow();
    ExportResult result;
    try {
      result =
          Exports.standard().export(experiment, ExportFormat.CHAOS_MESH, ExportOptions.DEFAULTS);
    } catch (ExportException e) {
      assertThat(e).hasMessageContaining("has a Chaos Mesh counterpart");
      // Steps in another context than the Workflow's own are left out, whatever they are.
      assertThat(experiment.spec().steps())
          .filteredOn(
              s ->
                  TemplateWriter.elsewhere(experiment, ClusterContexts.ofStep(experiment.spec(), s))
                      == null)
          .noneMatch(
              s ->
                  s instanceof AttackStep a
                          && (a.attack().startsWith("chaosmesh.")
                              || a.attack().equals("k8s.pod.delete")
                              || a.attack().equals("k8s.container.kill"))
                      || s instanceof ProbeStep p && p.probe().equals("http.check"));
      return;
    }
    WorkflowChecks.admitted(result.text());
  }
}
