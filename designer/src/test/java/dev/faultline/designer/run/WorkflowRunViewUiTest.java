package dev.faultline.designer.run;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import dev.faultline.designer.SandboxClients;
import dev.faultline.designer.fx.Snapshots;
import dev.faultline.sandbox.Sandbox;
import dev.faultline.sandbox.SandboxOptions;
import dev.faultline.sandbox.world.ControllerTimings;
import dev.faultline.workflow.NodePhase;
import dev.faultline.workflow.WorkflowDocument;
import dev.faultline.workflow.WorkflowNodeView;
import dev.faultline.workflow.WorkflowPhase;
import dev.faultline.workflow.WorkflowRun;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
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
 * The workflow node view on a real Workflow run in the sandbox: nodes appear as the simulated Chaos
 * Mesh controller starts them, with their chaos object and phase, and Stop deletes the Workflow.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class WorkflowRunViewUiTest {
  @TempDir Path dir;
  private Stage stage;
  private Sandbox sandbox;
  private KubernetesClient client;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
  }

  @AfterEach
  void close() {
    if (client != null) {
      client.close();
    }
    if (sandbox != null) {
      sandbox.close();
    }
  }

  private static <T> T fx(Callable<T> read) throws Exception {
    return WaitForAsyncUtils.asyncFx(read).get(5, TimeUnit.SECONDS);
  }

  private static void until(String what, Callable<Boolean> done) throws Exception {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!fx(done)) {
      if (System.nanoTime() > end) {
        throw new AssertionError("not reached within 30 s: " + what);
      }
      Thread.sleep(50);
    }
  }

  @Test
  void nodesShowLiveAndStopDeletesTheWorkflow(FxRobot robot) throws Exception {
    sandbox =
        Sandbox.start(
            SandboxOptions.defaults()
                .withKubeconfig(dir.resolve("kubeconfig"))
                .withTimings(ControllerTimings.FAST));
    client = SandboxClients.of(sandbox);
    WorkflowDocument workflow =
        WorkflowDocument.parse(
            """
            apiVersion: chaos-mesh.org/v1alpha1
            kind: Workflow
            metadata: {name: checkout-latency, namespace: shop}
            spec:
              entry: entry
              templates:
                - {name: entry, templateType: Serial, children: [warm-up, slow-checkout]}
                - {name: warm-up, templateType: Suspend, deadline: 500ms}
                - name: slow-checkout
                  templateType: NetworkChaos
                  deadline: 10m
                  networkChaos:
                    action: delay
                    mode: all
                    selector: {labelSelectors: {app: checkout}}
                    delay: {latency: 200ms}
            """,
            "checkout-latency.yaml",
            null);
    var run =
        new WorkflowRun(
            client,
            "faultline-sandbox",
            dir.resolve("state"),
            workflow,
            "wf-ui",
            Duration.ofSeconds(10));
    var model = fx(() -> new WorkflowRunViewModel("Workflow shop/checkout-latency"));
    model.setStopAction(() -> run.stop("Stop button"));
    WorkflowRunView view = fx(() -> new WorkflowRunView(model));
    robot.interact(
        () -> {
          stage.setScene(new Scene(view, 1000, 320));
          stage.show();
        });
    Thread.ofVirtual()
        .start(
            () -> {
              try {
                run.run(model.listener());
              } catch (Exception e) {
                model.fail(e.getMessage());
              }
            });

    until(
        "the NetworkChaos node runs with its chaos object",
        () ->
            model.nodes().stream()
                .anyMatch(
                    n ->
                        n.template().equals("slow-checkout")
                            && n.phase() == NodePhase.RUNNING
                            && n.chaos().startsWith("NetworkChaos/slow-checkout-")));
    until(
        "the suspend ended",
        () ->
            model.nodes().stream()
                .anyMatch(
                    n ->
                        n.template().equals("warm-up")
                            && n.phase() == NodePhase.DEADLINE_EXCEEDED));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(fx(() -> view.nodeTable().getItems().stream().map(WorkflowNodeView::depth).toList()))
        .containsExactly(0, 1, 1);
    // The phase pills carry the run view's colours: ended green, running accent.
    assertThat(fx(() -> pill(view, "Deadline reached").getStyleClass())).contains("wf-ended");
    assertThat(fx(() -> pill(view, "Running").getStyleClass())).contains("wf-running");
    assertThat(fx(() -> ((Label) view.lookup("#workflow-status")).getStyleClass()))
        .contains("status-running");

    robot.interact(() -> ((Button) view.lookup("#workflow-stop")).fire());

    until("the run ended", () -> model.finishedProperty().get());
    assertThat(model.phaseProperty().get()).isEqualTo(WorkflowPhase.STOPPED);
    assertThat(fx(() -> model.statusProperty().get()))
        .contains("Stopped")
        .contains("Workflow deleted");
    assertThat(fx(() -> view.lookup("#workflow-stop").isDisabled())).isTrue();
    assertThat(
            client
                .genericKubernetesResources("chaos-mesh.org/v1alpha1", "NetworkChaos")
                .inNamespace("shop")
                .withLabel("chaos-mesh.org/workflow", "checkout-latency")
                .list()
                .getItems())
        .isEmpty();
    fx(() -> Snapshots.write(view, "workflow-run-view"));
  }

  private static Label pill(Node root, String text) {
    return root.lookupAll(".wf-phase").stream()
        .map(Label.class::cast)
        .filter(l -> l.getText().equals(text))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no phase pill '" + text + "'"));
  }
}
