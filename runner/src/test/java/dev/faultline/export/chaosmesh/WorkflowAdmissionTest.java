package dev.faultline.export.chaosmesh;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each webhook rule refuses what breaks it; Chaos Mesh's own examples pass. */
class WorkflowAdmissionTest {
  private static List<String> violations(String templates) {
    String yaml =
        """
        apiVersion: chaos-mesh.org/v1alpha1
        kind: Workflow
        metadata: {name: w}
        spec:
          entry: main
          templates:
        """
            + templates.indent(4);
    return WorkflowAdmission.check(WorkflowChecks.tree(yaml)).stream()
        .map(WorkflowAdmission.Violation::toString)
        .toList();
  }

  @Test
  void chaosMeshsOwnExampleWorkflowsAreAdmitted() {
    for (String name : List.of("workflow-serial.yaml", "workflow-status-check.yaml")) {
      assertThat(WorkflowAdmission.check(WorkflowChecks.tree(ChaosMeshImporterTest.resource(name))))
          .as(name)
          .isEmpty();
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "- {name: other, templateType: Suspend, deadline: 1s}"
            + "| spec.entry: entry 'main' does not name a template",
        "- {name: main, templateType: Suspend, deadline: 1s}\\n- {name: main, templateType: Suspend, deadline: 1s}"
            + "| spec.templates[1].name: template name 'main' is not unique",
        "- {name: main, templateType: Serial, children: [x_y]}\\n- {name: x_y, templateType: Suspend, deadline: 1s}"
            + "| spec.templates[1].name: template name 'x_y' is not a DNS-1123 subdomain",
        "- {name: main, templateType: Serial, children: [gone]}"
            + "| spec.templates[0].children[0]: child 'gone' does not name a template",
        "- {name: main, templateType: Suspend}"
            + "| spec.templates[0]: a Suspend template needs a deadline",
        "- {name: main, templateType: Suspend, deadline: 10 seconds}"
            + "| spec.templates[0].deadline: deadline must be a Go duration",
        "- {name: main, templateType: Parallel, children: [], podChaos: {action: pod-kill}}"
            + "| spec.templates[0].podChaos: Parallel must not carry chaos",
        "- {name: main, templateType: Serial, children: [], task: {}}"
            + "| spec.templates[0].task: Serial must not carry task",
        "- {name: main, templateType: NetworkChaos, deadline: 1s}"
            + "| spec.templates[0]: NetworkChaos needs its spec under 'networkChaos'",
        "- {name: main, templateType: PodChaos, deadline: 1s, podChaos: {action: pod-kill, mode: all, selector: {}, duration: 10s}}"
            + "| spec.templates[0].podChaos.duration: chaos in a workflow ends by the template's deadline",
        "- {name: main, templateType: PodChaos, children: [], podChaos: {action: pod-kill, mode: all, selector: {}}}"
            + "| spec.templates[0].children: PodChaos must not carry children",
        "- {name: main, templateType: StatusCheck, deadline: 1s, statusCheck: {}, podChaos: {}}"
            + "| spec.templates[0].podChaos: StatusCheck must not carry chaos",
        "- {name: main, templateType: PodChaos, podChaos: {action: container-kill, mode: all, selector: {}}}"
            + "| spec.templates[0].podChaos.containerNames: container-kill needs containerNames",
        "- {name: main, templateType: PodChaos, podChaos: {action: pod-kill, mode: fixed, value: '0', selector: {}}}"
            + "| spec.templates[0].podChaos.value: mode fixed needs value, a whole number above 0",
        "- {name: main, templateType: PodChaos, podChaos: {action: pod-kill, mode: fixed, value: 50, selector: {}}}"
            + "| spec.templates[0].podChaos.value: value must be a string such as '50', not 50",
        "- {name: main, templateType: PodChaos, podChaos: {action: pod-kill, mode: fixed-percent, value: '101', selector: {}}}"
            + "| spec.templates[0].podChaos.value: mode fixed-percent needs value, a percentage 1..100",
        "- {name: main, templateType: NetworkChaos, networkChaos: {action: delay, mode: all, selector: {}, direction: both}}"
            + "| spec.templates[0].networkChaos.target: direction both needs a target",
        "- {name: main, templateType: NetworkChaos, networkChaos: {action: delay, mode: all, selector: {}, direction: from, target: {mode: all, selector: {}}, externalTargets: [x.io]}}"
            + "| spec.templates[0].networkChaos.externalTargets: externalTargets work with direction to only",
        "- {name: main, templateType: Serial, children: [loop]}\\n- {name: loop, templateType: Serial, children: [main]}"
            + "| spec.templates[0].children: template 'main' contains itself through its children",
      })
  void eachRuleRefusesWhatBreaksIt(String templates, String violation) {
    assertThat(violations(templates.replace("\\n", "\n")))
        .singleElement()
        .asString()
        .startsWith(violation.strip());
  }

  @Test
  void deadlinesAreGoDurationsAsGoParsesThem() {
    for (String deadline : List.of("0", ".5s", "+5s", "1.s", "1h2m3.5s", "10µs")) {
      assertThat(violations("- {name: main, templateType: Suspend, deadline: '" + deadline + "'}"))
          .as(deadline)
          .isEmpty();
    }
  }

  @Test
  void aPartitionFromExternalTargetsNeedsNoPeerTarget() {
    assertThat(
            violations(
                "- {name: main, templateType: NetworkChaos, networkChaos: {action: partition,"
                    + " mode: all, selector: {}, direction: both, externalTargets: [x.io]}}"))
        .isEmpty();
  }
}
