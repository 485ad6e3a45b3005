package dev.faultline.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.attack.AttackExecutors;
import dev.faultline.designer.canvas.StepRunState;
import dev.faultline.designer.run.RunPhase;
import dev.faultline.designer.run.RunViewModel;
import dev.faultline.engine.Verdict;
import dev.faultline.safety.Cleanup;
import dev.faultline.safety.StateDirectory;
import dev.faultline.target.TargetResolution;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
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
 * The whole loop a game day needs, in the real window on the real embedded sandbox: the preview
 * shows the pods an attack would hit and follows a pod deleted in the cluster; Run asks for
 * confirmation, the probe charts fill, and the emergency stop rolls every fault back (checked in
 * the sandbox and the journal); a gate waits for Continue and records who pressed it; closing the
 * window mid-run asks, then rolls back before the window goes.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class RunFromTheWindowUiTest {
  private static final Path EXAMPLE =
      Path.of("..", "docs", "examples", "checkout-freeze-and-recover.yaml");

  /** Frozen checkout pods, then a gate nobody answers but the operator. */
  private static final String GATED =
      """
      apiVersion: faultline.dev/v1alpha1
      kind: Experiment
      metadata: {name: gated-freeze}
      spec:
        safety: {namespaces: {allow: [shop]}}
        targets:
          checkout:
            namespaces: [shop]
            labelSelector: app=checkout
            containers: [app]
            blastRadius: {mode: all}
        probes:
          - id: storefront
            probe: http.check
            interval: 200ms
            with: {url: "http://storefront.shop/api/health"}
        steps:
          - id: freeze
            attack: process.signal
            target: checkout
            with: {signal: SIGSTOP, process: java}
          - {id: go-ahead, after: [freeze], gate: "Checkout frozen. Alerts fired? Continue."}
      """;

  private final List<Throwable> fxFailures = new CopyOnWriteArrayList<>();
  @TempDir Path dir;
  private Stage stage;
  private MainWindow window;
  private KubernetesClient client;

  @BeforeEach
  void ownStateDirectory() {
    // Journals and active-run entries of these runs stay in the test's directory.
    System.setProperty(StateDirectory.PROPERTY, dir.resolve("state").toString());
  }

  @AfterEach
  void closeEverything(FxRobot robot) throws Exception {
    if (stage != null) {
      // Stopped and rolled back before the window (and with it the sandbox) goes, as the app does.
      LiveRunWindow.close(robot, stage, window);
    }
    if (client != null) {
      client.close();
    }
    System.clearProperty(StateDirectory.PROPERTY);
    assertThat(fxFailures).isEmpty();
  }

  @Test
  void previewFollowsTheClusterAndTheEmergencyStopRollsEveryFaultBack(FxRobot robot)
      throws Exception {
    // The example, held open at its end: the emergency stop must meet a run still going, however
    // fast the sandbox recovers on a loaded machine.
    open(
        robot,
        write(
            "freeze-and-hold.yaml",
            Files.readString(EXAMPLE)
                .replace(
                    "layout:\n",
                    "    - {id: hold, after: [until-recovered], wait: 5m}\nlayout:\n")));

    // The preview: half of the three checkout pods, as the badge on the card says too.
    robot.interact(() -> window.viewModel().selection().select("freeze"));
    Await.until(20, "the preview shows the freeze's pods", () -> selected().size() == 2);
    assertThat(fx(() -> window.canvas().stepBadges().get("freeze"))).isEqualTo("2/3");
    TableView<?> pods = robot.lookup("#preview-pods").queryAs(TableView.class);
    assertThat(fx(() -> pods.getItems().size())).isEqualTo(2);

    // A pod deleted in the cluster leaves the preview (its replacement may take its place).
    String deleted = selected().getFirst();
    client.pods().inNamespace("shop").withName(deleted).delete();
    Await.until(20, "the deleted pod leaves the preview", () -> !selected().contains(deleted));

    // Run, confirm, and watch the charts fill while the first fault is in place.
    robot.clickOn("#run-button");
    confirm(robot);
    RunViewModel run = fx(() -> window.runs().currentProperty().get());
    Await.until(
        30,
        "the freeze is applied and a probe chart has points",
        () -> fx(() -> run.faultsAppliedProperty().get() > 0) && probePoints(run) > 0);
    assertThat(fx(() -> window.canvas().stepRunStates().get("freeze")))
        .isIn(StepRunState.RUNNING, StepRunState.SUCCEEDED);

    robot.clickOn("#toolbar-emergency-stop");

    Await.until(60, "the run is over", () -> fx(run::phase) == RunPhase.FINISHED);
    assertThat(fx(() -> run.verdictProperty().get())).isEqualTo(Verdict.ABORTED);
    assertThat(fx(() -> run.reasonProperty().get())).contains("emergency stop");
    // The status line no longer says the run started: it gives the verdict, as an error.
    Await.until(
        10,
        "the status line shows the verdict",
        () -> fx(() -> window.viewModel().statusTextProperty().get()).contains("aborted in"));
    assertThat(fx(() -> window.viewModel().statusTextProperty().get()))
        .startsWith("Run on ")
        .contains("emergency stop");
    assertThat(fx(() -> window.viewModel().statusErrorProperty().get())).isTrue();
    assertThat(fx(() -> run.faultsOpenProperty().get())).isZero();
    assertRolledBackInTheSandbox();
  }

  @Test
  void aGateWaitsForContinueAndRecordsWhoPressedIt(FxRobot robot) throws Exception {
    open(robot, write("gated.yaml", GATED));
    robot.clickOn("#run-button");
    confirm(robot);
    RunViewModel run = fx(() -> window.runs().currentProperty().get());

    Await.until(30, "the gate waits", () -> fx(() -> run.waitingGates().size()) == 1);
    assertThat(fx(() -> shown(robot.lookup("#gate-continue").query())))
        .as("the Continue button shows")
        .isTrue();
    assertThat(fx(() -> window.canvas().stepRunStates().get("go-ahead")))
        .as(() -> fx(() -> run.stepStates() + " canvas " + window.canvas().stepRunStates()))
        .isEqualTo(StepRunState.WAITING);
    // Run mode: the event log in the side panel, the palette aside.
    assertThat(fx(() -> shown(robot.lookup("#event-log").query()))).isTrue();
    assertThat(robot.lookup("#palette").tryQuery()).isEmpty();
    robot.clickOn("#note-text").write("alert fired in oncall");
    robot.clickOn("#add-note");
    Await.until(10, "the note is on the timeline", () -> fx(() -> run.notes().size()) == 1);
    robot.clickOn("#gate-continue");

    Await.until(60, "the run is over", () -> fx(run::phase) == RunPhase.FINISHED);
    assertThat(fx(() -> run.verdictProperty().get())).isEqualTo(Verdict.PASSED);
    Await.until(
        10,
        "the status line shows the verdict",
        () -> fx(() -> window.viewModel().statusTextProperty().get()).contains("passed in"));
    assertThat(fx(() -> window.viewModel().statusErrorProperty().get())).isFalse();
    assertThat(fx(() -> run.answeredGates().getFirst().by())).isEqualTo(run.operatorName());
    assertRolledBackInTheSandbox();

    // After the run, the report: the runner's HTML with the operator's note.
    Path report = dir.resolve("report.html");
    robot.interact(() -> window.runArea().view().setReportChooser(owner -> Optional.of(report)));
    robot.clickOn("#save-report");
    Await.until(10, "the report is written", () -> Files.exists(report));
    assertThat(Files.readString(report)).contains("alert fired in oncall", "go-ahead");

    // Back to the design once the user selects a step: the inspector and palette return.
    robot.interact(() -> window.viewModel().selection().select("freeze"));
    assertThat(robot.lookup("#event-log").tryQuery()).isEmpty();
    assertThat(robot.lookup("#palette").tryQuery()).isPresent();
  }

  @Test
  void closingTheWindowDuringARunAsksThenRollsBackBeforeItCloses(FxRobot robot) throws Exception {
    open(robot, write("gated.yaml", GATED));
    robot.clickOn("#run-button");
    confirm(robot);
    RunViewModel run = fx(() -> window.runs().currentProperty().get());
    Await.until(30, "the gate waits", () -> fx(() -> run.waitingGates().size()) == 1);
    assertThat(fx(() -> run.faultsOpenProperty().get())).isEqualTo(3);

    robot.interact(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
    Await.until(
        10, "closing asks first", () -> robot.lookup("#stop-run-on-close").tryQuery().isPresent());
    assertThat(stage.isShowing()).isTrue();
    robot.clickOn("Stop Run and Close");

    Await.until(60, "the window closes after the rollback", () -> !fx(stage::isShowing));
    Await.until(10, "the run's end is shown", () -> fx(run::phase) == RunPhase.FINISHED);
    assertThat(fx(() -> run.verdictProperty().get())).isEqualTo(Verdict.ABORTED);
    assertThat(fx(() -> run.faultsOpenProperty().get())).isZero();
    assertThat(leftovers()).isEmpty();
  }

  private void open(FxRobot robot, Path file) throws Exception {
    LiveRunWindow live = LiveRunWindow.open(robot, dir, file, fxFailures);
    stage = live.stage();
    window = live.window();
    client = live.client();
  }

  /** Presses Run (or Dry Run) in the confirmation once it shows. */
  private static void confirm(FxRobot robot) {
    Await.until(
        20, "the confirmation shows", () -> robot.lookup("#confirm-run").tryQuery().isPresent());
    Button go = robot.lookup("#confirm-run").queryButton();
    robot.clickOn(go);
  }

  private List<String> selected() {
    return fx(
        () -> {
          TargetResolution resolution = window.preview().resolution();
          return resolution == null
              ? List.<String>of()
              : resolution.selectedPods().stream().map(pod -> pod.name()).toList();
        });
  }

  /** Whether the node and every parent are visible: what the user can see. */
  private static boolean shown(javafx.scene.Node node) {
    for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
      if (!n.isVisible()) {
        return false;
      }
    }
    return true;
  }

  private static int probePoints(RunViewModel run) {
    return fx(() -> run.probes().stream().mapToInt(track -> track.series().size()).sum());
  }

  /** No pod carries a Faultline annotation any more, and no journal holds an open fault. */
  private void assertRolledBackInTheSandbox() throws Exception {
    Await.until(
        20,
        "no pod in shop carries a fault annotation",
        () ->
            client.pods().inNamespace("shop").list().getItems().stream()
                .noneMatch(LiveRunWindow::marked));
    assertThat(leftovers()).isEmpty();
  }

  private List<Cleanup.Leftover> leftovers() throws Exception {
    return new Cleanup(dir.resolve("state"), AttackExecutors.builtIn()).scan(null).leftovers();
  }

  private Path write(String name, String text) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  private static <T> T fx(Callable<T> read) {
    try {
      return WaitForAsyncUtils.asyncFx(read).get();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
