package dev.faultline.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.designer.canvas.CanvasView;
import dev.faultline.designer.canvas.StepGeometry;
import dev.faultline.designer.canvas.Viewport;
import javafx.geometry.Point2D;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.testfx.api.FxRobot;

/**
 * Drives the designer in the real window as a user does: the palette's search, the inspector's
 * fields, wires dragged from port to step. Shared by the UI test that builds the freeze → kill →
 * recover flow and the screenshot test that photographs the tutorial doing the same.
 */
final class DesignerRobot {
  private final FxRobot robot;
  private final MainWindow window;

  DesignerRobot(FxRobot robot, MainWindow window) {
    this.robot = robot;
    this.window = window;
  }

  /** Searches the palette and presses Enter: the step lands on the canvas, selected. */
  void addFromPalette(String search, String newId) {
    int before = window.viewModel().document().experiment().spec().steps().size();
    robot.clickOn("#palette-search");
    robot.interact(() -> robot.lookup("#palette-search").queryAs(TextInputControl.class).clear());
    robot.write(search).type(KeyCode.ENTER);
    Await.until(
        () -> window.viewModel().document().experiment().spec().steps().size() == before + 1);
    assertThat(window.viewModel().selection().primary()).contains(newId);
  }

  /** Renames the selected step through its id field. */
  void rename(String id) {
    type("#field-id", id);
    Await.until(() -> window.viewModel().selection().primary().orElse("").equals(id));
  }

  /** Replaces a field's text the way a user does: click, select all, type, Tab away. */
  void type(String field, String text) {
    TextInputControl control = robot.lookup(field).queryAs(TextInputControl.class);
    robot.interact(() -> scrollIntoView(control));
    robot.clickOn(control);
    robot.interact(control::selectAll);
    robot.write(text).type(KeyCode.TAB);
  }

  /** Picks {@code value} in the combo box {@code field}. */
  @SuppressWarnings("unchecked")
  void choose(String field, String value) {
    ComboBox<String> combo = robot.lookup(field).queryAs(ComboBox.class);
    robot.interact(() -> combo.setValue(value));
  }

  /** Types a number into the spinner {@code field} and presses Enter. */
  void spin(String field, String number) {
    Spinner<?> spinner = robot.lookup(field).queryAs(Spinner.class);
    robot.clickOn(spinner.getEditor());
    robot.interact(spinner.getEditor()::selectAll);
    robot.write(number).type(KeyCode.ENTER);
  }

  /** Scrolls the inspector so {@code field} shows, as a user would with the wheel. */
  void reveal(String field) {
    javafx.scene.Node node = robot.lookup(field).query();
    robot.interact(() -> scrollIntoView(node));
  }

  /** Drags a wire from {@code from}'s output port onto {@code to}, as the canvas shows them. */
  void connect(String from, String to) {
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

  private static Point2D screen(CanvasView canvas, double x, double y) {
    Viewport v = canvas.viewModel().viewport();
    return canvas.localToScreen(v.toScreenX(x), v.toScreenY(y));
  }
}
