package dev.faultline.export.java;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.export.ExportFormat;
import dev.faultline.export.ExportOptions;
import dev.faultline.export.ExportResult;
import dev.faultline.export.Exports;
import dev.faultline.format.ExperimentReader;
import dev.faultline.format.Syntax;
import dev.faultline.model.Experiment;
import dev.faultline.model.Layout;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Topology blast radii in every shape, exported to Java: the test compiles and builds the same
 * experiment; and the Chaos Mesh and Chaos Toolkit exports keep what they can and say what not.
 */
class TopologyJavaExportTest {
  static final String YAML =
      """
      apiVersion: faultline.dev/v1alpha1
      kind: Experiment
      metadata: {name: zones}
      spec:
        targets:
          per-zone:
            namespaces: [shop]
            blastRadius: {mode: all, topology: {zones: 2, nodesPerZone: 1}}
          data-centre:
            namespaces: [shop]
            blastRadius: {mode: percent, value: 50, seed: 7, topology: {key: example.com/rack, zones: 1, nodesPerZone: all}}
          named:
            namespaces: [shop]
            blastRadius: {mode: one, topology: {zone: eu-west-1a, nodesPerZone: all}}
          named-node:
            namespaces: [shop]
            blastRadius: {mode: all, topology: {zone: eu-west-1b, nodesPerZone: 1}}
          default-count:
            namespaces: [shop]
            blastRadius: {mode: all, topology: {nodesPerZone: 2}}
        steps:
          - {id: a, attack: k8s.pod.delete, target: per-zone}
          - {id: b, attack: k8s.pod.delete, target: data-centre}
          - {id: c, attack: k8s.pod.delete, target: named}
          - {id: d, attack: k8s.pod.delete, target: named-node}
          - {id: e, attack: k8s.pod.delete, target: default-count}
      """;

  @TempDir Path dir;

  static Experiment experiment() {
    return new ExperimentReader().read(YAML, Syntax.YAML).experiment().orElseThrow();
  }

  @Test
  void theGeneratedTestCompilesAndBuildsTheSameTopologies() throws Exception {
    Experiment read = experiment();
    ExportResult result =
        Exports.standard()
            .export(
                read,
                ExportFormat.JAVA,
                ExportOptions.DEFAULTS.withJavaClass("generated.chaos", null));

    assertThat(result.text())
        .contains(".topology(Topology.zones(2, 1))")
        .contains(".percent(50)")
        .contains(".topology(Topology.wholeZones(1).key(\"example.com/rack\"))")
        .contains(".topology(Topology.inZone(\"eu-west-1a\", null))")
        .contains(".topology(new Topology(null, null, null, 2, null))");
    Class<?> generated =
        GeneratedClasses.compile(
            dir, "generated.chaos." + JavaExporter.className("zones"), result.text());
    Object built = GeneratedClasses.callStatic(generated, "experiment");

    assertThat(built).isEqualTo(read.withLayout(Layout.EMPTY));
    assertThat(result.warnings()).isEmpty();
  }

  @Test
  void chaosMeshKeepsANamedWholeZoneAsANodeSelectorAndWarnsAboutTheRest() throws Exception {
    ExportResult result =
        Exports.standard().export(experiment(), ExportFormat.CHAOS_MESH, ExportOptions.DEFAULTS);

    assertThat(result.text()).contains("topology.kubernetes.io/zone: eu-west-1a");
    assertThat(result.warnings().stream().map(Object::toString))
        .anySatisfy(
            w ->
                assertThat(w)
                    .startsWith("spec.targets.per-zone.blastRadius.topology: ")
                    .contains("1 node in each of 2 zones", "every node"))
        .anySatisfy(
            w ->
                assertThat(w)
                    .startsWith("spec.targets.named-node.blastRadius.topology.nodesPerZone: ")
                    .contains("every node of zone eu-west-1b"))
        .noneSatisfy(w -> assertThat(w).startsWith("spec.targets.named.blastRadius.topology"));
  }

  @Test
  void chaosToolkitSaysTheTopologyIsNotKept() throws Exception {
    ExportResult result =
        Exports.standard().export(experiment(), ExportFormat.CHAOS_TOOLKIT, ExportOptions.DEFAULTS);

    assertThat(result.warnings().stream().map(Object::toString))
        .anySatisfy(
            w -> assertThat(w).contains("blastRadius.topology", "cannot choose zones or nodes"));
  }
}
