package dev.faultline.designer.canvas;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.faultline.model.AttackStep;
import dev.faultline.model.Position;
import dev.faultline.model.Step;
import dev.faultline.model.edit.MoveSteps;
import dev.faultline.model.edit.ReplaceStep;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The tile cache shows what is there: after each kind of change (a step moves, a step changes and
 * gets a problem, the selection changes, the theme switches, a drag, a zoom) a view with warm tiles
 * gives the same pixels as a fresh view of the same state, and the same picture as the reference
 * that draws everything directly with no caches.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class CanvasTilesUiTest {

  private static final double WIDTH = 700;
  private static final double HEIGHT = 400;

  private final CanvasFixtures fixtures = new CanvasFixtures();
  private CanvasView warm;
  private HBox row;

  @Start
  void start(Stage stage) {
    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    fixtures.openCheckout();
    warm = sized(new CanvasView(fixtures.viewModel(), true));
    row = new HBox(warm, sized(new Region()));
    Scene scene = new Scene(row, 2 * WIDTH, HEIGHT);
    scene.getStylesheets().add(CanvasView.stylesheet());
    stage.setScene(scene);
    stage.show();
  }

  @BeforeEach
  void warmUp() throws Exception {
    // A zoom where tile seams cut through cards; then frames until the tiles on screen and the
    // ring around them are all rendered, and a pan there and back finds them all cached.
    int[] frames =
        fx(
            () -> {
              warm.viewModel().zoomAt(1.37, 31, 17);
              warm.settleZoom();
              warm.paintIfDirty();
              int tilesDrawn = warm.tilesDrawnLastFrame();
              for (int i = 0; i < 60 && warm.framePending(); i++) {
                warm.paintIfDirty();
              }
              warm.viewModel().scroll(37, 0);
              warm.paintIfDirty();
              warm.viewModel().scroll(-37, 0);
              warm.paintIfDirty();
              return new int[] {tilesDrawn, warm.tilesRenderedLastFrame()};
            });
    assertThat(frames[0]).as("tiles on screen").isGreaterThan(1);
    assertThat(frames[1]).as("tiles rendered after a pan there and back").isZero();
    assertThat(warm.framePending()).isFalse();
  }

  @AfterEach
  void plainTheme() throws Exception {
    fx(
        () -> {
          Application.setUserAgentStylesheet(null);
          return null;
        });
  }

  @Test
  void tilesLookLikeTheDirectDrawing() throws Exception {
    assertSameAsFresh("warm tiles");
  }

  @Test
  void movedStepShowsAtItsNewPlace() throws Exception {
    fx(() -> fixtures.document.edit(new MoveSteps(Map.of("kill", new Position(520, 260)))));
    assertThat(paint(warm)).isGreaterThan(0);
    assertSameAsFresh("after a move");
  }

  @Test
  void changedStepShowsItsNewTextAndProblem() throws Exception {
    Step kill = fixtures.document.experiment().spec().step("kill").orElseThrow();
    AttackStep broken = (AttackStep) kill;
    fx(
        () ->
            fixtures.document.edit(
                new ReplaceStep(
                    new AttackStep(
                        "kill",
                        broken.after(),
                        "k8s.pod.delete",
                        "nowhere",
                        broken.with(),
                        broken.duration(),
                        broken.extras()),
                    "Change kill",
                    null)));
    assertThat(fixtures.problems.byStepProperty().get().get("kill")).isNotEmpty();
    assertSameAsFresh("after a change with a problem");
  }

  @Test
  void selectionShowsAtOnce() throws Exception {
    fx(
        () -> {
          fixtures.selection.select("until-unhealthy");
          warm.paintIfDirty();
          fixtures.selection.select("kill");
          return null;
        });
    assertSameAsFresh("after selecting");
  }

  @Test
  void badgesAndRunStatesShowAndGo() throws Exception {
    fx(
        () -> {
          warm.stepBadges().putAll(Map.of("freeze", "3/7", "kill", "0/7"));
          warm.stepRunStates()
              .putAll(
                  Map.of(
                      "freeze", StepRunState.SUCCEEDED,
                      "until-unhealthy", StepRunState.FAILED,
                      "kill", StepRunState.SKIPPED,
                      "until-recovered", StepRunState.PENDING));
          return null;
        });
    assertThat(paint(warm)).isGreaterThan(0);
    assertSameAsFresh("with badges and run states");
    fx(
        () -> {
          warm.stepBadges().remove("freeze");
          warm.stepRunStates().put("until-unhealthy", StepRunState.SUCCEEDED);
          warm.stepRunStates().remove("until-recovered");
          return null;
        });
    assertSameAsFresh("after badges and run states changed");
  }

  @Test
  void themeSwitchRepaintsEveryTile() throws Exception {
    WritableImage light = snapshot(warm);
    fx(
        () -> {
          Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
          return null;
        });
    WaitForAsyncUtils.waitForFxEvents();
    WritableImage dark = snapshot(warm);
    assertThat(differing(light, dark, 0.1)).isGreaterThan((int) (WIDTH * HEIGHT / 2));
    assertSameAsFresh("after switching to dark");
  }

  @Test
  void draggedCardsFollowThePointerAndLeaveTheirPlace() throws Exception {
    CanvasView fresh = freshView(true);
    fx(
        () -> {
          for (CanvasView view : new CanvasView[] {warm, fresh}) {
            Viewport v = view.viewModel().viewport();
            double x = v.toScreenX(350);
            double y = v.toScreenY(140);
            view.viewModel()
                .pointerPressed(x, y, MouseButton.PRIMARY, new Modifiers(false, false, false));
            view.viewModel().pointerDragged(x + 60, y + 90, new Modifiers(false, false, false));
          }
          return null;
        });
    assertThat(warm.viewModel().moving()).containsExactly("until-unhealthy");
    assertSame("while dragging", snapshot(warm), snapshot(fresh));
    fx(
        () -> {
          warm.viewModel().pointerReleased(0, 0, new Modifiers(false, false, false));
          return null;
        });
    assertSameAsFresh("after the drop");
  }

  @Test
  void zoomStretchesTilesUntilItRests() throws Exception {
    int rendered =
        fx(
            () -> {
              // The test settles the zoom itself; the view's own rest timer must not beat it.
              warm.zoomRestDelay(javafx.util.Duration.hours(1));
              warm.viewModel().zoomAt(1.15, 200, 100);
              warm.paintIfDirty();
              return warm.tilesRenderedLastFrame();
            });
    assertThat(rendered).as("tiles rendered while zooming").isLessThanOrEqualTo(1);
    assertThat(warm.lastFrameStretched()).isTrue();
    WritableImage stretched = snapshot(warm);
    fx(
        () -> {
          warm.settleZoom();
          return null;
        });
    assertThat(paint(warm)).as("crisp tiles come in one per frame").isEqualTo(1);
    assertThat(warm.lastFrameStretched()).isFalse();
    assertThat(warm.lastFrameComplete()).as("the rest stand in stretched").isFalse();
    WritableImage crisp = snapshot(warm);
    assertThat(warm.lastFrameComplete()).isTrue();
    // Stretched tiles show the same picture, only coarser.
    assertThat(differing(stretched, crisp, 0.5)).isLessThan((int) (WIDTH * HEIGHT * 0.02));
    assertSameAsFresh("after the zoom rested");
  }

  @Test
  void crispTilesComeInByThemselvesOnceTheZoomRests() throws Exception {
    // The real path: no test hooks, the view's own rest timer and pulses bring the tiles in.
    // Zoom and first frame in one go on the FX thread: on a slow machine the 150 ms rest could
    // otherwise pass between them and the first frame would already be crisp.
    boolean stretched =
        fx(
            () -> {
              warm.viewModel().zoomAt(0.8, 300, 200);
              warm.paintIfDirty();
              return warm.lastFrameStretched();
            });
    assertThat(stretched).isTrue();
    WaitForAsyncUtils.waitFor(
        5,
        TimeUnit.SECONDS,
        () ->
            fx(
                () ->
                    !warm.framePending()
                        && warm.lastFrameComplete()
                        && !warm.lastFrameStretched()));
    assertSameAsFresh("after the zoom rested by itself");
  }

  // ---- Comparing ----

  /** The warm view against a fresh tiled view (to the pixel) and the direct reference. */
  private void assertSameAsFresh(String when) throws Exception {
    WritableImage actual = snapshot(warm);
    WritableImage fresh = snapshot(freshView(true));
    CanvasSnapshotUiTest.save(actual, "tiles-" + when.replace(' ', '-') + ".png");
    CanvasSnapshotUiTest.save(fresh, "fresh-" + when.replace(" ", "-") + ".png");
    assertSame(when, actual, fresh);
    WritableImage direct = snapshot(freshView(false));
    CanvasSnapshotUiTest.save(direct, "direct-" + when.replace(' ', '-') + ".png");
    // Text drawn directly and text drawn into a card image differ by a shade at a few edges.
    assertThat(differingBrightness(actual, direct, 0.25))
        .as("pixels unlike the direct drawing " + when)
        .isLessThan((int) (WIDTH * HEIGHT * 0.005));
  }

  private static void assertSame(String when, WritableImage actual, WritableImage expected) {
    assertThat(differing(actual, expected, 2 / 255.0))
        .as("pixels unlike a fresh render " + when)
        .isZero();
  }

  /** A new view of the same document and selection, showing the same part of the canvas. */
  private CanvasView freshView(boolean tiled) throws Exception {
    return fx(
        () -> {
          CanvasView view = sized(new CanvasView(fixtures.viewModel(), tiled));
          row.getChildren().set(1, view);
          row.applyCss();
          row.layout();
          view.viewModel().setViewport(warm.viewModel().viewport());
          view.stepBadges().putAll(warm.stepBadges());
          view.stepRunStates().putAll(warm.stepRunStates());
          view.settleZoom(); // its first frame fitted the graph: no stretched tiles of that zoom
          return view;
        });
  }

  private static CanvasView sized(CanvasView view) {
    // Only one view can have the keyboard focus (and its ring): none has, so they compare.
    view.setFocusTraversable(false);
    view.setMinSize(WIDTH, HEIGHT);
    view.setMaxSize(WIDTH, HEIGHT);
    return view;
  }

  private static Region sized(Region region) {
    region.setMinSize(WIDTH, HEIGHT);
    region.setMaxSize(WIDTH, HEIGHT);
    return region;
  }

  /** Paints the view now; returns the tiles that frame rendered. */
  private static int paint(CanvasView view) throws Exception {
    return fx(
        () -> {
          view.paintIfDirty();
          return view.tilesRenderedLastFrame();
        });
  }

  /** The view once every tile has come in. */
  private static WritableImage snapshot(CanvasView view) throws Exception {
    WaitForAsyncUtils.waitForFxEvents();
    return fx(
        () -> {
          view.paintIfDirty();
          for (int i = 0; i < 100 && !view.lastFrameComplete(); i++) {
            view.paintIfDirty();
          }
          assertThat(view.lastFrameComplete()).as("all tiles in").isTrue();
          return view.snapshot(null, null);
        });
  }

  private static int differing(WritableImage a, WritableImage b, double tolerance) {
    PixelReader pa = a.getPixelReader();
    PixelReader pb = b.getPixelReader();
    int count = 0;
    for (int y = 0; y < (int) a.getHeight(); y++) {
      for (int x = 0; x < (int) a.getWidth(); x++) {
        Color ca = pa.getColor(x, y);
        Color cb = pb.getColor(x, y);
        if (Math.abs(ca.getRed() - cb.getRed()) > tolerance
            || Math.abs(ca.getGreen() - cb.getGreen()) > tolerance
            || Math.abs(ca.getBlue() - cb.getBlue()) > tolerance) {
          count++;
        }
      }
    }
    return count;
  }

  private static int differingBrightness(WritableImage a, WritableImage b, double tolerance) {
    int count = 0;
    for (int y = 0; y < (int) a.getHeight(); y++) {
      for (int x = 0; x < (int) a.getWidth(); x++) {
        double da = a.getPixelReader().getColor(x, y).getBrightness();
        double db = b.getPixelReader().getColor(x, y).getBrightness();
        if (Math.abs(da - db) > tolerance) {
          count++;
        }
      }
    }
    return count;
  }

  private static <T> T fx(Callable<T> work) throws Exception {
    return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
  }
}
