package dev.faultline.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.app.connection.FabricClusterService;
import dev.faultline.attack.Fault;
import dev.faultline.attack.ObjectRef;
import dev.faultline.cli.Main;
import dev.faultline.cluster.KubeContexts;
import dev.faultline.designer.run.RunViewModel;
import dev.faultline.engine.Verdict;
import dev.faultline.export.ExportFormat;
import dev.faultline.safety.FileRollbackJournal;
import dev.faultline.safety.StateDirectory;
import dev.faultline.sandbox.SandboxOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Renders the screenshots of docs/tutorial.md and docs/user-guide.md from the real window on the
 * real embedded sandbox: the tutorial builds the freeze → kill → recover flow from an empty
 * experiment, previews its pods, runs it to a verdict and exports it; the tour shows the leftover
 * warning, the context switcher, the command palette, validation problems and the Chaos Mesh
 * attacks. Run with {@code -Pscreenshots}; not part of the test run.
 */
@Tag("screenshots")
@ExtendWith(ApplicationExtension.class)
class GuideScreenshots {
  private static final String HEALTH = "http://checkout.shop/health";
  private static final String ALL_READY = ".status == \"UP\" and .ready == .total";

  @TempDir Path dir;
  private Stage stage;
  private MainWindow window;

  @Start
  void start(Stage stage) {
    this.stage = stage;
  }

  /**
   * The real window on the real embedded sandbox; the kubeconfig lists two more contexts (one
   * protected), as a typical SRE's does, for the context switcher.
   */
  private void show(FxRobot robot, Optional<String> file) throws Exception {
    System.setProperty(StateDirectory.PROPERTY, dir.resolve("state").toString());
    Path kubeconfig = dir.resolve("kubeconfig");
    Files.writeString(kubeconfig, KUBECONFIG);
    Files.writeString(dir.resolve("contexts.yaml"), "protected: [prod-eu]\n");
    FabricClusterService clusters =
        new FabricClusterService(
            new KubeContexts(Map.of(KubeContexts.KUBECONFIG, kubeconfig.toString()), dir),
            SandboxOptions.defaults().withKubeconfig(dir.resolve("sandbox/kubeconfig")),
            dir.resolve("contexts.yaml"));
    window =
        ScreenCapture.showLive(
            robot, stage, new LaunchOptions(true, file, false, Optional.empty()), clusters);
  }

  @AfterEach
  void closeWindow(FxRobot robot) {
    if (window != null) {
      robot.interact(() -> window.runs().emergencyStop());
      Await.until(60, "the run is rolled back", () -> !window.runs().activeBinding().get());
      robot.interact(
          () ->
              Window.getWindows().stream()
                  .filter(w -> w != stage && w.isShowing())
                  .toList()
                  .forEach(Window::hide));
    }
    robot.interact(stage::hide);
    System.clearProperty(StateDirectory.PROPERTY);
  }

