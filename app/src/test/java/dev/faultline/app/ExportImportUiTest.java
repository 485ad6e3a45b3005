package dev.faultline.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.app.connection.FakeClusterService;
import dev.faultline.app.export.ExportDialog;
import dev.faultline.app.export.ExportViewModel;
import dev.faultline.designer.fx.FxTaskExecutor;
import dev.faultline.export.ConversionWarning;
import dev.faultline.export.ExportFormat;
import dev.faultline.export.ExportOptions;
import dev.faultline.export.ExportResult;
import dev.faultline.export.Exports;
import dev.faultline.format.AtomicFiles;
import dev.faultline.format.ExperimentFormat;
import dev.faultline.format.Syntax;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
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

/** File › Export and File › Import in the real main window, on the headless platform. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ExportImportUiTest {

  private static final Path EXAMPLE =
      Path.of("..", "docs", "examples", "checkout-freeze-and-recover.yaml")
          .toAbsolutePath()
          .normalize();

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
  void closeDialogsAndCheck(FxRobot robot) {
    robot.interact(
        () -> {
          for (var w : List.copyOf(javafx.stage.Window.getWindows())) {
            if (w != stage) {
              w.hide();
            }
          }
        });
    assertThat(fxFailures).isEmpty();
  }

  private void openExample(FxRobot robot) {
    robot.interact(() -> window.viewModel().open(EXAMPLE));
    Await.until(
        10,
        "the example is open",
        () -> window.viewModel().document().experiment().spec().steps().size() == 4);
  }

  private static <T> T fx(java.util.concurrent.Callable<T> read) {
    try {
      return WaitForAsyncUtils.asyncFx(read).get();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static double width(String text, javafx.scene.text.Font font) {
    var shape = new javafx.scene.text.Text(text);
    shape.setFont(font);
    return shape.getLayoutBounds().getWidth();
  }

  /** Shown on screen: the node and every parent visible. */
  private static boolean shown(Node node) {
    for (Node n = node; n != null; n = n.getParent()) {
      if (!n.isVisible()) {
        return false;
      }
    }
    return true;
  }

  private static <T extends Node> T find(Scene scene, String id, Class<T> type) {
    return type.cast(scene.lookup("#" + id));
  }

  @Test
  void exportShowsTheYamlPreviewFollowsTheDocumentAndCopies(FxRobot robot) {
    openExample(robot);
    robot.interact(() -> window.actions().get("export").run().run());
    Await.until(15, "the export dialog", () -> window.exportStage() != null);
    Scene scene = window.exportStage().getScene();
    TextArea preview = find(scene, "export-preview", TextArea.class);

    String expected =
        fx(() -> ExperimentFormat.write(window.viewModel().document().experiment(), Syntax.YAML));
    Await.until(15, "the YAML preview", () -> fx(preview::getText).equals(expected));
    assertThat(preview.isEditable()).isFalse();
    // Monospace: columns of YAML and code line up.
    double narrow = fx(() -> width("iiiiiiii", preview.getFont()));
    double wide = fx(() -> width("MMMMMMMM", preview.getFont()));
    assertThat(narrow).isEqualTo(wide);
    assertThat(fx(() -> find(scene, "export-message", Label.class).getText()))
        .isEqualTo("Faultline YAML: everything carried over.");

    robot.interact(() -> find(scene, "export-copy", Button.class).fire());
    assertThat(fx(() -> Clipboard.getSystemClipboard().getString())).isEqualTo(expected);
    assertThat(fx(() -> find(scene, "export-status", Label.class).getText()))
        .isEqualTo("Copied Faultline YAML to the clipboard.");

    // An edit in the window while the dialog is open: the preview follows.
    robot.interact(
        () -> {
          window.viewModel().selection().select("kill");
          window.canvas().deleteSelection();
        });
    Await.until(
        15,
        "the preview without the deleted step",
        () ->
            !fx(preview::getText).contains("id: kill")
                && fx(preview::getText).contains("id: freeze"));
  }

  @Test
  void theJavaExportCanBringItsOwnK3sClusterAndAsksForTheSetUpOnlyThen(FxRobot robot) {
    openExample(robot);
    robot.interact(() -> window.actions().get("export").run().run());
    Await.until(15, "the export dialog", () -> window.exportStage() != null);
    Scene scene = window.exportStage().getScene();
    TextArea preview = find(scene, "export-preview", TextArea.class);
    CheckBox k3s = find(scene, "export-k3s", CheckBox.class);
    TextField manifests = find(scene, "export-k3s-manifests", TextField.class);
    assertThat(fx(() -> shown(k3s))).as("no K3s choice for YAML").isFalse();

    @SuppressWarnings("unchecked")
    ChoiceBox<ExportFormat> format = find(scene, "export-format", ChoiceBox.class);
    robot.interact(() -> format.setValue(ExportFormat.JAVA));
    Await.until(15, "the Java preview", () -> fx(preview::getText).contains("class "));
    assertThat(fx(() -> shown(k3s))).isTrue();
    assertThat(fx(() -> shown(manifests))).as("set-up only with K3s").isFalse();

    robot.clickOn(k3s);
    Await.until(
        15, "the K3s test", () -> fx(preview::getText).contains("new K3sContainer(K3S_IMAGE)"));
    assertThat(fx(() -> shown(manifests))).isTrue();
    robot.interact(() -> manifests.setText("k8s/shop.yaml"));
    Await.until(
        15,
        "the set-up in the test",
        () -> fx(preview::getText).contains("List.of(Path.of(\"k8s/shop.yaml\"))"));
    assertThat(fx(() -> find(scene, "export-message", Label.class).getText()))
        .isEqualTo("JUnit 5 test (Java): everything carried over.");
  }

  @Test
  void warningsAreListedAndAClickSelectsTheirStep(FxRobot robot) {
    openExample(robot);
    AtomicReference<ExportOptions> options = new AtomicReference<>();
    ExportViewModel.Exporting lossy =
        (experiment, format, given) -> {
          options.set(given);
          return new ExportResult(
              "kind: Workflow\n",
              List.of(
                  ConversionWarning.at("spec.steps[2].with.signal", "no SIGKILL in Chaos Mesh")));
        };
    Stage dialog = showDialog(robot, lossy, (owner, format, name, folder) -> Optional.empty());
    Scene scene = dialog.getScene();

    robot.interact(
        () -> {
          window.viewModel().selection().select("freeze");
          model(scene).formatProperty().set(ExportFormat.CHAOS_MESH);
          find(scene, "export-namespace", TextField.class).setText("shop");
        });
    @SuppressWarnings("unchecked")
    ListView<Object> issues = find(scene, "export-issues", ListView.class);
    Await.until(
        15,
        "the warning for namespace shop",
        () -> fx(() -> issues.getItems().size()) == 1 && options.get().namespace() != null);
    assertThat(fx(() -> issues.getItems().get(0).toString()))
        .isEqualTo("\u26a0 spec.steps[2].with.signal: no SIGKILL in Chaos Mesh");
    assertThat(options.get().namespace()).isEqualTo("shop");
    assertThat(fx(() -> find(scene, "export-message", Label.class).getText()))
        .isEqualTo("Chaos Mesh Workflow: 1 thing could not be carried over exactly; see below.");

    robot.clickOn(issues.lookup(".list-cell"));
    Await.until(
        15,
        "the step of the warning selected",
        () -> fx(() -> window.viewModel().selection().ids()).equals(java.util.Set.of("kill")));
  }

  @Test
  void anExperimentWithErrorsShowsThemAndExportsNothing(FxRobot robot) throws Exception {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(
        bad,
        """
        apiVersion: faultline.dev/v1alpha1
        kind: Experiment
        metadata: {name: bad}
        spec:
          steps:
            - {id: a, after: [nowhere], wait: 5s}
        """);
    robot.interact(() -> window.viewModel().open(bad));
    Await.until(15, "the file is open", () -> fx(() -> window.viewModel().file()).isPresent());
    Stage dialog =
        showDialog(
            robot, Exports.standard()::export, (owner, format, name, folder) -> Optional.empty());
    Scene scene = dialog.getScene();

    Await.until(
        15,
        "the error state",
        () -> fx(() -> model(scene).stateProperty().get()) == ExportViewModel.State.INVALID);
    assertThat(fx(() -> find(scene, "export-message", Label.class).getText()))
        .isEqualTo("The experiment has 1 error; fix it before exporting.");
    @SuppressWarnings("unchecked")
    ListView<Object> issues = find(scene, "export-issues", ListView.class);
    assertThat(fx(() -> issues.getItems().get(0).toString()))
        .contains("'after' names 'nowhere', which is not a step")
        .contains("[spec.steps[0].after[0]]");
    assertThat(fx(() -> find(scene, "export-preview", TextArea.class).getText())).isEmpty();
    assertThat(find(scene, "export-copy", Button.class).isDisabled()).isTrue();
    assertThat(find(scene, "export-save", Button.class).isDisabled()).isTrue();
  }

  @Test
  void saveWritesTheFileAndRemembersTheFolder(FxRobot robot) {
    openExample(robot);
    Path target = dir.resolve("exports/checkout.yaml");
    AtomicReference<String> suggested = new AtomicReference<>();
    var folder = new SimpleObjectProperty<Path>();
    Stage dialog =
        showDialog(
            robot,
            Exports.standard()::export,
            folder,
            (owner, format, name, start) -> {
              suggested.set(name);
              return Optional.of(target);
            });
    Scene scene = dialog.getScene();
    TextArea preview = find(scene, "export-preview", TextArea.class);
    Await.until(15, "the preview", () -> !fx(preview::getText).isEmpty());

    robot.interact(() -> find(scene, "export-save", Button.class).fire());

    Await.until(15, "the file is written", () -> Files.exists(target));
    assertThat(target).hasContent(fx(preview::getText).stripTrailing());
    assertThat(suggested.get()).isEqualTo("checkout-freeze-and-recover.yaml");
    Await.until(15, "the folder remembered", () -> target.getParent().equals(folder.get()));
    assertThat(fx(() -> find(scene, "export-status", Label.class).getText()))
        .isEqualTo("Exported to " + target);
  }

  @Test
  void importOpensANewUnsavedDocumentWithTheSteps(FxRobot robot) {
    robot.interact(() -> window.files().importFile(EXAMPLE));

    Await.until(
        10,
        "the imported experiment",
        () -> fx(() -> window.viewModel().document().experiment().spec().steps().size()) == 4);
    assertThat(fx(() -> window.viewModel().document().isDirty())).isTrue();
    assertThat(fx(() -> window.viewModel().file())).isEmpty();
    assertThat(fx(stage::getTitle))
        .isEqualTo("*Imported from checkout-freeze-and-recover.yaml \u2014 Faultline");
    assertThat(fx(() -> window.canvas().viewModel().graph().cards().size())).isEqualTo(4);
    assertThat(fx(() -> window.viewModel().statusTextProperty().get()))
        .isEqualTo("Imported checkout-freeze-and-recover.yaml (Faultline experiment, 4 steps)");
    // Nothing was lost: no warnings dialog.
    assertThat(robot.lookup("#import-warnings").tryQuery()).isEmpty();
  }

  @Test
  void importWarningsAreShownWithTheirPosition(FxRobot robot) throws Exception {
    Path source = dir.resolve("odd.yaml");
    Files.writeString(
        source,
        """
        apiVersion: faultline.dev/v1alpha1
        kind: Experiment
        metadata: {name: odd}
        spec:
          steps:
            - {id: pause, wait: 5s, colour: red}
        """);

    robot.interact(() -> window.files().importFile(source));

    Await.until(10, "the warnings", () -> robot.lookup("#import-warnings").tryQuery().isPresent());
    DialogPane pane = robot.lookup("#import-warnings").queryAs(DialogPane.class);
    assertThat(fx(pane::getContentText))
        .contains("\u2022 6:29: spec.steps[0].colour: unknown field 'colour'");
    assertThat(fx(pane::getHeaderText))
        .startsWith("Imported odd.yaml (Faultline experiment): ")
        .endsWith("could not be carried over exactly");
    assertThat(fx(() -> window.viewModel().document().experiment().spec().steps().size()))
        .isEqualTo(1);
  }

  @Test
  void anUnparsableFileShowsTheErrorWithLineAndColumn(FxRobot robot) throws Exception {
    openExample(robot);
    Path broken = dir.resolve("broken.yaml");
    Files.writeString(
        broken,
        """
        apiVersion: chaos-mesh.org/v1alpha1
        kind: Workflow
        spec:
          templates: [unclosed
        """);

    robot.interact(() -> window.files().importFile(broken));

    Await.until(10, "the error", () -> robot.lookup("#import-error").tryQuery().isPresent());
    DialogPane pane = robot.lookup("#import-error").queryAs(DialogPane.class);
    assertThat(fx(pane::getHeaderText)).isEqualTo("Cannot import broken.yaml");
    assertThat(fx(pane::getContentText)).startsWith("broken.yaml, line 5, column 1: ");
    // The open document stays.
    assertThat(fx(() -> window.viewModel().file())).contains(EXAMPLE);
    assertThat(fx(() -> window.viewModel().statusErrorProperty().get())).isTrue();
  }

  private Stage showDialog(
      FxRobot robot, ExportViewModel.Exporting exports, ExportDialog.SaveTarget target) {
    return showDialog(robot, exports, new SimpleObjectProperty<>(), target);
  }

  private Stage showDialog(
      FxRobot robot,
      ExportViewModel.Exporting exports,
      SimpleObjectProperty<Path> folder,
      ExportDialog.SaveTarget target) {
    AtomicReference<Stage> shown = new AtomicReference<>();
    robot.interact(
        () -> {
          var model =
              new ExportViewModel(
                  window.viewModel().document(),
                  window.viewModel().tasks(),
                  exports,
                  AtomicFiles::write);
          var dialog =
              new ExportDialog(
                  model,
                  target,
                  folder,
                  id -> {
                    window.viewModel().selection().select(id);
                    window.canvas().centerOn(id);
                  });
          dialog.setUserData(model);
          shown.set(ExportDialog.show(stage, dialog));
        });
    return shown.get();
  }

  private static ExportViewModel model(Scene scene) {
    return (ExportViewModel) scene.getRoot().getUserData();
  }
}
