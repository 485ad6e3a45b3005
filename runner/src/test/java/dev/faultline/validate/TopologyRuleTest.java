package dev.faultline.validate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopologyRuleTest {
  private static String withRadius(String kind, String radius) {
    return """
        spec:
          targets:
            t:
        """
        + (kind + "blastRadius: " + radius + "\n").indent(6)
        + """
          steps:
            - {id: s, attack: k8s.pod.delete, target: t}
        """;
  }

  private static String pods(String radius) {
    return withRadius("namespaces: [shop]\n", radius);
  }

  @Test
  void zonesNodesNamedZonesAndWholeZonesAreValid() {
    assertThat(Check.problems(pods("{mode: all, topology: {zones: 2, nodesPerZone: 1}}")))
        .isEmpty();
    assertThat(Check.problems(pods("{mode: one, topology: {zone: eu-a, nodesPerZone: all}}")))
        .isEmpty();
    assertThat(Check.problems(pods("{mode: all, topology: {key: rack, zones: 1}}"))).isEmpty();
    // A Node target with a topology is fine; only the pod attack used here does not fit it.
    assertThat(Check.messages(withRadius("kind: Node\n", "{mode: all, topology: {zones: 1}}")))
        .noneMatch(m -> m.contains("topology"));
  }

  @Test
  void zeroZonesAndNodesAreErrorsAtTheirField() {
    assertThat(Check.located(pods("{mode: all, topology: {zones: 0, nodesPerZone: 0}}")))
        .containsExactly(
            "9:50 'zones' is 0; use 1 or more",
            "9:67 'nodesPerZone' is 0; use 1 or more, or 'all' for every node of the zone");
  }

  @Test
  void aZoneIsNamedOrCountedNotBoth() {
    assertThat(Check.messages(pods("{mode: all, topology: {zone: eu-a, zones: 2}}")))
        .containsExactly("error: name one zone with 'zone' or give a number of 'zones', not both");
  }

  @Test
  void blankKeyAndZoneAreErrors() {
    assertThat(Check.messages(pods("{mode: all, topology: {key: '', zone: ''}}")))
        .containsExactly(
            "error: 'key' names a node label; leave it out for topology.kubernetes.io/zone",
            "error: 'zone' is empty; name a zone or leave it out");
  }

  @Test
  void deploymentTargetsCannotUseATopology() {
    assertThat(
            Check.messages(
                withRadius(
                    "kind: Deployment\nnamespaces: [shop]\n", "{mode: all, topology: {zones: 1}}")))
        .contains(
            "error: topology chooses nodes, so it applies to Pod and Node targets, not Deployment"
                + " targets");
  }

  @Test
  void anUnknownZoneIsNotAProblemOfTheFile() {
    assertThat(Check.problems(pods("{mode: all, topology: {zone: nowhere-9z}}"))).isEmpty();
  }
}
