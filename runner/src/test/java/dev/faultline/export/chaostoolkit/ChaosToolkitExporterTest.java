package dev.faultline.export.chaostoolkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.export.ConversionWarning;
import dev.faultline.export.ExportResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChaosToolkitExporterTest {
  private static final String HEAD =
      """
      apiVersion: faultline.dev/v1alpha1
      kind: Experiment
      metadata:
        name: shop-test
      spec:
        targets:
          cart:
            namespaces: [shop]
            labelSelector: app=cart
            podName: cart-[a-z0-9]+
            containers: [app]
            blastRadius: {mode: count, value: 2}
          checkout:
            kind: Deployment
            namespaces: [shop]
            labelSelector: app=checkout
          workers:
            kind: Node
            labelSelector: role=worker
            blastRadius: {mode: one}
          apis:
            kind: Deployment
            namespaces: [shop]
            podName: api-.*
          some-checkouts:
            kind: Deployment
            namespaces: [shop]
            labelSelector: app=checkout
            blastRadius: {mode: one}
          opted-in:
            kind: Deployment
            namespaces: [shop]
            labelSelector: app=checkout
            annotationSelector: chaos.faultline.dev/opt-in=true
          payments:
            kind: Deployment
            namespaces: [shop]
            podName: payments
            annotationSelector: chaos.faultline.dev/opt-in=true
          labelled-workers:
            kind: Node
            labelSelector: role=worker
            fieldSelector: metadata.name!=node-1
          pattern-workers:
            kind: Node
            podName: worker-[0-9]+
            blastRadius: {mode: one}
        steps:
      """;

  private static ExportResult export(String steps) {
    return CtkFixtures.export(CtkFixtures.experiment(HEAD + steps.indent(4)));
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Map<String, Object> doc, String key) {
    return (List<Map<String, Object>>) doc.get(key);
  }

  private static List<String> messages(ExportResult result) {
    return result.warnings().stream().map(ConversionWarning::toString).toList();
  }

  @Test
  void podDeleteIsTerminatePodsWithAnAnchoredNamePatternAndARandomCount() {
    var doc =
        CtkFixtures.json(
            export("- {id: kill, attack: k8s.pod.delete, target: cart, with: {gracePeriod: 5s}}")
                .text());

    assertThat(doc)
        .containsEntry("title", "shop-test")
        .containsEntry(
            "description",
            "Faultline experiment shop-test with 1 step, exported for the Chaos Toolkit.");
    assertThat(list(doc, "method"))
        .containsExactly(
            Map.of(
                "type", "action",
                "name", "kill",
                "provider",
                    Map.of(
                        "type", "python",
                        "module", "chaosk8s.pod.actions",
                        "func", "terminate_pods",
                        "arguments",
                            Map.of(
                                "label_selector",
                                "app=cart",
                                "name_pattern",
                                "^(?:cart-[a-z0-9]+)$",
                                "rand",
                                true,
                                "qty",
                                2L,
                                "grace_period",
                                5L,
                                "ns",
                                "shop"))));
    assertThat(doc).doesNotContainKeys("rollbacks", "steady-state-hypothesis");
  }

  @Test
  void aTimedFreezeIsPausedThenContinuedInTheMethodAndAgainInTheRollbacks() {
    var doc =
        CtkFixtures.json(
            export(
                    """
                    - id: freeze
                      attack: process.signal
                      target: cart
                      duration: 20s
                      with: {signal: SIGSTOP, process: "java -jar app"}
                    """)
                .text());

    List<Map<String, Object>> method = list(doc, "method");
    assertThat(method).extracting(a -> a.get("name")).containsExactly("freeze", "freeze-rollback");
    assertThat(method.get(0)).containsEntry("pauses", Map.of("after", 20L));
    assertThat(args(method.get(0)))
        .containsEntry("cmd", "pkill -STOP -f 'java -jar app'")
        .containsEntry("container_name", "app");
    assertThat(args(method.get(1)))
        .containsEntry("cmd", "pkill -CONT -f 'java -jar app'")
        .containsEntry("all", true)
        .doesNotContainKeys("rand", "qty");
    assertThat(list(doc, "rollbacks"))
        .extracting(a -> a.get("name"))
        .containsExactly("freeze-rollback");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> args(Map<String, Object> activity) {
    return (Map<String, Object>) ((Map<String, Object>) activity.get("provider")).get("arguments");
  }

  @Test
  void rollbacksUndoLastingFaultsInReverseOrderAndScaleBackToAnEnvironmentValue() {
    ExportResult result =
        export(
            """
            - {id: scale-down, attack: k8s.deployment.scale, target: checkout, with: {replicas: 1}}
            - {id: drain, after: [scale-down], attack: k8s.node.drain, target: workers}
            """);
    var doc = CtkFixtures.json(result.text());

    assertThat(list(doc, "rollbacks"))
        .extracting(a -> a.get("name"))
        .containsExactly("drain-rollback", "scale-down-rollback");
    assertThat(list(doc, "method").get(0).get("provider"))
        .isEqualTo(
            Map.of(
                "type", "process",
                "path", "kubectl",
                "arguments", "scale deployment -l app=checkout -n shop --replicas=1"));
    assertThat(list(doc, "rollbacks").get(1).get("provider"))
        .isEqualTo(
            Map.of(
                "type", "process",
                "path", "kubectl",
                "arguments",
                    "scale deployment -l app=checkout -n shop --replicas=${scale_down_replicas}"));
    assertThat(doc.get("configuration"))
        .isEqualTo(
            Map.of("scale_down_replicas", Map.of("type", "env", "key", "SCALE_DOWN_REPLICAS")));
    assertThat(args(list(doc, "method").get(1)))
        .isEqualTo(Map.of("label_selector", "role=worker", "count", 1L));
    assertThat(list(doc, "rollbacks").get(0).get("provider"))
        .isEqualTo(
            Map.of(
                "type", "python",
                "module", "chaosk8s.node.actions",
                "func", "uncordon_node",
                "arguments", Map.of("label_selector", "role=worker")));
    assertThat(messages(result))
        .anyMatch(
            m -> m.startsWith("spec.steps[0]: the replica count to scale back to is not known"))
        .anyMatch(m -> m.startsWith("spec.steps[1]: the rollback uncordons every node"));
  }

  @Test
  void httpChecksTolerateTheirStatusOrASimpleJqComparisonAsJsonPath() {
    ExportResult result =
        export(
            """
            - {id: up, probe: http.check, with: {url: "http://cart.shop/health", jq: '.status == "UP"', timeout: 500ms}}
            - {id: created, after: [up], probe: http.check, with: {url: "http://cart.shop/orders", method: POST, expectStatus: "201"}}
            - {id: ok, after: [created], probe: http.check, with: {url: "http://cart.shop/", expectStatus: "200,204"}}
            - {id: deep, after: [ok], probe: http.check, with: {url: "http://cart.shop/", jq: '.items | length > 2', headers: {Authorization: "Bearer ${env:TOKEN}"}}}
            """);
    var probes = hypothesis(CtkFixtures.json(result.text()));

    assertThat(probes.get(0))
        .containsEntry(
            "tolerance",
            Map.of("type", "jsonpath", "path", "$.status", "expect", "UP", "target", "body"))
        .containsEntry(
            "provider", Map.of("type", "http", "url", "http://cart.shop/health", "timeout", 0.5));
    assertThat(probes.get(1)).containsEntry("tolerance", 201L);
    assertThat(probes.get(1).get("provider"))
        .isEqualTo(
            Map.of(
                "type", "http", "url", "http://cart.shop/orders", "method", "POST", "timeout", 2L));
    assertThat(probes.get(2)).containsEntry("tolerance", List.of(200L, 204L));
    assertThat(probes.get(3))
        .containsEntry(
            "tolerance", Map.of("type", "range", "range", List.of(200L, 299L), "target", "status"));
    assertThat(messages(result))
        .contains(
            "spec.steps[3].with.jq: the jq filter '.items | length > 2' has no jsonpath counterpart"
                + " (only .field.path == literal has); only the status is checked")
        .anyMatch(m -> m.startsWith("spec.steps[0].with.expectStatus: a probe has one tolerance"))
        .contains(
            "spec.steps[3].with: ${env:NAME} is not substituted by chaoslib: declare a secret or"
                + " configuration entry of type env and refer to it as ${name}");
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> hypothesis(Map<String, Object> doc) {
    return (List<Map<String, Object>>)
        ((Map<String, Object>) doc.get("steady-state-hypothesis")).get("probes");
  }

  @Test
  void probesBeforeTheFirstAttackAreTheHypothesisCheckedBeforeTheMethodOnly() {
    var doc =
        CtkFixtures.json(
            export(
                    """
                    - {id: ready, probe: k8s.state, target: cart}
                    - {id: kill, after: [ready], attack: k8s.pod.delete, target: cart}
                    - {id: ready-again, after: [kill], probe: k8s.state, target: cart, until: passing, timeout: 1m}
                    """)
                .text());

    assertThat(doc.get("runtime"))
        .isEqualTo(Map.of("hypothesis", Map.of("strategy", "before-method-only")));
    assertThat(hypothesis(doc)).extracting(p -> p.get("name")).containsExactly("ready");
    assertThat(hypothesis(doc).get(0)).containsEntry("tolerance", true);
    assertThat(args(hypothesis(doc).get(0)))
        .isEqualTo(
            Map.of(
                "label_selector",
                "app=cart",
                "conditions",
                List.of(Map.of("type", "Ready", "status", "True")),
                "ns",
                "shop",
                "raise_on_invalid_conditions",
                false));
    assertThat(list(doc, "method"))
        .extracting(a -> a.get("name"))
        .containsExactly("kill", "ready-again");
  }

  @Test
  void continuousProbesOnlyAreCheckedDuringTheMethod() {
    ExportResult result =
        CtkFixtures.export(
            CtkFixtures.experiment(
                HEAD
                    + "    - {id: kill, attack: k8s.pod.delete, target: cart}\n"
                    + "  probes:\n"
                    + "    - {id: health, probe: http.check, interval: 5s, haltAfter: 2, with: {url: 'http://cart.shop/health'}}\n"));
    var doc = CtkFixtures.json(result.text());

    assertThat(doc.get("runtime"))
        .isEqualTo(Map.of("hypothesis", Map.of("strategy", "during-method-only")));
    assertThat(hypothesis(doc)).extracting(p -> p.get("name")).containsExactly("health");
    assertThat(messages(result))
        .contains(
            "spec.probes[0]: checked with the whole hypothesis every --hypothesis-frequency seconds"
                + " of chaos run (default 1), not every 5s; haltAfter 2 becomes the first failure"
                + " (with chaos run --fail-fast it stops the run)");
  }

  @Test
  void waitsArePausesAndParallelBranchesRunInTheBackground() {
    ExportResult result =
        export(
            """
            - {id: scale, attack: k8s.deployment.scale, target: checkout, with: {replicas: 0}, duration: 30s}
            - {id: kill, attack: k8s.pod.delete, target: cart}
            - {id: settle, after: [scale, kill], wait: 10s}
            - {id: kill-again, after: [settle], attack: k8s.pod.delete, target: cart}
            - {id: slow, after: [kill-again], attack: k8s.deployment.scale, target: checkout, with: {replicas: 1}, duration: 1m}
            """);
    var method = list(CtkFixtures.json(result.text()), "method");

    assertThat(method)
        .extracting(a -> a.get("name"))
        .containsExactly("scale", "scale-rollback", "kill", "kill-again", "slow", "slow-rollback");
    // Next to a parallel branch the fault is undone in the background after its duration...
    assertThat(method.get(0)).doesNotContainKeys("background", "pauses");
    assertThat(method.get(1))
        .containsEntry("background", true)
        .containsEntry("pauses", Map.of("before", 30L));
    assertThat(method.get(2)).doesNotContainKeys("background", "pauses");
    assertThat(method.get(3)).containsEntry("pauses", Map.of("before", 10L));
    // ...in a chain the method waits for the duration, then undoes it.
    assertThat(method.get(4)).containsEntry("pauses", Map.of("after", 60L));
    assertThat(method.get(5)).doesNotContainKeys("background", "pauses");
    assertThat(messages(result))
        .contains(
            "spec.steps: parallel branches become background activities (scale-rollback):"
                + " chaoslib joins them only at the end of the method, so steps after a join no"
                + " longer wait for them");
  }

  @Test
  void whatHasNoCounterpartIsAWarningNamingTheStep() {
    ExportResult result =
        export(
            """
            - {id: ok, gate: Go on?}
            - {id: slow, after: [ok], attack: chaosmesh.network, target: cart, with: {action: delay, latency: 100ms}}
            - {id: port, after: [slow], probe: tcp.connect, with: {host: db, port: 5432}}
            """);

    assertThat(list(CtkFixtures.json(result.text()), "method")).isEmpty();
    assertThat(messages(result))
        .containsExactly(
            "spec.steps[0]: the gate 'Go on?' is left out: a Chaos Toolkit run does not stop for a person",
            "spec.steps[1]: chaosmesh.network is left out: chaostoolkit-kubernetes' chaosk8s.chaosmesh"
                + " actions do not take this attack's parameters one to one, and a kubectl apply of"
                + " the resource would not be rolled back with it",
            "spec.steps[2]: tcp.connect is left out: neither chaoslib nor chaostoolkit-kubernetes has"
                + " a probe that does what it does");
  }

  @Test
  void scaleWithANameRegexIsLeftOutRatherThanScalingEveryDeploymentInTheNamespace() {
    ExportResult result =
        export("- {id: down, attack: k8s.deployment.scale, target: apis, with: {replicas: 0}}");
    var doc = CtkFixtures.json(result.text());

    assertThat(list(doc, "method")).isEmpty();
    assertThat(doc).doesNotContainKeys("rollbacks", "configuration");
    assertThat(result.text()).doesNotContain("--all");
    assertThat(messages(result))
        .containsExactly(
            "spec.steps[0]: k8s.deployment.scale is left out: kubectl scale cannot select by the"
                + " name regex 'api-.*', and scaling by label alone would touch more objects than"
                + " the target");
  }

  @Test
  void scaleByLabelIsLeftOutWhenTheBlastRadiusOrAnotherSelectorNarrowsTheMatches() {
    ExportResult result =
        export(
            """
            - {id: one, attack: k8s.deployment.scale, target: some-checkouts, with: {replicas: 0}}
            - {id: opted, attack: k8s.deployment.scale, target: opted-in, with: {replicas: 0}}
            """);

    assertThat(list(CtkFixtures.json(result.text()), "method")).isEmpty();
    assertThat(messages(result))
        .contains(
            "spec.steps[0]: k8s.deployment.scale is left out: kubectl scale scales every object"
                + " the label selector matches; it cannot pick one of them",
            "spec.steps[1]: k8s.deployment.scale is left out: kubectl scale selects by label"
                + " only, and the target narrows the selection further",
            "spec.targets.opted-in: annotationSelector 'chaos.faultline.dev/opt-in=true' is not"
                + " kept");
  }

  @Test
  void scaleByLabelSaysTheRollbackRestoresOneCountForEveryMatch() {
    ExportResult result =
        export("- {id: down, attack: k8s.deployment.scale, target: checkout, with: {replicas: 0}}");

    assertThat(messages(result))
        .anyMatch(
            m ->
                m.startsWith("spec.steps[0]: the replica count to scale back to is not known")
                    && m.endsWith(
                        "every deployment the label selector matches is scaled back to that one"
                            + " count, not to its own"));
  }

  @Test
  void scaleAndDrainWarnAboutSelectorsTheyCannotKeep() {
    ExportResult result =
        export(
            """
            - {id: down, attack: k8s.deployment.scale, target: payments, with: {replicas: 0}}
            - {id: drain, after: [down], attack: k8s.node.drain, target: labelled-workers}
            """);
    var method = list(CtkFixtures.json(result.text()), "method");

    assertThat(args(method.get(0)))
        .isEqualTo(Map.of("name", "payments", "replicas", 0L, "ns", "shop"));
    assertThat(messages(result))
        .contains(
            "spec.targets.payments: annotationSelector 'chaos.faultline.dev/opt-in=true' is not"
                + " kept",
            "spec.targets.labelled-workers: fieldSelector 'metadata.name!=node-1' is not kept",
            "spec.steps[1]: k8s.node.drain is left out: drain_nodes selects by name and label"
                + " only, and the target narrows the selection further");
    // Draining by the label alone would take node-1 too, which the target leaves out.
    assertThat(method).extracting(a -> a.get("name")).doesNotContain("drain");
  }

  @Test
  void aDrainOfNodesByNameRegexIsLeftOutRatherThanDrainingAnyNode() {
    ExportResult result = export("- {id: drain, attack: k8s.node.drain, target: pattern-workers}");

    assertThat(list(CtkFixtures.json(result.text()), "method")).isEmpty();
    assertThat(messages(result))
        .anyMatch(
            m ->
                m.startsWith("spec.steps[0]: k8s.node.drain is left out")
                    && m.contains("'worker-[0-9]+'"));
  }

  @Test
  void aWaitPausesOnlyTheStepsAfterItNotAnIndependentBranch() {
    ExportResult result =
        export(
            """
            - {id: settle, wait: 60s}
            - {id: kill, attack: k8s.pod.delete, target: cart}
            - {id: later, after: [settle], attack: k8s.pod.delete, target: cart}
            """);
    var method = list(CtkFixtures.json(result.text()), "method");

    assertThat(method).extracting(a -> a.get("name")).containsExactly("kill", "later");
    assertThat(method.get(0)).containsEntry("background", true).doesNotContainKey("pauses");
    assertThat(method.get(1)).containsEntry("pauses", Map.of("before", 60L));
  }

  @Test
  void aWaitNoStepComesAfterEndsTheMethodWithAWarningInsteadOfDelayingTheNextStep() {
    ExportResult result =
        export(
            """
            - {id: settle, wait: 60s}
            - {id: kill, attack: k8s.pod.delete, target: cart}
            """);
    var method = list(CtkFixtures.json(result.text()), "method");

    assertThat(method)
        .singleElement()
        .satisfies(a -> assertThat(a).containsEntry("pauses", Map.of("after", 60L)));
    assertThat(messages(result))
        .contains(
            "spec.steps[0]: no later activity comes after this wait, so it becomes a pause after"
                + " the last activity of the method: the method ends 60s after that activity"
                + " instead of 60s after the wait starts");
  }

  @Test
  void aGracePeriodInPartSecondsIsRoundedUpWithAWarning() {
    ExportResult result =
        export("- {id: kill, attack: k8s.pod.delete, target: cart, with: {gracePeriod: 1500ms}}");

    assertThat(args(list(CtkFixtures.json(result.text()), "method").getFirst()))
        .containsEntry("grace_period", 2L);
    assertThat(messages(result))
        .contains(
            "spec.steps[0].with.gracePeriod: terminate_pods takes whole seconds: gracePeriod 1500ms"
                + " is rounded up to 2s");
  }

  @Test
  void aJqNumberBeyondALongIsAFilterWithoutCounterpartNotACrash() {
    // The validator refuses such jq today; the translation must not depend on that.
    assertThat(JqPaths.fromJq(".n == 123456789012345678901")).isEmpty();
    assertThat(JqPaths.fromJq(".n == 9223372036854775807"))
        .hasValue(new JqPaths.Comparison(".n", Long.MAX_VALUE));
  }
}
