package dev.faultline.export.chaosmesh;

import static dev.faultline.export.chaosmesh.WorkflowChecks.template;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.export.ConversionWarning;
import dev.faultline.export.ExportFormat;
import dev.faultline.export.ExportOptions;
import dev.faultline.export.ExportResult;
import dev.faultline.export.Exports;
import dev.faultline.format.ExperimentReader;
import dev.faultline.format.Syntax;
import dev.faultline.model.Experiment;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The shape of exported workflows: graph, selectors, kills, status checks, stand-ins, warnings. */
class ChaosMeshExporterTest {
  private static final String HEAD =
      """
      apiVersion: faultline.dev/v1alpha1
      kind: Experiment
      metadata: {name: Shop_Test}
      spec:
        safety: {namespaces: {allow: [shop, other]}, maxDuration: 5m}
        targets:
          web:
            namespaces: [shop]
            labelSelector: app=web
            containers: [app, side.*]
            blastRadius: {mode: maxPercent, value: 40}
          api:
            namespaces: [shop]
            labelSelector: app=api
            containers: [".*"]
            blastRadius: {mode: count, value: 2}
        steps:
      """;

  private static Experiment experiment(String steps) {
    var read = new ExperimentReader().read(HEAD + steps.indent(4), Syntax.YAML);
    assertThat(read.problems().stream().filter(p -> p.isError())).isEmpty();
    return read.experiment().orElseThrow();
  }

  private static ExportResult export(String steps) throws Exception {
    return Exports.standard()
        .export(experiment(steps), ExportFormat.CHAOS_MESH, ExportOptions.DEFAULTS);
  }

  private static List<String> messages(ExportResult result) {
    return result.warnings().stream().map(ConversionWarning::toString).toList();
  }

  @Test
  void theWorkflowIsNamedAfterTheExperimentInTheFirstAllowedNamespaceOrTheOneAskedFor()
      throws Exception {
    String steps =
        """
        - {id: pause, wait: 20s}
        - {id: kill, after: [pause], attack: k8s.pod.delete, target: web}
        """;
    JsonNode workflow = WorkflowChecks.admitted(export(steps).text());
    assertThat(workflow.at("/metadata/name").asString()).isEqualTo("shop-test");
    assertThat(messages(export("- {id: Kill_All, attack: k8s.pod.delete, target: web}")))
        .contains(
            "spec.steps[0].id: template names are lower-case DNS names: step 'Kill_All' is"
                + " written as 'kill-all', the id an import gives it");
    assertThat(workflow.at("/metadata/namespace").asString()).isEqualTo("shop");
    JsonNode entry = template(workflow, workflow.at("/spec/entry").asString());
    assertThat(entry.path("templateType").asString()).isEqualTo("Serial");
    assertThat(entry.path("deadline").asString()).isEqualTo("5m");
    assertThat(entry.path("children").toString()).isEqualTo("[\"pause\",\"kill\"]");
    assertThat(template(workflow, "pause").toString())
        .isEqualTo("{\"name\":\"pause\",\"templateType\":\"Suspend\",\"deadline\":\"20s\"}");

    String other =
        Exports.standard()
            .export(
                experiment(steps),
                ExportFormat.CHAOS_MESH,
                ExportOptions.DEFAULTS.withNamespace("chaos"))
            .text();
    assertThat(WorkflowChecks.admitted(other).at("/metadata/namespace").asString())
        .isEqualTo("chaos");
  }

  @Test
  void aPodKillCarriesTheSelectorTheBlastRadiusAsAStringAndTheGracePeriod() throws Exception {
    JsonNode workflow =
        WorkflowChecks.admitted(
            export("- {id: kill, attack: k8s.pod.delete, target: web, with: {gracePeriod: 30s}}")
                .text());
    JsonNode kill = template(workflow, "kill");
    assertThat(kill.path("templateType").asString()).isEqualTo("PodChaos");
    assertThat(kill.path("deadline").asString()).isEqualTo(TemplateWriter.KILL_DEADLINE);
    JsonNode chaos = kill.path("podChaos");
    assertThat(chaos.path("action").asString()).isEqualTo("pod-kill");
    assertThat(chaos.path("mode").asString()).isEqualTo("random-max-percent");
    assertThat(chaos.path("value").isString()).isTrue();
    assertThat(chaos.path("value").asString()).isEqualTo("40");
    assertThat(chaos.path("gracePeriod").asLong()).isEqualTo(30);
    assertThat(chaos.path("selector").toString())
        .isEqualTo(
            "{\"namespaces\":[\"shop\"],\"labelSelectors\":{\"app\":\"web\"},"
                + "\"podPhaseSelectors\":[\"Running\"]}");
    assertThat(chaos.has("containerNames")).isFalse();
  }

