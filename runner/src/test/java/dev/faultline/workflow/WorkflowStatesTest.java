package dev.faultline.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The node tree and phases read from Workflow and WorkflowNode objects as Chaos Mesh writes them.
 */
class WorkflowStatesTest {
  private static JsonNode json(String text) {
    return WorkflowDocument.JSON.readTree(text.replace('\'', '"'));
  }

  private static JsonNode node(
      String name, String parent, String template, String type, String start, String conditions) {
    return json(
        "{'metadata':{'name':'"
            + name
            + "','labels':{'chaos-mesh.org/workflow':'wf'"
            + (parent == null ? "" : ",'chaos-mesh.org/controlled-by':'" + parent + "'")
            + "}},'spec':{'templateName':'"
            + template
            + "','type':'"
            + type
            + "','startTime':'"
            + start
            + "'},'status':{'conditions':["
            + conditions
            + "]}}");
  }

  private static String condition(String type, String reason, String at) {
    return "{'type':'"
        + type
        + "','status':'True','reason':'"
        + reason
        + "','lastTransitionTime':'"
        + at
        + "'}";
  }

  private static JsonNode workflow(String conditions) {
    return json(
        "{'metadata':{'name':'wf'},'status':{'entryNode':'entry-a','startTime':'2026-01-01T10:00:00Z',"
            + "'conditions':["
            + conditions
            + "]}}");
  }

