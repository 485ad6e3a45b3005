package dev.faultline.export.chaosmesh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.export.ConversionWarning;
import dev.faultline.export.ImportException;
import dev.faultline.export.ImportResult;
import dev.faultline.export.Imports;
import dev.faultline.format.Syntax;
import dev.faultline.model.AttackStep;
import dev.faultline.model.BlastRadius;
import dev.faultline.model.ContinuousProbe;
import dev.faultline.model.Experiment;
import dev.faultline.model.Params;
import dev.faultline.model.Step;
import dev.faultline.model.Target;
import dev.faultline.model.TimeSpan;
import dev.faultline.model.WaitStep;
import dev.faultline.validate.Problem;
import dev.faultline.validate.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Imports of Chaos Mesh's own example workflows, single chaos objects and broken documents. */
class ChaosMeshImporterTest {
  static String resource(String name) {
    try (InputStream in = ChaosMeshImporterTest.class.getResourceAsStream("/chaos-mesh/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static ImportResult read(String text) throws ImportException {
    return Imports.standard().read(text, Syntax.YAML, "workflow.yaml");
  }

  static void valid(Experiment experiment) {
    assertThat(Validator.standard().validate(experiment).stream().filter(Problem::isError))
        .isEmpty();
  }

  @Test
  void theSerialCorpusWorkflowBecomesAChainWithTheScheduleAsAWait() throws Exception {
    ImportResult result = read(resource("workflow-serial.yaml"));
    Experiment experiment = result.experiment();
    valid(experiment);

    assertThat(result.format()).isEqualTo("Chaos Mesh Workflow or chaos object");
    assertThat(experiment.metadata().name()).isEqualTo("try-workflow-serial");
    assertThat(experiment.spec().effectiveSafety().maxDuration()).isEqualTo(TimeSpan.of("240s"));
    List<Step> steps = experiment.spec().steps();
    assertThat(steps)
        .extracting(Step::id)
        .containsExactly(
            "workflow-stress-chaos",
            "prefix-suspending",
            "workflow-network-chaos",
            "suffix-suspending",
            "workflow-pod-chaos");
    assertThat(steps)
        .extracting(Step::after)
        .containsExactly(
            List.of(),
            List.of("workflow-stress-chaos"),
            List.of("prefix-suspending"),
            List.of("workflow-network-chaos"),
            List.of("suffix-suspending"));

    AttackStep stress = (AttackStep) steps.get(0);
    assertThat(stress.attack()).isEqualTo("chaosmesh.stress");
    assertThat(stress.with()).isEqualTo(Params.of(Map.of("cpuWorkers", 1L, "cpuLoad", 20L)));
    assertThat(stress.duration()).isEqualTo(TimeSpan.of("20s"));
    Target stressTarget = experiment.spec().targets().get(stress.target());
    assertThat(stressTarget.labelSelector()).isEqualTo("app=hello-kubernetes");
    assertThat(stressTarget.namespaces()).containsExactly("default");
    assertThat(stressTarget.effectiveBlastRadius().mode()).isEqualTo(BlastRadius.Mode.ONE);

    assertThat(((WaitStep) steps.get(1)).duration()).isEqualTo(TimeSpan.of("10s"));
    AttackStep network = (AttackStep) steps.get(2);
    assertThat(network.attack()).isEqualTo("chaosmesh.network");
    assertThat(network.with().values())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("action", "delay", "latency", "90ms", "jitter", "90ms", "correlation", 25L));
    assertThat(experiment.spec().targets().get(network.target()).effectiveBlastRadius())
        .isEqualTo(BlastRadius.ALL);
    assertThat(((WaitStep) steps.get(4)).duration()).isEqualTo(TimeSpan.of("40s"));

    ConversionWarning options =
        result.warnings().stream()
            .filter(w -> w.message().contains("'options' of StressChaos"))
            .findFirst()
            .orElseThrow();
    assertThat(options.line()).isEqualTo(73);
    assertThat(options.path()).isEqualTo("spec.templates[4].stressChaos.stressors.cpu.options");
    ConversionWarning schedule =
        result.warnings().stream()
            .filter(w -> w.message().contains("a Schedule (chaos repeated on a cron)"))
            .findFirst()
            .orElseThrow();
    assertThat(schedule.line()).isEqualTo(49); // templateType: Schedule
    assertThat(result.warnings()).hasSize(2);
    assertThat(experiment.layout().positions())
        .containsOnlyKeys(steps.stream().map(Step::id).toArray(String[]::new));
  }

  @Test
  void theStatusCheckCorpusWorkflowGivesAContinuousProbeBesideTheNetworkFault() throws Exception {
    ImportResult result = read(resource("workflow-status-check.yaml"));
    Experiment experiment = result.experiment();
    valid(experiment);

    assertThat(experiment.spec().steps())
        .extracting(Step::id)
        .containsExactly("workflow-network-chaos");
    ContinuousProbe probe = experiment.spec().probes().getFirst();
    assertThat(probe.id()).isEqualTo("workflow-status-check");
    assertThat(probe.probe()).isEqualTo("http.check");
    assertThat(probe.with().values())
        .isEqualTo(Map.of("url", "http://123.123.123.123", "expectStatus", "200"));
    assertThat(probe.effectiveInterval()).isEqualTo(TimeSpan.of("10s"));
    assertThat(probe.haltAfter()).isNull(); // no abortWithStatusCheck: observe only
  }

  @Test
  void aSingleChaosObjectIsOneAttackLastingItsDuration() throws Exception {
    ImportResult result =
        read(
            """
            apiVersion: chaos-mesh.org/v1alpha1
            kind: PodChaos
            metadata: {name: kill-web, namespace: shop}
            spec:
              action: container-kill
              mode: fixed-percent
              value: "30"
              containerNames: [web]
              duration: 1m30s
              selector:
                labelSelectors: {app: web}
                expressionSelectors: [{key: tier, operator: NotIn, values: [canary]}]
            """);
    Experiment experiment = result.experiment();
    valid(experiment);
    AttackStep step = (AttackStep) experiment.spec().steps().getFirst();
    assertThat(step.id()).isEqualTo("kill-web");
    assertThat(step.attack()).isEqualTo("k8s.container.kill");
    assertThat(step.duration()).isEqualTo(TimeSpan.of("1m30s"));
    Target target = experiment.spec().targets().get(step.target());
    assertThat(target.namespaces()).containsExactly("shop");
    assertThat(target.labelSelector()).isEqualTo("app=web,tier notin (canary)");
    assertThat(target.containers()).containsExactly("web");
    assertThat(target.blastRadius()).isEqualTo(BlastRadius.of(BlastRadius.Mode.PERCENT, 30));
    assertThat(result.warnings()).isEmpty();
  }

  @Test
  void aChildNamingNoTemplateIsRefusedWithItsPosition() {
    assertThatThrownBy(
            () ->
                read(
                    """
                    apiVersion: chaos-mesh.org/v1alpha1
                    kind: Workflow
                    metadata: {name: broken}
                    spec:
                      entry: main
                      templates:
                        - name: main
                          templateType: Serial
                          children: [pause, missing]
                        - name: pause
                          templateType: Suspend
                          deadline: 5s
                    """))
        .isInstanceOfSatisfying(
            ImportException.class,
            e -> {
              assertThat(e.path()).isEqualTo("spec.templates[0].children[1]");
              assertThat(e.line()).isEqualTo(9);
              assertThat(e.column()).isEqualTo(25);
              assertThat(e.getMessage()).contains("child 'missing' does not name a template");
            });
  }

  @Test
  void aMissingEntryAndWrongTypesAreRefusedWithTheirPosition() {
    assertThatThrownBy(
            () ->
                read(
                    """
                    apiVersion: chaos-mesh.org/v1alpha1
                    kind: Workflow
                    metadata: {name: broken}
                    spec:
                      templates:
                        - name: pause
                          templateType: Suspend
                          deadline: 5s
                    """))
        .isInstanceOfSatisfying(
            ImportException.class,
            e -> {
              assertThat(e.getMessage()).contains("entry '' does not name a template");
              assertThat(e.line()).isEqualTo(5); // the spec mapping, the nearest node there is
            });
    assertThatThrownBy(
            () ->
                read(
                    """
                    apiVersion: chaos-mesh.org/v1alpha1
                    kind: NetworkChaos
                    metadata: {name: broken}
                    spec:
                      action: delay
                      mode: fixed
                      value: lots
                      selector: {labelSelectors: {app: web}}
                      delay: {latency: 10ms}
                    """))
        .isInstanceOfSatisfying(
            ImportException.class,
            e -> {
              assertThat(e.path()).isEqualTo("spec.value");
              assertThat(e.line()).isEqualTo(7);
              assertThat(e.getMessage()).contains("value 'lots' is not a whole number");
            });
    assertThatThrownBy(
            () ->
                read(
                    """
                    apiVersion: chaos-mesh.org/v1alpha1
                    kind: Workflow
                    metadata: {name: broken}
                    spec:
                      entry: main
                      templates:
                        - name: main
                          templateType: Suspend
                          deadline: [5s]
                    """))
        .isInstanceOfSatisfying(
            ImportException.class,
            e -> assertThat(e.path()).isEqualTo("spec.templates[0].deadline"));
  }

  @Test
  void tasksBranchesAndUnknownKindsAreWaitsWithWarningsAtTheirLines() throws Exception {
    ImportResult result =
        read(
            """
            apiVersion: chaos-mesh.org/v1alpha1
            kind: Workflow
            metadata: {name: mixed, namespace: shop}
            spec:
              entry: main
              templates:
                - name: main
                  templateType: Serial
                  children: [run-task, jvm]
                - name: run-task
                  templateType: Task
                  deadline: 20s
                  task: {container: {name: c, image: busybox, command: [sh, -c, "exit 0"]}}
                  conditionalBranches: [{target: jvm, expression: 'exitCode == 0'}]
                - name: jvm
                  templateType: JVMChaos
                  deadline: 30s
                  jvmChaos: {action: gc, mode: one, selector: {labelSelectors: {app: web}}}
            """);
    valid(result.experiment());
    assertThat(result.experiment().spec().steps())
        .extracting(s -> ((WaitStep) s).duration().text())
        .containsExactly("20s", "30s");
    assertThat(result.warnings())
        .extracting(ConversionWarning::line, ConversionWarning::message)
        .anySatisfy(
            w ->
                assertThat(w.toList())
                    .containsExactly(
                        11,
                        "a Task (a container run by the workflow) has no Faultline counterpart; a wait of its deadline (20s) stands in its place"))
        .anySatisfy(w -> assertThat(w.toList().get(0)).isEqualTo(14))
        .anySatisfy(w -> assertThat(w.toList().get(0)).isEqualTo(16));
  }

  @Test
  void theNamespacesTheSelectorsNameAreAllowedBesideTheWorkflowsOwn() throws Exception {
    ImportResult result =
        read(
            """
            apiVersion: chaos-mesh.org/v1alpha1
            kind: Workflow
            metadata: {name: elsewhere, namespace: chaos-testing}
            spec:
              entry: main
              templates:
                - name: main
                  templateType: DNSChaos
                  deadline: 30s
                  dnsChaos:
                    action: error
                    mode: all
                    selector: {namespaces: [shop], labelSelectors: {app: web}}
            """);
    valid(result.experiment());
    assertThat(result.experiment().spec().effectiveSafety().effectiveNamespaces().allow())
        .containsExactly("chaos-testing", "shop");
    AttackStep step = (AttackStep) result.experiment().spec().steps().getFirst();
    assertThat(step.attack()).isEqualTo("chaosmesh.dns");
    assertThat(step.with().values()).isEqualTo(Map.of("action", "error"));
    assertThat(step.duration()).isEqualTo(TimeSpan.of("30s"));
  }

  @Test
  void aHugeQuotedNumberIsRefusedWithItsPosition() {
    assertThatThrownBy(
            () ->
                read(
                    """
                    apiVersion: chaos-mesh.org/v1alpha1
                    kind: Workflow
                    metadata: {name: huge}
                    spec:
                      entry: check
                      templates:
                        - name: check
                          templateType: StatusCheck
                          deadline: 30s
                          statusCheck:
                            mode: Synchronous
                            type: HTTP
                            timeoutSeconds: "99999999999999999999"
                            http: {url: "http://web.shop/", criteria: {statusCode: "200"}}
                    """))
        .isInstanceOfSatisfying(
            ImportException.class,
            e -> {
              assertThat(e.line()).isEqualTo(13);
              assertThat(e.getMessage()).contains("99999999999999999999 is too large");
            });
  }

  @Test
  void aTemplateUsedTwiceIsRefusedAtItsSecondUseEvenWhenSharingIsDeep() {
    var yaml =
        new StringBuilder(
            """
            apiVersion: chaos-mesh.org/v1alpha1
            kind: Workflow
            metadata: {name: shared}
            spec:
              entry: level0
              templates:
            """);
    int depth = 40;
    for (int i = 0; i < depth; i++) {
      yaml.append(
          "    - {name: level%d, templateType: Serial, children: [level%d, level%d]}\n"
              .formatted(i, i + 1, i + 1));
    }
    yaml.append("    - {name: level%d, templateType: Suspend, deadline: 1s}\n".formatted(depth));
    assertThatThrownBy(
            () ->
                org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                    java.time.Duration.ofSeconds(10), () -> read(yaml.toString())))
        .isInstanceOfSatisfying(
            ImportException.class,
            e -> {
              assertThat(e.path()).isEqualTo("spec.templates[%d].children[1]".formatted(depth - 1));
              assertThat(e.getMessage())
                  .contains("template 'level%d' is used a second time here".formatted(depth));
            });
  }

  @Test
  void goDurationsAreReadAsGoReadsThem() {
    assertThat(GoDurations.timeSpan("0")).contains(TimeSpan.of("0s"));
    assertThat(GoDurations.timeSpan(".5s")).contains(TimeSpan.of("500ms"));
    assertThat(GoDurations.timeSpan("+5s")).contains(TimeSpan.of("5s"));
    assertThat(GoDurations.timeSpan("1.5m")).contains(TimeSpan.of("1m30s"));
    assertThat(GoDurations.timeSpan("-5s")).isEmpty();
    assertThat(GoDurations.timeSpan("5")).isEmpty();
    assertThat(GoDurations.timeSpan(".s")).isEmpty();
    assertThat(GoDurations.timeSpan("99999999999.5h")).isEmpty();
  }
}
