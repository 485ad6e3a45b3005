package dev.faultline.designer.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.faultline.catalog.Catalog;
import dev.faultline.designer.document.DocumentProblems;
import dev.faultline.designer.document.ExperimentDocument;
import dev.faultline.designer.fx.FxTaskExecutor;
import dev.faultline.designer.fx.Snapshots;
import dev.faultline.designer.palette.PaletteView;
import dev.faultline.model.ProbeStep;
import dev.faultline.validate.Validator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Renders the text view (beside the palette, as in the window) on the headless glass platform,
 * types into it with the robot, and writes light and dark snapshots to {@code target/snapshots}.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class YamlViewUiTest {

  private final List<Throwable> fxFailures = new CopyOnWriteArrayList<>();

  private ExperimentDocument document;
  private YamlView view;
  private CodeArea area;
  private HBox root;

  @Start
  void start(Stage stage) {
    Thread.currentThread()
        .setUncaughtExceptionHandler((thread, failure) -> fxFailures.add(failure));
    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    document = new ExperimentDocument();
    document.open(YamlViewModelTest.read(YamlViewModelTest.EXAMPLE), YamlViewModelTest.EXAMPLE);
    FxTaskExecutor tasks = new FxTaskExecutor();
    DocumentProblems problems = new DocumentProblems(document, tasks, Validator.standard());
    view = new YamlView(document, problems, tasks);
    HBox.setHgrow(view, Priority.ALWAYS);
    root = new HBox(new PaletteView(Catalog.builtIn(), template -> {}), view);
    Scene scene = new Scene(root, 1000, 640);
    scene.getStylesheets().addAll(PaletteView.stylesheet(), YamlView.stylesheet());
    stage.setScene(scene);
    stage.show();
    area = (CodeArea) scene.lookup("#yaml-text");
  }

  @AfterEach
  void noFailuresOnTheFxThread() {
    assertThat(fxFailures).isEmpty();
  }

  @Test
  void typingAValueChangesTheDocumentAndUndoTakesItBack(FxRobot robot) {
    selectInText(robot, "10s", 0, 2);

    robot.write("15");

    await(() -> "15s".equals(timeout()));
    assertThat(area.getText()).contains("timeout: 15s");
    assertThat(document.undoTextProperty().get()).isEqualTo("Undo Edit YAML");

    // Ctrl+Z undoes the typing in the text; the document follows, as one history.
    for (int i = 0; i < 3 && !"10s".equals(timeout()); i++) {
      robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
      WaitForAsyncUtils.sleep(400, TimeUnit.MILLISECONDS);
    }
    await(() -> "10s".equals(timeout()));
    assertThat(area.getText()).contains("timeout: 10s");
    assertThat(document.canUndoProperty().get()).isFalse();
  }

  @Test
  void everyLineNumberTakesTheSameWidthSoTheTextColumnsAlign(FxRobot robot) throws Exception {
    WaitForAsyncUtils.waitForFxEvents();
    List<Double> widths =
        WaitForAsyncUtils.asyncFx(
                () ->
                    area.lookupAll(".line-gutter").stream()
                        .filter(Node::isVisible)
                        .map(gutter -> ((HBox) gutter).getWidth())
                        .toList())
            .get();
    assertThat(area.getParagraphs()).hasSizeGreaterThan(10);
    assertThat(widths).hasSizeGreaterThan(10);
    assertThat(widths.stream().distinct().toList())
        .as("gutter widths of lines 1-9 and 10 up")
        .hasSize(1);
  }

  @Test
  void garbageIsKeptAndTheBannerSaysWhereItIs(FxRobot robot) {
    selectInText(robot, "checkout-freeze-and-recover", 27, 27);

    robot.write(": b");

    // Looked up on the FX thread: the reparse after typing rebuilds the visible lines meanwhile,
    // and a lookup from the test thread can walk a child list while it changes.
    Node banner = onFx(() -> root.lookup("#yaml-banner"));
    await(banner::isVisible);
    Label message = (Label) onFx(() -> root.lookup("#yaml-banner-message"));
    assertThat(message.getText()).startsWith("Line 4, column ").contains("unexpected ':'");
    assertThat(area.getText()).contains("name: checkout-freeze-and-recover: b");
    assertThat(document.unparsedText())
        .hasValueSatisfying(t -> assertThat(t).isEqualTo(area.getText()));

    robot.clickOn("#yaml-discard");

    await(() -> !banner.isVisible());
    assertThat(area.getText()).contains("name: checkout-freeze-and-recover\n");
    assertThat(document.unparsedText()).isEmpty();
  }

  @Test
  void revealLinePutsTheCaretThereAndHighlightsTheLine(FxRobot robot) {
    robot.interact(() -> view.revealLine(31, 7));

    assertThat(area.getCurrentParagraph()).isEqualTo(30);
    assertThat(area.getCaretColumn()).isEqualTo(6);
    assertThat(area.getParagraph(30).getParagraphStyle()).containsExactly("revealed");
    await(() -> area.getParagraph(30).getParagraphStyle().isEmpty());
  }

  @Test
  void bothThemesColourTheTextAndLookRight(FxRobot robot) {
    // A typo in an attack id: a validation problem, marked in the gutter and underlined.
    robot.interact(
        () -> {
          int start = area.getText().indexOf("process.signal");
          area.replaceText(start, start + "process.signal".length(), "process.sginal");
        });
    await(() -> !view.viewModel().markersProperty().get().isEmpty());
    WaitForAsyncUtils.waitForFxEvents();
    Color lightKey = onFx(this::keyColour);
    Color lightBackground = backgroundColour(robot);
    robot.interact(() -> Snapshots.write(root, "palette-yaml-light"));

    robot.interact(
        () -> Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet()));
    WaitForAsyncUtils.waitForFxEvents();
    Color darkKey = onFx(this::keyColour);
    Color darkBackground = backgroundColour(robot);
    robot.interact(() -> Snapshots.write(root, "palette-yaml-dark"));
    robot.interact(
        () -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));

    assertThat(lightBackground.getBrightness()).isGreaterThan(0.9);
    assertThat(darkBackground.getBrightness()).isLessThan(0.3);
    assertThat(lightKey).isNotEqualTo(plainColour()).isNotEqualTo(darkKey);
  }

  private Color keyColour() {
    return (Color)
        area.lookupAll(".text.yaml-key").stream()
            .map(n -> ((Text) n).getFill())
            .findFirst()
            .orElseThrow();
  }

  private Color plainColour() {
    return (Color)
        area.lookupAll(".text").stream()
            .filter(n -> n.getStyleClass().size() == 1)
            .map(n -> ((Text) n).getFill())
            .findFirst()
            .orElseThrow();
  }

  private Color backgroundColour(FxRobot robot) {
    return onFx(
        () -> Snapshots.colorAt(area, (int) area.getWidth() - 20, (int) area.getHeight() - 20));
  }

  /** Selects from {@code from} to {@code to} within the first {@code fragment} and focuses. */
  private void selectInText(FxRobot robot, String fragment, int from, int to) {
    robot.clickOn(area);
    robot.interact(
        () -> {
          int start = area.getText().indexOf(fragment);
          area.selectRange(start + from, start + to);
        });
  }

  private String timeout() {
    return document.experiment().spec().steps().stream()
        .filter(step -> step.id().equals("until-unhealthy"))
        .map(step -> String.valueOf(((ProbeStep) step).timeout()))
        .findFirst()
        .orElseThrow();
  }

  private static <T> T onFx(java.util.concurrent.Callable<T> work) {
    try {
      return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static void await(BooleanSupplier condition) {
    try {
      WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition::getAsBoolean);
    } catch (TimeoutException e) {
      throw new AssertionError("Condition not met within 10 s", e);
    }
  }
}
