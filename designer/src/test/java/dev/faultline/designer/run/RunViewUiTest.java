package dev.faultline.designer.run;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.faultline.designer.SandboxClients;
import dev.faultline.designer.fx.FxTaskExecutor;
import dev.faultline.designer.fx.Snapshots;
import dev.faultline.designer.run.chart.ProbeChart;
import dev.faultline.engine.ClusterRunEnvironment;
import dev.faultline.engine.Engine;
import dev.faultline.engine.RunHandle;
import dev.faultline.engine.RunOptions;
import dev.faultline.engine.Verdict;
import dev.faultline.format.ExperimentReader;
import dev.faultline.format.Syntax;
import dev.faultline.model.Experiment;
import dev.faultline.safety.FileRollbackJournal;
import dev.faultline.sandbox.Sandbox;
import dev.faultline.sandbox.SandboxOptions;
import dev.faultline.sandbox.world.ControllerTimings;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
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
 * The run view driving a real engine against the embedded sandbox: probe charts fill, a gate is
 * answered with a click and the answer names who gave it, a note lands in the saved report, and the
 * emergency stop rolls back every fault in the cluster.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class RunViewUiTest {
  private static final Duration LIMIT = Duration.ofSeconds(60);

  private static final String TARGET =
      """
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
        - id: checkout-health
          probe: http.check
          interval: 200ms
          with: {url: "http://checkout.shop/health", jq: '.status == "UP" and .ready == .total'}
      """;

  private final List<Throwable> fxFailures = new CopyOnWriteArrayList<>();
  @TempDir Path dir;
  private StackPane root;
  private Sandbox sandbox;
  private KubernetesClient client;
  private RunViewModel model;
  private RunView view;

  @Start
  void start(Stage stage) {
    Thread.currentThread().setUncaughtExceptionHandler((t, failure) -> fxFailures.add(failure));
    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    root = new StackPane();
    Scene scene = new Scene(root, 1280, 820);
    scene.getStylesheets().addAll(ProbeChart.stylesheet(), RunView.stylesheet());
    stage.setScene(scene);
    stage.show();
  }

  @AfterEach
  void stop() throws Exception {
    WaitForAsyncUtils.asyncFx(
            () -> {
              if (model != null) {
                model.dispose();
              }
              Application.setUserAgentStylesheet(null);
            })
        .get();
    if (client != null) {
      client.close();
    }
    if (sandbox != null) {
      sandbox.close();
    }
    assertThat(fxFailures).isEmpty();
  }

  @Test
  void chartsFillAndAGateAnsweredByClickLetsTheRunFinishWithItsNoteInTheReport(FxRobot robot)
      throws Exception {
    RunHandle run =
        startRun(
            """
            steps:
              - {id: freeze, attack: process.signal, target: checkout, with: {signal: SIGSTOP, process: java}}
              - {id: until-unhealthy, after: [freeze], probe: http.check, until: failing, timeout: 10s, interval: 200ms, with: {url: "http://checkout.shop/health", jq: '.status == "UP" and .ready == .total'}}
              - {id: review, after: [until-unhealthy], gate: "Checkout reports missing replicas. Dashboards and alerts as expected? Kill the frozen JVMs."}
              - {id: kill, after: [review], attack: process.signal, target: checkout, with: {signal: SIGKILL, process: java}}
              - {id: until-recovered, after: [kill], probe: http.check, until: passing, timeout: 60s, interval: 300ms, with: {url: "http://checkout.shop/health", jq: '.status == "UP" and .ready == .total'}}
            """);

    await(
        "the gate bar shows the question",
        // The bar, not its button: a node's own visible flag says nothing about its parents.
        () -> robot.lookup("#gate-bar").tryQuery().map(n -> n.isVisible()).orElse(false));
    await(
        "charts have points",
        () ->
            model.probes().stream()
                .filter(t -> !t.id().equals("until-recovered")) // starts after the gate
                .allMatch(t -> t.series().size() >= (t.id().startsWith("until") ? 1 : 3)));
    assertThat(fx(() -> ((Label) robot.lookup(".gate-question").query()).getText()))
        .startsWith("Checkout reports missing replicas");
    assertThat(fx(() -> model.stepStates().get("review"))).hasToString("WAITING");
    assertThat(fx(() -> view.charts().size())).isEqualTo(4);
    assertThat(fx(() -> view.charts().getFirst().faultWindows()))
        .as("the freeze is shaded while it lasts")
        .anySatisfy(w -> assertThat(w.end()).isEqualTo(ProbeChart.OPEN));

    robot.clickOn("#note-text").write("alert fired in #oncall");
    robot.clickOn("#add-note");
    await("the note came back from the run", () -> !model.notes().isEmpty());
    snapshot("runcore-gate-light");
    fx(
        () -> {
          Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
          return null;
        });
    snapshot("runcore-gate-dark");
    fx(
        () -> {
          Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
          return null;
        });

    robot.clickOn("#gate-continue");

    await("the run finished", () -> model.phase() == RunPhase.FINISHED);
    assertThat(run.await(LIMIT)).isPresent();
    assertThat(fx(() -> model.verdictProperty().get()))
        .as(fx(() -> model.reasonProperty().get()))
        .isEqualTo(Verdict.PASSED);
    var answer = fx(() -> model.answeredGates().getFirst());
    assertThat(answer.by()).isEqualTo("alice");
    assertThat(answer.approved()).isTrue();
    assertThat(fx(() -> ((Label) robot.lookup(".gate-question").query()).getText()))
        .startsWith("Continued by alice at ");
    assertThat(fx(() -> model.stepStates().values())).allMatch(s -> s.name().equals("SUCCEEDED"));
    assertThat(fx(() -> model.faultsOpenProperty().get())).isZero();
    snapshot("runcore-finished-light");

    Path report = dir.resolve("out/report.html");
    fx(
        () -> {
          view.setReportChooser(window -> Optional.of(report));
          return null;
        });
    robot.clickOn("#save-report");
    await(
        "the report is saved", () -> model.reportStatusProperty().get().startsWith("Report saved"));
    assertThat(Files.readString(report))
        .contains("alert fired in #oncall")
        .contains("review approved by alice");
  }

  @Test
  void theEmergencyStopRollsBackEveryFaultInTheCluster(FxRobot robot) throws Exception {
    RunHandle run =
        startRun(
            """
            steps:
              - {id: freeze, attack: process.signal, target: checkout, with: {signal: SIGSTOP, process: java}}
              - {id: hold, after: [freeze], wait: 5m}
            """);
    await("three pods frozen", () -> model.faultsOpenProperty().get() == 3);
    assertThat(frozen()).as("the freeze is real").isEqualTo(3);
    snapshot("runcore-frozen-light");

    robot.clickOn("#emergency-stop");

    await("the run finished", () -> model.phase() == RunPhase.FINISHED);
    assertThat(run.await(LIMIT)).isPresent();
    assertThat(fx(() -> model.verdictProperty().get())).isEqualTo(Verdict.ABORTED);
    assertThat(fx(() -> model.statusTextProperty().get()))
        .contains("ABORTED")
        .contains("emergency stop by alice");
    assertThat(fx(() -> model.faultsRolledBackProperty().get())).isEqualTo(3);
    assertThat(fx(() -> model.faultsOpenProperty().get())).isZero();
    assertThat(fx(() -> model.stepStates().get("hold").name())).isIn("FAILED", "SKIPPED");
    assertThat(fx(() -> robot.lookup("#emergency-stop").query().isDisabled())).isTrue();

    // In the cluster: every checkout pod ready again and free of Faultline's marks.
    List<Pod> pods = awaitPods();
    assertThat(pods).hasSize(3).allMatch(RunViewUiTest::ready).noneMatch(RunViewUiTest::marked);
    assertThat(FileRollbackJournal.withOpenFaults(dir.resolve("state"))).isEmpty();
  }

  private RunHandle startRun(String steps) throws Exception {
    sandbox =
        Sandbox.start(
            SandboxOptions.defaults()
                .withKubeconfig(dir.resolve("kubeconfig"))
                .withTimings(ControllerTimings.FAST)
                .withDemoServices(true));
    client = SandboxClients.of(sandbox);
    String text =
        "apiVersion: faultline.dev/v1alpha1\nkind: Experiment\nmetadata:\n  name: checkout-game-day\nspec:\n"
            + (TARGET + steps).indent(2);
    var read = new ExperimentReader().read(text, Syntax.YAML);
    Experiment experiment =
        read.experiment().orElseThrow(() -> new AssertionError(read.problems()));
    var environment =
        ClusterRunEnvironment.create(
            client, "faultline-sandbox", dir.resolve("state"), experiment.metadata().name());
    return fx(
        () -> {
          model = new RunViewModel(experiment, "alice", new FxTaskExecutor());
          view =
              new RunView(
                  model,
                  placeholder("timeline"),
                  placeholder("pod strip"),
                  placeholder("event log"));
          root.getChildren().setAll(view);
          RunHandle handle =
              new Engine(environment)
                  .start(
                      experiment,
                      RunOptions.defaults(RunOptions.newRunId("ui-test", Instant.now()))
                          .withRollbackDeadline(Duration.ofSeconds(20)),
                      model.listener());
          model.attach(handle);
          return handle;
        });
  }

  /** Stands in for the slot views another package builds. */
  private static Label placeholder(String what) {
    Label label = new Label(what);
    label.setStyle("-fx-text-fill: -color-fg-subtle;");
    return label;
  }

  private void snapshot(String name) throws Exception {
    Path file =
        fx(
            () -> {
              root.getScene().getRoot().applyCss();
              root.layout();
              view.charts().forEach(ProbeChart::paintIfDirty);
              return Snapshots.write(root, name);
            });
    Files.copy(file, Path.of("/tmp", name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }

  private int frozen() {
    return (int) checkoutPods().stream().filter(p -> !ready(p)).count();
  }

  private List<Pod> checkoutPods() {
    return client.pods().inNamespace("shop").withLabel("app", "checkout").list().getItems();
  }

  private List<Pod> awaitPods() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    List<Pod> pods = checkoutPods();
    while (!(pods.size() == 3
            && pods.stream().allMatch(RunViewUiTest::ready)
            && pods.stream().noneMatch(RunViewUiTest::marked))
        && System.nanoTime() < deadline) {
      Thread.sleep(100);
      pods = checkoutPods();
    }
    return pods;
  }

  private static boolean ready(Pod pod) {
    return pod.getStatus() != null
        && pod.getStatus().getConditions().stream()
            .anyMatch(c -> c.getType().equals("Ready") && c.getStatus().equals("True"));
  }

  private static boolean marked(Pod pod) {
    var annotations = pod.getMetadata().getAnnotations();
    return annotations != null
        && annotations.keySet().stream().anyMatch(k -> k.startsWith("faultline.dev/"));
  }

  /** Polls {@code condition} on the FX thread until it holds. */
  private static void await(String what, Callable<Boolean> condition) throws Exception {
    long deadline = System.nanoTime() + LIMIT.toNanos();
    while (!fx(condition)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + LIMIT + ": " + what);
      }
      Thread.sleep(50);
    }
  }

  private static <T> T fx(Callable<T> work) throws Exception {
    return WaitForAsyncUtils.asyncFx(work).get();
  }
}
