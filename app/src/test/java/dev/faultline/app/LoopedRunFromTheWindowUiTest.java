package dev.faultline.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.attack.AttackExecutors;
import dev.faultline.designer.run.RunPhase;
import dev.faultline.designer.run.RunViewModel;
import dev.faultline.engine.RunEvent;
import dev.faultline.engine.Verdict;
import dev.faultline.safety.Cleanup;
import dev.faultline.safety.StateDirectory;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * An experiment with {@code spec.loop} run from the window on the embedded sandbox: every loop runs
 * (through the same {@code LoopRun} as {@code faultline run}), the run bar says which, and a cancel
 * during the pause between loops ends the whole run with everything rolled back.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class LoopedRunFromTheWindowUiTest {
  /** Freezes one checkout pod for two seconds, per loop. */
  private static final String LOOPED =
      """
      apiVersion: faultline.dev/v1alpha1
      kind: Experiment
      metadata: {name: looped-freeze}
      spec:
        loop: %s
        safety: {namespaces: {allow: [shop]}}
        targets:
          checkout:
            namespaces: [shop]
            labelSelector: app=checkout
            containers: [app]
            blastRadius: {mode: count, value: 1}
        steps:
          - {id: freeze, attack: process.signal, target: checkout, with: {signal: SIGSTOP, process: java}}
          - {id: settle, after: [freeze], wait: 2s}
      """;

  private final List<Throwable> fxFailures = new CopyOnWriteArrayList<>();
  private final List<String> loopLabels = new CopyOnWriteArrayList<>();
  @TempDir Path dir;
  private Stage stage;
  private MainWindow window;
  private KubernetesClient client;

  @BeforeEach
  void ownStateDirectory() {
    System.setProperty(StateDirectory.PROPERTY, dir.resolve("state").toString());
  }

  @AfterEach
  void closeEverything(FxRobot robot) throws Exception {
    if (stage != null) {
      robot.interact(() -> window.runs().emergencyStop());
      Await.until(
          60, "the run is rolled back", () -> !fx(() -> window.runs().activeBinding().get()));
      robot.interact(stage::hide);
    }
    if (client != null) {
      client.close();
    }
    System.clearProperty(StateDirectory.PROPERTY);
    assertThat(fxFailures).isEmpty();
  }

  @Test
  void everyLoopRunsAndTheRunBarSaysWhichOne(FxRobot robot) throws Exception {
    open(robot, LOOPED.formatted("{times: 2, pause: 1s}"));
    RunViewModel run = startRun(robot);

    Await.until(
        60,
        "the second loop has frozen its pod",
        () ->
            fx(() -> run.loopTextProperty().get()).equals("Loop 2 of 2")
                && faultsApplied(run) >= 2);
    Label bar = robot.lookup("#run-loop").queryAs(Label.class);
    assertThat(fx(bar::getText)).isEqualTo("Loop 2 of 2");
    assertThat(fx(bar::isVisible)).isTrue();
    // Mid-loop, as the operator sees it (target/, not committed): checked by eye.
    Path png = Path.of("target", "looped-run-mid-loop.png");
    Files.createDirectories(png.getParent());
    ScreenCapture.write(fx(() -> window.runArea().view().snapshot(null, null)), png);

    Await.until(60, "the run is over", () -> fx(run::phase) == RunPhase.FINISHED);
    assertThat(fx(() -> run.verdictProperty().get())).isEqualTo(Verdict.PASSED);
    assertThat(fx(() -> run.reasonProperty().get())).isEqualTo("all 2 loops passed");
    assertThat(loopLabels)
        .containsSubsequence("Loop 1 of 2", "Pausing 1s before loop 2", "Loop 2 of 2");
    assertThat(fx(() -> run.loopTextProperty().get())).isEqualTo("2 of 2 loops ran");
    // Two whole runs, each with its own id, one after the other.
    assertThat(
            fx(run::events).stream()
                .filter(RunEvent.RunStarted.class::isInstance)
                .map(RunEvent::runId)
                .toList())
        .hasSize(2)
        .allMatch(id -> id.endsWith("-loop1") || id.endsWith("-loop2"))
        .doesNotHaveDuplicates();
    assertThat(faultsApplied(run)).isEqualTo(2);
    assertThat(fx(() -> run.faultsRolledBackProperty().get())).isEqualTo(2);
    Await.until(
        10,
        "the status line shows the verdict",
        () -> fx(() -> window.viewModel().statusTextProperty().get()).contains("passed in"));
    assertRolledBackInTheSandbox();
  }

  @Test
  void cancelDuringThePauseEndsTheWholeRun(FxRobot robot) throws Exception {
    open(robot, LOOPED.formatted("{times: 3, pause: 1m}"));
    RunViewModel run = startRun(robot);

    Await.until(
        60,
        "the pause before loop 2",
        () -> fx(() -> run.loopTextProperty().get()).equals("Pausing 1m before loop 2"));
    long started = System.nanoTime();
    robot.clickOn("#cancel-run");

    Await.until(10, "the run is over", () -> fx(run::phase) == RunPhase.FINISHED);
    // Well before the minute's pause is over: the cancel ended the wait itself.
    assertThat((System.nanoTime() - started) / 1_000_000_000L).isLessThan(10);
    assertThat(fx(() -> run.verdictProperty().get())).isEqualTo(Verdict.ABORTED);
    assertThat(fx(() -> run.reasonProperty().get())).contains("after loop 1 of 3");
    assertThat(fx(() -> window.runs().activeBinding().get())).isFalse();
    assertRolledBackInTheSandbox();
  }

  @Test
  void theEmergencyStopDuringALoopEndsTheWholeRun(FxRobot robot) throws Exception {
    open(robot, LOOPED.formatted("{times: 3}"));
    RunViewModel run = startRun(robot);
    Await.until(30, "the first loop froze its pod", () -> faultsApplied(run) >= 1);

    robot.interact(() -> window.runs().emergencyStop());

    Await.until(60, "the run is over", () -> fx(run::phase) == RunPhase.FINISHED);
    assertThat(fx(() -> run.verdictProperty().get())).isEqualTo(Verdict.ABORTED);
    assertThat(fx(() -> run.reasonProperty().get()))
        .startsWith("loop 1 of 3 aborted")
        .contains("emergency stop");
    assertThat(faultsApplied(run)).isEqualTo(1);
    assertRolledBackInTheSandbox();
  }

  private RunViewModel startRun(FxRobot robot) {
    robot.clickOn("#run-button");
    Await.until(
        20, "the confirmation shows", () -> robot.lookup("#confirm-run").tryQuery().isPresent());
    robot.clickOn(robot.lookup("#confirm-run").queryButton());
    Await.until(
        20, "the run starts", () -> fx(() -> window.runs().currentProperty().get()) != null);
    RunViewModel run = fx(() -> window.runs().currentProperty().get());
    robot.interact(
        () -> {
          loopLabels.add(run.loopTextProperty().get());
          run.loopTextProperty().addListener((o, old, now) -> loopLabels.add(now));
        });
    return run;
  }

  private void open(FxRobot robot, String experiment) throws Exception {
    Path file = dir.resolve("looped.yaml");
    Files.writeString(file, experiment);
    LiveRunWindow live = LiveRunWindow.open(robot, dir, file, fxFailures);
    stage = live.stage();
    window = live.window();
    client = live.client();
  }

  private static int faultsApplied(RunViewModel run) {
    return fx(() -> run.faultsAppliedProperty().get());
  }

  /** No pod carries a Faultline annotation any more, and no journal holds an open fault. */
  private void assertRolledBackInTheSandbox() throws Exception {
    Await.until(
        20,
        "no pod in shop carries a fault annotation",
        () ->
            client.pods().inNamespace("shop").list().getItems().stream()
                .noneMatch(LiveRunWindow::marked));
    assertThat(new Cleanup(dir.resolve("state"), AttackExecutors.builtIn()).scan(null).leftovers())
        .isEmpty();
  }

  private static <T> T fx(Callable<T> read) {
    try {
      return WaitForAsyncUtils.asyncFx(read).get();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