  @Test
  void aContainerKillTakesThePlainContainerNamesAndIsRefusedWithoutAny() throws Exception {
    ExportResult result =
        export(
            """
            - {id: kill-web, attack: k8s.container.kill, target: web}
            - {id: kill-api, attack: k8s.container.kill, target: api, duration: 15s}
            """);
    JsonNode workflow = WorkflowChecks.admitted(result.text());
    JsonNode web = template(workflow, "kill-web").path("podChaos");
    assertThat(web.path("action").asString()).isEqualTo("container-kill");
    assertThat(web.path("containerNames").toString()).isEqualTo("[\"app\"]");
    JsonNode api = template(workflow, "kill-api");
    assertThat(api.path("templateType").asString()).isEqualTo("Suspend");
    assertThat(api.path("deadline").asString()).isEqualTo("15s");
    assertThat(messages(result))
        .anySatisfy(
            w -> assertThat(w).startsWith("spec.targets.web.containers: ").contains("side.*"))
        .anySatisfy(
            w ->
                assertThat(w)
                    .startsWith("spec.steps[1]: kill-api: cannot be written for Chaos Mesh")
                    .contains("container-kill needs exact container names"));
  }

  @Test
  void httpChecksBecomeStatusChecksAndWhatTheyCannotCheckIsAWarning() throws Exception {
    ExportResult result =
        export(
            """
            - id: once
              probe: http.check
              retries: 1
              with: {url: "http://web.shop/", method: PUT, expectStatus: "200,404", jq: .ok}
            - id: until-up
              after: [once]
              probe: http.check
              until: passing
              timeout: 1m
              interval: 10s
              with: {url: "http://web.shop/health", headers: {x-a: b}}
            - id: until-down
              after: [until-up]
              probe: http.check
              until: failing
              timeout: 30s
              with: {url: "http://web.shop/health"}
            - {id: kill, after: [until-down], attack: k8s.pod.delete, target: web}
            """);
    JsonNode workflow = WorkflowChecks.admitted(result.text());
    JsonNode once = template(workflow, "once");
    assertThat(once.path("abortWithStatusCheck").asBoolean()).isTrue();
    assertThat(once.path("deadline").asString()).isEqualTo("6s"); // (2s call + 1s) × 2 tries
    JsonNode check = once.path("statusCheck");
    assertThat(check.path("mode").asString()).isEqualTo("Synchronous");
    assertThat(check.path("failureThreshold").asInt()).isEqualTo(2);
    assertThat(check.path("http").toString())
        .isEqualTo(
            "{\"url\":\"http://web.shop/\",\"method\":\"GET\",\"criteria\":{\"statusCode\":\"200\"}}");
    JsonNode up = template(workflow, "until-up");
    assertThat(up.path("deadline").asString()).isEqualTo("1m");
    assertThat(up.path("statusCheck").path("failureThreshold").asInt()).isEqualTo(6);
    assertThat(up.path("statusCheck").path("http").path("headers").toString())
        .isEqualTo("{\"x-a\":[\"b\"]}");
    assertThat(up.path("statusCheck").path("http").path("criteria").path("statusCode").asString())
        .isEqualTo("200-299");
    JsonNode down = template(workflow, "until-down");
    assertThat(down.path("templateType").asString()).isEqualTo("Suspend");
    assertThat(down.path("deadline").asString()).isEqualTo("30s");
    assertThat(messages(result))
        .contains(
            "spec.steps[0].with.method: once: Chaos Mesh status checks send GET or POST only;"
                + " PUT is sent as GET",
            "spec.steps[0].with.expectStatus: once: Chaos Mesh takes one status code or range;"
                + " of '200,404' only 200 is kept",
            "spec.steps[0].with.jq: once: Chaos Mesh checks the status code only; the jq filter"
                + " '.ok' is left out, so the check passes on the status alone")
        .anySatisfy(
            w ->
                assertThat(w)
                    .startsWith(
                        "spec.steps[2]: until-down: Chaos Mesh status checks wait for"
                            + " success only"));
  }

