package dev.faultline.validate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TargetSelectorRuleTest {
  /** The target's fields start on line 10, column 7. */
  private static String withTarget(String target) {
    return """
        spec:
          safety:
            namespaces: {deny: [kube-system, kube-public]}
          targets:
            t:
        """
        + target.indent(6)
        + """
          steps:
            - {id: s, attack: k8s.pod.delete, target: t}
        """;
  }

  @Test
  void everySelectorTogetherIsValid() {
    assertThat(
            Check.problems(
                withTarget(
                    """
        namespaces: [shop]
        namespacePattern: team-[a-z]+
        labelSelector: app=web
        annotationSelector: chaos.faultline.dev/opt-in=true,!skip
        fieldSelector: spec.nodeName!=node-1,status.phase=Pending
        phases: [Running, Pending]
        nodeSelector: topology.kubernetes.io/zone in (zone-a, zone-b)
        owner: {kind: StatefulSet, name: "db-.*"}
        blastRadius: {mode: percent, value: 10, seed: -7}
        """)))
        .isEmpty();
  }

  @Test
  void aNamespacePatternIsEnoughForPodTargets() {
    assertThat(Check.problems(withTarget("namespacePattern: team-.*\n"))).isEmpty();
  }

  @Test
  void patternThatMatchesDeniedNamespacesIsWarnedAbout() {
    assertThat(Check.messages(withTarget("namespacePattern: kube-.*|shop\n")))
        .containsExactly(
            "warning: namespacePattern 'kube-.*|shop' also matches kube-system, kube-public,"
                + " denied by spec.safety.namespaces; pods there are excluded when the target is"
                + " resolved");
  }

  @Test
  void defaultDenyListCountsToo() {
    assertThat(
            Check.messages(
                """
        spec:
          targets:
            t: {namespacePattern: ".*"}
          steps:
            - {id: s, attack: k8s.pod.delete, target: t}
        """))
        .singleElement()
        .asString()
        .contains("also matches kube-system, kube-public, kube-node-lease");
  }

  @Test
  void patternOutsideTheAllowListIsWarnedAbout() {
    assertThat(
            Check.messages(
                """
        spec:
          safety:
            namespaces: {allow: [shop]}
          targets:
            t: {namespacePattern: "team-.*"}
          steps:
            - {id: s, attack: k8s.pod.delete, target: t}
        """))
        .containsExactly(
            "warning: namespacePattern 'team-.*' matches none of spec.safety.namespaces.allow"
                + " [shop]; only allowed namespaces are ever targeted");
  }

  @Test
  void nodeTargetsTakeNoNamespacePattern() {
    assertThat(
            Check.messages(
                """
        spec:
          targets:
            n: {kind: Node, namespacePattern: "a.*"}
          steps:
            - {id: s, attack: k8s.node.drain, target: n}
        """))
        .containsExactly("error: Node targets are cluster-wide; remove it");
  }

  @Test
  void regexErrorsPointIntoTheValue() {
    // namespacePattern's value starts at column 25, owner.name's at column 40 (after the quote)
    assertThat(
            Check.located(
                withTarget(
                    "namespacePattern: team-(\nowner: {kind: Deployment, name: \"api-[\"}\n")))
        .containsExactly(
            "10:31 invalid regex 'team-(': Unclosed group at the end",
            "11:44 invalid regex 'api-[': Unclosed character class at position 5");
  }

  @Test
  void selectorErrorsNameTheSelectorAndPointAtTheMistake() {
    assertThat(
            Check.located(
                withTarget(
                    """
        namespaces: [shop]
        annotationSelector: a=b c
        nodeSelector: zone in zone-a
        fieldSelector: status.phase=Running,status.podIP=1.2.3.4
        """)))
        .containsExactly(
            "11:31 invalid annotation selector: expected ',' or end of selector after 'a=b',"
                + " found 'c'",
            "12:29 invalid node selector: 'in' needs a set of values in parentheses, found"
                + " 'zone-a'",
            "13:43 invalid field selector: unsupported field 'status.podIP'; use one of"
                + " metadata.name, metadata.namespace, spec.nodeName, status.phase");
  }

  @Test
  void unknownPhasesAreErrorsAtTheirItem() {
    assertThat(Check.located(withTarget("namespaces: [shop]\nphases: [Running, Runing]\n")))
        .containsExactly(
            "11:25 'Runing' is not a valid phase; use one of Pending, Running, Succeeded, Failed,"
                + " Unknown; did you mean 'Running'?");
  }

  @Test
  void ownerNeedsAKnownKind() {
    assertThat(Check.messages(withTarget("namespaces: [shop]\nowner: {kind: Deploy}\n")))
        .containsExactly(
            "error: 'Deploy' is not a valid kind; use one of Deployment, StatefulSet, DaemonSet,"
                + " Job, ReplicaSet");
    assertThat(Check.messages(withTarget("namespaces: [shop]\nowner: {name: api}\n")))
        .containsExactly("error: 'owner' is missing the required field 'kind'");
  }

  @Test
  void phaseInTheFieldSelectorOutsidePhasesMatchesNothing() {
    assertThat(
            Check.messages(withTarget("namespaces: [shop]\nfieldSelector: status.phase=Pending\n")))
        .containsExactly(
            "warning: status.phase=Pending is outside 'phases' (default: Running), so the target"
                + " matches nothing; add Pending to 'phases'");
    assertThat(
            Check.messages(withTarget("namespaces: [shop]\nfieldSelector: status.phase=Runing\n")))
        .containsExactly(
            "warning: 'Runing' is not a pod phase, so the target matches nothing; use one of"
                + " Pending, Running, Succeeded, Failed, Unknown; did you mean 'Running'?");
    assertThat(
            Check.problems(
                withTarget("namespaces: [shop]\nfieldSelector: status.phase!=Pending\n")))
        .isEmpty();
  }

  @Test
  void seedMustBeAWholeNumberAndIsUselessForAll() {
    assertThat(
            Check.messages(
                withTarget("namespaces: [shop]\nblastRadius: {mode: one, seed: lucky}\n")))
        .containsExactly("error: expected a whole number, not a string");
    assertThat(
            Check.messages(withTarget("namespaces: [shop]\nblastRadius: {mode: all, seed: 3}\n")))
        .containsExactly("warning: blast radius 'all' chooses nothing at random; 'seed' is unused");
  }

  @Test
  void podOnlySelectorsAreIgnoredForWorkloadTargets() {
    assertThat(
            Check.messages(
                """
        spec:
          targets:
            d:
              kind: Deployment
              namespaces: [shop]
              fieldSelector: status.phase=Running
              phases: [Running]
              nodeSelector: zone=a
              owner: {kind: Deployment}
          steps:
            - {id: s, attack: k8s.deployment.scale, target: d, with: {replicas: 0}}
        """))
        .containsExactly(
            "warning: 'fieldSelector' only applies to Pod targets; it is ignored for Deployment",
            "warning: 'phases' only applies to Pod targets; it is ignored for Deployment",
            "warning: 'nodeSelector' only applies to Pod targets; it is ignored for Deployment",
            "warning: 'owner' only applies to Pod targets; it is ignored for Deployment");
  }
}
