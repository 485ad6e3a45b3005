package dev.faultline.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.model.BlastRadius;
import dev.faultline.model.Experiment;
import dev.faultline.model.Topology;
import org.junit.jupiter.api.Test;

/** A blast radius's {@code topology} in files: read, written back unchanged, problems located. */
class TopologyFormatTest {
  private static final String CANONICAL =
      """
      apiVersion: faultline.dev/v1alpha1
      kind: Experiment
      metadata:
        name: lose-zones
      spec:
        targets:
          two-nodes:
            namespaces: [shop]
            blastRadius: {mode: all, topology: {zones: 2, nodesPerZone: 1}}
          data-centre:
            namespaces: [shop]
            blastRadius: {mode: percent, value: 50, seed: 7, topology: {key: example.com/rack, zones: 1, nodesPerZone: all}}
          named:
            namespaces: [shop]
            blastRadius: {mode: all, topology: {zone: eu-west-1a, nodesPerZone: 1, x-note: kept}}
        steps:
          - id: kill
            attack: k8s.pod.delete
            target: two-nodes
      """;

  @Test
  void topologyIsReadAndWrittenBackUnchanged() {
    ReadResult read = new ExperimentReader().read(CANONICAL, Syntax.YAML);
    assertThat(read.problems()).isEmpty();
    Experiment experiment = read.experiment().orElseThrow();

    BlastRadius two = experiment.spec().targets().get("two-nodes").blastRadius();
    assertThat(two.topology()).isEqualTo(Topology.zones(2, 1));
    Topology dc = experiment.spec().targets().get("data-centre").blastRadius().topology();
    assertThat(dc).isEqualTo(Topology.wholeZones(1).key("example.com/rack"));
    assertThat(dc.wholeZone()).isTrue();
    Topology named = experiment.spec().targets().get("named").blastRadius().topology();
    assertThat(named.zone()).isEqualTo("eu-west-1a");
    assertThat(named.effectiveKey()).isEqualTo(Topology.ZONE_KEY);
    assertThat(named.extras().fields()).containsEntry("x-note", "kept");

    assertThat(ExperimentFormat.write(experiment, Syntax.YAML)).isEqualTo(CANONICAL);
    assertThat(
            new ExperimentReader()
                .read(ExperimentFormat.write(experiment, Syntax.JSON), Syntax.JSON)
                .experiment())
        .contains(experiment);
  }

  @Test
  void aWordOtherThanAllForNodesPerZoneIsAProblemAtItsPlace() {
    String text =
        CANONICAL.replace("{zones: 2, nodesPerZone: 1}", "{zones: 2, nodesPerZone: some}");
    ReadResult read = new ExperimentReader().read(text, Syntax.YAML);

    assertThat(read.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.path())
                  .isEqualTo("spec.targets.two-nodes.blastRadius.topology.nodesPerZone");
              assertThat(p.line()).isEqualTo(9);
              assertThat(p.message()).contains("whole number");
            });
  }
}
