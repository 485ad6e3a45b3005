package dev.faultline.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.app.actions.AppAction;
import dev.faultline.app.connection.FakeClusterService;
import dev.faultline.designer.fx.FxTaskExecutor;
import dev.faultline.model.ProbeStep;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The window's views are views of one document: an inspector edit shows in the YAML, a YAML edit
 * shows on the canvas, and a file saved and reopened is the same file byte for byte. Plus the
 * command palette and the cheat sheet, driven with the keyboard.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ViewsStayInSyncUiTest {

  private static final Path EXAMPLE = Path.of("../docs/examples/checkout-freeze-and-recover.yaml");

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
  void anInspectorEditShowsInTheYamlView(FxRobot robot) {
    open(robot);
    robot.interact(() -> window.viewModel().selection().select("until-recovered"));
    TextInputControl url = robot.lookup("#field-with-url").queryAs(TextInputControl.class);
    // Focused as a Tab would (the field may sit below the fold of the inspector), then typed.
    robot.interact(url::requestFocus);
    robot.interact(url::selectAll);
    robot.write("http://checkout.shop/ready").type(KeyCode.TAB);
    robot.clickOn("YAML");

    CodeArea yaml = robot.lookup("#yaml-text").queryAs(CodeArea.class);
    Await.until(() -> yaml.getText().contains("url: http://checkout.shop/ready"));
    assertThat(window.viewModel().document().undoTextProperty().get()).startsWith("Undo Edit");
  }

  @Test
  void aYamlEditShowsOnTheCanvas(FxRobot robot) {
    open(robot);
    robot.interact(
        () -> robot.lookup("#bottom-tabs").queryAs(TabPane.class).getSelectionModel().select(1));
    CodeArea yaml = robot.lookup("#yaml-text").queryAs(CodeArea.class);
    robot.clickOn(yaml);
    robot.interact(
        () -> {
          int at = yaml.getText().indexOf("timeout: 120s") + "timeout: ".length();
          yaml.selectRange(at, at + 3);
        });
    robot.write("300");

    Await.until(() -> timeoutOf("until-recovered").equals("300s"));
    Await.until(
        () ->
            window
                .canvas()
                .viewModel()
                .graph()
                .card("until-recovered")
                .orElseThrow()
                .texts()
                .toString()
                .contains("300s"));
  }

  @Test
  void theTextFollowsTheSelection(FxRobot robot) {
    open(robot);
    robot.clickOn("YAML");
    CodeArea yaml = robot.lookup("#yaml-text").queryAs(CodeArea.class);
    Await.until(() -> yaml.getText().contains("until-recovered"));
    int stepLine =
        java.util.List.of(yaml.getText().split("\n")).indexOf("    - id: until-recovered");

    robot.interact(() -> window.viewModel().selection().select("until-recovered"));

    Await.until(
        () -> {
          int top = yaml.firstVisibleParToAllParIndex();
          return top <= stepLine && stepLine <= yaml.lastVisibleParToAllParIndex();
        });
  }

  @Test
  void savingAndReopeningGivesTheSameFile(FxRobot robot) throws Exception {
    open(robot);
    Path copy = dir.resolve("copy.yaml");
    robot.interact(() -> window.viewModel().saveAs(copy));
    Await.until(() -> Files.exists(copy) && !window.viewModel().document().isDirty());
    assertThat(Files.readString(copy)).isEqualTo(Files.readString(EXAMPLE));

    robot.interact(() -> window.viewModel().newExperiment());
    robot.interact(() -> window.viewModel().open(copy));
    Await.until(() -> window.viewModel().document().experiment().spec().steps().size() == 4);
    Path again = dir.resolve("again.yaml");
    robot.interact(() -> window.viewModel().saveAs(again));
    Await.until(() -> Files.exists(again));
    assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(copy));
  }

  @Test
  void theCommandPaletteRunsWhatIsTyped(FxRobot robot) {
    open(robot);
    robot.clickOn("#experiment-canvas");
    robot
        .press(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.P)
        .release(KeyCode.P, KeyCode.SHIFT, KeyCode.SHORTCUT);
    Await.until(() -> window.commandPalette().isShowing());

    robot.write("add wait").type(KeyCode.ENTER);

    Await.until(() -> window.viewModel().document().experiment().spec().step("wait").isPresent());
    assertThat(window.commandPalette().isShowing()).isFalse();
    assertThat(window.viewModel().selection().primary()).contains("wait");
    assertThat(window.commandPalette().shown()).extracting(AppAction::id).contains("add-wait");
  }

  @Test
  void questionMarkShowsTheCheatSheetWithTheMenuShortcuts(FxRobot robot) {
    robot.clickOn("#experiment-canvas");
    robot.write("?");

    Await.until(() -> robot.lookup("#cheat-sheet").tryQuery().isPresent());
    assertThat(
            robot
                .lookup("#cheat-sheet")
                .lookup(".label")
                .queryAllAs(javafx.scene.control.Label.class))
        .extracting(javafx.scene.control.Label::getText)
        .contains("Command Palette\u2026", "Zoom to Fit", "Shift+Arrow keys");
    robot.interact(
        () ->
            Window.getWindows().stream()
                .filter(w -> w.getScene().lookup("#cheat-sheet") != null)
                .findFirst()
                .ifPresent(Window::hide));
  }

  @Test
  void rightClickingAStepSelectsItAndOffersTheEditCommands(FxRobot robot) {
    open(robot);
    var canvas = window.canvas();
    var card = canvas.viewModel().graph().card("kill").orElseThrow().bounds();
    var port = canvas.viewModel().viewport();
    robot.rightClickOn(
        canvas.localToScreen(port.toScreenX(card.centerX()), port.toScreenY(card.centerY())));

    Await.until(() -> robot.lookup(".context-menu").tryQuery().isPresent());
    assertThat(window.viewModel().selection().ids()).containsExactly("kill");
    robot.clickOn("Duplicate");

    Await.until(() -> window.viewModel().document().experiment().spec().step("kill-2").isPresent());
    assertThat(window.viewModel().document().undoTextProperty().get())
        .isEqualTo("Undo Duplicate Step");
  }

  private void open(FxRobot robot) {
    robot.interact(() -> window.viewModel().open(EXAMPLE));
    Await.until(() -> window.viewModel().document().experiment().spec().steps().size() == 4);
  }

  private String timeoutOf(String id) {
    return String.valueOf(
        ((ProbeStep) window.viewModel().document().experiment().spec().step(id).orElseThrow())
            .timeout());
  }
}
