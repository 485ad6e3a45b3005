package dev.faultline.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.app.connection.FabricClusterService;
import dev.faultline.attack.AttackExecutors;
import dev.faultline.cluster.KubeContexts;
import dev.faultline.designer.run.RunPhase;
import dev.faultline.designer.run.RunViewModel;
import dev.faultline.designer.run.log.LogLine;
import dev.faultline.designer.run.pods.PodRow;
import dev.faultline.designer.run.pods.PodState;
import dev.faultline.designer.run.pods.PodStatusStrip;
import dev.faultline.engine.Verdict;
import dev.faultline.safety.Cleanup;
import dev.faultline.safety.StateDirectory;
import dev.faultline.sandbox.SandboxOptions;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A multi-cluster experiment run from the real window: the app is connected to {@code east} (the
 * current context of a kubeconfig whose {@code west} is a second sandbox). The run opens west
 * through the app's own kubeconfig, freezes checkout there while a probe in west sees it and a
 * probe in east does not; the run view lists the pods under east and west; every fault in west is
 * rolled back. The confirmation covers every context: a protected west needs its own name typed,
 * and a context the kubeconfig lacks is named with a did-you-mean and nothing runs.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class MultiClusterRunFromTheWindowUiTest {
  private static final String HEALTHY = ".status == \"UP\" and .ready == .total";

  private final List<Throwable> fxFailures = new CopyOnWriteArrayList<>();
  @TempDir Path dir;
  private TwoClusters clusters;
  private FabricClusterService service;
  private Stage stage;
  private MainWindow window;
  private KubernetesClient east;
  private KubernetesClient west;

  @BeforeEach
  void start() throws Exception {
    System.setProperty(StateDirectory.PROPERTY, dir.resolve("state").toString());
    clusters = TwoClusters.start(dir);
    service =
        new FabricClusterService(
            new KubeContexts(
                Map.of("KUBECONFIG", clusters.kubeconfig().toString()), dir.resolve("home")),
            SandboxOptions.defaults().withKubeconfig(dir.resolve("data/sandbox/kubeconfig")),
            dir.resolve("data/contexts.yaml"));
    east = TwoClusters.client(clusters.east());
    west = TwoClusters.client(clusters.west());
    // A cold JVM on a busy machine: the window's connection probe gives up after 5 s, so both
    // sandboxes first answer a list of their checkout pods.
    for (KubernetesClient client : List.of(east, west)) {
      Await.until(
          60,
          "the sandbox answers",
          () ->
              client
                      .pods()
                      .inNamespace("shop")
                      .withLabel("app", "checkout")
                      .list()
                      .getItems()
                      .size()
                  == 3);
    }
  }

  @AfterEach
  void stop(FxRobot robot) throws Exception {
    if (stage != null) {
      LiveRunWindow.close(robot, stage, window);
    }
    east.close();
    west.close();
    clusters.close();
    System.clearProperty(StateDirectory.PROPERTY);
    assertThat(fxFailures).isEmpty();
  }

  /**
   * Freezes one cart pod in east (the run's context) and checkout in {@code westContext}; one probe
   * reads west and waits for the freeze to show, the other reads east's checkout, still healthy.
   */
  static String experiment(String westContext) {
    return """
        apiVersion: faultline.dev/v1alpha1
        kind: Experiment
        metadata:
          name: freeze-west-watch-east
        spec:
          targets:
            cart-east:
              namespaces: [shop]
              labelSelector: app=cart
              blastRadius: {mode: one}
            checkout-west:
              context: %s
              namespaces: [shop]
              labelSelector: app=checkout
          steps:
            - id: freeze-cart
              attack: process.signal
              target: cart-east
              with: {signal: SIGSTOP, process: java}
            - id: freeze
              attack: process.signal
              target: checkout-west
              with: {signal: SIGSTOP, process: java}
            - id: west-unhealthy
              after: [freeze]
              probe: http.check
              context: %s
              until: failing
              timeout: 15s
              with: {url: "http://checkout.shop/health", jq: '%s'}
            - id: east-healthy
              after: [west-unhealthy, freeze-cart]
              probe: http.check
              with: {url: "http://checkout.shop/health", jq: '%s'}
        """
        .formatted(westContext, westContext, HEALTHY, HEALTHY);
  }

  @Test
  void runsOnBothClustersGroupsTheRunViewByContextAndRollsBackInWest(FxRobot robot)
      throws Exception {
    open(robot, experiment("west"));

    robot.clickOn("#run-button");
    awaitConfirmation(robot);
    assertThat(text(robot, "#run-contexts"))
        .isEqualTo("Acts on east (connected) and west (opened when the run starts).");
    assertThat(robot.lookup("#confirm-context-name-west").tryQuery()).isEmpty();
    robot.clickOn("#confirm-run");

    RunViewModel run = fx(() -> window.runs().currentProperty().get());
    Await.until(60, "the run is over", () -> fx(run::phase) == RunPhase.FINISHED);
    assertThat(fx(() -> run.verdictProperty().get()))
        .as(() -> fx(() -> run.reasonProperty().get()))
        .isEqualTo(Verdict.PASSED);
    // One fault per frozen container: cart's in east and checkout's in west, each rolled back.
    int applied = fx(() -> run.faultsAppliedProperty().get());
    assertThat(applied).isGreaterThanOrEqualTo(4);
    assertThat(fx(() -> run.faultsRolledBackProperty().get())).isEqualTo(applied);
    assertThat(fx(() -> run.faultsOpenProperty().get())).isZero();

    // The pod strip: east's cart pods and west's three checkout pods, under their context, each
    // sampled from its own cluster (west's are read through the snapshot the run opened there).
    PodStatusStrip pods = robot.lookup("#pod-strip").queryAs(PodStatusStrip.class);
    try {
      Await.until(
          20,
          "every pod row is sampled",
          () ->
              fx(
                  () ->
                      pods.model().rows().size() >= 4
                          && pods.model().rows().stream()
                              .noneMatch(r -> r.state() == PodState.UNKNOWN)));
    } catch (AssertionError e) {
      throw new AssertionError(
          e.getMessage()
              + ": "
              + fx(
                  () ->
                      pods.model().rows().stream()
                          .map(r -> r.context() + ":" + r.key() + "=" + r.state())
                          .toList()),
          e);
    }
    assertThat(fx(pods::groups)).containsExactly("east", "west");
    // The targeted pods (east's other cart pods join as rows of the same workload).
    assertThat(fx(() -> pods.model().rows().stream().filter(r -> !r.replacement()).toList()))
        .extracting(PodRow::context)
        .containsExactly("east", "west", "west", "west");
    assertThat(fx(() -> pods.model().rows()))
        .as("no pod of one cluster is looked for in the other")
        .noneMatch(r -> r.state() == PodState.GONE);

    // The event log says where each fault was.
    List<String> log =
        fx(
            () ->
                window.runArea().eventLogProperty().get().model().lines().stream()
                    .map(LogLine::message)
                    .toList());
    assertThat(log)
        .anyMatch(m -> m.startsWith("Fault applied: ") && m.endsWith(" in west"))
        .anyMatch(m -> m.startsWith("Fault rolled back: ") && m.endsWith(" in west"))
        .anyMatch(m -> m.startsWith("Targets resolved in west: 3 of 3"));

    assertNothingLeftBehind(west, "checkout", 3);
    assertNothingLeftBehind(east, "cart", 3);
  }

  /**
   * docs/screenshot-multi-cluster-run.png: the run held at a final gate, west's checkout frozen and
   * east's cart pod too, the pod strip grouped by context. Run with {@code -Pscreenshots}.
   */
  @Test
  @Tag("screenshots")
  void drawsTheMultiClusterRunScreenshot(FxRobot robot) throws Exception {
    open(
        robot,
        experiment("west")
            + "    - {id: roll-back, after: [east-healthy], gate: \"West frozen, east healthy."
            + " Roll back?\"}\n");
    robot.interact(() -> stage.setHeight(860));
    robot.clickOn("#run-button");
    awaitConfirmation(robot);
    robot.clickOn("#confirm-run");
    RunViewModel run = fx(() -> window.runs().currentProperty().get());
    Await.until(60, "the gate waits", () -> fx(() -> run.waitingGates().size()) == 1);
    PodStatusStrip pods = robot.lookup("#pod-strip").queryAs(PodStatusStrip.class);
    Await.until(
        20,
        "west's pods are seen frozen",
        () ->
            fx(
                () ->
                    pods.model().rows().stream()
                        .anyMatch(
                            r -> r.context().equals("west") && r.state() == PodState.NOT_READY)));
    // As a user would drag it: room for both clusters' pods under the charts.
    robot.interact(
        () ->
            robot
                .lookup(".run-body")
                .queryAs(javafx.scene.control.SplitPane.class)
                .setDividerPositions(0.22, 0.5));
    Thread.sleep(1500); // a few more chart points and pod samples
    ScreenCapture.save(robot, stage.getScene(), "screenshot-multi-cluster-run.png");
    robot.clickOn("#gate-continue");
    Await.until(60, "the run is over", () -> fx(run::phase) == RunPhase.FINISHED);
    assertThat(fx(() -> run.verdictProperty().get())).isEqualTo(Verdict.PASSED);
  }

  @Test
  void aProtectedOtherContextNeedsItsOwnNameTyped(FxRobot robot) throws Exception {
    service.setProtected("west", true);
    open(robot, experiment("west"));

    robot.clickOn("#run-button");
    awaitConfirmation(robot);
    assertThat(text(robot, "#run-contexts"))
        .isEqualTo("Acts on east (connected) and west (protected: type its name below).");
    assertThat(robot.lookup("#confirm-context-name").tryQuery())
        .as("east, the connected context, is not protected")
        .isEmpty();
    Button go = robot.lookup("#confirm-run").queryButton();
    assertThat(fx(go::isDisabled)).isTrue();
    TextField name = robot.lookup("#confirm-context-name-west").queryAs(TextField.class);
    robot.interact(() -> name.setText("east"));
    assertThat(fx(go::isDisabled)).isTrue();
    robot.interact(() -> name.setText("west"));
    assertThat(fx(go::isDisabled)).isFalse();
    robot.clickOn(go);

    RunViewModel run = fx(() -> window.runs().currentProperty().get());
    Await.until(60, "the run is over", () -> fx(run::phase) == RunPhase.FINISHED);
    assertThat(fx(() -> run.verdictProperty().get())).isEqualTo(Verdict.PASSED);
    assertNothingLeftBehind(west, "checkout", 3);
  }

  @Test
  void aContextTheKubeconfigLacksIsNamedBeforeTheRunAndNothingIsApplied(FxRobot robot)
      throws Exception {
    open(robot, experiment("wset"));

    robot.clickOn("#run-button");
    awaitConfirmation(robot);
    assertThat(text(robot, "#run-contexts"))
        .isEqualTo("Acts on east (connected) and wset (not in the kubeconfig).");
    assertThat(
            robot.lookup(".missing-context").queryAllAs(Label.class).stream()
                .map(l -> fx(l::getText))
                .toList())
        .containsExactly(
            "\u26a0 The experiment names no kubeconfig context 'wset'; did you mean 'west'?"
                + " Nothing runs until it is fixed.");
    assertThat(fx(() -> robot.lookup("#confirm-run").queryButton().isDisabled())).isTrue();
    robot.clickOn(fx(() -> findButton(robot, "Cancel")));

    WaitForAsyncUtils.waitForFxEvents();
    assertThat(fx(() -> window.runs().currentProperty().get())).isNull();
    assertThat(fx(() -> window.runs().activeBinding().get())).isFalse();
    assertThat(new Cleanup(dir.resolve("state"), AttackExecutors.builtIn()).scan(null).leftovers())
        .isEmpty();
    assertThat(marked(east)).isEmpty();
  }

  private void open(FxRobot robot, String experiment) throws Exception {
    Path file = dir.resolve("freeze-west-watch-east.yaml");
    Files.writeString(file, experiment);
    LiveRunWindow live =
        LiveRunWindow.open(robot, service, false, file, fxFailures, clusters.kubeconfig(), "east");
    stage = live.stage();
    window = live.window();
    live.client().close();
    assertThat(fx(() -> window.connection().liveClusterProperty().get().contextName()))
        .isEqualTo("east");
  }

  private static void awaitConfirmation(FxRobot robot) {
    Await.until(
        20,
        "the confirmation shows",
        () ->
            robot
                .lookup("#confirm-run")
                .match(org.testfx.util.NodeQueryUtils.isVisible())
                .tryQuery()
                .isPresent());
  }

  private static String text(FxRobot robot, String query) {
    Label label = robot.lookup(query).queryAs(Label.class);
    return fx(label::getText);
  }

  private static Button findButton(FxRobot robot, String text) {
    return robot.lookup(".button").queryAllAs(Button.class).stream()
        .filter(b -> text.equals(b.getText()))
        .findFirst()
        .orElseThrow();
  }

  /** The app's pods are ready again, none marked by a fault, no journal holds an open fault. */
  private void assertNothingLeftBehind(KubernetesClient client, String app, int replicas)
      throws Exception {
    Await.until(
        30,
        app + " is ready and unmarked again",
        () -> {
          List<Pod> pods =
              client.pods().inNamespace("shop").withLabel("app", app).list().getItems();
          return pods.size() == replicas
              && pods.stream().allMatch(MultiClusterRunFromTheWindowUiTest::ready)
              && pods.stream().noneMatch(LiveRunWindow::marked);
        });
    assertThat(new Cleanup(dir.resolve("state"), AttackExecutors.builtIn()).scan(null).leftovers())
        .isEmpty();
  }

  private static List<Pod> marked(KubernetesClient client) {
    return client.pods().inNamespace("shop").list().getItems().stream()
        .filter(LiveRunWindow::marked)
        .toList();
  }

  private static boolean ready(Pod pod) {
    return pod.getStatus() != null
        && pod.getStatus().getConditions().stream()
            .anyMatch(c -> c.getType().equals("Ready") && c.getStatus().equals("True"));
  }

  private static <T> T fx(Callable<T> read) {
    try {
      return WaitForAsyncUtils.asyncFx(read).get();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
