package dev.faultline.designer.inspector;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import dev.faultline.designer.fx.Snapshots;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The target's context field as a user meets it: an editable combo that suggests the kubeconfig's
 * contexts, where typing or picking writes {@code context}, and an undo empties it again.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ContextFieldUiTest {
  private Fixture fixture;
  private InspectorViewModel model;

  @Start
  void start(Stage stage) {
    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    fixture = Fixture.checkoutOnFxThread();
    model = fixture.inspector();
    model.kubeContextsProperty().set(List.of("east", "west"));
    Scene scene = new Scene(new InspectorView(model), 420, 760);
    scene.getStylesheets().add(InspectorView.stylesheet());
    stage.setScene(scene);
    stage.show();
  }

  @Test
  @SuppressWarnings("unchecked")
  void typingOrPickingAContextWritesItAndUndoEmptiesIt(FxRobot robot) {
    robot.interact(() -> fixture.selection.select("freeze"));
    ComboBox<String> context = robot.lookup("#field-context").queryAs(ComboBox.class);
    assertThat(context.isEditable()).isTrue();
    assertThat(context.getItems()).containsExactly("east", "west");
    assertThat(context.getEditor().getPromptText()).isEqualTo("the run's context");

    robot.clickOn(context.getEditor());
    robot.write("west");
    robot.type(KeyCode.TAB);
    assertThat(target().context()).isEqualTo("west");

    robot.interact(() -> fixture.document.undo());
    assertThat(target().context()).isNull();
    assertThat(context.getEditor().getText()).isEmpty();

    robot.interact(context::show);
    robot.clickOn(
        robot
            .lookup(".list-cell")
            .match(n -> "east".equals(((javafx.scene.control.Labeled) n).getText()))
            .queryAs(javafx.scene.Node.class));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(target().context()).isEqualTo("east");
    assertThat(context.getEditor().getText()).isEqualTo("east");

    assertThat(fxSnapshot(robot, context)).exists();
  }

  private static Path fxSnapshot(FxRobot robot, javafx.scene.Node node) {
    Path[] file = new Path[1];
    robot.interact(() -> file[0] = Snapshots.write(node.getScene().getRoot(), "context-field"));
    return file[0];
  }

  private dev.faultline.model.Target target() {
    return fixture.document.experiment().spec().targets().get("checkout");
  }
}
