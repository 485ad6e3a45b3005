package dev.faultline.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The confirmation before a run: it lists what will be hit, and on a protected context the Run
 * button stays disabled until the context's name is typed exactly.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class RunConfirmDialogUiTest {

  private static final RunPlan.PlannedAttack FREEZE =
      new RunPlan.PlannedAttack(
          "freeze",
          "Signal a process: signal=SIGSTOP, process=java",
          "checkout (app=checkout)",
          List.of("shop/checkout-1", "shop/checkout-2"),
          "");
  private static final RunPlan.PlannedAttack NOTHING =
      new RunPlan.PlannedAttack(
          "kill", "Kill containers", "cart (app=cart)", List.of(), "selects no pod now");

  private Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 400, 300));
    stage.show();
  }

  @Test
  void aProtectedContextNeedsItsNameTyped(FxRobot robot) {
    AtomicReference<Boolean> answer = new AtomicReference<>();
    show(
        robot,
        new RunPlan("checkout", "prod-eu", true, false, List.of(FREEZE, NOTHING), 1),
        answer);

    DialogPane pane = robot.lookup("#run-confirm").queryAs(DialogPane.class);
    assertThat(fx(pane::getHeaderText)).isEqualTo("Run checkout on prod-eu (protected)?");
    assertThat(texts(robot))
        .contains(
            "freeze \u00b7 Signal a process: signal=SIGSTOP, process=java",
            "target checkout (app=checkout) \u2192 2 pods: shop/checkout-1, shop/checkout-2",
            "\u26a0 selects no pod now",
            "1 probe will run.");
    Button run = robot.lookup("#confirm-run").queryButton();
    assertThat(run.isDisabled()).isTrue();

    TextField name = robot.lookup("#confirm-context-name").queryAs(TextField.class);
    robot.interact(() -> name.setText("prod-e"));
    assertThat(run.isDisabled()).isTrue();
    robot.interact(() -> name.setText("prod-eu"));
    assertThat(run.isDisabled()).isFalse();

    robot.clickOn(run);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(answer.get()).isTrue();
  }

  @Test
  void aDryRunAsksNoNameAndCancelSaysNo(FxRobot robot) {
    AtomicReference<Boolean> answer = new AtomicReference<>();
    show(robot, new RunPlan("checkout", "prod-eu", true, true, List.of(FREEZE), 0), answer);

    assertThat(robot.lookup("#confirm-context-name").tryQuery()).isEmpty();
    Button go = robot.lookup("#confirm-run").queryButton();
    assertThat(go.getText()).isEqualTo("Dry Run");
    assertThat(go.isDisabled()).isFalse();

    robot.clickOn("Cancel");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(answer.get()).isFalse();
  }

  @Test
  void twoAttacksOnTheSamePodsCountThemOnce(FxRobot robot) {
    RunPlan.PlannedAttack kill =
        new RunPlan.PlannedAttack(
            "kill",
            "Kill containers",
            "checkout (app=checkout)",
            List.of("shop/checkout-1", "shop/checkout-2"),
            "");
    show(
        robot,
        new RunPlan("checkout", "sandbox", false, false, List.of(FREEZE, kill), 1),
        new AtomicReference<>());

    assertThat(texts(robot))
        .anyMatch(text -> text.startsWith("2 pods (freeze 2, kill 2) will be hit."))
        .noneMatch(text -> text.startsWith("4 pods"));
  }

  @Test
  void runsInProgressOnTheSamePodsAreNamedAndThePlanKnowsItsTargets(FxRobot robot)
      throws Exception {
    RunPlan plan =
        new RunPlan("checkout", "sandbox", false, false, List.of(FREEZE), 1)
            .withOverlaps(
                List.of(
                    "run r-7 (freeze-all) also acts on Pod shop/checkout-1, Pod shop/checkout-2"));
    show(robot, plan, new AtomicReference<>());

    assertThat(robot.lookup("#run-overlap").tryQuery()).isPresent();
    assertThat(texts(robot))
        .anyMatch(
            text -> text.startsWith("\u26a0 Another run in progress acts on the same objects"))
        .contains(
            "\u2022 run r-7 (freeze-all) also acts on Pod shop/checkout-1, Pod shop/checkout-2");
    assertThat(plan.targets())
        .containsExactly(
            dev.faultline.safety.RunTarget.pod("sandbox", "shop/checkout-1"),
            dev.faultline.safety.RunTarget.pod("sandbox", "shop/checkout-2"));
    var shot = new AtomicReference<javafx.scene.image.WritableImage>();
    robot.interact(
        () ->
            shot.set(
                robot.lookup("#run-confirm").queryAs(DialogPane.class).getScene().snapshot(null)));
    java.nio.file.Path png = java.nio.file.Path.of("target", "screenshots", "run-overlap.png");
    java.nio.file.Files.createDirectories(png.getParent());
    dev.faultline.app.ScreenCapture.write(shot.get(), png);
  }

  @Test
  void everyProtectedContextOfAMultiClusterRunNeedsItsOwnNameTyped(FxRobot robot) {
    RunPlan.PlannedAttack inWest =
        new RunPlan.PlannedAttack(
            "freeze-west", "Signal a process", "checkout-west", List.of(), "", "west");
    RunPlan plan =
        new RunPlan(
            "checkout",
            "east",
            true,
            false,
            List.of(FREEZE, inWest),
            2,
            null,
            List.of(
                new RunPlan.OtherContext("west", true, ""),
                new RunPlan.OtherContext("north", false, "")));
    AtomicReference<Boolean> answer = new AtomicReference<>();
    show(robot, plan, answer);

    assertThat(texts(robot))
        .contains(
            "Acts on east (connected, protected), west (protected: type its name below) and"
                + " north (opened when the run starts).",
            "target checkout-west in west \u2192 pods resolved there at start")
        .anyMatch(
            t -> t.startsWith("2 pods in east, plus the pods selected in west at start, will be"));
    assertThat(plan.protectedContexts()).containsExactly("east", "west");
    Button run = robot.lookup("#confirm-run").queryButton();
    TextField east = robot.lookup("#confirm-context-name").queryAs(TextField.class);
    TextField west = robot.lookup("#confirm-context-name-west").queryAs(TextField.class);
    assertThat(robot.lookup("#confirm-context-name-north").tryQuery()).isEmpty();
    robot.interact(() -> east.setText("east"));
    assertThat(run.isDisabled()).as("west, protected too, is not typed yet").isTrue();
    robot.interact(() -> west.setText("west"));
    assertThat(run.isDisabled()).isFalse();
    robot.clickOn(run);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(answer.get()).isTrue();
  }

  @Test
  void theSamePodNameInTwoClustersIsTwoTargets() {
    RunPlan.PlannedAttack inWest =
        new RunPlan.PlannedAttack(
            "freeze-west", "Signal", "checkout-west", List.of("shop/checkout-1"), "", "west");
    RunPlan plan =
        new RunPlan(
            "checkout",
            "east",
            false,
            false,
            List.of(FREEZE, inWest),
            0,
            null,
            List.of(new RunPlan.OtherContext("west", false, "")));
    assertThat(plan.targets())
        .containsExactly(
            dev.faultline.safety.RunTarget.pod("east", "shop/checkout-1"),
            dev.faultline.safety.RunTarget.pod("east", "shop/checkout-2"),
            dev.faultline.safety.RunTarget.pod("west", "shop/checkout-1"));
    assertThat(plan.podsHit()).isEqualTo(3);
  }

  private void show(FxRobot robot, RunPlan plan, AtomicReference<Boolean> answer) {
    robot.interact(() -> new RunConfirmDialog(stage, plan).ask(answer::set));
    WaitForAsyncUtils.waitForFxEvents();
  }

  private static List<String> texts(FxRobot robot) {
    return fx(
        () ->
            robot.lookup("#run-confirm .label").queryAllAs(Label.class).stream()
                .map(Label::getText)
                .toList());
  }

  private static <T> T fx(Callable<T> read) {
    try {
      return WaitForAsyncUtils.asyncFx(read).get();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
