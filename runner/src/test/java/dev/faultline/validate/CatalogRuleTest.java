package dev.faultline.validate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CatalogRuleTest {
  private static String step(String step) {
    return """
        spec:
          targets:
            pods: {namespaces: [shop], labelSelector: app=web}
            deploy: {kind: Deployment, namespaces: [shop]}
          steps:
        """
        + step.indent(4);
  }

  /**
   * The two fixture targets are rarely both used; their "unused" warnings are not under test here.
   */
  private static boolean aboutTheseRules(String message) {
    return !message.endsWith("is not used by any step");
  }

  private static java.util.List<String> messages(String body) {
    return Check.messages(body).stream().filter(CatalogRuleTest::aboutTheseRules).toList();
  }

  private static java.util.List<String> located(String body) {
    return Check.located(body).stream().filter(CatalogRuleTest::aboutTheseRules).toList();
  }

  private static java.util.List<Problem> problems(String body) {
    return Check.problems(body).stream().filter(p -> aboutTheseRules(p.message())).toList();
  }

  @Test
  void unknownAttackWithSuggestion() {
    assertThat(located(step("- {id: a, attack: k8s.pod.delet, target: pods}")))
        .containsExactly("10:23 unknown attack 'k8s.pod.delet'; did you mean 'k8s.pod.delete'?");
  }

  @Test
  void probeIdUsedAsAttack() {
    assertThat(messages(step("- {id: a, attack: http.check, target: pods}")))
        .containsExactly("error: unknown attack 'http.check' ('http.check' is a probe)");
  }

  @Test
  void targetRequiredExistsAndOfAcceptedKind() {
    assertThat(messages(step("- {id: a, attack: k8s.pod.delete}")))
        .containsExactly(
            "error: k8s.pod.delete needs a 'target' (one of spec.targets: pods, deploy)");
    assertThat(messages(step("- {id: a, attack: k8s.pod.delete, target: pod}")))
        .containsExactly(
            "error: target 'pod' is not defined in spec.targets; did you mean 'pods'?");
    assertThat(messages(step("- {id: a, attack: k8s.pod.delete, target: deploy}")))
        .containsExactly(
            "error: k8s.pod.delete acts on [Pod], but target 'deploy' selects Deployment");
    assertThat(
            messages(
                step(
                    "- {id: a, attack: k8s.deployment.scale, target: deploy, with: {replicas: 0}}")))
        .isEmpty();
  }

  @Test
  void requiredAndUnknownParameters() {
    assertThat(
            messages(
                step(
                    "- {id: a, attack: process.signal, target: pods, with: {signal: SIGSTOP, proces: java}}")))
        .containsExactly(
            "error: process.signal needs the parameter 'process' in 'with': Regex matched against the process command line; matching processes get the signal.",
            "warning: process.signal has no parameter 'proces'; did you mean 'process'? (it is ignored); parameters: signal, process");
  }

  @Test
  void parameterTypesAndRanges() {
    assertThat(
            messages(
                step(
                    "- {id: a, attack: process.signal, target: pods, with: {signal: SIGSTP, process: java}}")))
        .containsExactly(
            "error: 'SIGSTP' is not a valid signal; use one of SIGSTOP, SIGCONT, SIGKILL, SIGTERM, SIGINT, SIGHUP, SIGUSR1, SIGUSR2; did you mean 'SIGSTOP'?");
    assertThat(
            messages(
                step(
                    "- {id: a, attack: k8s.deployment.scale, target: deploy, with: {replicas: -1}}")))
        .containsExactly("error: 'replicas' is -1; it must be at least 0");
    assertThat(
            messages(
                step(
                    "- {id: a, attack: k8s.deployment.scale, target: deploy, with: {replicas: two}}")))
        .containsExactly("error: 'replicas' must be a whole number, not the text 'two'");
    assertThat(
            messages(
                step(
                    "- {id: a, attack: chaosmesh.network, target: pods, with: {action: loss, percent: 150}}")))
        .containsExactly("error: 'percent' is 150; it must be from 0 to 100");
    assertThat(
            messages(
                step(
                    "- {id: a, attack: chaosmesh.network, target: pods, with: {action: delay, latency: [1s]}}")))
        .containsExactly("error: 'latency' must be a single value, not a list");
    assertThat(
            messages(
                step(
                    "- {id: a, attack: k8s.node.drain, target: pods, with: {ignoreDaemonSets: yes}}")))
        .contains("error: 'ignoreDaemonSets' must be true or false, not the text 'yes'");
  }

  @Test
  void jqSyntaxErrorPointsIntoTheExpression() {
    var problems =
        problems(
            step(
                "- id: p\n  probe: http.check\n  with:\n    url: http://web.shop/health\n    jq: .status ==\n"));
    assertThat(problems)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.path()).isEqualTo("spec.steps[0].with.jq");
              assertThat(p.line()).isEqualTo(14);
              // ".status ==" starts at column 13 and is 10 long: the missing operand is at 23
              assertThat(p.column()).isEqualTo(23);
              assertThat(p.message()).startsWith("invalid jq: ");
            });
  }

  @Test
  void urlsAndStatusCodes() {
    assertThat(messages(step("- {id: p, probe: http.check, with: {url: 'ftp://x/y'}}")))
        .containsExactly("error: 'ftp://x/y' is not an http or https URL");
    assertThat(messages(step("- {id: p, probe: http.check, with: {url: 'http:///path'}}")))
        .containsExactly("error: URL 'http:///path' has no host");
    assertThat(
            messages(
                step(
                    "- {id: p, probe: http.check, with: {url: 'http://a', expectStatus: '200, 3xx, 404-400'}}")))
        .containsExactly("error: status range '404-400' is backwards");
    assertThat(
            messages(
                step("- {id: p, probe: http.check, with: {url: 'http://a', expectStatus: 'ok'}}")))
        .containsExactly(
            "error: 'ok' is not a status code; use 200, 2xx or 200-299, comma-separated");
    assertThat(
            problems(
                step(
                    "- {id: p, probe: http.check, with: {url: 'https://a:8443/x?y=1', expectStatus: '200,204,3xx,500-503'}}")))
        .isEmpty();
  }

  @Test
  void gateNeedsAQuestionAndMissingTypeId() {
    assertThat(messages(step("- {id: g, gate: ''}")))
        .containsExactly(
            "error: a gate needs a question for the operator, such as 'gate: Dashboards green? Continue?'");
    assertThat(messages(step("- {id: a, attack: null}")))
        .containsExactly("error: 'attack' needs the id of a attack, such as k8s.pod.delete");
  }

  @Test
  void targetOnATargetlessAttackIsAWarning() {
    assertThat(
            messages(
                step(
                    "- {id: m, attack: k8s.manifest, target: pods, with: {manifest: 'kind: ConfigMap'}}")))
        .containsExactly("warning: k8s.manifest takes no target; 'target' is ignored");
  }
}
