package dev.faultline.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.designer.fx.FxTaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Renders the real main window on the headless glass platform and drives it. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class MainWindowUiTest {

  /** Anything thrown on the FX thread; a UI action must never end up here. */
  private final List<Throwable> fxFailures = new CopyOnWriteArrayList<>();

  private Stage stage;
  private MainWindow window;

  @TempDir Path dir;

  @Start
  void start(Stage stage) {
    Thread.currentThread()
        .setUncaughtExceptionHandler((thread, failure) -> fxFailures.add(failure));
    this.stage = stage;
    this.window = MainStage.show(stage, Optional.empty(), new FxTaskExecutor());
  }

  @AfterEach
  void noFailuresOnTheFxThread() {
    assertThat(fxFailures).isEmpty();
  }

  @Test
  void menusHaveTheirItemsAndShortcuts(FxRobot robot) {
    MenuBar menuBar = robot.lookup(".menu-bar").queryAs(MenuBar.class);

    assertThat(menuBar.getMenus())
        .extracting(MainWindowUiTest::text)
        .containsExactly("File", "Edit", "Help");
    Menu file = menuBar.getMenus().get(0);
    assertThat(file.getItems())
        .extracting(MainWindowUiTest::text)
        .containsExactly("New", "Open\u2026", "Save", "Save As\u2026", "", "Quit");
    assertThat(file.getItems().get(4)).isInstanceOf(SeparatorMenuItem.class);
    assertThat(file.getItems())
        .extracting(MenuItem::getAccelerator)
        .containsExactly(
            shortcut("Shortcut+N"),
            shortcut("Shortcut+O"),
            shortcut("Shortcut+S"),
            shortcut("Shortcut+Shift+S"),
            null,
            shortcut("Shortcut+Q"));

    Menu edit = menuBar.getMenus().get(1);
    assertThat(edit.getItems()).extracting(MainWindowUiTest::text).containsExactly("Undo", "Redo");
    assertThat(edit.getItems()).allMatch(MenuItem::isDisable);

    Menu help = menuBar.getMenus().get(2);
    assertThat(help.getItems())
        .extracting(MainWindowUiTest::text)
        .containsExactly("Format reference", "", "About Faultline");
  }

  @Test
  void clickingFileOpensTheMenu(FxRobot robot) {
    Menu file = robot.lookup(".menu-bar").queryAs(MenuBar.class).getMenus().get(0);

    robot.clickOn(".menu-bar .menu");
    await(file::isShowing);
    robot.type(KeyCode.ESCAPE);
    await(() -> !file.isShowing());
  }

  @Test
  void titleWithoutAFile() {
    assertThat(stage.getTitle()).isEqualTo("Untitled \u2014 Faultline");
    assertThat(stage.getWidth()).isEqualTo(MainStage.DEFAULT_WIDTH);
    assertThat(stage.getHeight()).isEqualTo(MainStage.DEFAULT_HEIGHT);
  }

  @Test
  void titleWithAFileFromTheCommandLine(FxRobot robot) throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("checkout.yaml"),
            "apiVersion: faultline.dev/v1alpha1\nkind: Experiment\nmetadata: {name: c}\n"
                + "spec:\n  steps:\n    - {id: pause, wait: 5s}\n");
    Stage other = FxToolkit.registerStage(Stage::new);
    try {
      robot.interact(
          () -> MainStage.show(other, Optional.of(file.toString()), new FxTaskExecutor()));

      await(() -> "checkout.yaml \u2014 Faultline".equals(other.getTitle()));
      Label status = robot.from(other.getScene().getRoot()).lookup("#status-message").query();
      assertThat(status.getText()).isEqualTo("Opened checkout.yaml (1 step, 0 targets, valid)");
      assertThat(robot.from(other.getScene().getRoot()).lookup(".canvas-hint").queryLabeled())
          .extracting(Label.class::cast)
          .extracting(Label::getText)
          .isEqualTo("checkout.yaml");
    } finally {
      robot.interact(other::close);
    }
  }

  @Test
  void canvasAreaFillsTheMiddle(FxRobot robot) {
    Region canvas = robot.lookup("#canvas-area").queryAs(Region.class);
    Region status = robot.lookup("#status-bar").queryAs(Region.class);

    assertThat(canvas.getWidth()).isEqualTo(stage.getScene().getWidth());
    assertThat(canvas.getHeight()).isGreaterThan(stage.getScene().getHeight() / 2);
    assertThat(status.getHeight()).isGreaterThan(0);
    assertThat(robot.lookup(".canvas-hint").queryLabeled().getText()).isEqualTo("Empty experiment");
  }

  @Test
  void openingAMissingFileShowsAnErrorInTheStatusBar(FxRobot robot) throws Exception {
    Path missing = dir.resolve("missing.yaml");

    robot.interact(() -> window.viewModel().open(missing));

    Label status = robot.lookup("#status-message").query();
    await(() -> status.getText().startsWith("Cannot open"));
    assertThat(status.getText()).isEqualTo("Cannot open " + missing + ": file not found");
    assertThat(status.getPseudoClassStates()).extracting(Object::toString).contains("danger");
    assertThat(stage.getTitle()).isEqualTo("Untitled \u2014 Faultline");
  }

  @Test
  void aboutShowsTheVersion(FxRobot robot) {
    MenuItem about =
        robot.lookup(".menu-bar").queryAs(MenuBar.class).getMenus().get(2).getItems().getLast();

    robot.interact(about::fire);

    await(() -> robot.lookup("#about-dialog").tryQuery().isPresent());
    Region dialog = robot.lookup("#about-dialog").queryAs(Region.class);
    assertThat(robot.from(dialog).lookup(".header-panel .label").queryLabeled().getText())
        .isEqualTo("Faultline dev");
    robot.interact(() -> dialog.getScene().getWindow().hide());
  }

  @Test
  void shortcutNewStartsAFreshExperiment(FxRobot robot) throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("a.yaml"),
            "apiVersion: faultline.dev/v1alpha1\nkind: Experiment\nmetadata: {name: a}\n"
                + "spec:\n  steps: []\n");
    robot.interact(() -> window.viewModel().open(file));
    await(() -> stage.getTitle().startsWith("a.yaml"));

    robot
        .clickOn("#canvas-area")
        .press(KeyCode.SHORTCUT, KeyCode.N)
        .release(KeyCode.N, KeyCode.SHORTCUT);

    await(() -> stage.getTitle().startsWith("Untitled"));
    assertThat(robot.lookup("#status-message").queryLabeled().getText())
        .isEqualTo("New experiment");
  }

  private static String text(MenuItem item) {
    return item.getText() == null ? "" : item.getText().replace("_", "");
  }

  private static KeyCombination shortcut(String text) {
    return KeyCombination.keyCombination(text);
  }

  private static void await(BooleanSupplier condition) {
    try {
      WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition::getAsBoolean);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("Condition not met within 10 s", e);
    }
  }
}
