package dev.faultline.designer.inspector;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.faultline.designer.problems.ProblemsView;
import dev.faultline.format.ExperimentFormat;
import dev.faultline.format.Syntax;
import dev.faultline.model.BlastRadius;
import dev.faultline.model.ProbeStep;
import dev.faultline.validate.Problem;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableRow;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Renders the inspector and the problems view on the headless glass platform, with validation in
 * the background as in the app, and drives them with the robot.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class InspectorUiTest {

  private static final String OLD_URL = "http://checkout.shop/health";

  private final List<Throwable> fxFailures = new CopyOnWriteArrayList<>();
  private final List<Problem> revealed = new CopyOnWriteArrayList<>();
  private Fixture fixture;
  private InspectorView inspector;

  @Start
  void start(Stage stage) {
    Thread.currentThread()
        .setUncaughtExceptionHandler((thread, failure) -> fxFailures.add(failure));
    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    fixture = Fixture.checkoutOnFxThread();
    inspector = new InspectorView(fixture.inspector());
    ProblemsView problems = new ProblemsView(fixture.problems, fixture.selection, revealed::add);
    problems.setPrefHeight(180);
    VBox root = new VBox(inspector, problems);
    VBox.setVgrow(inspector, Priority.ALWAYS);
    Scene scene = new Scene(root, 420, 760);
    scene.getStylesheets().addAll(InspectorView.stylesheet(), ProblemsView.stylesheet());
    stage.setScene(scene);
    stage.show();
  }

  @AfterEach
  void noFailuresOnTheFxThread() {
    assertThat(fxFailures).isEmpty();
  }

  @Test
  void typingAUrlEditsTheDocumentLiveAndOneUndoTakesItAllBack(FxRobot robot) {
    robot.interact(() -> fixture.selection.select("until-unhealthy"));
    TextField url = robot.lookup("#field-with-url").queryAs(TextField.class);

    scrollTo(robot, url);
    robot.clickOn(url);
    robot.interact(url::selectAll);
    robot.write("http://checkout.shop/ready");
    robot.type(KeyCode.TAB);

    assertThat(url.getText()).isEqualTo("http://checkout.shop/ready");
    assertThat(probe("until-unhealthy").with().get("url")).contains("http://checkout.shop/ready");
    assertThat(ExperimentFormat.write(fixture.document.experiment(), Syntax.YAML))
        .contains("url: http://checkout.shop/ready");

    robot.interact(fixture.document::undo);

    assertThat(probe("until-unhealthy").with().get("url")).contains(OLD_URL);
    assertThat(url.getText()).isEqualTo(OLD_URL);
    assertThat(fixture.document.canUndoProperty().get()).isFalse();
  }

  @Test
  void editingTheBlastRadiusPercentPutsTheTarget(FxRobot robot) {
    robot.interact(() -> fixture.selection.select("freeze"));
    @SuppressWarnings("unchecked")
    Spinner<Integer> value = robot.lookup("#field-blastRadius-value").queryAs(Spinner.class);
    assertThat(value.getValue()).isEqualTo(50);

    scrollTo(robot, value);
    robot.clickOn(value.getEditor());
    robot.interact(value.getEditor()::selectAll);
    robot.write("30");
    robot.type(KeyCode.ENTER);

    assertThat(fixture.document.experiment().spec().targets().get("checkout").blastRadius())
        .isEqualTo(BlastRadius.percent(30));
    assertThat(fixture.document.undoTextProperty().get()).isEqualTo("Undo Edit blast radius");
  }

  @Test
  void undoRefreshesSwitchesChoicesAndSpinnersWithoutEditingAgain(FxRobot robot) {
    robot.interact(() -> fixture.selection.select("freeze"));
    @SuppressWarnings("unchecked")
    javafx.scene.control.ComboBox<String> mode =
        robot.lookup("#field-blastRadius-mode").queryAs(javafx.scene.control.ComboBox.class);
    @SuppressWarnings("unchecked")
    Spinner<Integer> value = robot.lookup("#field-blastRadius-value").queryAs(Spinner.class);

    robot.interact(() -> mode.setValue("one"));
    assertThat(value.getEditor().getText()).isEmpty();
    assertThat(value.isDisabled()).isTrue();
    robot.interact(fixture.document::undo);

    assertThat(mode.getValue()).isEqualTo("percent");
    assertThat(value.getValue()).isEqualTo(50);
    assertThat(value.getEditor().getText()).isEqualTo("50");
    assertThat(fixture.document.canRedoProperty().get()).isTrue();

    robot.interact(() -> fixture.selection.select("until-unhealthy"));
    atlantafx.base.controls.ToggleSwitch insecure =
        robot
            .lookup("#field-with-insecureSkipVerify")
            .queryAs(atlantafx.base.controls.ToggleSwitch.class);
    robot.interact(() -> insecure.setSelected(true));
    assertThat(probe("until-unhealthy").with().get("insecureSkipVerify")).contains(true);
    robot.interact(fixture.document::undo);

    assertThat(insecure.isSelected()).isFalse();
    assertThat(probe("until-unhealthy").with().has("insecureSkipVerify")).isFalse();
    assertThat(fixture.document.canRedoProperty().get()).isTrue();
  }

  @Test
  void unparsedTextShowsABannerAndMakesTheFormReadOnly(FxRobot robot) {
    robot.interact(() -> fixture.selection.select("until-unhealthy"));

    robot.interact(() -> fixture.document.setUnparsedText("spec: ["));

    Label banner = robot.lookup(".inspector-banner").queryAs(Label.class);
    assertThat(banner.isVisible()).isTrue();
    assertThat(banner.getText()).contains("do not parse");
    assertThat(robot.lookup("#field-with-url").queryAs(TextField.class).isDisabled()).isTrue();
  }

  @Test
  void aJqSyntaxErrorShowsTheValidationProblemUnderTheField(FxRobot robot) {
    robot.interact(() -> fixture.selection.select("until-unhealthy"));
    TextArea jq = robot.lookup("#field-with-jq").queryAs(TextArea.class);

    scrollTo(robot, jq);
    robot.clickOn(jq);
    robot.interact(jq::selectAll);
    robot.write(".status ==");

    await(() -> !fixture.problems.problems().isEmpty());
    Problem problem = fixture.problems.problems().getFirst();
    assertThat(problem.path()).isEqualTo("spec.steps[1].with.jq");
    FieldRow row = (FieldRow) jq.getParent().getParent();
    List<String> shown =
        robot.from(row).lookup(".field-problem").queryAllAs(Label.class).stream()
            .map(Label::getText)
            .toList();
    assertThat(shown).contains(problem.message());
  }

  @Test
  void tabLeavesAMultiLineFieldInsteadOfTypingATab(FxRobot robot) {
    robot.interact(() -> fixture.selection.select("until-unhealthy"));
    TextArea jq = robot.lookup("#field-with-jq").queryAs(TextArea.class);
    scrollTo(robot, jq);
    robot.clickOn(jq);
    String before = jq.getText();

    robot.type(javafx.scene.input.KeyCode.TAB);

    await(() -> !jq.isFocused());
    assertThat(jq.getText()).isEqualTo(before).doesNotContain("\t");
    // Shift+Tab comes back to it.
    robot.press(javafx.scene.input.KeyCode.SHIFT).type(javafx.scene.input.KeyCode.TAB);
    robot.release(javafx.scene.input.KeyCode.SHIFT);
    await(jq::isFocused);
    assertThat(jq.getText()).isEqualTo(before);
  }

  @Test
  void clickingAProblemSelectsItsStep(FxRobot robot) {
    robot.interact(() -> fixture.selection.select("until-unhealthy"));
    TextArea jq = robot.lookup("#field-with-jq").queryAs(TextArea.class);
    robot.interact(() -> jq.setText(".status =="));
    robot.interact(fixture.selection::clear);
    await(
        () ->
            robot.lookup(".problems-table .table-row-cell").queryAllAs(TableRow.class).stream()
                .anyMatch(r -> r.getItem() != null));

    TableRow<?> row =
        robot.lookup(".problems-table .table-row-cell").queryAllAs(TableRow.class).stream()
            .filter(r -> r.getItem() != null)
            .findFirst()
            .orElseThrow();
    robot.clickOn(row);

    assertThat(fixture.selection.ids()).containsExactly("until-unhealthy");
    assertThat(revealed).hasSize(1);
    assertThat(revealed.getFirst().path()).isEqualTo("spec.steps[1].with.jq");
  }

  @Test
  void enterOnAProblemSelectsItsStep(FxRobot robot) {
    robot.interact(() -> fixture.selection.select("until-unhealthy"));
    TextArea jq = robot.lookup("#field-with-jq").queryAs(TextArea.class);
    robot.interact(() -> jq.setText(".status =="));
    robot.interact(fixture.selection::clear);
    @SuppressWarnings("unchecked")
    javafx.scene.control.TableView<Problem> table =
        robot.lookup(".problems-table").queryAs(javafx.scene.control.TableView.class);
    await(() -> !table.getItems().isEmpty());

    robot.interact(
        () -> {
          table.requestFocus();
          table.getSelectionModel().select(0);
        });
    robot.type(KeyCode.ENTER);

    assertThat(fixture.selection.ids()).containsExactly("until-unhealthy");
    assertThat(revealed).extracting(Problem::path).containsExactly("spec.steps[1].with.jq");
  }

  @Test
  void workingInATargetsEditorMakesItTheFocusedTarget(FxRobot robot) {
    robot.interact(() -> fixture.selection.clear());
    robot.interact(() -> inspector.model().addTarget());
    TextField added =
        robot.lookup(".text-field").queryAllAs(TextField.class).stream()
            .filter(f -> f.getId() != null && f.getId().startsWith("target-name-"))
            .filter(f -> !f.getId().equals("target-name-checkout"))
            .findFirst()
            .orElseThrow();
    String addedName = added.getId().substring("target-name-".length());

    robot.interact(added::requestFocus);
    assertThat(inspector.model().focusedTargetProperty().get()).isEqualTo(addedName);
    TextField checkout = robot.lookup("#target-name-checkout").queryAs(TextField.class);
    robot.interact(
        () -> {
          // The older target's editor may be folded after the add: unfold it, as a user would.
          for (var n = checkout.getParent(); n != null; n = n.getParent()) {
            if (n instanceof javafx.scene.control.TitledPane pane) {
              pane.setExpanded(true);
            }
          }
          checkout.requestFocus();
        });
    assertThat(inspector.model().focusedTargetProperty().get()).isEqualTo("checkout");
  }

  @Test
  void snapshotsInLightAndDark(FxRobot robot) throws IOException {
    Path dir = Path.of("target", "inspector-snapshots");
    Files.createDirectories(dir);
    // One problem on a field, so the pictures show how problems look too.
    robot.interact(() -> fixture.selection.select("until-unhealthy"));
    TextArea jq = robot.lookup("#field-with-jq").queryAs(TextArea.class);
    robot.interact(() -> jq.setText(".status =="));
    await(() -> !fixture.problems.problems().isEmpty());
    for (String theme : List.of("light", "dark")) {
      robot.interact(
          () ->
              Application.setUserAgentStylesheet(
                  theme.equals("light")
                      ? new PrimerLight().getUserAgentStylesheet()
                      : new PrimerDark().getUserAgentStylesheet()));
      for (String selected : List.of("freeze", "until-unhealthy", "")) {
        robot.interact(
            () -> {
              if (selected.isEmpty()) {
                fixture.selection.clear();
              } else {
                fixture.selection.select(selected);
              }
            });
        WaitForAsyncUtils.waitForFxEvents();
        String name = selected.isEmpty() ? "experiment" : selected;
        snapshot(robot, dir.resolve(theme + "-" + name + ".png"));
        // And the lower half: target editor, parameters.
        scrollTo(robot, robot.lookup(".inspector-content").query(), 1.0);
        snapshot(robot, dir.resolve(theme + "-" + name + "-lower.png"));
      }
    }
    assertThat(fixture.document.experiment().spec().targets()).containsOnlyKeys("checkout");
  }

  private void snapshot(FxRobot robot, Path file) throws IOException {
    WritableImage[] image = new WritableImage[1];
    robot.interact(() -> image[0] = inspector.getScene().getRoot().snapshot(null, null));
    write(image[0], file);
    assertThat(file).isNotEmptyFile();
  }

  private static void scrollTo(FxRobot robot, javafx.scene.Node content, double vvalue) {
    robot.interact(
        () -> {
          javafx.scene.Node parent = content.getParent();
          while (!(parent instanceof javafx.scene.control.ScrollPane)) {
            parent = parent.getParent();
          }
          ((javafx.scene.control.ScrollPane) parent).setVvalue(vvalue);
        });
    WaitForAsyncUtils.waitForFxEvents();
  }

  /** Scrolls the inspector so that {@code node} is in view, as a user would before clicking. */
  private static void scrollTo(FxRobot robot, javafx.scene.Node node) {
    robot.interact(
        () -> {
          javafx.scene.Node parent = node.getParent();
          while (!(parent instanceof javafx.scene.control.ScrollPane)) {
            parent = parent.getParent();
          }
          javafx.scene.control.ScrollPane scroll = (javafx.scene.control.ScrollPane) parent;
          javafx.scene.Node content = scroll.getContent();
          double y = content.sceneToLocal(node.localToScene(node.getBoundsInLocal())).getMinY();
          double room =
              content.getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
          scroll.setVvalue(room <= 0 ? 0 : Math.min(1, Math.max(0, (y - 40) / room)));
        });
    WaitForAsyncUtils.waitForFxEvents();
  }

  private ProbeStep probe(String id) {
    return (ProbeStep) fixture.document.experiment().spec().step(id).orElseThrow();
  }

  private static void write(WritableImage image, Path file) throws IOException {
    int width = (int) image.getWidth();
    int height = (int) image.getHeight();
    BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
    PixelReader pixels = image.getPixelReader();
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        out.setRGB(x, y, pixels.getArgb(x, y));
      }
    }
    ImageIO.write(out, "png", file.toFile());
  }

  private static void await(BooleanSupplier condition) {
    try {
      WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition::getAsBoolean);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("condition not met within 10 s", e);
    }
    WaitForAsyncUtils.waitForFxEvents();
  }
}
