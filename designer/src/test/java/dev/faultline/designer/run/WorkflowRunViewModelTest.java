package dev.faultline.designer.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.workflow.NodePhase;
import dev.faultline.workflow.WorkflowNodeView;
import dev.faultline.workflow.WorkflowOutcome;
import dev.faultline.workflow.WorkflowPhase;
import dev.faultline.workflow.WorkflowState;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WorkflowRunViewModelTest {
  private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
  private final RunViewModelTest.ManualPulse pulse = new RunViewModelTest.ManualPulse();
  private final WorkflowRunViewModel model = new WorkflowRunViewModel("Workflow shop/wf", pulse);

  private static WorkflowNodeView node(String template, int depth, NodePhase phase, int seconds) {
    return new WorkflowNodeView(
        template + "-abcde",
        template,
        depth == 0 ? "Serial" : "NetworkChaos",
        depth == 0 ? "" : "entry-abcde",
        depth,
        phase,
        T0,
        phase.finished() ? T0.plusSeconds(seconds) : null,
        depth == 0 ? "" : "NetworkChaos/" + template + "-abcde",
        "");
  }

  private static WorkflowState state(WorkflowPhase phase, WorkflowNodeView... nodes) {
    return new WorkflowState("wf", "shop", phase, "", T0, null, List.of(nodes));
  }

  @Test
  void statesBetweenTwoFramesReachTheViewOnceAsTheLatest() {
    var listener = model.listener();
    listener.onState(state(WorkflowPhase.RUNNING, node("entry", 0, NodePhase.RUNNING, 0)));
    listener.onState(
        state(
            WorkflowPhase.RUNNING,
            node("entry", 0, NodePhase.RUNNING, 0),
            node("delay", 1, NodePhase.RUNNING, 0)));
    assertThat(model.nodes()).isEmpty(); // nothing before the frame

    pulse.frame();

    assertThat(model.appliedStates()).isEqualTo(1);
    assertThat(model.nodes())
        .extracting(WorkflowNodeView::template)
        .containsExactly("entry", "delay");
    assertThat(model.phaseProperty().get()).isEqualTo(WorkflowPhase.RUNNING);
    assertThat(model.statusProperty().get()).isEqualTo("Running · 0 of 2 nodes ended");
    pulse.frame(); // nothing new: nothing applied
    assertThat(model.appliedStates()).isEqualTo(1);
  }

  @Test
  void theOutcomeFinishesTheViewAndStopsThePulse() {
    var last =
        state(
            WorkflowPhase.ACCOMPLISHED,
            node("entry", 0, NodePhase.ACCOMPLISHED, 20),
            node("delay", 1, NodePhase.DEADLINE_EXCEEDED, 20));
    model.listener().onFinished(new WorkflowOutcome(last, true, ""));

    pulse.frame();

    assertThat(model.finishedProperty().get()).isTrue();
    assertThat(pulse.running).isFalse();
    assertThat(model.statusProperty().get())
        .startsWith("Accomplished · 2 of 2 nodes ended")
        .contains("Workflow deleted");
  }

  @Test
  void aCleanupThatFailedIsSaid() {
    var last = state(WorkflowPhase.STOPPED, node("entry", 0, NodePhase.RUNNING, 0));
    model.listener().onFinished(new WorkflowOutcome(last, false, "run faultline cleanup"));

    pulse.frame();

    assertThat(model.statusProperty().get()).contains("run faultline cleanup");
  }

  @Test
  void stopRunsTheStopActionOnceAndSaysSo() {
    var stops = new AtomicInteger();
    model.setStopAction(stops::incrementAndGet);

    model.stop();
    model.stop();

    assertThat(stops).hasValue(1);
    assertThat(model.stoppingProperty().get()).isTrue();
    assertThat(model.statusProperty().get()).startsWith("Stopping");
    // States arriving while stopping keep the stopping line.
    model.listener().onState(state(WorkflowPhase.RUNNING, node("entry", 0, NodePhase.RUNNING, 0)));
    pulse.frame();
    assertThat(model.statusProperty().get()).startsWith("Stopping");
  }

  @Test
  void aFailureToStartEndsTheView() {
    model.fail("Chaos Mesh is not installed in context 'kind-dev'");

    pulse.frame();

    assertThat(model.finishedProperty().get()).isTrue();
    assertThat(model.statusProperty().get())
        .isEqualTo("Failed: Chaos Mesh is not installed in context 'kind-dev'");
  }

  @Test
  void elapsedCountsToTheEndOrToNow() {
    assertThat(WorkflowRunViewModel.elapsed(node("d", 1, NodePhase.DEADLINE_EXCEEDED, 20), T0))
        .isEqualTo("20.0 s");
    assertThat(
            WorkflowRunViewModel.elapsed(node("d", 1, NodePhase.RUNNING, 0), T0.plusMillis(1500)))
        .isEqualTo("1.5 s");
  }

  @Test
  void exportWarningsAreListedOnePerLineAndNothingShowsWhenNoneWereLost() {
    assertThat(model.exportWarningsProperty().get()).isEmpty();

    model.showExportWarnings(
        List.of(
            dev.faultline.export.ConversionWarning.at(
                "spec.steps[2]", "until: failing runs as a Suspend of 10s"),
            dev.faultline.export.ConversionWarning.at("spec.steps[3].with.jq", "jq is dropped")));

    assertThat(model.exportWarningsProperty().get())
        .isEqualTo(
            "2 things run differently on Chaos Mesh:"
                + "\n\u2022 spec.steps[2]: until: failing runs as a Suspend of 10s"
                + "\n\u2022 spec.steps[3].with.jq: jq is dropped");
    model.showExportWarnings(List.of());
    assertThat(model.exportWarningsProperty().get()).isEmpty();
  }
}
