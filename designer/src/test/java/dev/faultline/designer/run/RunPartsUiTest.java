package dev.faultline.designer.run;

import static dev.faultline.designer.run.SyntheticRun.POD_A;
import static dev.faultline.designer.run.SyntheticRun.POD_B;
import static dev.faultline.designer.run.SyntheticRun.pod;
import static dev.faultline.designer.run.SyntheticRun.s;
import static dev.faultline.designer.run.SyntheticRun.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.faultline.cluster.snapshot.ClusterSnapshot;
import dev.faultline.designer.fx.SameThreadTaskExecutor;
import dev.faultline.designer.run.log.EventLogView;
import dev.faultline.designer.run.log.LogLine;
import dev.faultline.designer.run.pods.PodRow;
import dev.faultline.designer.run.pods.PodState;
import dev.faultline.designer.run.pods.PodStatusStrip;
import dev.faultline.designer.run.timeline.Bar;
import dev.faultline.designer.run.timeline.Lane;
import dev.faultline.designer.run.timeline.RunTimeline;
import dev.faultline.engine.RunEvent;
import java.awt.image.BufferedImage;
import java.io.File;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The three run parts rendered for real with a synthetic run: bars where the events put them, pod
 * rows with their states, the log's filters and its follow-the-newest scrolling.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class RunPartsUiTest {

  private final AtomicLong system = new AtomicLong();
  private final AtomicReference<ClusterSnapshot> cluster =
      new AtomicReference<>(snapshot(1, pod(POD_A, true, 0), pod(POD_B, true, 0)));
  private RunTimeline timeline;
  private PodStatusStrip pods;
  private EventLogView log;
  private Scene scene;

  @Start
  void start(Stage stage) {
    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    timeline = new RunTimeline(new RunClock(system::get));
    pods =
        new PodStatusStrip(
            cluster::get, new SameThreadTaskExecutor(), new RunClock(system::get), system::get);
    log = new EventLogView();
    log.setPrefHeight(300);
    VBox root = new VBox(timeline, pods, log);
    scene = new Scene(root, 960, 760);
    scene
        .getStylesheets()
        .addAll(RunTimeline.stylesheet(), PodStatusStrip.stylesheet(), EventLogView.stylesheet());
    stage.setScene(scene);
    stage.show();
  }

  @AfterEach
  void plainTheme() throws Exception {
    WaitForAsyncUtils.asyncFx(() -> Application.setUserAgentStylesheet(null)).get();
  }

  /** Feeds the synthetic run in three batches, sampling the cluster as it changes. */
  private void feedWholeRun() throws Exception {
    fx(
        () -> {
          List<RunEvent> events = SyntheticRun.events();
          feed(events.stream().filter(e -> e.nanos() <= s(5)).toList());
          pods.sampleNow();
          cluster.set(snapshot(2, pod(POD_A, false, 0), pod(POD_B, false, 0)));
          feed(events.stream().filter(e -> e.nanos() > s(5) && e.nanos() <= s(25)).toList());
          pods.sampleNow();
          cluster.set(snapshot(3, pod(POD_A, true, 1), pod("shop/checkout-7d9f5c-zz9k2", true, 0)));
          feed(events.stream().filter(e -> e.nanos() > s(25)).toList());
          pods.sampleNow();
          scene.getRoot().applyCss();
          scene.getRoot().layout();
          timeline.paintIfDirty();
          pods.paintIfDirty();
          return null;
        });
  }

  private void feed(List<RunEvent> batch) {
    system.set(batch.getLast().nanos());
    timeline.accept(batch);
    pods.accept(batch);
    log.accept(batch);
  }

  @Test
  void theTimelineDrawsStepFaultAndGateBarsWhereTheirEventsAre() throws Exception {
    feedWholeRun();
    WritableImage image =
        fx(
            () -> {
              write(timeline, "timeline");
              return timeline.snapshot(null, null);
            });
    PixelReader pixels = image.getPixelReader();
    Bar recovered = barOf(Lane.STEPS, "until-recovered");
    Bar freezeFaults = barOf(Lane.FAULTS, "freeze");
    Bar gate = barOf(Lane.GATES, "go-ahead");
    assertThat(isReddish(center(pixels, timeline.bounds(recovered))))
        .as("failed step is red")
        .isTrue();
    assertThat(isGreenish(center(pixels, timeline.bounds(barOf(Lane.STEPS, "freeze"))))).isTrue();
    Color fault = center(pixels, timeline.bounds(freezeFaults));
    assertThat(fault.getRed())
        .as("rolled-back fault window tinted red")
        .isGreaterThan(fault.getGreen() + 0.1);
    assertThat(isGreenish(center(pixels, timeline.bounds(gate)))).as("gate continued").isTrue();
    Rectangle2D box = timeline.bounds(freezeFaults);
    assertThat(box.getMinX())
        .isCloseTo(timeline.axis().x(s(2)), org.assertj.core.data.Offset.offset(0.5));
    assertThat(box.getMaxX())
        .isCloseTo(timeline.axis().x(s(20.1)), org.assertj.core.data.Offset.offset(0.5));

    double haltX = timeline.axis().x(s(40));
    assertThat(timeline.tooltipAt(haltX, 40))
        .hasValue("Halted: probe checkout-http failed 5 times");
    Rectangle2D gateBox = timeline.bounds(gate);
    assertThat(timeline.tooltipAt(gateBox.getMinX() + 4, gateBox.getMinY() + 4).orElseThrow())
        .contains("continued by alice");
    assertThat(timeline.tooltipAt(timeline.axis().x(s(24)), gateBox.getMaxY() + 10))
        .hasValue("bob: latency alert fired in #oncall");
  }

  @Test
  void whileLiveTheNowEdgeRepaintsAFewTimesASecondAndIdleFramesPaintNothing() throws Exception {
    boolean[] painted =
        fx(
            () -> {
              feed(SyntheticRun.until(s(5)));
              timeline.paintIfDirty();
              boolean idle = timeline.paintIfDirty();
              system.addAndGet(s(0.3));
              boolean moved = timeline.paintIfDirty();
              return new boolean[] {idle, moved};
            });
    assertThat(painted[0]).isFalse();
    assertThat(painted[1]).isTrue();
  }

  @Test
  void theNextLoopOfALoopedRunStartsTheTimelineAndPodStripOver() throws Exception {
    feedWholeRun();
    assertThat(fx(() -> timeline.model().finishedAt())).isEqualTo(s(41));
    // Loop 2: the next run of the same experiment, its times from its own start again.
    fx(
        () -> {
          List<RunEvent> loop2 =
              SyntheticRun.until(s(2.2)).stream()
                  .filter(
                      e ->
                          !(e instanceof RunEvent.FaultApplied f)
                              || f.fault().id().equals("freeze#1"))
                  .toList();
          feed(loop2);
          pods.sampleNow();
          return null;
        });

    assertThat(fx(() -> timeline.model().finishedAt())).as("loop 2 runs").isEqualTo(-1);
    assertThat(fx(() -> timeline.model().bars(Lane.FAULTS)))
        .as("only loop 2's fault, not loop 1's two and kill")
        .hasSize(1);
    assertThat(fx(() -> pods.model().rows()))
        .extracting(PodRow::key)
        .as("loop 1's replacement pod is gone with loop 1")
        .containsExactly(POD_A, POD_B);
    assertThat(fx(() -> pods.model().lastSample())).isLessThanOrEqualTo(s(2.2));
  }

  @Test
  void thePodStripShowsEachTargetedPodsStatesAndReplacements() throws Exception {
    feedWholeRun();
    WritableImage image =
        fx(
            () -> {
              write(pods, "pods");
              return pods.snapshot(null, null);
            });
    List<PodRow> rows = pods.model().rows();
    assertThat(rows)
        .extracting(PodRow::key)
        .containsExactly(POD_A, POD_B, "shop/checkout-7d9f5c-zz9k2");
    assertThat(rows.get(0).restarts()).hasSize(1);
    assertThat(rows.get(1).state()).isEqualTo(PodState.GONE);
    assertThat(rows.get(2).replacement()).isTrue();

    PixelReader pixels = image.getPixelReader();
    int rowA = (int) (pods.rowTop(0) + 10);
    Color ready = pixels.getColor((int) pods.axis().x(s(10)), rowA);
    Color notReady = pixels.getColor((int) pods.axis().x(s(30)), rowA);
    assertThat(isGreenish(ready)).as("ready is green").isTrue();
    assertThat(notReady.getRed()).as("not ready is amber").isGreaterThan(notReady.getBlue() + 0.2);
    assertThat(pods.tooltipAt(pods.axis().x(s(30)), rowA).orElseThrow())
        .startsWith(POD_A)
        .contains("at 0:30: not ready", "1 restart");
  }

  @Test
  void theLogFiltersByTextAndKindAndCopiesTheSelection() throws Exception {
    feedWholeRun();
    fx(() -> write(log, "log"));
    int all = fx(() -> log.table().getItems().size());
    fx(
        () -> {
          ((TextField) scene.lookup("#event-filter")).setText("ALICE");
          return null;
        });
    assertThat(fx(() -> log.table().getItems().stream().map(LogLine::message).toList()))
        .containsExactly("Gate 'go-ahead' continued by alice", "Succeeded: continued by alice");
    fx(
        () -> {
          ((TextField) scene.lookup("#event-filter")).setText("");
          for (Node toggle : scene.lookup("#event-kinds").lookupAll(".toggle-button")) {
            ToggleButton button = (ToggleButton) toggle;
            button.setSelected(button.getText().equals("Faults"));
          }
          return null;
        });
    assertThat(fx(() -> log.table().getItems().stream().map(LogLine::badge).distinct().toList()))
        .containsExactly("FAULT");
    String copied =
        fx(
            () -> {
              log.table().getSelectionModel().selectRange(0, 2);
              return log.copySelection();
            });
    assertThat(copied)
        .isEqualTo(
            "+00:02.000\tFAULT\tfreeze\tFault applied: SIGSTOP /java/ in shop/checkout-7d9f5c-abcde [app]\n"
                + "+00:02.100\tFAULT\tfreeze\tFault applied: SIGSTOP /java/ in shop/checkout-7d9f5c-fghij [app]\n");
    assertThat(all).isGreaterThan(20);
  }

  @Test
  void theLogFollowsTheNewestLineUntilTheUserScrollsUp(org.testfx.api.FxRobot robot)
      throws Exception {
    fx(
        () -> {
          log.model().allSamplesProperty().set(true);
          feed(SyntheticRun.until(s(12)));
          return null;
        });
    // The scroll lands in a layout pass; on a loaded machine that can take more than one turn.
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> fx(() -> lastVisibleIsNewest()));
    // The user turns the wheel up over the table, as a person reading back would.
    robot.moveTo(log.table());
    robot.scroll(15, javafx.geometry.VerticalDirection.UP);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(log.followingNewestProperty().get()).isFalse();
    fx(
        () -> {
          feed(SyntheticRun.events().stream().filter(e -> e.nanos() > s(12)).toList());
          return null;
        });
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(fx(() -> lastVisibleIsNewest())).as("stays where the user scrolled").isFalse();
    fx(
        () -> {
          log.scrollToNewest();
          return null;
        });
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> fx(() -> lastVisibleIsNewest()));
  }

  @Test
  void theDarkThemePaintsDarkBackgrounds() throws Exception {
    feedWholeRun();
    Color[] backgrounds =
        fx(
            () -> {
              Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
              scene.getRoot().applyCss();
              timeline.paintIfDirty();
              pods.paintIfDirty();
              write(timeline, "timeline-dark");
              write(pods, "pods-dark");
              write(log, "log-dark");
              return new Color[] {
                timeline
                    .snapshot(null, null)
                    .getPixelReader()
                    .getColor((int) timeline.getWidth() - 3, 30),
                pods.snapshot(null, null).getPixelReader().getColor((int) pods.getWidth() - 30, 5)
              };
            });
    assertThat(backgrounds[0].getBrightness()).isLessThan(0.3);
    assertThat(backgrounds[1].getBrightness()).isLessThan(0.3);
  }

  private boolean lastVisibleIsNewest() {
    var flow = (javafx.scene.control.skin.VirtualFlow<?>) log.table().lookup(".virtual-flow");
    var last = flow.getLastVisibleCell();
    return last != null && last.getIndex() == log.table().getItems().size() - 1;
  }

  private Bar barOf(Lane lane, String label) {
    return timeline.model().bars(lane).stream()
        .filter(b -> b.label().startsWith(label))
        .findFirst()
        .orElseThrow();
  }

  /** A bar's colour near its right end, clear of its left-aligned label. */
  private static Color center(PixelReader pixels, Rectangle2D box) {
    return pixels.getColor((int) (box.getMaxX() - 4), (int) (box.getMinY() + box.getHeight() / 2));
  }

  private static boolean isReddish(Color c) {
    return c.getRed() > c.getGreen() + 0.3 && c.getRed() > c.getBlue() + 0.3;
  }

  private static boolean isGreenish(Color c) {
    return c.getGreen() > c.getRed() + 0.2 && c.getGreen() > c.getBlue() + 0.1;
  }

  /** Writes {@code node} to /tmp/runparts-name.png to look at. */
  static Void write(Node node, String name) {
    WritableImage image = node.snapshot(null, null);
    BufferedImage out =
        new BufferedImage(
            (int) image.getWidth(), (int) image.getHeight(), BufferedImage.TYPE_INT_ARGB);
    PixelReader pixels = image.getPixelReader();
    for (int y = 0; y < out.getHeight(); y++) {
      for (int x = 0; x < out.getWidth(); x++) {
        out.setRGB(x, y, pixels.getArgb(x, y));
      }
    }
    try {
      ImageIO.write(out, "png", new File("/tmp/runparts-" + name + ".png"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return null;
  }

  static <T> T fx(java.util.concurrent.Callable<T> work) throws Exception {
    return WaitForAsyncUtils.asyncFx(work).get(20, java.util.concurrent.TimeUnit.SECONDS);
  }
}