  @Test
  void stepsWithoutACounterpartAreSuspendsOfTheirTimeWithAWarning() throws Exception {
    ExportResult result =
        export(
            """
            - {id: freeze, attack: process.signal, target: web, duration: 45s, with: {signal: SIGSTOP, process: java}}
            - {id: ask, after: [freeze], gate: "Go on?", timeout: 2m}
            - {id: kill, after: [ask], attack: k8s.pod.delete, target: web}
            """);
    JsonNode workflow = WorkflowChecks.admitted(result.text());
    assertThat(template(workflow, "freeze").path("deadline").asString()).isEqualTo("45s");
    assertThat(template(workflow, "ask").path("templateType").asString()).isEqualTo("Suspend");
    assertThat(template(workflow, "ask").path("deadline").asString()).isEqualTo("2m");
    assertThat(messages(result))
        .contains(
            "spec.steps[0]: freeze: Chaos Mesh has no counterpart of process.signal; a Suspend of"
                + " 45s (the step's duration) stands in its place, so the steps after it keep"
                + " their timing but nothing is attacked",
            "spec.steps[1]: ask: Chaos Mesh has no manual approval; the gate becomes a Suspend of"
                + " 2m (its timeout) and the workflow goes on without asking anyone");
  }

  @Test
  void aGraphThatIsNotSeriesParallelRunsByLevelsAndSaysWhichStepsWaitLonger() throws Exception {
    ExportResult result =
        export(
            """
            - {id: a, wait: 1s}
            - {id: b, wait: 2s}
            - {id: c, after: [a, b], attack: k8s.pod.delete, target: web}
            - {id: d, after: [b], wait: 3s}
            """);
    JsonNode workflow = WorkflowChecks.admitted(result.text());
    JsonNode entry = template(workflow, workflow.at("/spec/entry").asString());
    assertThat(entry.path("templateType").asString()).isEqualTo("Serial");
    List<String> levels =
        entry
            .path("children")
            .valueStream()
            .map(n -> template(workflow, n.asString()).path("children").toString())
            .toList();
    assertThat(levels).containsExactly("[\"a\",\"b\"]", "[\"c\",\"d\"]");
    assertThat(messages(result))
        .contains(
            "spec.steps: the step graph is not series-parallel, so it runs level by level: d also"
                + " wait for steps of earlier levels they do not come after");
  }

  @Test
  void aContinuousHttpProbeRunsBesideTheStepsAndHaltsTheWorkflow() throws Exception {
    String text =
        HEAD
            + """
                - {id: kill, attack: k8s.pod.delete, target: web, duration: 20s}
              probes:
                - {id: up, probe: http.check, interval: 3s, haltAfter: 2, with: {url: "http://web.shop/"}}
                - {id: slo, probe: prometheus.query, with: {url: "http://prom:9090", query: "up", operator: "==", threshold: 1}}
            """;
    Experiment experiment =
        new ExperimentReader().read(text, Syntax.YAML).experiment().orElseThrow();
    ExportResult result =
        Exports.standard().export(experiment, ExportFormat.CHAOS_MESH, ExportOptions.DEFAULTS);
    JsonNode workflow = WorkflowChecks.admitted(result.text());
    JsonNode entry = template(workflow, workflow.at("/spec/entry").asString());
    assertThat(entry.path("templateType").asString()).isEqualTo("Parallel");
    assertThat(entry.path("children").toString()).isEqualTo("[\"kill\",\"up\"]");
    JsonNode up = template(workflow, "up");
    assertThat(up.path("abortWithStatusCheck").asBoolean()).isTrue();
    assertThat(up.path("deadline").asString()).isEqualTo("20s");
    assertThat(up.path("statusCheck").path("mode").asString()).isEqualTo("Continuous");
    assertThat(up.path("statusCheck").path("failureThreshold").asInt()).isEqualTo(2);
    assertThat(up.path("statusCheck").path("intervalSeconds").asInt()).isEqualTo(3);
    assertThat(messages(result))
        .anySatisfy(
            w ->
                assertThat(w)
                    .startsWith(
                        "spec.probes[1]: slo: Chaos Mesh has no counterpart of the continuous probe prometheus.query"));
  }