  /** docs/tutorial.md, step by step. */
  @Test
  void tutorial(FxRobot robot) throws Exception {
    show(robot, Optional.empty());
    settle();
    save(robot, "screenshot-tutorial-empty.png");

    // Step 2: the freeze, from the palette, with a new target.
    DesignerRobot designer = new DesignerRobot(robot, window);
    designer.addFromPalette("process.signal", "process-signal");
    designer.rename("freeze");
    designer.choose("#field-with-signal", "SIGSTOP");
    designer.type("#field-with-process", "java");
    settle();
    save(robot, "screenshot-tutorial-first-attack.png");

    // Step 3: the target, and the pods it selects under the inspector.
    designer.choose("#field-target", "New target\u2026");
    Await.until(() -> !window.viewModel().document().experiment().spec().targets().isEmpty());
    designer.type("#field-namespaces", "shop");
    designer.type("#field-labelSelector", "app=checkout");
    designer.type("#field-podName", "checkout-.*");
    designer.type("#field-containers", "app, side.*");
    designer.choose("#field-blastRadius-mode", "percent");
    designer.spin("#field-blastRadius-value", "50");
    designer.reveal("#field-labelSelector");
    settle();
    save(robot, "screenshot-tutorial-target.png");

    // Step 4: the experiment's name and the target's, in the experiment form (nothing selected).
    robot.interact(() -> window.viewModel().selection().clear());
    designer.type("#field-metadata-name", "checkout-freeze-and-recover");
    designer.type("#target-name-target", "checkout");
    Await.until(
        () ->
            fx(
                () ->
                    window
                        .viewModel()
                        .document()
                        .experiment()
                        .spec()
                        .targets()
                        .keySet()
                        .equals(java.util.Set.of("checkout"))));
    designer.reveal("#target-name-checkout");
    // Focus in the target's fields: the preview under the inspector shows the pods it selects.
    robot.clickOn("#field-labelSelector");
    settle();
    save(robot, "screenshot-tutorial-experiment.png");

    // Step 5: the probes and the kill, wired in sequence, laid out.
    designer.addFromPalette("http.check", "http-check");
    designer.rename("until-unhealthy");
    designer.choose("#field-until", "until failing");
    designer.type("#field-timeout", "10s");
    designer.type("#field-with-url", HEALTH);
    designer.type("#field-with-jq", ALL_READY);
    designer.addFromPalette("process.signal", "process-signal");
    designer.rename("kill");
    designer.choose("#field-target", "checkout");
    designer.choose("#field-with-signal", "SIGKILL");
    designer.type("#field-with-process", "java");
    designer.addFromPalette("http.check", "http-check");
    designer.rename("until-recovered");
    designer.choose("#field-until", "until passing");
    designer.type("#field-timeout", "120s");
    designer.type("#field-with-url", HEALTH);
    designer.type("#field-with-jq", ALL_READY);
    robot.interact(window.canvas()::zoomToFit);
    designer.connect("freeze", "until-unhealthy");
    designer.connect("until-unhealthy", "kill");
    designer.connect("kill", "until-recovered");
    robot.interact(window::autoLayout);
    Await.until(20, "the auto-layout", () -> fx(() -> !window.autoLayoutRunning().get()));
    Await.until(() -> window.viewModel().problems().problems().isEmpty());
    robot.interact(
        () -> {
          window.viewModel().selection().select("freeze");
          bottomTab(robot, "problems-tab");
          window.canvas().zoomToFit();
        });
    settle();
    save(robot, "screenshot-tutorial-wired.png");

    // Step 6: saved, and the command line agrees it is valid.
    Path file = dir.resolve("checkout-freeze.yaml");
    robot.interact(() -> window.viewModel().saveAs(file));
    Await.until(() -> !window.viewModel().document().isDirty());
    assertThat(Main.run("validate", file.toString())).isZero();
    robot.interact(() -> bottomTab(robot, "text-tab"));
    settle();
    save(robot, "screenshot-tutorial-saved.png");

    // Step 7: Run, the confirmation, the run, the verdict.
    robot.interact(() -> window.runs().run(false));
    Await.until(20, "the confirmation", () -> robot.lookup("#confirm-run").tryQuery().isPresent());
    settle();
    save(robot, "screenshot-tutorial-confirm.png");
    robot.interact(() -> robot.lookup("#confirm-run").queryButton().fire());
    Await.until(30, "the freeze applied", () -> fx(() -> run().faultsAppliedProperty().get() >= 2));
    WaitForAsyncUtils.sleep(1200, TimeUnit.MILLISECONDS);
    save(robot, "screenshot-tutorial-running.png");
    Await.until(150, "the verdict", () -> fx(() -> run().verdictProperty().get() != null));
    assertThat(fx(() -> run().verdictProperty().get())).isEqualTo(Verdict.PASSED);
    // The palette comes back when the run ends; Ctrl+1 and Ctrl+2 hide the side panels so the
    // run bar has room for the verdict (see the tutorial).
    robot.interact(
        () -> {
          window.panels().leftShown.set(false);
          window.panels().rightShown.set(false);
        });
    settle();
    save(robot, "screenshot-tutorial-passed.png");

    // Step 8: the report, as Save Report writes it.
    Path report = dir.resolve("report.html");
    robot.interact(() -> run().saveReport(report));
    Await.until(
        20,
        "the report",
        () -> Files.exists(report) && !fx(() -> run().savingReportProperty().get()));
    assertThat(Files.readString(report)).contains("v-passed");

    // Step 9: File › Export… as a JUnit test.
    robot.interact(window::showExport);
    Await.until(10, "the export dialog", () -> window.exportStage() != null);
    var dialog = window.exportStage().getScene();
    robot.interact(
        () ->
            ((ChoiceBox<?>) dialog.lookup("#export-format"))
                .getSelectionModel()
                .select(ExportFormat.JAVA.ordinal()));
    Await.until(
        10,
        "the JUnit preview",
        () ->
            dialog.lookup("#export-preview") instanceof TextArea area
                && area.getText().contains("@Test"));
    settle();
    ScreenCapture.save(robot, dialog, "screenshot-tutorial-export.png");
  }

