package dev.faultline.designer.run;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import dev.faultline.designer.fx.SameThreadTaskExecutor;
import dev.faultline.engine.LoopEvent;
import dev.faultline.engine.LoopResult;
import dev.faultline.engine.RunEvent;
import dev.faultline.engine.RunResult;
import dev.faultline.engine.Verdict;
import dev.faultline.format.ExperimentReader;
import dev.faultline.format.Syntax;
import dev.faultline.model.Experiment;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Application;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The run bar when the run has ended: the verdict's long status, Save report… and the counters all
 * appear at once. However narrow the view, the status pill gives way (shortened, its tooltip keeps
 * the whole text) instead of being painted over by the button next to it, and the counters and
 * elapsed time at the right stay whole and inside the window.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class RunBarLayoutUiTest {
  private static final String RUN = "run-1";
  private static final Experiment EXPERIMENT =
      new ExperimentReader()
          .read(
              """
              apiVersion: faultline.dev/v1alpha1
              kind: Experiment
              metadata: {name: bar}
              spec:
                steps:
                  - {id: wait, wait: 1s}
              """,
              Syntax.YAML)
          .experiment()
          .orElseThrow();

  private final RunViewModelTest.ManualPulse pulse = new RunViewModelTest.ManualPulse();
  private final RunViewModel model =
      new RunViewModel(
          EXPERIMENT, "alice", new SameThreadTaskExecutor(), pulse, new AtomicLong()::get);
  private StackPane root;
  private Scene scene;
  private Stage stage;

  @Start
  void start(Stage primary) {
    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    root = new StackPane();
    scene = new Scene(root, 1400, 400);
    scene.getStylesheets().add(RunView.stylesheet());
    // A window of its own: TestFX shares its primary stage between test classes, and the widths
    // set here would stay for the next class.
    stage = new Stage();
    stage.setScene(scene);
    stage.show();
  }

  @AfterEach
  void closeAndPlainTheme() throws Exception {
    WaitForAsyncUtils.asyncFx(
            () -> {
              stage.hide();
              Application.setUserAgentStylesheet(null);
            })
        .get();
  }

  @Test
  void theVerdictGivesWayToSaveReportInANarrowViewAndShowsWholeInAWideOne() throws Exception {
    WaitForAsyncUtils.asyncFx(
            () -> {
              model.listener().onEvent(started());
              model
                  .listener()
                  .onEvent(
                      new RunEvent.RunFinished(
                          RUN, 2_000_000_000L, Verdict.PASSED, "all 4 steps succeeded", 0));
              pulse.frame();
              root.getChildren().setAll(new RunView(model, new Region(), new Region(), null));
            })
        .get();
    assertThat(model.phase()).isEqualTo(RunPhase.FINISHED);
    assertFitsAtEveryWidth();
  }

  @Test
  void aFinishedLoopedRunsVerdictFitsToo() throws Exception {
    Experiment looped =
        new ExperimentReader()
            .read(
                """
                apiVersion: faultline.dev/v1alpha1
                kind: Experiment
                metadata: {name: bar}
                spec:
                  loop: {times: 5, pause: 30s}
                  steps:
                    - {id: wait, wait: 1s}
                """,
                Syntax.YAML)
            .experiment()
            .orElseThrow();
    RunViewModel loopModel =
        new RunViewModel(
            looped, "alice", new SameThreadTaskExecutor(), pulse, new AtomicLong()::get);
    WaitForAsyncUtils.asyncFx(
            () -> {
              loopModel.loopListener().onLoopEvent(new LoopEvent.LoopStarted(1, 5, RUN));
              loopModel.listener().onEvent(started());
              loopModel
                  .listener()
                  .onEvent(
                      new RunEvent.RunFinished(
                          RUN, 2_000_000_000L, Verdict.FAILED, "check still passing", 0));
              RunResult failed =
                  new RunResult(RUN, Verdict.FAILED, "check still passing", 0, List.of());
              loopModel.loopEnded(
                  new LoopResult(
                      Verdict.FAILED,
                      "loop 1 of 5 failed: check still passing",
                      1,
                      5,
                      List.of(failed)));
              pulse.frame();
              root.getChildren().setAll(new RunView(loopModel, new Region(), new Region(), null));
            })
        .get();
    assertThat(loopModel.phase()).isEqualTo(RunPhase.FINISHED);
    assertFitsAtEveryWidth();
    // The verdict names the failed loop; the loop label gives its room back.
    assertThat(((Labeled) root.lookup("#run-status")).getText()).contains("loop 1 of 5 failed");
    assertThat(root.lookup("#run-loop").isVisible()).isFalse();
  }

  private void assertFitsAtEveryWidth() throws Exception {
    for (double width : new double[] {1400, 900, 700}) {
      WaitForAsyncUtils.asyncFx(
              () -> {
                scene.getWindow().setWidth(width);
                root.applyCss();
                root.layout();
              })
          .get();
      WaitForAsyncUtils.waitForFxEvents();
      Labeled status = (Labeled) root.lookup("#run-status");
      Node save = root.lookup("#save-report");
      Bounds statusBounds = status.localToScene(status.getLayoutBounds());
      Bounds saveBounds = save.localToScene(save.getLayoutBounds());
      assertThat(statusBounds.getMaxX())
          .as("the status ends before Save report starts at width %s", width)
          .isLessThanOrEqualTo(saveBounds.getMinX());
      for (String id : new String[] {"#faults-open", "#run-elapsed"}) {
        Region part = (Region) root.lookup(id);
        Bounds bounds = part.localToScene(part.getLayoutBounds());
        assertThat(bounds.getMaxX())
            .as("%s stays inside the window at width %s", id, width)
            .isLessThanOrEqualTo(scene.getWidth() + 0.5);
        assertThat(part.getWidth())
            .as("%s keeps its whole text at width %s", id, width)
            .isGreaterThanOrEqualTo(part.prefWidth(-1) - 0.5);
      }
      if (width == 1400) {
        assertThat(status.getWidth())
            .as("a wide bar shows the whole verdict")
            .isGreaterThanOrEqualTo(status.prefWidth(-1) - 0.5);
      }
    }
  }

  private static RunEvent started() {
    return new RunEvent.RunStarted(
        RUN,
        0,
        Instant.parse("2026-03-01T10:42:00Z"),
        "bar",
        "faultline-sandbox",
        false,
        List.of("wait"));
  }
}