  private static String manifestStep(String id, String spec, String extra) {
    return """
        - id: %s
          attack: k8s.manifest%s
          with:
            manifest: |
              apiVersion: chaos-mesh.org/v1alpha1
              kind: PodChaos
              metadata: {name: x, namespace: shop}
              spec: %s
        """
        .formatted(id, extra, spec);
  }

  @Test
  void aManifestsNumericValueIsWrittenAsAStringAndItGetsTheFaultDeadline() throws Exception {
    ExportResult result =
        export(
            manifestStep(
                "cm",
                "{action: pod-failure, mode: fixed, value: 2, selector: {labelSelectors: {app: web}}}",
                ""));
    JsonNode workflow = WorkflowChecks.admitted(result.text());
    JsonNode cm = template(workflow, "cm");
    assertThat(cm.path("templateType").asString()).isEqualTo("PodChaos");
    assertThat(cm.path("podChaos").path("value").isString()).isTrue();
    assertThat(cm.path("podChaos").path("value").asString()).isEqualTo("2");
    assertThat(cm.path("deadline").asString()).isEqualTo("5m");
    assertThat(messages(result))
        .anySatisfy(w -> assertThat(w).startsWith("spec.steps[0].duration: cm: no duration"));
  }

  @Test
  void aManifestBreakingAnAdmissionRuleIsASuspendWithTheRuleNotABug() throws Exception {
    ExportResult result =
        export(
            manifestStep(
                    "cm",
                    "{action: pod-kill, mode: fixed, value: '0', selector: {labelSelectors: {app: web}}}",
                    "\n  duration: 30s")
                + "- {id: kill, after: [cm], attack: k8s.pod.delete, target: web}\n");
    JsonNode workflow = WorkflowChecks.admitted(result.text());
    assertThat(template(workflow, "cm").path("templateType").asString()).isEqualTo("Suspend");
    assertThat(template(workflow, "cm").path("deadline").asString()).isEqualTo("30s");
    assertThat(messages(result))
        .anySatisfy(
            w ->
                assertThat(w)
                    .startsWith(
                        "spec.steps[0]: cm: cannot be written for Chaos Mesh (the manifest breaks"
                            + " Chaos Mesh's admission rules: [podChaos.value: mode fixed needs"
                            + " value"));
  }

  @Test
  void stepIdsWithDotsBesideDashesOrUnderscoresBecomeValidTemplateNames() throws Exception {
    ExportResult result =
        export(
            """
            - {id: a.-.b, attack: k8s.pod.delete, target: web}
            - {id: a._.b, after: [a.-.b], attack: k8s.pod.delete, target: web}
            - {id: a.--.b, after: [a._.b], attack: k8s.pod.delete, target: web}
            """);
    JsonNode workflow = WorkflowChecks.admitted(result.text());
    assertThat(template(workflow, "a.b").path("templateType").asString()).isEqualTo("PodChaos");
    assertThat(template(workflow, "a.b-2")).isNotNull();
    assertThat(template(workflow, "a.b-3")).isNotNull();
    assertThat(messages(result))
        .contains(
            "spec.steps[0].id: template names are lower-case DNS names: step 'a.-.b' is"
                + " written as 'a.b', the id an import gives it");
  }

