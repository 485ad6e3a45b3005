package dev.faultline.app;

import dev.faultline.app.connection.FabricClusterService;
import dev.faultline.app.prefs.ThemeChoice;
import dev.faultline.cluster.KubeContexts;
import dev.faultline.designer.fx.FxTaskExecutor;
import dev.faultline.safety.StateDirectory;
import dev.faultline.sandbox.SandboxOptions;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Renders the screenshots in docs/: the real window with the freeze/kill/recover example open, a
 * step selected and the YAML view showing, in the light and the dark theme. Run with {@code
 * -Pscreenshots}; not part of the test run.
 */
@Tag("screenshots")
@ExtendWith(ApplicationExtension.class)
class DocsScreenshots {

  private static final Path DOCS = ScreenCapture.DOCS;
  private static final Path EXAMPLE = DOCS.resolve("examples/checkout-freeze-and-recover.yaml");

  private static final Path GAME_DAY = DOCS.resolve("examples/checkout-game-day.yaml");

  @TempDir Path dir;
  private Stage stage;
  private MainWindow window;

  @Start
  void start(Stage stage) {
    this.stage = stage;
  }

  /** The real window on the real embedded sandbox, so previews and runs show real pods. */
  private void show(FxRobot robot) {
    System.setProperty(StateDirectory.PROPERTY, dir.resolve("state").toString());
    FabricClusterService clusters =
        new FabricClusterService(
            new KubeContexts(Map.of(), dir.resolve("home")),
            SandboxOptions.defaults().withKubeconfig(dir.resolve("sandbox/kubeconfig")),
            dir.resolve("contexts.yaml"));
    window =
        ScreenCapture.showLive(
            robot,
            stage,
            new LaunchOptions(true, Optional.empty(), false, Optional.empty()),
            clusters);
  }

  @AfterEach
  void closeWindow(FxRobot robot) {
    if (window != null) {
      robot.interact(() -> window.runs().emergencyStop());
      Await.until(60, "the run is rolled back", () -> !window.runs().activeBinding().get());
    }
    robot.interact(stage::hide);
    System.clearProperty(StateDirectory.PROPERTY);
  }

  @Test
  void aGameDayRunInProgress(FxRobot robot) throws Exception {
    show(robot);
    robot.interact(() -> window.viewModel().open(GAME_DAY.toAbsolutePath().normalize()));
    Await.until(
        20,
        "the game day is open and valid",
        () ->
            window.viewModel().document().experiment().spec().steps().size() == 6
                && window.viewModel().problems().problems().isEmpty());
    robot.interact(() -> window.runs().run(false));
    Await.until(20, "the confirmation", () -> robot.lookup("#confirm-run").tryQuery().isPresent());
    robot.interact(() -> robot.lookup("#confirm-run").queryButton().fire());

    // Past the first gate, the freeze charted for a while, then waiting at the second gate.
    Await.until(30, "the first gate", () -> waitingAt("ready"));
    WaitForAsyncUtils.sleep(3, TimeUnit.SECONDS);
    robot.interact(() -> window.runs().currentProperty().get().continueGate("ready"));
    Await.until(60, "the second gate", () -> waitingAt("alerts-fired"));
    robot.interact(
        () -> window.runs().currentProperty().get().addNote("CheckoutDegraded fired in #oncall"));
    WaitForAsyncUtils.sleep(8, TimeUnit.SECONDS);
    robot.interact(() -> window.canvas().zoomToFit());
    WaitForAsyncUtils.sleep(800, TimeUnit.MILLISECONDS);
    save(robot, "screenshot-run-in-progress.png");

    robot.interact(() -> window.theme().choiceProperty().set(ThemeChoice.DARK));
    WaitForAsyncUtils.sleep(1500, TimeUnit.MILLISECONDS);
    save(robot, "screenshot-run-in-progress-dark.png");
    robot.interact(() -> window.theme().choiceProperty().set(ThemeChoice.LIGHT));
  }

