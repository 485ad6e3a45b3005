package dev.faultline.export.chaosmesh;

import static dev.faultline.export.chaosmesh.WorkflowChecks.template;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.Examples;
import dev.faultline.export.ConversionWarning;
import dev.faultline.export.ExportException;
import dev.faultline.export.ExportFormat;
import dev.faultline.export.ExportOptions;
import dev.faultline.export.ExportResult;
import dev.faultline.export.Exports;
import dev.faultline.format.ExperimentReader;
import dev.faultline.format.Syntax;
import dev.faultline.model.Experiment;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A Workflow runs in one cluster: the parts of a two-context experiment that act on the other
 * context become Suspends (steps) or are left out (continuous probes), each with a warning naming
 * the context, so an applied Workflow never attacks or checks the wrong cluster.
 */
class ChaosMeshMultiClusterTest {
  private static final String TWO_CONTEXTS =
      """
      apiVersion: faultline.dev/v1alpha1
      kind: Experiment
      metadata: {name: kill-east-watch-both}
      spec:
        context: east
        targets:
          web-east: {context: east, namespaces: [shop], labelSelector: app=web}
          web-west: {context: west, namespaces: [shop], labelSelector: app=web}
        steps:
          - {id: kill-east, attack: k8s.pod.delete, target: web-east}
          - {id: kill-west, after: [kill-east], attack: k8s.pod.delete, target: web-west}
          - id: west-up
            after: [kill-west]
            probe: http.check
            context: west
            until: passing
            timeout: 30s
            with: {url: "http://web.shop/health"}
          - id: east-up
            after: [west-up]
            probe: http.check
            until: passing
            timeout: 20s
            with: {url: "http://web.shop/health"}
        probes:
          - {id: west-watch, probe: http.check, context: west, haltAfter: 3, with: {url: "http://web.shop/"}}
          - {id: east-watch, probe: http.check, with: {url: "http://web.shop/"}}
      """;

  private static ExportResult export(Experiment experiment) throws ExportException {
    return Exports.standard().export(experiment, ExportFormat.CHAOS_MESH, ExportOptions.DEFAULTS);
  }

  @Test
  void theOtherContextsStepsBecomeSuspendsAndItsProbesAreLeftOutWithAWarningEach()
      throws Exception {
    var read = new ExperimentReader().read(TWO_CONTEXTS, Syntax.YAML);
    ExportResult result = export(read.experiment().orElseThrow());

    JsonNode workflow = WorkflowChecks.admitted(result.text());
    assertThat(template(workflow, "kill-east").path("templateType").asString())
        .isEqualTo("PodChaos");
    assertThat(template(workflow, "east-up").path("templateType").asString())
        .isEqualTo("StatusCheck");
    assertThat(template(workflow, "east-watch").path("templateType").asString())
        .isEqualTo("StatusCheck");
    JsonNode killWest = template(workflow, "kill-west");
    assertThat(killWest.path("templateType").asString()).isEqualTo("Suspend");
    assertThat(killWest.has("podChaos")).isFalse();
    // The stand-in lasts as long as the probe could, so east-up starts no earlier than in a run.
    assertThat(template(workflow, "west-up").path("deadline").asString()).isEqualTo("30s");
    assertThat(result.text()).doesNotContain("west-watch");
    assertThat(result.warnings())
        .filteredOn(w -> w.message().contains("context 'west'"))
        .extracting(ConversionWarning::path)
        .containsExactly("spec.steps[1]", "spec.steps[2]", "spec.probes[0]");
    assertThat(result.warnings())
        .filteredOn(w -> w.path().equals("spec.steps[1]"))
        .singleElement()
        .satisfies(
            w ->
                assertThat(w.message())
                    .contains("kill-west: acts on context 'west'")
                    .contains("a Workflow runs in one cluster, context 'east' (spec.context)")
                    .contains("nothing is attacked in west")
                    .contains("spec.context: west"));
    assertThat(result.warnings())
        .filteredOn(w -> w.path().equals("spec.probes[0]"))
        .singleElement()
        .satisfies(
            w -> assertThat(w.message()).contains("left out, so it cannot halt the workflow"));
  }

  @Test
  void choosingTheOtherContextExportsItsPartInstead() throws Exception {
    var read =
        new ExperimentReader()
            .read(
                TWO_CONTEXTS.replace("context: east\n  targets", "context: west\n  targets"),
                Syntax.YAML);
    Experiment west = read.experiment().orElseThrow();

    JsonNode workflow = WorkflowChecks.admitted(export(west).text());

    assertThat(template(workflow, "kill-west").path("templateType").asString())
        .isEqualTo("PodChaos");
    assertThat(template(workflow, "west-up").path("templateType").asString())
        .isEqualTo("StatusCheck");
    assertThat(template(workflow, "kill-east").path("templateType").asString())
        .isEqualTo("Suspend");
  }

  @Test
  void anExperimentWhosePartsAllLiveInOtherContextsIsRefusedNamingThem() throws Exception {
    Experiment example =
        new ExperimentReader()
            .read(Examples.dir().resolve("multi-cluster-freeze-west-watch-east.yaml"))
            .experiment()
            .orElseThrow();

    assertThatThrownBy(() -> export(example))
        .isInstanceOf(ExportException.class)
        .hasMessageContaining("has a Chaos Mesh counterpart in the cluster it is applied to")
        .hasMessageContaining(
            "context 'west': targets checkout-west, steps freeze-west, west-unhealthy")
        .hasMessageContaining("context 'east': steps east-still-healthy")
        .hasMessageContaining("set spec.context");
  }
}
