package dev.faultline.designer.run;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import dev.faultline.cluster.snapshot.LiveSnapshot;
import dev.faultline.designer.SandboxClients;
import dev.faultline.designer.fx.FxTaskExecutor;
import dev.faultline.designer.run.log.EventLogView;
import dev.faultline.designer.run.log.LogLine;
import dev.faultline.designer.run.pods.PodRow;
import dev.faultline.designer.run.pods.PodState;
import dev.faultline.designer.run.pods.PodStatusStrip;
import dev.faultline.designer.run.timeline.Lane;
import dev.faultline.designer.run.timeline.RunTimeline;
import dev.faultline.engine.ClusterRunEnvironment;
import dev.faultline.engine.Engine;
import dev.faultline.engine.RunEvent;
import dev.faultline.engine.RunOptions;
import dev.faultline.engine.RunResult;
import dev.faultline.engine.Verdict;
import dev.faultline.format.ExperimentReader;
import dev.faultline.model.Experiment;
import dev.faultline.sandbox.Sandbox;
import dev.faultline.sandbox.SandboxOptions;
import dev.faultline.sandbox.world.ControllerTimings;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The three parts fed by a real run: the engine runs the checkout freeze-and-recover example on the
 * embedded sandbox; its events go from the runner's threads into a queue that an animation timer
 * drains once per pulse into the parts, as the run view will; the pod strip samples a live snapshot
 * of the sandbox.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class RunPartsLiveRunUiTest {

  private static final Path EXAMPLE = Path.of("../docs/examples/checkout-freeze-and-recover.yaml");

  @TempDir Path dir;
  private final ConcurrentLinkedQueue<RunEvent> queue = new ConcurrentLinkedQueue<>();
  private final List<RunEvent> delivered = new CopyOnWriteArrayList<>();
  private final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
  private Sandbox sandbox;
  private KubernetesClient client;
  private LiveSnapshot snapshot;
  private RunTimeline timeline;
  private PodStatusStrip pods;
  private EventLogView log;
  private AnimationTimer drain;

  @Start
  void start(Stage stage) throws Exception {
    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    sandbox =
        Sandbox.start(
            SandboxOptions.defaults()
                .withKubeconfig(dir.resolve("kubeconfig"))
                .withTimings(ControllerTimings.FAST)
                .withDemoServices(true));
    client = SandboxClients.of(sandbox);
    snapshot = LiveSnapshot.start(client, Set.of("shop"), Clock.systemUTC());
    timeline = new RunTimeline();
    pods = new PodStatusStrip(() -> snapshot, new FxTaskExecutor());
    log = new EventLogView();
    log.setPrefHeight(280);
    Scene scene = new Scene(new VBox(timeline, pods, log), 980, 620);
    scene
        .getStylesheets()
        .addAll(RunTimeline.stylesheet(), PodStatusStrip.stylesheet(), EventLogView.stylesheet());
    stage.setScene(scene);
    stage.show();
    // The coalescing the run view model does: one hand-over per pulse, whatever arrived since.
    drain =
        new AnimationTimer() {
          @Override
          public void handle(long now) {
            List<RunEvent> batch = new ArrayList<>();
            for (RunEvent e = queue.poll(); e != null; e = queue.poll()) {
              batch.add(e);
            }
            if (!batch.isEmpty()) {
              batchSizes.add(batch.size());
              delivered.addAll(batch);
              timeline.accept(batch);
              pods.accept(batch);
              log.accept(batch);
            }
          }
        };
    drain.start();
  }

  @AfterEach
  void stop() throws Exception {
    WaitForAsyncUtils.asyncFx(
            () -> {
              drain.stop();
              Application.setUserAgentStylesheet(null);
            })
        .get();
    snapshot.close();
    client.close();
    sandbox.close();
  }

  @Test
  void aRealRunShowsItsTargetedPodsAndItsFaultsAppliedAndRolledBack() throws Exception {
    assertThat(snapshot.awaitSynced(Duration.ofSeconds(30))).isTrue();
    Experiment experiment = new ExperimentReader().read(EXAMPLE).experiment().orElseThrow();
    var environment =
        ClusterRunEnvironment.create(
            client, "faultline-sandbox", dir.resolve("state"), experiment.metadata().name());
    var handle =
        new Engine(environment)
            .start(
                experiment,
                RunOptions.defaults(
                    RunOptions.newRunId(experiment.metadata().name(), Instant.now())),
                queue::add);

    RunResult result = handle.await(Duration.ofSeconds(150)).orElseThrow();
    assertThat(result.verdict()).as(result.reason()).isEqualTo(Verdict.PASSED);
    await(() -> delivered.stream().anyMatch(RunEvent.RunFinished.class::isInstance));
    // The strip takes one last sample after the finish; let it land.
    await(
        () -> fx(() -> pods.model().rows().stream().noneMatch(r -> r.state() == PodState.UNKNOWN)));

    List<String> targeted =
        delivered.stream()
            .filter(RunEvent.TargetsResolved.class::isInstance)
            .flatMap(e -> ((RunEvent.TargetsResolved) e).selected().stream())
            .distinct()
            .toList();
    assertThat(targeted).isNotEmpty().allMatch(k -> k.startsWith("shop/checkout-"));
    List<PodRow> rows = fx(() -> pods.model().rows());
    assertThat(rows.stream().filter(r -> !r.replacement()).map(PodRow::key))
        .containsExactlyElementsOf(targeted);
    assertThat(rows).allMatch(r -> !r.segments().isEmpty());

    List<String> messages = fx(() -> log.model().lines().stream().map(LogLine::message).toList());
    assertThat(messages)
        .anyMatch(m -> m.startsWith("Fault applied: SIGSTOP"))
        .anyMatch(m -> m.startsWith("Fault rolled back: SIGSTOP"))
        .anyMatch(m -> m.startsWith("Run finished: PASSED"));
    assertThat(fx(() -> timeline.model().bars(Lane.FAULTS))).isNotEmpty();
    assertThat(batchSizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(delivered.size());

    fx(
        () -> {
          timeline.paintIfDirty();
          pods.paintIfDirty();
          RunPartsUiTest.write(timeline, "live-timeline");
          RunPartsUiTest.write(pods, "live-pods");
          RunPartsUiTest.write(log, "live-log");
          return null;
        });
  }

  private static <T> T fx(java.util.concurrent.Callable<T> work) throws Exception {
    return RunPartsUiTest.fx(work);
  }

  private static void await(java.util.concurrent.Callable<Boolean> condition) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.call()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 20 s");
      }
      Thread.sleep(50);
    }
  }
}
