package dev.faultline.validate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TargetRuleTest {
  private static String withTarget(String target) {
    return """
        spec:
          safety:
            namespaces: {allow: [shop, web], deny: [kube-system]}
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
  void completeTargetIsValid() {
    assertThat(
            Check.problems(
                withTarget(
                    """
        namespaces: [shop, web]
        labelSelector: app=web,tier in (a, b),!legacy
        podName: web-[a-z0-9]+-.*
        containers: [app, "side.*"]
        blastRadius: {mode: maxPercent, value: 100}
        """)))
        .isEmpty();
  }

  @Test
  void namespacesAreRequiredForPods() {
    assertThat(Check.messages(withTarget("labelSelector: app=web\n")))
        .containsExactly(
            "error: target 't' must name at least one namespace in 'namespaces' or give a 'namespacePattern'");
  }

  @Test
  void deniedAndNotAllowedNamespaces() {
    assertThat(Check.located(withTarget("namespaces: [shop, kube-system, billing]\n")))
        .containsExactly(
            "10:26 namespace 'kube-system' is denied by spec.safety.namespaces",
            "10:39 namespace 'billing' is not in spec.safety.namespaces.allow [shop, web]");
  }

  @Test
  void systemNamespacesAreDeniedByDefault() {
    assertThat(
            Check.messages(
                """
        spec:
          targets:
            t: {namespaces: [kube-system]}
          steps:
            - {id: s, attack: k8s.pod.delete, target: t}
        """))
        .containsExactly(
            "error: namespace 'kube-system' is denied by spec.safety.namespaces (denied by default; set 'deny' to change the list)");
  }

  @Test
  void regexErrorPointsAtTheMistake() {
    // value columns: podName at 16 -> end of the regex at 28; "side[" at 25 + quote -> '[' at 30
    assertThat(
            Check.located(
                withTarget(
                    "namespaces: [shop]\npodName: checkout-(.*\ncontainers: [app, \"side[\"]\n")))
        .containsExactly(
            "11:28 invalid regex 'checkout-(.*': Unclosed group at the end",
            "12:30 invalid regex 'side[': Unclosed character class at position 5");
  }

  @Test
  void labelSelectorErrorPointsAtTheMistake() {
    var problems =
        Check.problems(withTarget("namespaces: [shop]\nlabelSelector: app=web,tier in a\n"));
    assertThat(problems)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.path()).isEqualTo("spec.targets.t.labelSelector");
              assertThat(p.line()).isEqualTo(11);
              assertThat(p.column()).isGreaterThan(30); // at "a", not at the start of the value
              assertThat(p.message()).startsWith("invalid label selector: ");
            });
  }

  @Test
  void blastRadiusRanges() {
    assertThat(
            Check.messages(
                withTarget("namespaces: [shop]\nblastRadius: {mode: percent, value: 0}\n")))
        .containsExactly("error: blast radius value 0 is out of range for 'percent'; use 1 to 100");
    assertThat(
            Check.messages(
                withTarget("namespaces: [shop]\nblastRadius: {mode: maxPercent, value: 101}\n")))
        .containsExactly(
            "error: blast radius value 101 is out of range for 'maxPercent'; use 1 to 100");
    assertThat(
            Check.messages(
                withTarget("namespaces: [shop]\nblastRadius: {mode: count, value: 0}\n")))
        .containsExactly("error: blast radius value 0 is out of range for 'count'; use 1 or more");
    assertThat(Check.messages(withTarget("namespaces: [shop]\nblastRadius: {mode: count}\n")))
        .containsExactly("error: blast radius 'count' needs a 'value'");
    assertThat(
            Check.messages(withTarget("namespaces: [shop]\nblastRadius: {mode: all, value: 3}\n")))
        .containsExactly("error: blast radius 'all' takes no value");
    assertThat(Check.messages(withTarget("namespaces: [shop]\nblastRadius: {mode: half}\n")))
        .containsExactly(
            "error: 'half' is not a valid mode; use one of all, one, count, percent, maxPercent");
    assertThat(
            Check.problems(
                withTarget("namespaces: [shop]\nblastRadius: {mode: count, value: 1000}\n")))
        .isEmpty();
  }

  @Test
  void nodeTargetsAreClusterWide() {
    assertThat(
            Check.messages(
                """
        spec:
          targets:
            n: {kind: Node, namespaces: [shop], containers: [x]}
          steps:
            - {id: s, attack: k8s.node.drain, target: n}
        """))
        .containsExactly(
            "error: Node targets are cluster-wide; remove 'namespaces'",
            "warning: 'containers' only applies to Pod targets; it is ignored for Node");
  }

  @Test
  void unusedTargetIsAWarning() {
    assertThat(
            Check.messages(
                """
        spec:
          targets:
            idle: {namespaces: [shop]}
          steps: []
        """))
        .containsExactly("warning: target 'idle' is not used by any step");
  }
}