  @Test
  void nastyNamesBecomeDnsNamesOfAtMost63Characters() {
    var dns =
        java.util.regex.Pattern.compile(
            "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    String longName = "Ab_.-".repeat(60);
    var names = new TemplateNames();
    for (String nasty :
        List.of("a.-.b", "a._.b", "a.--.b", "Ünïcödé-ß.名前", "..--__", "x".repeat(300), longName)) {
      for (String name :
          List.of(
              ChaosMeshExporter.workflowName(nasty),
              names.claim(nasty, "fallback"),
              names.claim(nasty, "fallback"))) {
        assertThat(name).as(nasty).matches(dns).hasSizeLessThanOrEqualTo(63);
      }
    }
    assertThat(ChaosMeshExporter.workflowName("..--__")).isEqualTo("faultline-experiment");
    assertThat(ChaosMeshExporter.workflowName("Ünïcödé-ß.名前")).isEqualTo("n-c-d");
  }

  @Test
  void aCutWorkflowNameAndARenamedProbeAreWarnings() throws Exception {
    String text =
        HEAD.replace("name: Shop_Test", "name: " + "long".repeat(20))
            + """
                - {id: kill, attack: k8s.pod.delete, target: web, duration: 20s}
              probes:
                - {id: Up_Check, probe: http.check, with: {url: "http://web.shop/"}}
            """;
    Experiment experiment =
        new ExperimentReader().read(text, Syntax.YAML).experiment().orElseThrow();
    ExportResult result =
        Exports.standard().export(experiment, ExportFormat.CHAOS_MESH, ExportOptions.DEFAULTS);
    JsonNode workflow = WorkflowChecks.admitted(result.text());
    assertThat(workflow.at("/metadata/name").asString())
        .isEqualTo("long".repeat(20).substring(0, 63));
    assertThat(template(workflow, "up-check").path("templateType").asString())
        .isEqualTo("StatusCheck");
    assertThat(messages(result))
        .contains(
            "metadata.name: a Workflow name is a lower-case DNS name of at most 63 characters: '"
                + "long".repeat(20)
                + "' is written as '"
                + "long".repeat(20).substring(0, 63)
                + "'",
            "spec.probes[0].id: template names are lower-case DNS names, unique in the workflow:"
                + " probe 'Up_Check' is written as 'up-check', the id an import gives it");
  }

  private static ExportResult exportIn(String namespace, String steps) throws Exception {
    String text =
        HEAD.replace(
                "    api:\n",
                "    anywhere: {namespacePattern: \"shop|kube-.*\", labelSelector: app=web}\n    api:\n")
            + steps.indent(4);
    var read = new ExperimentReader().read(text, Syntax.YAML);
    assertThat(read.problems().stream().filter(p -> p.isError())).isEmpty();
    return Exports.standard()
        .export(
            read.experiment().orElseThrow(),
            ExportFormat.CHAOS_MESH,
            ExportOptions.DEFAULTS.withNamespace(namespace));
  }

  @Test
  void theExportNamespaceStandsInOnlyWhereTheTargetsPatternAndTheSafetyPolicyAllow()
      throws Exception {
    String steps =
        """
        - {id: kill, attack: k8s.pod.delete, target: web}
        - {id: wide, attack: k8s.pod.delete, target: anywhere}
        """;
    JsonNode inShop = WorkflowChecks.admitted(exportIn("shop", steps).text());
    assertThat(
            template(inShop, "wide")
                .path("podChaos")
                .path("selector")
                .path("namespaces")
                .toString())
        .isEqualTo("[\"shop\"]");

    ExportResult system = exportIn("kube-system", steps);
    JsonNode workflow = WorkflowChecks.admitted(system.text());
    assertThat(template(workflow, "wide").path("templateType").asString()).isEqualTo("Suspend");
    assertThat(messages(system))
        .anySatisfy(
            w ->
                assertThat(w)
                    .startsWith(
                        "spec.steps[1]: wide: cannot be written for Chaos Mesh (target 'anywhere'"
                            + " names no namespace and the export namespace 'kube-system' is not"
                            + " permitted by spec.safety.namespaces)"));

    ExportResult other = exportIn("other", steps);
    assertThat(
            template(WorkflowChecks.admitted(other.text()), "wide").path("templateType").asString())
        .isEqualTo("Suspend");
    assertThat(messages(other))
        .anySatisfy(
            w -> assertThat(w).contains("does not match its namespacePattern 'shop|kube-.*'"));

    ExportResult manifest =
        exportIn(
            "kube-system",
            steps
                + manifestStep(
                        "cm",
                        "{action: pod-kill, mode: all, selector: {labelSelectors: {app: web}}}",
                        "\n  duration: 30s")
                    .replace("namespace: shop", "labels: {}"));
    assertThat(
            template(WorkflowChecks.admitted(manifest.text()), "cm")
                .path("templateType")
                .asString())
        .isEqualTo("Suspend");
    assertThat(messages(manifest))
        .anySatisfy(
            w ->
                assertThat(w)
                    .contains(
                        "the manifest's chaos acts in namespace 'kube-system', which"
                            + " spec.safety.namespaces does not permit"));

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> exportIn("Shop_NS", steps))
        .isInstanceOf(dev.faultline.export.ExportException.class)
        .hasMessageContaining("export namespace 'Shop_NS' is not a Kubernetes namespace name");
  }

