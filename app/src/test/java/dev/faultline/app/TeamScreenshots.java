package dev.faultline.app;

import dev.faultline.app.connection.FabricClusterService;
import dev.faultline.app.connection.FakeClusterService;
import dev.faultline.app.runs.ActiveRunsViewModel;
import dev.faultline.app.runs.ActiveRunsWindow;
import dev.faultline.cluster.KubeContexts;
import dev.faultline.designer.fx.FxTaskExecutor;
import dev.faultline.export.ExportFormat;
import dev.faultline.safety.ActiveRuns;
import dev.faultline.safety.RunState;
import dev.faultline.safety.RunTarget;
import dev.faultline.safety.StateDirectory;
import dev.faultline.sandbox.SandboxOptions;
import java.lang.reflect.Constructor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
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

/**
 * Renders the docs/ screenshots of the features teams use together: the Runs on This Machine
 * window, the Java export with its own K3s cluster, the preview's zone → node grouping on the zoned
 * sandbox, and the experiment's loop and schedule fields. Run with {@code -Pscreenshots}; not part
 * of the test run.
 */
@Tag("screenshots")
@ExtendWith(ApplicationExtension.class)
class TeamScreenshots {
  private static final Path DOCS = ScreenCapture.DOCS;

  /** Kills the cart JVMs on one node in each of two zones, then waits for recovery. */
  private static final String ZONES =
      """
      apiVersion: faultline.dev/v1alpha1
      kind: Experiment
      metadata:
        name: cart-lose-a-node-per-zone
        description: Kill the cart JVMs on one node in each of two zones and expect every replica back within two minutes.
      spec:
        safety:
          namespaces: {allow: [shop], deny: [kube-system]}
          maxDuration: 10m
        targets:
          cart:
            namespaces: [shop]
            labelSelector: app=cart
            blastRadius: {mode: all, topology: {zones: 2, nodesPerZone: 1}}
        steps:
          - id: kill
            attack: process.signal
            target: cart
            with: {signal: SIGKILL, process: java}
          - id: until-recovered
            after: [kill]
            probe: http.check
            until: passing
            timeout: 120s
            with:
              url: http://cart.shop/health
              jq: .status == "UP" and .ready == .total
      layout:
        kill: {x: 80, y: 120}
        until-recovered: {x: 320, y: 120}
      """;

  @TempDir Path dir;
  private Stage stage;
  private MainWindow window;
  private boolean live;
  private final List<AutoCloseable> registrations = new ArrayList<>();

  @Start
  void start(Stage stage) {
    this.stage = stage;
  }

  @AfterEach
  void closeWindow(FxRobot robot) throws Exception {
    for (AutoCloseable registration : registrations) {
      registration.close();
    }
    if (window != null && live) {
      robot.interact(() -> window.runs().emergencyStop());
      Await.until(60, "the run is rolled back", () -> !window.runs().activeBinding().get());
    }
    robot.interact(stage::hide);
    System.clearProperty(StateDirectory.PROPERTY);
  }

  /** The real window on the real embedded (zoned) sandbox. */
  private void showLive(FxRobot robot) {
    System.setProperty(StateDirectory.PROPERTY, dir.resolve("state").toString());
    FabricClusterService clusters =
        new FabricClusterService(
            new KubeContexts(Map.of(), dir.resolve("home")),
            SandboxOptions.defaults().withKubeconfig(dir.resolve("sandbox/kubeconfig")),
            dir.resolve("contexts.yaml"));
    live = true;
    window =
        ScreenCapture.showLive(
            robot,
            stage,
            new LaunchOptions(true, Optional.empty(), false, Optional.empty()),
            clusters);
  }

  /** The real window on a fake cluster: enough for dialogs and forms that need no pods. */
  private void showOffline(FxRobot robot) {
    System.setProperty(StateDirectory.PROPERTY, dir.resolve("state").toString());
    robot.interact(
        () -> {
          window =
              MainStage.show(
                  stage,
                  new LaunchOptions(true, Optional.empty(), false, Optional.empty()),
                  new FxTaskExecutor(),
                  new FakeClusterService());
          stage.setWidth(1400);
          stage.setHeight(860);
        });
  }

  private void open(FxRobot robot, Path file, int steps) {
    Path path = file.toAbsolutePath().normalize();
    robot.interact(() -> window.viewModel().open(path));
    Await.until(
        20,
        "the experiment is open",
        () ->
            window.viewModel().file().isPresent()
                && window.viewModel().document().experiment().spec().steps().size() == steps);
  }

