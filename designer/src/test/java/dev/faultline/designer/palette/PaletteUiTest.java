package dev.faultline.designer.palette;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import dev.faultline.catalog.Catalog;
import dev.faultline.designer.document.StepDrag;
import dev.faultline.designer.document.StepTemplate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.Dragboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Renders the palette on the headless glass platform and drives it with the robot. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class PaletteUiTest {

  private final List<StepTemplate> activated = new CopyOnWriteArrayList<>();
  private final List<Throwable> fxFailures = new CopyOnWriteArrayList<>();

  private PaletteView palette;
  private ListView<PaletteRow> list;
  private TextField search;

  @Start
  @SuppressWarnings("unchecked")
  void start(Stage stage) {
    Thread.currentThread()
        .setUncaughtExceptionHandler((thread, failure) -> fxFailures.add(failure));
    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    palette = new PaletteView(Catalog.builtIn(), activated::add);
    // Room to the right, where the canvas would be.
    Pane canvas = new Pane();
    canvas.setPrefSize(300, 500);
    Scene scene = new Scene(new HBox(palette, canvas), 560, 520);
    scene.getStylesheets().add(PaletteView.stylesheet());
    stage.setScene(scene);
    stage.show();
    list = (ListView<PaletteRow>) scene.lookup("#palette-list");
    search = (TextField) scene.lookup("#palette-search");
  }

  @AfterEach
  void noFailuresOnTheFxThread() {
    assertThat(fxFailures).isEmpty();
  }

  @Test
  void typingInTheSearchFieldFiltersTheList(FxRobot robot) {
    robot.clickOn(search).write("pod");

    await(() -> !shownTitles(robot).contains("Wait"));
    assertThat(shownTitles(robot)).contains("Delete pods").doesNotContain("Wait", "HTTP check");
    assertThat(list.getItems())
        .allMatch(row -> !(row instanceof PaletteEntry e) || e.matches(List.of("pod")));
  }

  @Test
  void downThenEnterAddsTheSelectedEntry(FxRobot robot) {
    robot.clickOn(search).write("delete pods");

    robot.type(KeyCode.DOWN);
    await(list::isFocused);
    assertThat(list.getSelectionModel().getSelectedItem())
        .isInstanceOfSatisfying(
            PaletteEntry.class, e -> assertThat(e.id()).isEqualTo("k8s.pod.delete"));
    robot.type(KeyCode.ENTER);

    await(() -> !activated.isEmpty());
    assertThat(activated)
        .containsExactly(new StepTemplate(StepTemplate.Kind.ATTACK, "k8s.pod.delete"));
  }

  @Test
  void enterInTheSearchFieldAddsTheFirstMatchAndDoubleClickAddsAnyEntry(FxRobot robot) {
    robot.clickOn(search).write("gate").type(KeyCode.ENTER);
    await(() -> activated.size() == 1);
    assertThat(activated).containsExactly(StepTemplate.GATE);

    robot.doubleClickOn(cell(robot, "Gate"));
    await(() -> activated.size() == 2);
    assertThat(activated).containsExactly(StepTemplate.GATE, StepTemplate.GATE);
  }

  @Test
  void arrowKeysStepOverHeaders(FxRobot robot) {
    robot.clickOn(search).type(KeyCode.DOWN);
    await(list::isFocused);
    int first = list.getSelectionModel().getSelectedIndex();
    assertThat(list.getItems().get(first)).isInstanceOf(PaletteEntry.class);

    // Walk down the whole list: the selection never rests on a header.
    for (int i = 0; i < list.getItems().size(); i++) {
      robot.type(KeyCode.DOWN);
      WaitForAsyncUtils.waitForFxEvents();
      assertThat(list.getSelectionModel().getSelectedItem()).isInstanceOf(PaletteEntry.class);
    }
    assertThat(list.getSelectionModel().getSelectedItem()).isEqualTo(list.getItems().getLast());
  }

  @Test
  void shortcutFocusesTheSearchFieldAndNonsenseSaysNothingMatches(FxRobot robot) {
    robot.clickOn(cell(robot, "Delete pods"));
    await(list::isFocused);

    robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
    await(search::isFocused);
    robot.write("xyzzy");

    await(() -> list.getItems().isEmpty());
    Label placeholder = (Label) list.getPlaceholder();
    assertThat(placeholder.isVisible()).isTrue();
    assertThat(placeholder.getText()).isEqualTo("No attack or probe matches \u201cxyzzy\u201d");
  }

  @Test
  void entriesSpeakTheirKindAndHowToAdd(FxRobot robot) {
    ListCell<?> cell = cell(robot, "Delete pods");
    assertThat(cell.getAccessibleText())
        .isEqualTo("Attack: Delete pods. Drag onto the canvas or press Enter to add.");
    assertThat(cell.getTooltip().getText()).contains("gracePeriod (optional, default 0s)");
  }

  /**
   * JavaFX 26's headless platform cannot carry a drag and drop through ("Not supported yet" when
   * the dragboard is pushed to the system), so this drives a real drag gesture with the robot and
   * reads the dragboard from inside the same DRAG_DETECTED dispatch, right after the palette filled
   * it; then it cancels the system part of the drag.
   */
  @Test
  void startingADragPutsTheTemplateOnTheDragboard(FxRobot robot) {
    robot.clickOn(search).write("http check");
    await(() -> list.getItems().size() == 2);
    ListCell<?> cell = cell(robot, "HTTP check");
    List<Object> seen = new CopyOnWriteArrayList<>();
    cell.addEventHandler(
        MouseEvent.DRAG_DETECTED,
        event -> {
          // The gesture's dragboard, as the palette's handler (registered first) left it.
          Dragboard dragboard = cell.startDragAndDrop(TransferMode.COPY);
          seen.add(dragboard.getContent(StepDrag.FORMAT));
          seen.add(dragboard.getString());
          seen.add(dragboard.getDragView() != null);
          // No transfer modes: no system drag, which the headless platform cannot do.
          cell.startDragAndDrop();
        });

    robot.drag(cell).moveBy(120, 0).release(MouseButton.PRIMARY);

    await(() -> seen.size() == 3);
    assertThat(seen).containsExactly("probe:http.check", "probe:http.check", true);
  }

  private ListCell<?> cell(FxRobot robot, String title) {
    return robot
        .lookup(".palette-entry")
        .match(
            node ->
                node instanceof ListCell<?> c
                    && c.getItem() instanceof PaletteEntry e
                    && e.title().equals(title))
        .queryAs(ListCell.class);
  }

  private List<String> shownTitles(FxRobot robot) {
    return robot.lookup(".palette-entry-title").queryAllAs(Label.class).stream()
        .filter(label -> label.isVisible() && label.getScene() != null)
        .filter(
            label ->
                label.getParent().getParent().getParent() instanceof ListCell<?> c && !c.isEmpty())
        .map(Label::getText)
        .toList();
  }

  private static void await(BooleanSupplier condition) {
    try {
      WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition::getAsBoolean);
    } catch (TimeoutException e) {
      throw new AssertionError("Condition not met within 10 s", e);
    }
  }
}