  @Test
  void envPlaceholdersAreNotSubstitutedSoAUrlWithOneIsRefusedAndHeadersWarn() throws Exception {
    String text =
        HEAD
            + """
                - {id: kill, attack: k8s.pod.delete, target: web, duration: 20s}
                - {id: secret-url, after: [kill], probe: http.check, timeout: 5s, with: {url: "http://${env:HOST}/health"}}
                - {id: token, after: [secret-url], probe: http.check, with: {url: "http://web.shop/", headers: {Authorization: "Bearer ${env:TOKEN}"}}}
              probes:
                - {id: watch, probe: http.check, haltAfter: 2, with: {url: "https://${env:HOST}/"}}
            """;
    Experiment experiment =
        new ExperimentReader().read(text, Syntax.YAML).experiment().orElseThrow();
    // The validator refuses a placeholder in a url today; the exporter must not rely on it.
    ExportResult result = new ChaosMeshExporter().export(experiment, ExportOptions.DEFAULTS);
    JsonNode workflow = WorkflowChecks.admitted(result.text());
    assertThat(template(workflow, "secret-url").path("templateType").asString())
        .isEqualTo("Suspend");
    assertThat(template(workflow, "secret-url").path("deadline").asString()).isEqualTo("5s");
    assertThat(template(workflow, "token").path("templateType").asString())
        .isEqualTo("StatusCheck");
    assertThat(workflow.path("spec").path("templates").toString()).doesNotContain("watch");
    assertThat(messages(result))
        .contains(
            "spec.steps[1]: secret-url: cannot be written for Chaos Mesh (the url holds an"
                + " ${env:NAME} placeholder, which Chaos Mesh does not substitute); a Suspend of"
                + " 5s stands in its place and nothing is checked",
            "spec.steps[2].with: token: Chaos Mesh does not substitute ${env:NAME}; the headers"
                + " or body are sent with the placeholder as it stands, not the secret",
            "spec.probes[0]: watch: cannot be written for Chaos Mesh (the url holds an"
                + " ${env:NAME} placeholder, which Chaos Mesh does not substitute); it is left"
                + " out, so it cannot halt the workflow");
  }

  @Test
  void aBlastRadiusSeedChaosMeshCannotTakeIsAWarning() throws Exception {
    String text =
        HEAD.replace("{mode: count, value: 2}", "{mode: count, value: 2, seed: 42}")
            + "    - {id: kill, attack: k8s.pod.delete, target: api}\n";
    Experiment experiment =
        new ExperimentReader().read(text, Syntax.YAML).experiment().orElseThrow();
    ExportResult result =
        Exports.standard().export(experiment, ExportFormat.CHAOS_MESH, ExportOptions.DEFAULTS);
    WorkflowChecks.admitted(result.text());
    assertThat(messages(result))
        .contains(
            "spec.targets.api.blastRadius.seed: Chaos Mesh picks pods at random and takes no seed;"
                + " seed 42 is left out, so kill may hit other pods than a Faultline run with that"
                + " seed");
  }
}