  @Test
  void runsOnThisMachine(FxRobot robot) throws Exception {
    showOffline(robot);
    Path state = StateDirectory.get();
    Instant start = Instant.parse("2026-12-03T13:22:02Z");
    var freeze =
        register(
            state,
            start,
            "20261203-132202-checkout-freeze-and-recover-3f2a",
            "faultline-sandbox",
            "checkout-freeze-and-recover",
            List.of(RunTarget.pod("faultline-sandbox", "shop/checkout-7d9f8-x2k4q")));
    freeze.update(RunState.WAITING_AT_GATE, 1, freeze.run().targets());
    var delay =
        register(
            state,
            start.plusSeconds(218),
            "20261203-132540-cart-network-delay-9c01",
            "kind-staging",
            "cart-network-delay",
            List.of(
                RunTarget.pod("kind-staging", "shop/cart-5c6b9-l8d2m"),
                RunTarget.pod("kind-staging", "shop/cart-5c6b9-q7w3n")));
    delay.update(RunState.RUNNING, 2, delay.run().targets());
    var drain =
        register(
            state,
            start.plusSeconds(493),
            "20261203-133015-payments-node-drain-b7e4",
            "gke-eu-staging",
            "payments-node-drain",
            List.of());
    drain.update(RunState.RUNNING, 1, drain.run().targets());
    for (var registration : List.of(freeze, delay, drain)) {
      registration.flush();
    }
    // A still clock, so "Since" reads as a screenshot taken at 13:31:40.
    Clock now = Clock.fixed(Instant.parse("2026-12-03T13:31:40Z"), ZoneOffset.UTC);
    var model = new ActiveRunsViewModel(new ActiveRuns(state), window.viewModel().tasks(), now);
    var runs = new java.util.concurrent.atomic.AtomicReference<ActiveRunsWindow>();
    robot.interact(
        () -> {
          runs.set(new ActiveRunsWindow(stage, model));
          // Wide enough for whole run ids and start times, as one would drag it.
          runs.get().setWidth(1400);
          runs.get().setHeight(200);
          runs.get().show();
          // Whole run ids and start times, as one would widen the columns.
          javafx.scene.control.TableView<?> table = robot.lookup("#active-runs").query();
          double[] widths = {405, 220, 150, 280, 120, 60};
          for (int i = 0; i < widths.length; i++) {
            table.getColumns().get(i).setPrefWidth(widths[i]);
          }
        });
    Await.until(
        10,
        "three runs listed",
        () ->
            model.rows().size() == 3
                && model.rows().stream().anyMatch(r -> r.state().equals("waiting at gate")));
    WaitForAsyncUtils.sleep(800, TimeUnit.MILLISECONDS);
    ScreenCapture.save(robot, runs.get().getScene(), "screenshot-active-runs.png");
    robot.interact(runs.get()::hide);
  }

  /** Registers a run that started at {@code startedAt}, as the run's own process would. */
  private ActiveRuns.Registration register(
      Path state,
      Instant startedAt,
      String runId,
      String context,
      String experiment,
      List<RunTarget> targets)
      throws Exception {
    // The registry takes its clock package-privately; the start times make the rows believable.
    Constructor<ActiveRuns> clocked =
        ActiveRuns.class.getDeclaredConstructor(Path.class, Clock.class);
    clocked.setAccessible(true);
    ActiveRuns registry = clocked.newInstance(state, Clock.fixed(startedAt, ZoneOffset.UTC));
    var registration = registry.register(runId, context, experiment, null, targets);
    registrations.add(registration);
    return registration;
  }

  @Test
  void javaExportWithItsOwnK3sCluster(FxRobot robot) throws Exception {
    showOffline(robot);
    open(robot, DOCS.resolve("examples/checkout-freeze-and-recover.yaml"), 4);
    robot.interact(window::showExport);
    Await.until(10, "the export dialog", () -> window.exportStage() != null);
    Scene dialog = window.exportStage().getScene();
    // Taller and wider than it opens, so the preview holds the whole K3s part of the test.
    robot.interact(
        () -> {
          window.exportStage().setWidth(1000);
          window.exportStage().setHeight(860);
        });
    TextArea preview = (TextArea) dialog.lookup("#export-preview");
    @SuppressWarnings("unchecked")
    ChoiceBox<ExportFormat> format = (ChoiceBox<ExportFormat>) dialog.lookup("#export-format");
    robot.interact(() -> format.setValue(ExportFormat.JAVA));
    Await.until(10, "the Java preview", () -> preview.getText().contains("class "));
    robot.interact(() -> ((CheckBox) dialog.lookup("#export-k3s")).setSelected(true));
    Await.until(
        10, "the K3s test", () -> preview.getText().contains("new K3sContainer(K3S_IMAGE)"));
    robot.interact(
        () -> ((TextField) dialog.lookup("#export-k3s-manifests")).setText("k8s/shop.yaml"));
    Await.until(
        10,
        "the set-up in the test",
        () -> preview.getText().contains("List.of(Path.of(\"k8s/shop.yaml\"))"));
    WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
    // The K3s part (image, set-up, the container) is the subject: scroll it to the top.
    robot.interact(() -> scrollToLine(preview, "/** The K3s release"));
    WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
    ScreenCapture.save(robot, dialog, "screenshot-export-k3s.png");
  }