  /**
   * Run → Run on Chaos Mesh… with the network-delay example: the export's warnings under the bar
   * and the Run tab's node view while its NetworkChaos node runs.
   */
  @Test
  void aChaosMeshWorkflowRun(FxRobot robot) throws Exception {
    show(robot);
    Path example = DOCS.resolve("examples/network-delay.yaml").toAbsolutePath().normalize();
    robot.interact(() -> window.viewModel().open(example));
    Await.until(
        20,
        "the example is open and valid",
        () ->
            window.viewModel().document().experiment().spec().steps().size() == 4
                && window.viewModel().problems().problems().isEmpty());
    robot.interact(() -> window.workflowRuns().runExperiment());
    // The first status check takes about a second, then the NetworkChaos node runs for 10 s.
    Await.until(30, "the workflow runs", () -> window.workflowRuns().active());
    WaitForAsyncUtils.sleep(5, TimeUnit.SECONDS);
    robot.interact(
        () -> {
          TabPane tabs = robot.lookup("#bottom-tabs").queryAs(TabPane.class);
          tabs.getSelectionModel()
              .select(
                  tabs.getTabs().stream()
                      .filter(t -> "run-tab".equals(t.getId()))
                      .findFirst()
                      .orElseThrow());
        });
    robot.interact(
        () -> {
          // The node table is the subject: side panels away, the bottom panel tall.
          window.panels().leftShown.set(false);
          window.panels().rightShown.set(false);
        });
    robot.interact(
        () -> {
          javafx.scene.Node node = robot.lookup("#bottom-tabs").query();
          while (node != null && !(node instanceof javafx.scene.control.SplitPane)) {
            node = node.getParent();
          }
          if (node instanceof javafx.scene.control.SplitPane split) {
            split.setDividerPositions(0.3);
          }
        });
    WaitForAsyncUtils.sleep(800, TimeUnit.MILLISECONDS);
    save(robot, "screenshot-workflow-run.png");
    robot.interact(
        () -> {
          window.panels().leftShown.set(true);
          window.panels().rightShown.set(true);
        });
    robot.interact(() -> window.workflowRuns().stop());
    Await.until(60, "the workflow is deleted", () -> !window.workflowRuns().active());
  }

  private boolean waitingAt(String gate) {
    try {
      return WaitForAsyncUtils.asyncFx(
              () -> {
                var run = window.runs().currentProperty().get();
                return run != null
                    && run.waitingGates().stream().anyMatch(g -> g.stepId().equals(gate));
              })
          .get();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void mainWindowLightAndDark(FxRobot robot) throws Exception {
    show(robot);
    robot.interact(() -> window.viewModel().open(EXAMPLE.toAbsolutePath().normalize()));
    Await.until(() -> window.viewModel().document().experiment().spec().steps().size() == 4);
    robot.interact(
        () -> {
          // An attack selected: the preview under the inspector lists the pods it would hit.
          window.viewModel().selection().select("freeze");
          robot.lookup("#bottom-tabs").queryAs(TabPane.class).getSelectionModel().select(1);
          window.canvas().zoomToFit();
        });
    WaitForAsyncUtils.sleep(800, TimeUnit.MILLISECONDS);
    save(robot, "screenshot-main-window.png");

    robot.interact(() -> window.theme().choiceProperty().set(ThemeChoice.DARK));
    WaitForAsyncUtils.sleep(800, TimeUnit.MILLISECONDS);
    save(robot, "screenshot-main-window-dark.png");
    robot.interact(() -> window.theme().choiceProperty().set(ThemeChoice.LIGHT));
  }

  @Test
  void exportDialog(FxRobot robot) throws Exception {
    robot.interact(
        () ->
            window =
                MainStage.show(
                    stage,
                    new LaunchOptions(true, Optional.empty(), false, Optional.empty()),
                    new FxTaskExecutor(),
                    new dev.faultline.app.connection.FakeClusterService()));
    Path example = DOCS.resolve("examples/checkout-dependencies.yaml").toAbsolutePath().normalize();
    robot.interact(() -> window.viewModel().open(example));
    Await.until(
        20,
        "the example is open",
        () ->
            window.viewModel().file().isPresent()
                && window.viewModel().document().experiment().spec().steps().size() > 1);
    robot.interact(window::showExport);
    Await.until(10, "the export dialog", () -> window.exportStage() != null);
    var dialog = window.exportStage().getScene();
    // Chaos Mesh: the format with something to warn about in this example.
    robot.interact(
        () ->
            ((javafx.scene.control.ChoiceBox<?>) dialog.lookup("#export-format"))
                .getSelectionModel()
                .select(dev.faultline.export.ExportFormat.CHAOS_MESH.ordinal()));
    Await.until(
        10,
        "the Chaos Mesh preview",
        () ->
            dialog.lookup("#export-preview") instanceof javafx.scene.control.TextArea area
                && area.getText().contains("kind: Workflow"));
    Await.until(
        10,
        "the preview",
        () ->
            dialog.lookup("#export-preview") instanceof javafx.scene.control.TextArea area
                && !area.getText().isEmpty());
    WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
    save(robot, dialog, "screenshot-export-dialog.png");
    window = null; // nothing runs: no emergency stop to wait for
  }

  private void save(FxRobot robot, String name) throws Exception {
    ScreenCapture.save(robot, stage.getScene(), name);
  }

  private void save(FxRobot robot, javafx.scene.Scene scene, String name) throws Exception {
    ScreenCapture.save(robot, scene, name);
  }
}
