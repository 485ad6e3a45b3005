package dev.faultline.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.app.connection.FakeClusterService;
import dev.faultline.cluster.ClusterSummary;
import dev.faultline.cluster.ContextDiscovery;
import dev.faultline.cluster.ContextRef;
import dev.faultline.designer.fx.FxTaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
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
    this.window =
        MainStage.show(stage, LaunchOptions.NONE, new FxTaskExecutor(), new FakeClusterService());
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
        .containsExactly("File", "Edit", "View", "Run", "Help");
    Menu file = menuBar.getMenus().get(0);
    assertThat(file.getItems())
        .extracting(MainWindowUiTest::text)
        .containsExactly(
            "New",
            "Open\u2026",
            "Open Recent",
            "Open from Cluster Catalog\u2026",
            "",
            "Save",
            "Save As\u2026",
            "Save to Cluster Catalog\u2026",
            "Revert",
            "",
            "Import\u2026",
            "Export\u2026",
            "",
            "Quit");
    assertThat(file.getItems().get(4)).isInstanceOf(SeparatorMenuItem.class);
    assertThat(file.getItems())
        .extracting(MenuItem::getAccelerator)
        .containsExactly(
            shortcut("Shortcut+N"),
            shortcut("Shortcut+O"),
            null,
            null,
            null,
            shortcut("Shortcut+S"),
            shortcut("Shortcut+Shift+S"),
            null,
            null,
            null,
            shortcut("Shortcut+Shift+I"),
            shortcut("Shortcut+Shift+E"),
            null,
            shortcut("Shortcut+Q"));
    // Nothing to revert in an untitled experiment.
    assertThat(file.getItems().get(8).isDisable()).isTrue();

    Menu edit = menuBar.getMenus().get(1);
    assertThat(edit.getItems())
        .extracting(MainWindowUiTest::text)
        .containsExactly(
            "Undo",
            "Redo",
            "",
            "Cut",
            "Copy",
            "Paste",
            "Duplicate",
            "Delete",
            "",
            "Select All",
            "Connect\u2026");
    // Nothing done yet: nothing to undo or redo.
    assertThat(edit.getItems().get(0).isDisable()).isTrue();
    assertThat(edit.getItems().get(1).isDisable()).isTrue();

    Menu view = menuBar.getMenus().get(2);
    assertThat(view.getItems())
        .extracting(MainWindowUiTest::text)
        .containsExactly(
            "Zoom In",
            "Zoom Out",
            "Actual Size",
            "Zoom to Fit",
            "",
            "Auto-Layout",
            "",
            "Palette",
            "Inspector",
            "Problems and Text",
            "",
            "Theme");

    Menu run = menuBar.getMenus().get(3);
    assertThat(run.getItems())
        .extracting(MainWindowUiTest::text)
        .containsExactly(
            "Run",
            "Dry Run",
            "",
            "Emergency Stop",
            "Pause or Resume",
            "Cancel Run",
            "Runs on This Machine\u2026",
            "",
            "Run on Chaos Mesh\u2026",
            "Run Workflow File\u2026");
    assertThat(run.getItems())
        .extracting(MenuItem::getAccelerator)
        .containsExactly(
            shortcut("F5"),
            shortcut("Shift+F5"),
            null,
            shortcut("Shortcut+Shift+X"),
            shortcut("F8"),
            null,
            null,
            null,
            null,
            null);
    // Whatever this window does, the runs of the machine can be looked at.
    assertThat(run.getItems().get(6).isDisable()).isFalse();
    // No run yet: nothing to stop; and no cluster in this window, so nothing to run on either.
    assertThat(run.getItems().get(3).isDisable()).isTrue();

    Menu help = menuBar.getMenus().get(4);
    assertThat(help.getItems())
        .extracting(MainWindowUiTest::text)
        .containsExactly(
            "Command Palette\u2026",
            "Keyboard Shortcuts",
            "",
            "Check for Updates\u2026",
            "Check for Updates When Faultline Starts",
            "",
            "About Faultline");
  }

  @Test
  void clickingFileOpensTheMenu(FxRobot robot) {
    Menu file = robot.lookup(".menu-bar").queryAs(MenuBar.class).getMenus().get(0);

    robot.clickOn(".menu-bar .menu");
    Await.until(file::isShowing);
    robot.type(KeyCode.ESCAPE);
    Await.until(() -> !file.isShowing());
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
          () ->
              MainStage.show(
                  other,
                  new LaunchOptions(false, Optional.of(file.toString()), false),
                  new FxTaskExecutor(),
                  new FakeClusterService()));

      Await.until(() -> "checkout.yaml \u2014 Faultline".equals(other.getTitle()));
      Label status = robot.from(other.getScene().getRoot()).lookup("#status-message").query();
      assertThat(status.getText()).isEqualTo("Opened checkout.yaml (1 step, 0 targets, valid)");
      MainWindow shown = (MainWindow) other.getScene().getRoot();
      assertThat(shown.viewModel().document().experiment().spec().step("pause")).isPresent();
    } finally {
      robot.interact(other::close);
    }
  }

  @Test
  void theCanvasTakesTheMiddleBetweenPaletteAndInspector(FxRobot robot) {
    Region canvas = robot.lookup("#experiment-canvas").queryAs(Region.class);
    Region palette = robot.lookup("#palette").queryAs(Region.class);
    Region status = robot.lookup("#status-bar").queryAs(Region.class);

    assertThat(canvas.getWidth()).isGreaterThan(stage.getScene().getWidth() / 2);
    assertThat(canvas.getHeight()).isGreaterThan(stage.getScene().getHeight() / 2);
    assertThat(palette.localToScene(0, 0).getX()).isLessThan(canvas.localToScene(0, 0).getX());
    assertThat(status.getHeight()).isGreaterThan(0);
  }

  @Test
  void openingAMissingFileShowsAnErrorInTheStatusBar(FxRobot robot) throws Exception {
    Path missing = dir.resolve("missing.yaml");

    robot.interact(() -> window.viewModel().open(missing));

    Label status = robot.lookup("#status-message").query();
    Await.until(() -> status.getText().startsWith("Cannot open"));
    assertThat(status.getText()).isEqualTo("Cannot open " + missing + ": file not found");
    assertThat(status.getPseudoClassStates()).extracting(Object::toString).contains("danger");
    assertThat(stage.getTitle()).isEqualTo("Untitled \u2014 Faultline");
  }

  @Test
  void aboutShowsTheVersion(FxRobot robot) {
    MenuItem about =
        robot.lookup(".menu-bar").queryAs(MenuBar.class).getMenus().getLast().getItems().getLast();

    robot.interact(about::fire);

    Await.until(() -> robot.lookup("#about-dialog").tryQuery().isPresent());
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
    Await.until(() -> stage.getTitle().startsWith("a.yaml"));

    robot
        .clickOn("#experiment-canvas")
        .press(KeyCode.SHORTCUT, KeyCode.N)
        .release(KeyCode.N, KeyCode.SHORTCUT);

    Await.until(() -> stage.getTitle().startsWith("Untitled"));
    assertThat(robot.lookup("#status-message").queryLabeled().getText())
        .isEqualTo("New experiment");
  }

  @Test
  void theAppShowsItsFrameFirstThenBuildsTheDesignerIntoIt(FxRobot robot) throws Exception {
    Path broken = Files.writeString(dir.resolve("broken.yaml"), "kind: [\n");
    Stage other = FxToolkit.registerStage(Stage::new);
    List<MainWindow> ready = new CopyOnWriteArrayList<>();
    List<Object> firstRoots = new CopyOnWriteArrayList<>();
    robot.interact(
        () -> {
          MainStage.showProgressively(
              other,
              new LaunchOptions(false, Optional.of(broken.toString()), false),
              new FxTaskExecutor(),
              new FakeClusterService(),
              AppState.none(),
              ready::add);
          firstRoots.add(other.getScene().getRoot());
        });

    assertThat(firstRoots).singleElement().isInstanceOf(StartupFrame.class);
    Await.until(() -> ready.size() == 1);
    assertThat(other.getScene().getRoot()).isSameAs(ready.getFirst());
    // A file that does not parse opens in the text view, the one place it can be fixed.
    Await.until(() -> ready.getFirst().viewModel().document().unparsedText().isPresent());
    javafx.scene.control.TabPane tabs =
        robot.from(other.getScene().getRoot()).lookup("#bottom-tabs").query();
    Await.until(() -> tabs.getSelectionModel().getSelectedIndex() == 1);
    assertThat(robot.from(other.getScene().getRoot()).lookup("#yaml-text").tryQuery()).isPresent();
    robot.interact(other::close);
  }

  @Test
  void quittingWithUnsavedChangesAsksAndCancelKeepsTheWindow(FxRobot robot) throws Exception {
    Stage other = FxToolkit.registerStage(Stage::new);
    MainWindow[] shown = new MainWindow[1];
    robot.interact(
        () ->
            shown[0] =
                MainStage.show(
                    other, LaunchOptions.NONE, new FxTaskExecutor(), new FakeClusterService()));
    robot.interact(
        () ->
            shown[0]
                .viewModel()
                .document()
                .edit(
                    new dev.faultline.model.edit.AddStep(
                        new dev.faultline.model.WaitStep(
                            "pause", List.of(), dev.faultline.model.TimeSpan.of("5s"), null),
                        null)));
    assertThat(other.getTitle()).isEqualTo("*Untitled \u2014 Faultline");

    robot.interact(() -> javafx.application.Platform.runLater(shown[0]::quit));
    Await.until(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
    javafx.scene.control.DialogPane ask =
        robot.lookup(".dialog-pane").queryAs(javafx.scene.control.DialogPane.class);
    assertThat(ask.getHeaderText()).isEqualTo("Save changes to Untitled?");
    robot.clickOn("Cancel");
    Await.until(() -> robot.lookup(".dialog-pane").tryQuery().isEmpty());
    assertThat(other.isShowing()).isTrue();

    robot.interact(() -> javafx.application.Platform.runLater(shown[0]::quit));
    Await.until(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
    robot.clickOn("Don\u2019t Save");
    Await.until(() -> !other.isShowing());
  }

  @Test
  void theSwitcherListsContextsAndSwitchingReconnects(FxRobot robot) throws Exception {
    Path kubeconfig = Path.of("/home/me/.kube/config");
    ContextRef prod = new ContextRef("prod-eu", "https://prod:6443", "shop", kubeconfig);
    ContextRef kind = new ContextRef("kind-dev", "https://127.0.0.1:40123", "default", kubeconfig);
    FakeClusterService clusters =
        new FakeClusterService()
            .discovering(
                new ContextDiscovery(
                    List.of(kubeconfig), true, List.of(kind, prod), Optional.of(prod), List.of()))
            .protecting("prod-eu")
            .answering(
                "kind-dev",
                new ClusterSummary.Unavailable(
                    "https://127.0.0.1:40123",
                    "cannot reach https://127.0.0.1:40123: connection refused"));
    Stage other = FxToolkit.registerStage(Stage::new);
    try {
      robot.interact(
          () -> MainStage.show(other, LaunchOptions.NONE, new FxTaskExecutor(), clusters));
      Label status = robot.from(other.getScene().getRoot()).lookup("#connection-status").query();
      Await.until(
          () -> status.getText().equals("prod-eu \u00b7 v1.35.0 \u00b7 19 pods in 5 namespaces"));
      MenuButton switcher =
          robot.from(other.getScene().getRoot()).lookup("#context-switcher").query();
      // The context and its namespace, always in sight.
      assertThat(switcher.getText()).isEqualTo("prod-eu \u00b7 shop");
      assertThat(switcher.getItems())
          .extracting(MainWindowUiTest::text)
          .containsExactly(
              "Embedded sandbox",
              "",
              "kind-dev",
              "prod-eu",
              "",
              "Reload kubeconfig",
              "Protect prod-eu (runs need its name typed)");
      assertThat(((RadioMenuItem) switcher.getItems().get(3)).isSelected()).isTrue();
      assertThat(switcher.getItems().get(3).getGraphic())
          .isInstanceOfSatisfying(
              Label.class, badge -> assertThat(badge.getText()).isEqualTo("protected"));
      assertThat(switcher.getItems().get(2).getGraphic()).isNull();
      assertThat(((CheckMenuItem) switcher.getItems().get(6)).isSelected()).isTrue();

      // Lifting the protection asks first; Cancel keeps it.
      robot.clickOn(switcher);
      Await.until(switcher::isShowing);
      robot.clickOn("Protect prod-eu (runs need its name typed)");
      Await.until(() -> robot.lookup("#confirm-unprotect").tryQuery().isPresent());
      robot.clickOn("Cancel");
      Await.until(() -> robot.lookup("#confirm-unprotect").tryQuery().isEmpty());
      assertThat(clusters.protectedContexts()).containsExactly("prod-eu");
      assertThat(((CheckMenuItem) switcher.getItems().get(6)).isSelected()).isTrue();
      // Confirmed, it is written and the badge goes.
      robot.clickOn(switcher);
      Await.until(switcher::isShowing);
      robot.clickOn("Protect prod-eu (runs need its name typed)");
      Await.until(() -> robot.lookup("#confirm-unprotect").tryQuery().isPresent());
      robot.clickOn("Remove Protection");
      Await.until(() -> switcher.getItems().get(3).getGraphic() == null);
      assertThat(clusters.protectedContexts()).isEmpty();
      // Protecting again needs no confirmation.
      robot.clickOn(switcher);
      Await.until(switcher::isShowing);
      robot.clickOn("Protect prod-eu (runs need its name typed)");
      Await.until(() -> switcher.getItems().get(3).getGraphic() != null);
      assertThat(clusters.protectedContexts()).containsExactly("prod-eu");

      robot.clickOn(switcher);
      Await.until(switcher::isShowing);
      robot.clickOn("kind-dev");

      Await.until(() -> status.getText().startsWith("kind-dev"));
      assertThat(status.getText())
          .isEqualTo("kind-dev \u00b7 cannot reach https://127.0.0.1:40123: connection refused");
      assertThat(status.getPseudoClassStates()).extracting(Object::toString).contains("failed");
      assertThat(switcher.getText()).isEqualTo("kind-dev \u00b7 default");
      assertThat(((RadioMenuItem) switcher.getItems().get(2)).isSelected()).isTrue();
    } finally {
      robot.interact(other::close);
    }
    assertThat(clusters.isShutDown()).isTrue();
  }

  private static String text(MenuItem item) {
    return item.getText() == null ? "" : item.getText().replace("_", "");
  }

  private static KeyCombination shortcut(String text) {
    return KeyCombination.keyCombination(text);
  }
}
