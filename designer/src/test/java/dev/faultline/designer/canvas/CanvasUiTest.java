package dev.faultline.designer.canvas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import atlantafx.base.theme.PrimerLight;
import dev.faultline.catalog.Catalog;
import dev.faultline.designer.canvas.StepGeometry.Point;
import dev.faultline.designer.document.StepDrag;
import dev.faultline.model.Position;
import dev.faultline.model.Step;
import dev.faultline.model.edit.Disconnect;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.event.Event;
import javafx.geometry.Point2D;
import javafx.geometry.VerticalDirection;
import javafx.scene.Scene;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The canvas really rendered on the headless platform and driven with the robot's mouse and
 * keyboard. The steps: a at (0, 0), b at (300, 0), c at (600, 0); a → b → c.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class CanvasUiTest {

  private final List<Throwable> fxFailures = new CopyOnWriteArrayList<>();
  private final CanvasFixtures fixtures = new CanvasFixtures();
  private CanvasView view;

  @Start
  void start(Stage stage) {
    Thread.currentThread().setUncaughtExceptionHandler((t, failure) -> fxFailures.add(failure));
    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    fixtures.open(CanvasFixtures.chain("a", "b", "c"));
    view =
        new CanvasView(fixtures.document, fixtures.selection, fixtures.problems, Catalog.builtIn());
    Scene scene = new Scene(new BorderPane(view), 1100, 500);
    scene.getStylesheets().add(CanvasView.stylesheet());
    stage.setScene(scene);
    stage.show();
  }

  @AfterEach
  void noFailuresOnTheFxThread() throws Exception {
    WaitForAsyncUtils.asyncFx(() -> Application.setUserAgentStylesheet(null)).get();
    assertThat(fxFailures).isEmpty();
  }

  @Test
  void droppingAPaletteTemplateCreatesTheStepAtTheDropPoint(FxRobot robot) {
    Point2D drop = screenOf(700, 300);
    robot.moveTo(drop);
    DragEvent over = fire(DragEvent.DRAG_OVER, StepDrag.FORMAT, drop);
    assertThat(over.getAcceptedTransferMode()).isEqualTo(TransferMode.COPY);
    DragEvent dropped = fire(DragEvent.DRAG_DROPPED, StepDrag.FORMAT, drop);

    assertThat(dropped.isDropCompleted()).isTrue();
    assertThat(fixtures.selection.ids()).containsExactly("pod-delete");
    Position at = fixtures.document.experiment().layout().positions().get("pod-delete");
    assertThat(StepGeometry.bounds(at).contains(700, 300)).isTrue();
    assertThat(view.isFocused()).isTrue();
  }

  @Test
  void dragsOfOtherContentAreNotAccepted(FxRobot robot) {
    Point2D drop = screenOf(700, 300);
    DragEvent over = fire(DragEvent.DRAG_OVER, javafx.scene.input.DataFormat.PLAIN_TEXT, drop);

    assertThat(over.getAcceptedTransferMode()).isNull();
    assertThat(fixtures.document.experiment().spec().steps()).hasSize(3);
  }

  @Test
  void draggingFromAnOutputPortToAStepConnectsThem(FxRobot robot) {
    robot.interact(() -> fixtures.document.edit(new Disconnect("b", "c")));

    robot.drag(screenOfPort("a"), MouseButton.PRIMARY).dropTo(screenOfCenter("c"));

    assertThat(step("c").after()).containsExactly("a");
    assertThat(view.messageProperty().get()).isEqualTo("Connected a \u2192 c");
  }

  @Test
  void aWireThatWouldMakeACycleIsRefusedWhileDraggingAndOnRelease(FxRobot robot) {
    robot.drag(screenOfPort("b"), MouseButton.PRIMARY).moveTo(screenOfCenter("a"));
    var wire = view.viewModel().connectPreview().orElseThrow();
    assertThat(wire.target()).isEqualTo("a");
    assertThat(wire.accepted()).isFalse();
    robot.release(MouseButton.PRIMARY);

    assertThat(step("a").after()).isEmpty();
    assertThat(view.messageProperty().get()).endsWith("this edge would make a cycle.");
    assertThat(fixtures.document.canUndoProperty().get()).isFalse();
  }

  @Test
  void aStepMovedWithTheMouseGoesBackOnUndo(FxRobot robot) {
    Point2D from = screenOfCenter("a");
    long frames = view.framesPainted();
    robot.drag(from, MouseButton.PRIMARY).dropTo(from.add(101, 62));

    Position moved = fixtures.document.experiment().layout().positions().get("a");
    assertThat(moved.x()).isEqualTo(100);
    assertThat(moved.y()).isEqualTo(60);
    assertThat(fixtures.document.undoTextProperty().get()).isEqualTo("Undo Move Step");
    assertThat(view.framesPainted()).isGreaterThan(frames);

    robot.interact(fixtures.document::undo);
    Position back = fixtures.document.experiment().layout().positions().get("a");
    assertThat(back.x()).isZero();
    assertThat(back.y()).isZero();
    assertThat(view.viewModel().graph().card("a").orElseThrow().position().x()).isZero();
  }

  @Test
  void theDeleteKeyDeletesTheSelectedStep(FxRobot robot) {
    robot.clickOn(screenOfCenter("b"));
    assertThat(fixtures.selection.ids()).containsExactly("b");

    robot.type(KeyCode.DELETE);

    assertThat(fixtures.document.experiment().spec().step("b")).isEmpty();
    assertThat(step("c").after()).isEmpty();
  }

  @Test
  void theKeyboardMovesFocusMovesStepsAndConnects(FxRobot robot) {
    robot.interact(() -> fixtures.document.edit(new Disconnect("b", "c")));
    robot.clickOn(screenOfCenter("a"));

    robot.type(KeyCode.RIGHT);
    assertThat(fixtures.selection.ids()).containsExactly("b");
    assertThat(view.getAccessibleText()).startsWith("Wait b: Wait (wait 5s), runs after a");

    robot.press(KeyCode.SHIFT).type(KeyCode.DOWN).release(KeyCode.SHIFT);
    assertThat(fixtures.document.experiment().layout().positions().get("b").y())
        .isEqualTo(StepGeometry.GRID);

    robot.type(KeyCode.C); // wire from b; the nearest step to the right is c
    assertThat(view.viewModel().connectPreview().orElseThrow().target()).isEqualTo("c");
    robot.type(KeyCode.ENTER);
    assertThat(step("c").after()).containsExactly("b");

    robot.type(KeyCode.ESCAPE);
    assertThat(view.viewModel().connectPreview()).isEmpty();
  }

  @Test
  void theWheelPansAndCtrlWheelZoomsAroundTheCursor(FxRobot robot) throws Exception {
    Point2D b = screenOfCenter("b");
    robot.moveTo(b);
    double offsetY = view.viewModel().viewport().offsetY();
    robot.scroll(2, VerticalDirection.UP);
    assertThat(view.viewModel().viewport().offsetY()).isNotEqualTo(offsetY);
    assertThat(view.zoomProperty().get()).isEqualTo(1);

    // The headless robot always reports wheel events without modifiers (HeadlessRobot.mouseWheel
    // passes 0), so Ctrl+wheel is the scroll event the scene would deliver with Ctrl held.
    Point2D local = view.screenToLocal(b);
    double canvasX = view.viewModel().viewport().toCanvasX(local.getX());
    robot.interact(
        () ->
            Event.fireEvent(
                view,
                new ScrollEvent(
                    ScrollEvent.SCROLL,
                    local.getX(),
                    local.getY(),
                    b.getX(),
                    b.getY(),
                    false,
                    true,
                    false,
                    false,
                    false,
                    false,
                    0,
                    120,
                    0,
                    120,
                    ScrollEvent.HorizontalTextScrollUnits.NONE,
                    0,
                    ScrollEvent.VerticalTextScrollUnits.NONE,
                    0,
                    0,
                    null)));
    assertThat(view.zoomProperty().get()).isGreaterThan(1.2);
    assertThat(view.viewModel().viewport().toScreenX(canvasX))
        .isCloseTo(local.getX(), within(1e-6));

    robot.clickOn(b);
    robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT0).release(KeyCode.CONTROL);
    assertThat(view.zoomProperty().get()).isEqualTo(1);
  }

  // ---- helpers ----

  private Step step(String id) {
    return fixtures.document.experiment().spec().step(id).orElseThrow();
  }

  private Point2D screenOf(double canvasX, double canvasY) {
    Viewport v = view.viewModel().viewport();
    return view.localToScreen(v.toScreenX(canvasX), v.toScreenY(canvasY));
  }

  private Point2D screenOfCenter(String id) {
    Rect b = view.viewModel().graph().card(id).orElseThrow().bounds();
    return screenOf(b.centerX(), b.centerY());
  }

  private Point2D screenOfPort(String id) {
    Point p = StepGeometry.outputPort(view.viewModel().graph().card(id).orElseThrow().position());
    return screenOf(p.x(), p.y());
  }

  /** Fires a drag event carrying a palette token, on the FX thread as the scene would. */
  private DragEvent fire(
      javafx.event.EventType<DragEvent> type, javafx.scene.input.DataFormat format, Point2D at) {
    try {
      return WaitForAsyncUtils.asyncFx(
              () -> {
                Dragboard board = InMemoryDragboard.with(format, "attack:k8s.pod.delete");
                DragEvent event = dragEvent(type, board, at);
                Event.fireEvent(view, event);
                return event;
              })
          .get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** The event the scene fires at the node under the cursor during a drag-and-drop gesture. */
  private DragEvent dragEvent(
      javafx.event.EventType<DragEvent> type, Dragboard board, Point2D screen) {
    Point2D local = view.screenToLocal(screen);
    return new DragEvent(
        view,
        view,
        type,
        board,
        local.getX(),
        local.getY(),
        screen.getX(),
        screen.getY(),
        TransferMode.COPY,
        null,
        view,
        null);
  }
}