  /** The user guide's tour: warnings, switcher, command palette, problems, Chaos Mesh attacks. */
  @Test
  void guideTour(FxRobot robot) throws Exception {
    crashedRun();
    Path example =
        ScreenCapture.DOCS.resolve("examples/checkout-freeze-and-recover.yaml").toAbsolutePath();
    show(robot, Optional.of(example.normalize().toString()));
    Await.until(
        30,
        "the example open and the leftover warning",
        () ->
            fx(() -> !window.viewModel().leftoverWarningProperty().get().isEmpty())
                && fx(() -> window.viewModel().document().experiment().spec().steps().size() == 4));
    robot.interact(() -> window.canvas().zoomToFit());
    settle();
    save(robot, "screenshot-leftover-warning.png");
    robot.interact(() -> window.viewModel().dismissLeftoverWarning());

    robot.interact(
        () ->
            robot
                .lookup("#context-switcher")
                .queryAs(javafx.scene.control.MenuButton.class)
                .show());
    settle();
    save(robot, "screenshot-context-switcher.png");
    robot.interact(
        () ->
            robot
                .lookup("#context-switcher")
                .queryAs(javafx.scene.control.MenuButton.class)
                .hide());

    robot.interact(window::showCommandPalette);
    robot.interact(() -> window.commandPalette().setQuery("run"));
    settle();
    save(robot, "screenshot-command-palette.png");
    robot.interact(() -> window.commandPalette().hide());

    // A file with mistakes: the Problems tab lists them with line and column.
    Path broken = dir.resolve("checkout-typos.yaml");
    Files.writeString(
        broken,
        Files.readString(example)
            .replace(
                "target: checkout\n      with:\n        signal: SIGSTOP",
                "target: checkuot\n      with:\n        signal: SIGSTOP")
            .replace("timeout: 10s", "timeout: ten seconds"));
    robot.interact(() -> window.viewModel().open(broken));
    Await.until(
        20, "the problems", () -> fx(() -> window.viewModel().problems().problems().size() >= 2));
    robot.interact(
        () -> {
          bottomTab(robot, "problems-tab");
          window.canvas().zoomToFit();
        });
    settle();
    save(robot, "screenshot-problems.png");

    Path chaosMesh =
        ScreenCapture.DOCS.resolve("examples/checkout-dependencies.yaml").toAbsolutePath();
    robot.interact(() -> window.viewModel().open(chaosMesh.normalize()));
    Await.until(
        20,
        "the Chaos Mesh example open and valid",
        () ->
            fx(
                    () ->
                        window
                            .viewModel()
                            .file()
                            .map(f -> f.endsWith("checkout-dependencies.yaml"))
                            .orElse(false))
                && fx(() -> window.viewModel().problems().problems().isEmpty()));
    robot.interact(
        () -> {
          bottomTab(robot, "text-tab");
          window.canvas().zoomToFit();
        });
    WaitForAsyncUtils.sleep(1500, TimeUnit.MILLISECONDS);
    save(robot, "screenshot-chaos-mesh-attacks.png");
  }

  /** A journal as a run leaves it when the machine dies with its faults applied. */
  private void crashedRun() throws Exception {
    Path state = dir.resolve("state");
    String runId = "checkout-freeze-and-recover-20261202-053256-b170";
    try (var journal =
        FileRollbackJournal.create(
            state, runId, "checkout-freeze-and-recover", "faultline-sandbox")) {
      for (String pod : List.of("checkout-8tlkkdzh54-czr4t", "checkout-8tlkkdzh54-sxtv7")) {
        journal.record(
            new Fault(
                "freeze#" + pod.substring(pod.length() - 1),
                runId,
                "freeze",
                "process.signal",
                "faultline-sandbox",
                ObjectRef.container("shop", pod, "app"),
                "SIGSTOP processes matching /java/ in Pod shop/" + pod + " [app]",
                true,
                Map.of("signal", "SIGSTOP", "process", "java")));
      }
    }
  }

  private RunViewModel run() {
    return window.runs().currentProperty().get();
  }

  private static void bottomTab(FxRobot robot, String id) {
    TabPane tabs = robot.lookup("#bottom-tabs").queryAs(TabPane.class);
    Tab tab = tabs.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst().orElseThrow();
    tabs.getSelectionModel().select(tab);
  }

  /** Lets the canvas, the preview and the charts catch up before the picture. */
  private static void settle() {
    WaitForAsyncUtils.waitForFxEvents();
    WaitForAsyncUtils.sleep(800, TimeUnit.MILLISECONDS);
  }

  /** The window with whatever popup or dialog is open over it. */
  private void save(FxRobot robot, String name) throws Exception {
    List<Window> overlays =
        fx(() -> Window.getWindows().stream().filter(w -> w != stage && w.isShowing()).toList());
    ScreenCapture.save(robot, stage.getScene(), overlays, name);
  }

  private static <T> T fx(Callable<T> read) {
    try {
      return WaitForAsyncUtils.asyncFx(read).get();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static final String KUBECONFIG =
      """
      apiVersion: v1
      kind: Config
      current-context: staging
      clusters:
      - name: staging
        cluster: {server: "https://staging.k8s.example.internal:6443"}
      - name: prod-eu
        cluster: {server: "https://prod-eu.k8s.example.internal:6443"}
      users:
      - name: sre
        user: {token: not-a-real-token}
      contexts:
      - name: staging
        context: {cluster: staging, user: sre, namespace: shop}
      - name: prod-eu
        context: {cluster: prod-eu, user: sre, namespace: payments}
      """;
}