  @Test
  void nodesFormATreeInStartOrderWhateverOrderTheyArriveIn() {
    var nodes =
        List.of(
            node("late-c", "entry-a", "late", "Suspend", "2026-01-01T10:00:20Z", ""),
            node("check-d", "par-e", "check", "StatusCheck", "2026-01-01T10:00:05.5Z", ""),
            node("entry-a", null, "entry", "Serial", "2026-01-01T10:00:00Z", ""),
            node("par-e", "entry-a", "par", "Parallel", "2026-01-01T10:00:05Z", ""));

    WorkflowState state =
        WorkflowStates.from(workflow("{'type':'Scheduled','status':'True'}"), nodes, "wf", "shop");

    assertThat(state.nodes())
        .extracting(WorkflowNodeView::name, WorkflowNodeView::depth, WorkflowNodeView::parent)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("entry-a", 0, ""),
            org.assertj.core.groups.Tuple.tuple("par-e", 1, "entry-a"),
            org.assertj.core.groups.Tuple.tuple("check-d", 2, "par-e"),
            org.assertj.core.groups.Tuple.tuple("late-c", 1, "entry-a"));
    assertThat(state.phase()).isEqualTo(WorkflowPhase.RUNNING);
  }

  @Test
  void aNodesPhaseEndAndReasonComeFromItsFinalCondition() {
    JsonNode chaos =
        json(
            "{'metadata':{'name':'delay-x'},'spec':{'templateName':'delay','type':'NetworkChaos',"
                + "'startTime':'2026-01-01T10:00:00Z'},'status':{'chaosResource':{'kind':'NetworkChaos',"
                + "'name':'delay-x'},'conditions':["
                + condition("ChaosInjected", "", "2026-01-01T10:00:00Z")
                + ","
                + condition("DeadlineExceed", "deadline exceeded", "2026-01-01T10:00:20Z")
                + "]}}");
    WorkflowNodeView view = WorkflowStates.view(chaos, 1);
    assertThat(view.phase()).isEqualTo(NodePhase.DEADLINE_EXCEEDED);
    assertThat(view.chaos()).isEqualTo("NetworkChaos/delay-x");
    assertThat(java.time.Duration.between(view.start(), view.end())).hasSeconds(20);
    assertThat(view.message()).isEqualTo("deadline exceeded");

    var failedCheck =
        node(
            "c",
            "p",
            "c",
            "StatusCheck",
            "2026-01-01T10:00:00Z",
            condition("Accomplished", "FailureThresholdExceed", "2026-01-01T10:00:03Z"));
    assertThat(WorkflowStates.view(failedCheck, 1).phase()).isEqualTo(NodePhase.FAILED);
    var aborted =
        node(
            "c",
            "p",
            "c",
            "StatusCheck",
            "2026-01-01T10:00:00Z",
            condition("Aborted", "2 failed", "2026-01-01T10:00:03Z"));
    assertThat(WorkflowStates.view(aborted, 1).phase()).isEqualTo(NodePhase.ABORTED);
    assertThat(WorkflowStates.view(node("r", null, "r", "Suspend", "2026-01-01T10:00:00Z", ""), 0))
        .extracting(WorkflowNodeView::phase, WorkflowNodeView::end)
        .containsExactly(NodePhase.RUNNING, null);
  }

  @Test
  void theWorkflowsPhaseTellsAccomplishedFromDeadlineAbortedAndGone() {
    var entryDone =
        List.of(
            node(
                "entry-a",
                null,
                "entry",
                "Serial",
                "2026-01-01T10:00:00Z",
                condition("Accomplished", "", "2026-01-01T10:01:00Z")));
    var entryDeadline =
        List.of(
            node(
                "entry-a",
                null,
                "entry",
                "Serial",
                "2026-01-01T10:00:00Z",
                condition("DeadlineExceed", "", "2026-01-01T10:01:00Z")));
    String accomplished = condition("Accomplished", "", "2026-01-01T10:01:00Z");

    assertThat(WorkflowStates.from(workflow(accomplished), entryDone, "wf", "ns").phase())
        .isEqualTo(WorkflowPhase.ACCOMPLISHED);
    assertThat(WorkflowStates.from(workflow(accomplished), entryDeadline, "wf", "ns").phase())
        .isEqualTo(WorkflowPhase.DEADLINE_EXCEEDED);
    WorkflowState aborted =
        WorkflowStates.from(
            workflow(condition("Aborted", "status check health failed", "2026-01-01T10:00:09Z")),
            entryDone,
            "wf",
            "ns");
    assertThat(aborted.phase()).isEqualTo(WorkflowPhase.ABORTED);
    assertThat(aborted.message()).isEqualTo("status check health failed");
    assertThat(WorkflowStates.from(null, entryDone, "wf", "ns").phase())
        .isEqualTo(WorkflowPhase.STOPPED);
    assertThat(
            WorkflowStates.from(json("{'metadata':{'name':'wf'}}"), List.of(), "wf", "ns").phase())
        .isEqualTo(WorkflowPhase.PENDING);
  }

  @Test
  void aWorkflowDocumentNamesWhatIsWrongAndWhere() {
    assertThatThrownBy(
            () -> WorkflowDocument.parse("kind: Workflow\nspec: {entry: [\n", "a.yaml", null))
        .hasMessageStartingWith("a.yaml:3:");
    assertThatThrownBy(
            () ->
                WorkflowDocument.parse(
                    "apiVersion: chaos-mesh.org/v1alpha1\nkind: PodChaos\nmetadata: {name: x}\n",
                    "b.yaml",
                    null))
        .hasMessage(
            "b.yaml: kind/apiVersion is 'PodChaos'/'chaos-mesh.org/v1alpha1', expected"
                + " Workflow/chaos-mesh.org/v1alpha1");
    assertThatThrownBy(
            () ->
                WorkflowDocument.parse(
                    "apiVersion: chaos-mesh.org/v1alpha1\nkind: Workflow\nmetadata: {name: x}\n"
                        + "spec: {entry: e, templates: [{name: e}]}\n",
                    "c.yaml",
                    null))
        .hasMessage("c.yaml: spec.templates[0] needs a name and a templateType");
  }

  @Test
  void aWorkflowDocumentGetsTheNamespaceAndLosesServerFields() throws Exception {
    WorkflowDocument doc =
        WorkflowDocument.parse(
            "apiVersion: chaos-mesh.org/v1alpha1\nkind: Workflow\n"
                + "metadata: {name: x, uid: u1, resourceVersion: '7'}\n"
                + "spec: {entry: e, templates: [{name: e, templateType: Suspend, deadline: 1s}]}\n"
                + "status: {entryNode: e-1}\n",
            "d.yaml",
            "shop");
    assertThat(doc.namespace()).isEqualTo("shop");
    assertThat(doc.body().path("metadata").has("uid")).isFalse();
    assertThat(doc.body().has("status")).isFalse();
  }
}