  /** Scrolls {@code area} so the first line holding {@code text} is its top line. */
  private static void scrollToLine(TextArea area, String text) {
    String all = area.getText();
    long line = all.substring(0, all.indexOf(text)).chars().filter(c -> c == '\n').count();
    long lines = all.chars().filter(c -> c == '\n').count() + 1;
    // The skin draws the text as one Text node; its height over the line count is a line.
    javafx.scene.text.Text shown =
        area.lookupAll(".text").stream()
            .filter(javafx.scene.text.Text.class::isInstance)
            .map(javafx.scene.text.Text.class::cast)
            .filter(t -> t.getText() != null && t.getText().contains(text))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no text node in the preview"));
    double lineHeight = shown.getBoundsInParent().getHeight() / lines;
    area.setScrollTop(shown.getBoundsInParent().getMinY() + line * lineHeight - 4);
  }

  @Test
  void previewGroupsZonesAndNodes(FxRobot robot) throws Exception {
    showLive(robot);
    Path file = dir.resolve("cart-lose-a-node-per-zone.yaml");
    Files.writeString(file, ZONES);
    open(robot, file, 2);
    Await.until(10, "no problems", () -> window.viewModel().problems().problems().isEmpty());
    robot.interact(
        () -> {
          window.viewModel().selection().select("kill");
          // The YAML tab below shows the blast radius the grouping comes from.
          robot.lookup("#bottom-tabs").queryAs(TabPane.class).getSelectionModel().select(1);
        });
    robot.interact(() -> splitAround(robot.lookup("#bottom-tabs").query(), 0.42));
    WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
    robot.interact(() -> window.canvas().zoomToFit());
    Await.until(
        60,
        "the zone grouping",
        () -> stage.getScene().lookup("#preview-zones") instanceof Node zones && zones.isVisible());
    WaitForAsyncUtils.sleep(2, TimeUnit.SECONDS);
    ScreenCapture.save(robot, stage.getScene(), "screenshot-preview-zones.png");
  }

  @Test
  void loopAndScheduleFields(FxRobot robot) throws Exception {
    showLive(robot);
    Path file = dir.resolve("checkout-freeze-every-two-hours.yaml");
    String example =
        Files.readString(DOCS.resolve("examples/checkout-freeze-and-recover.yaml"))
            .replace("checkout-freeze-and-recover", "checkout-freeze-every-two-hours")
            .replace(
                "    maxDuration: 10m\n",
                """
                    maxDuration: 10m
                  loop:
                    times: 3
                    pause: 30s
                  schedule:
                    cron: "0 */2 * * *"
                    timeZone: Europe/Berlin
                """);
    Files.writeString(file, example);
    open(robot, file, 4);
    robot.interact(
        () -> {
          window.viewModel().selection().clear();
          window.canvas().zoomToFit();
        });
    WaitForAsyncUtils.sleep(800, TimeUnit.MILLISECONDS);
    // The inspector is the subject: the preview below it (nothing selected) gets less room.
    robot.interact(() -> splitAround(robot.lookup(".inspector-scroll").query(), 0.75));
    WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
    robot.interact(() -> scrollIntoView(stage.getScene().getRoot(), "Loop and schedule"));
    WaitForAsyncUtils.sleep(800, TimeUnit.MILLISECONDS);
    ScreenCapture.save(robot, stage.getScene(), "screenshot-loop-schedule.png");
  }

  /** Moves the divider of the split pane that holds {@code node} to {@code position}. */
  private static void splitAround(Node node, double position) {
    Node parent = node;
    while (parent != null && !(parent instanceof javafx.scene.control.SplitPane)) {
      parent = parent.getParent();
    }
    if (!(parent instanceof javafx.scene.control.SplitPane split)) {
      throw new AssertionError(node + " is not in a split pane");
    }
    split.setDividerPositions(position);
  }

  /** Scrolls the scroll pane holding the label {@code text} so the label is at its top. */
  private static void scrollIntoView(Parent root, String text) {
    Node label =
        root.lookupAll("*").stream()
            .filter(n -> n instanceof Labeled l && text.equalsIgnoreCase(l.getText()))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no label " + text));
    Node parent = label.getParent();
    while (parent != null && !(parent instanceof ScrollPane)) {
      parent = parent.getParent();
    }
    if (!(parent instanceof ScrollPane scroll)) {
      throw new AssertionError(text + " is not in a scroll pane");
    }
    Node content = scroll.getContent();
    double y = content.sceneToLocal(label.localToScene(0, 0)).getY();
    double free = content.getLayoutBounds().getHeight() - scroll.getViewportBounds().getHeight();
    scroll.setVvalue(free <= 0 ? 0 : Math.min(1, Math.max(0, (y - 8) / free)));
  }
}
