package dev.faultline.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.app.connection.FakeClusterService;
import dev.faultline.cli.Main;
import dev.faultline.designer.fx.FxTaskExecutor;
import dev.faultline.format.ExperimentReader;
import dev.faultline.format.ReadResult;
import dev.faultline.model.AttackStep;
import dev.faultline.model.Experiment;
import dev.faultline.model.ProbeStep;
import dev.faultline.model.Target;
import dev.faultline.model.Until;
import dev.faultline.validate.Validator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * What a newcomer does with the real window: builds the freeze → until failing → kill → until
 * recovered flow from an empty experiment with the palette, the canvas and the inspector, saves it,
 * and the CLI's {@code faultline validate} accepts the file.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class BuildTheFreezeKillRecoverFlowUiTest {

  private final List<Throwable> fxFailures = new CopyOnWriteArrayList<>();
  private MainWindow window;

  @TempDir Path dir;

  @Start
  void start(Stage stage) {
    Thread.currentThread()
        .setUncaughtExceptionHandler((thread, failure) -> fxFailures.add(failure));
    window =
        MainStage.show(stage, LaunchOptions.NONE, new FxTaskExecutor(), new FakeClusterService());
  }

  @AfterEach
  void noFailuresOnTheFxThread() {
    assertThat(fxFailures).isEmpty();
  }

  @Test
  void aNewcomerBuildsTheFlowSavesItAndValidateAcceptsIt(FxRobot robot) throws Exception {
    DesignerRobot designer = new DesignerRobot(robot, window);
    // The first attack, with a new target filled in inline.
    designer.addFromPalette("process.signal", "process-signal");
    designer.rename("freeze");
    designer.choose("#field-target", "New target\u2026");
    Await.until(() -> !targets().isEmpty());
    designer.type("#field-namespaces", "shop");
    designer.type("#field-labelSelector", "app=checkout");
    designer.type("#field-podName", "checkout-.*");
    designer.type("#field-containers", "app, side.*");
    designer.choose("#field-blastRadius-mode", "percent");
    designer.spin("#field-blastRadius-value", "50");
    designer.choose("#field-with-signal", "SIGSTOP");
    designer.type("#field-with-process", "java");

    // The probe that waits for the damage.
    designer.addFromPalette("http.check", "http-check");
    designer.rename("until-unhealthy");
    designer.choose("#field-until", "until failing");
    designer.type("#field-timeout", "10s");
    designer.type("#field-with-url", "http://checkout.shop/health");
    designer.type("#field-with-jq", ".status == \"UP\"");

    // Kill, and the probe that waits for the recovery.
    designer.addFromPalette("process.signal", "process-signal");
    designer.rename("kill");
    designer.choose("#field-with-signal", "SIGKILL");
    designer.type("#field-with-process", "java");
    designer.addFromPalette("http.check", "http-check");
    designer.rename("until-recovered");
    designer.choose("#field-until", "until passing");
    designer.type("#field-timeout", "120s");
    designer.type("#field-with-url", "http://checkout.shop/health");
    designer.type("#field-with-jq", ".status == \"UP\"");

    // Wire them with the mouse, port to step, as the canvas shows them.
    robot.interact(window.canvas()::zoomToFit);
    designer.connect("freeze", "until-unhealthy");
    designer.connect("until-unhealthy", "kill");
    designer.connect("kill", "until-recovered");

    Experiment built = window.viewModel().document().experiment();
    assertThat(built.spec().step("until-recovered").orElseThrow().after()).containsExactly("kill");
    AttackStep freeze = (AttackStep) built.spec().step("freeze").orElseThrow();
    assertThat(freeze.with().values()).containsEntry("signal", "SIGSTOP");
    Target target = built.spec().targets().get(freeze.target());
    assertThat(target.containers()).containsExactly("app", "side.*");
    assertThat(target.effectiveBlastRadius().value()).isEqualTo(50);
    assertThat(((ProbeStep) built.spec().step("until-unhealthy").orElseThrow()).until())
        .isEqualTo(Until.FAILING);
    Await.until(() -> window.viewModel().problems().problems().isEmpty());

    Path file = dir.resolve("freeze-kill-recover.yaml");
    robot.interact(() -> window.viewModel().saveAs(file));
    Await.until(() -> !window.viewModel().document().isDirty());

    assertThat(Main.run("validate", file.toString())).isZero();
    ReadResult reread = new ExperimentReader().read(file).validated(Validator.standard());
    assertThat(reread.problems()).isEmpty();
    assertThat(reread.experiment()).contains(built);
    assertThat(Files.readString(file)).contains("layout:");
  }

  private Set<String> targets() {
    return window.viewModel().document().experiment().spec().targets().keySet();
  }
}
