package dev.faultline.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.app.connection.FakeClusterService;
import dev.faultline.cli.Main;
import dev.faultline.designer.canvas.CanvasView;
import dev.faultline.designer.canvas.StepGeometry;
import dev.faultline.designer.canvas.Viewport;
import dev.faultline.designer.fx.FxTaskExecutor;
import dev.faultline.format.ExperimentReader;
import dev.faultline.format.ReadResult;
import dev.faultline.model.AttackStep;
import dev.faultline.model.Experiment;
import dev.faultline.model.ProbeStep;
import dev.faultline.model.Target;
import dev.faultline.model.Until;
import dev.faultline.validate.Validator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.geometry.Point2D;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * What a newcomer does with the real window: builds the freeze → until failing → kill → until
 * recovered flow from an empty experiment with the palette, the canvas and the inspector, saves it,
 * and the CLI's {@code faultline validate} accepts the file.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class BuildTheFreezeKillRecoverFlowUiTest {

  private final List<Throwable> fxFailures = new CopyOnWriteArrayList<>();
  private MainWindow window;

  @TempDir Path dir;

  @Start
  void start(Stage stage) {
    Thread.currentThread()
        .setUncaughtExceptionHandler((thread, failure) -> fxFailures.add(failure));
    window =
        MainStage.show(stage, LaunchOptions.NONE, new FxTaskExecutor(), new FakeClusterService());
  }

  @AfterEach
  void noFailuresOnTheFxThread() {
    assertThat(fxFailures).isEmpty();
  }

  @Test
  void aNewcomerBuildsTheFlowSavesItAndValidateAcceptsIt(FxRobot robot) throws Exception {
    // The first attack, with a new target filled in inline.
    addFromPalette(robot, "process.signal", "process-signal");
    rename(robot, "freeze");
    choose(robot, "#field-target", "New target\u2026");
    Await.until(() -> !targets().isEmpty());
    type(robot, "#field-namespaces", "shop");
    type(robot, "#field-labelSelector", "app=checkout");
    type(robot, "#field-podName", "checkout-.*");
    type(robot, "#field-containers", "app, side.*");
    choose(robot, "#field-blastRadius-mode", "percent");
    Spinner<?> percent = robot.lookup("#field-blastRadius-value").queryAs(Spinner.class);
    robot.clickOn(percent.getEditor());
    robot.interact(percent.getEditor()::selectAll);
    robot.write("50").type(KeyCode.ENTER);
    choose(robot, "#field-with-signal", "SIGSTOP");
    type(robot, "#field-with-process", "java");

    // The probe that waits for the damage.
    addFromPalette(robot, "http.check", "http-check");
    rename(robot, "until-unhealthy");
    choose(robot, "#field-until", "until failing");
    type(robot, "#field-timeout", "10s");
    type(robot, "#field-with-url", "http://checkout.shop/health");
    type(robot, "#field-with-jq", ".status == \"UP\"");

    // Kill, and the probe that waits for the recovery.
    addFromPalette(robot, "process.signal", "process-signal");
    rename(robot, "kill");
    choose(robot, "#field-with-signal", "SIGKILL");
    type(robot, "#field-with-process", "java");
    addFromPalette(robot, "http.check", "http-check");
    rename(robot, "until-recovered");
    choose(robot, "#field-until", "until passing");
    type(robot, "#field-timeout", "120s");
    type(robot, "#field-with-url", "http://checkout.shop/health");
    type(robot, "#field-with-jq", ".status == \"UP\"");

    // Wire them with the mouse, port to step, as the canvas shows them.
    robot.interact(window.canvas()::zoomToFit);
    connect(robot, "freeze", "until-unhealthy");
    connect(robot, "until-unhealthy", "kill");
    connect(robot, "kill", "until-recovered");

    Experiment built = window.viewModel().document().experiment();
    assertThat(built.spec().step("until-recovered").orElseThrow().after()).containsExactly("kill");
    AttackStep freeze = (AttackStep) built.spec().step("freeze").orElseThrow();
    assertThat(freeze.with().values()).containsEntry("signal", "SIGSTOP");
    Target target = built.spec().targets().get(freeze.target());
    assertThat(target.containers()).containsExactly("app", "side.*");
    assertThat(target.effectiveBlastRadius().value()).isEqualTo(50);
    assertThat(((ProbeStep) built.spec().step("until-unhealthy").orElseThrow()).until())
        .isEqualTo(Until.FAILING);
    Await.until(() -> window.viewModel().problems().problems().isEmpty());

    Path file = dir.resolve("freeze-kill-recover.yaml");
    robot.interact(() -> window.viewModel().saveAs(file));
    Await.until(() -> !window.viewModel().document().isDirty());

    assertThat(Main.run("validate", file.toString())).isZero();
    ReadResult reread = new ExperimentReader().read(file).validated(Validator.standard());
    assertThat(reread.problems()).isEmpty();
    assertThat(reread.experiment()).contains(built);
    assertThat(Files.readString(file)).contains("layout:");
  }

  private Set<String> targets() {
    return window.viewModel().document().experiment().spec().targets().keySet();
  }

  /** Searches the palette and presses Enter: the step lands on the canvas, selected. */
  private void addFromPalette(FxRobot robot, String search, String newId) {
    int before = window.viewModel().document().experiment().spec().steps().size();
    robot.clickOn("#palette-search");
    robot.interact(() -> robot.lookup("#palette-search").queryAs(TextInputControl.class).clear());
    robot.write(search).type(KeyCode.ENTER);
    Await.until(
        () -> window.viewModel().document().experiment().spec().steps().size() == before + 1);
    assertThat(window.viewModel().selection().primary()).contains(newId);
  }

  private void rename(FxRobot robot, String id) {
    type(robot, "#field-id", id);
    Await.until(() -> window.viewModel().selection().primary().orElse("").equals(id));
  }

  /** Replaces a field's text the way a user does: click, select all, type, Tab away. */
  private void type(FxRobot robot, String field, String text) {
    TextInputControl control = robot.lookup(field).queryAs(TextInputControl.class);
    robot.interact(() -> scrollIntoView(control));
    robot.clickOn(control);
    robot.interact(control::selectAll);
    robot.write(text).type(KeyCode.TAB);
  }

  /** Scrolls the inspector so {@code node} shows, as a user would with the wheel. */
  private static void scrollIntoView(javafx.scene.Node node) {
    javafx.scene.Node parent = node.getParent();
    while (parent != null && !(parent instanceof javafx.scene.control.ScrollPane)) {
      parent = parent.getParent();
    }
    if (parent instanceof javafx.scene.control.ScrollPane scroll) {
      var content = scroll.getContent();
      double y = content.sceneToLocal(node.localToScene(0, 0)).getY();
      double range = content.getLayoutBounds().getHeight() - scroll.getViewportBounds().getHeight();
      if (range > 0) {
        scroll.setVvalue(Math.clamp((y - 40) / range, 0, 1));
      }
      scroll.layout();
    }
  }

  @SuppressWarnings("unchecked")
  private void choose(FxRobot robot, String field, String value) {
    ComboBox<String> combo = robot.lookup(field).queryAs(ComboBox.class);
    robot.interact(() -> combo.setValue(value));
  }

  private void connect(FxRobot robot, String from, String to) {
    CanvasView canvas = window.canvas();
    var graph = canvas.viewModel().graph();
    var port = StepGeometry.outputPort(graph.card(from).orElseThrow().position());
    var target = graph.card(to).orElseThrow().bounds();
    robot
        .drag(screen(canvas, port.x(), port.y()), MouseButton.PRIMARY)
        .dropTo(screen(canvas, target.centerX(), target.centerY()));
    Await.until(
        () ->
            window
                .viewModel()
                .document()
                .experiment()
                .spec()
                .step(to)
                .orElseThrow()
                .after()
                .contains(from));
  }

  private static Point2D screen(CanvasView canvas, double x, double y) {
    Viewport v = canvas.viewModel().viewport();
    return canvas.localToScreen(v.toScreenX(x), v.toScreenY(y));
  }
}
