package dev.faultline.designer.canvas;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.faultline.designer.canvas.CanvasTheme.Swatch;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Badges and run states on real rendered cards: the badge pill shows in the card's top-right corner
 * and goes again, run states colour the border in the theme's colours (light and dark), a state
 * change renders only the tiles of its card again, and nothing animates unless a step runs or
 * waits.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class CanvasDecorationsUiTest {

  private static final int WIDTH = 1100;
  private static final int HEIGHT = 420;

  private final CanvasFixtures fixtures = new CanvasFixtures();
  private CanvasView view;

  @Start
  void start(Stage stage) {
    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    fixtures.openCheckout();
    view = new CanvasView(fixtures.viewModel());
    // No focus ring: it would sit where the halo is measured.
    view.setFocusTraversable(false);
    Scene scene = new Scene(new BorderPane(view), WIDTH, HEIGHT);
    scene.getStylesheets().add(CanvasView.stylesheet());
    stage.setScene(scene);
    stage.show();
  }

  @AfterEach
  void plainTheme() throws Exception {
    fx(
        () -> {
          view.stepRunStates().clear();
          view.stepBadges().clear();
          Application.setUserAgentStylesheet(null);
          return null;
        });
  }

  @Test
  void badgeShowsInTheTopRightCornerAndGoesAgain() throws Exception {
    WritableImage plain = snapshot();
    Rect corner = topRightCorner("kill");
    assertThat(zoom()).as("cards drawn in detail").isGreaterThanOrEqualTo(Viewport.DETAIL_ZOOM);

    fx(() -> view.stepBadges().put("kill", "3/7"));
    WritableImage badged = snapshot();
    assertThat(differing(plain, badged, corner)).as("pixels changed in the corner").isPositive();
    assertThat(differing(plain, badged, null))
        .as("nothing changed outside the corner")
        .isEqualTo(differing(plain, badged, corner));
    Color accent = view.theme().color(Swatch.ACCENT_FG);
    assertThat(countNear(badged, corner, accent, 0.12))
        .as("accent pixels of the badge's text and outline")
        .isGreaterThan(10);
    assertThat(countNear(plain, corner, accent, 0.12)).isZero();
    CanvasSnapshotUiTest.save(badged, "decorations-badge.png");

    fx(() -> view.stepBadges().put("kill", "0/7"));
    WritableImage nothing = snapshot();
    Color warning = view.theme().color(Swatch.WARNING_FG);
    assertThat(countNear(nothing, corner, warning, 0.12))
        .as("nothing would be hit: a warning")
        .isGreaterThan(10);
    assertThat(countNear(nothing, corner, accent, 0.12)).isZero();

    fx(() -> view.stepBadges().remove("kill"));
    assertThat(differing(plain, snapshot(), null)).as("pixels unlike before the badge").isZero();
  }

  @Test
  void runStatesColourTheBorderInLightAndDark() throws Exception {
    Map<StepRunState, String> light =
        Map.of(
            StepRunState.RUNNING, "#0969da",
            StepRunState.SUCCEEDED, "#1a7f37",
            StepRunState.FAILED, "#cf222e");
    assertBorders(light, "light");

    long before = view.framesPainted();
    fx(
        () -> {
          Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
          return null;
        });
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> view.framesPainted() > before);
    Map<StepRunState, String> dark =
        Map.of(
            StepRunState.RUNNING, "#58a6ff",
            StepRunState.SUCCEEDED, "#3fb950",
            StepRunState.FAILED, "#f85149");
    assertBorders(dark, "dark");
  }

  private void assertBorders(Map<StepRunState, String> expected, String theme) throws Exception {
    onFx(() -> view.stepRunStates().clear());
    Color plain = borderColour(snapshot(), "kill");
    for (Map.Entry<StepRunState, String> entry : expected.entrySet()) {
      fx(() -> view.stepRunStates().put("kill", entry.getKey()));
      WritableImage image = snapshot();
      Color want = Color.web(entry.getValue());
      Color border = borderColour(image, "kill");
      assertThat(distance(border, want))
          .as("%s border in %s: %s, not %s", entry.getKey(), theme, border, want)
          .isLessThan(0.1);
      assertThat(distance(plain, want)).as("the plain border is another colour").isGreaterThan(0.3);
      assertThat(distance(borderColour(image, "freeze"), plain))
          .as("the card next to it keeps its border")
          .isLessThan(0.02);
      CanvasSnapshotUiTest.save(
          image, "decorations-" + theme + "-" + entry.getKey().name().toLowerCase() + ".png");
    }
  }

  @Test
  void aStateChangeRendersOnlyItsCardsTiles() throws Exception {
    settle();
    WritableImage before = snapshot();
    int[] counts =
        fx(
            () -> {
              view.stepRunStates().put("until-recovered", StepRunState.FAILED);
              view.paintIfDirty();
              return new int[] {view.tilesRenderedLastFrame(), view.tilesDrawnLastFrame()};
            });
    Rect card = view.viewModel().graph().card("until-recovered").orElseThrow().bounds();
    Rect tiles = tilesTouching(card.expanded(WorldLook.margin(zoom())));
    int touching = (int) Math.round(tiles.width() * tiles.height());
    assertThat(counts[0]).as("tiles rendered for one card's state").isBetween(1, touching);
    assertThat(counts[0]).as("fewer than all tiles on screen").isLessThan(counts[1]);
    WritableImage after = snapshot();
    Rect changed = screenArea(tiles);
    assertThat(differing(before, after, changed)).isPositive();
    assertThat(differing(before, after, null))
        .as("nothing changed outside that card's tiles")
        .isEqualTo(differing(before, after, changed));

    // Many changes in one pulse: one frame, and a change to an unknown step draws nothing anew.
    long frames = view.framesPainted();
    int rendered =
        fx(
            () -> {
              for (int i = 0; i < 200; i++) {
                view.stepBadges().put("no-such-step-" + i, i + "/200");
              }
              view.paintIfDirty();
              return view.tilesRenderedLastFrame();
            });
    assertThat(rendered).isZero();
    assertThat(view.framesPainted()).isEqualTo(frames + 1);
  }

  @Test
  void onlyRunningOrWaitingStepsAnimateAndOnlyTheirCards() throws Exception {
    fx(
        () -> {
          view.stepRunStates().putAll(Map.of("freeze", StepRunState.SUCCEEDED));
          view.stepRunStates().put("until-unhealthy", StepRunState.FAILED);
          view.stepRunStates().put("kill", StepRunState.SKIPPED);
          view.stepRunStates().put("until-recovered", StepRunState.PENDING);
          return null;
        });
    settle();
    long frames = view.framesPainted();
    long animation = view.runIndicatorFrames();
    Thread.sleep(400);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(view.runAnimating()).isFalse();
    assertThat(view.framesPainted()).as("frames with nothing running").isEqualTo(frames);
    assertThat(view.runIndicatorFrames()).isEqualTo(animation);

    fx(() -> view.stepRunStates().put("kill", StepRunState.RUNNING));
    settle();
    long tileFrames = view.framesPainted();
    long start = view.runIndicatorFrames();
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> view.runIndicatorFrames() > start + 5);
    assertThat(view.runAnimating()).isTrue();
    assertThat(view.framesPainted())
        .as("the animation redraws the running card, never tiles")
        .isEqualTo(tileFrames);
    WritableImage one = snapshot();
    Thread.sleep(300);
    WritableImage other = snapshot();
    Rect kill = view.viewModel().graph().card("kill").orElseThrow().bounds();
    Rect around = screenRect(kill.expanded(DecorationPainter.HALO_REACH + 2));
    assertThat(differing(one, other, around)).as("the running card moves").isPositive();
    assertThat(differing(one, other, null))
        .as("nothing moves beyond it")
        .isEqualTo(differing(one, other, around));

    fx(() -> view.stepRunStates().put("kill", StepRunState.SUCCEEDED));
    settle();
    long stopped = view.runIndicatorFrames();
    long lastFrames = view.framesPainted();
    Thread.sleep(400);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(view.runAnimating()).isFalse();
    assertThat(view.runIndicatorFrames()).isEqualTo(stopped);
    assertThat(view.framesPainted()).isEqualTo(lastFrames);
  }

  @Test
  void focusedStepSaysItsBadgeAndState() throws Exception {
    String text =
        fx(
            () -> {
              view.viewModel().centerOn("kill");
              view.stepBadges().put("kill", "3/7");
              view.stepRunStates().put("kill", StepRunState.RUNNING);
              view.paintIfDirty();
              return view.getAccessibleText();
            });
    assertThat(text).contains("kill").contains("3 of 7 pods selected").contains("running");
    assertThat(fixtures.selection.ids())
        .as("a run does not keep a step from being selected")
        .containsExactly("kill");
  }

  // ---- Geometry ----

  private double zoom() {
    return view.viewModel().viewport().zoom();
  }

  /** The card's top-right corner where the badge goes, in screen pixels. */
  private Rect topRightCorner(String id) {
    Rect card = view.viewModel().graph().card(id).orElseThrow().bounds();
    return screenRect(new Rect(card.maxX() - 90, card.y() + 4, 88, 24));
  }

  private Rect screenRect(Rect canvas) {
    Viewport v = view.viewModel().viewport();
    double x0 = Math.floor(v.toScreenX(canvas.x()));
    double y0 = Math.floor(v.toScreenY(canvas.y()));
    double x1 = Math.ceil(v.toScreenX(canvas.maxX()));
    double y1 = Math.ceil(v.toScreenY(canvas.maxY()));
    return new Rect(x0, y0, x1 - x0, y1 - y0);
  }

  /** The tile columns and rows (as a rect of tile indices) that a canvas area touches. */
  private Rect tilesTouching(Rect canvas) {
    double scale = zoom(); // the headless screen has one device pixel per point
    long c0 = Math.floorDiv((long) Math.floor(canvas.x() * scale), TileCache.SIZE);
    long c1 = Math.floorDiv((long) Math.floor(canvas.maxX() * scale), TileCache.SIZE);
    long r0 = Math.floorDiv((long) Math.floor(canvas.y() * scale), TileCache.SIZE);
    long r1 = Math.floorDiv((long) Math.floor(canvas.maxY() * scale), TileCache.SIZE);
    return new Rect(c0, r0, c1 - c0 + 1, r1 - r0 + 1);
  }

  /** The screen area of a rect of tile indices. */
  private Rect screenArea(Rect tiles) {
    double size = TileCache.SIZE / zoom();
    return screenRect(
        new Rect(tiles.x() * size, tiles.y() * size, tiles.width() * size, tiles.height() * size));
  }

  // ---- Pixels ----

  /**
   * The colour on the top edge of a card, halfway along: of the pixels across the edge, the one
   * furthest from the card's fill.
   */
  private Color borderColour(WritableImage image, String id) {
    Rect card = view.viewModel().graph().card(id).orElseThrow().bounds();
    Viewport v = view.viewModel().viewport();
    int x = (int) v.toScreenX(card.centerX());
    int y = (int) Math.round(v.toScreenY(card.y()));
    PixelReader pixels = image.getPixelReader();
    Color fill = pixels.getColor(x, y + 6);
    Color best = fill;
    for (int dy = -1; dy <= 1; dy++) {
      Color c = pixels.getColor(x, y + dy);
      if (distance(c, fill) > distance(best, fill)) {
        best = c;
      }
    }
    return best;
  }

  private static double distance(Color a, Color b) {
    return Math.max(
        Math.abs(a.getRed() - b.getRed()),
        Math.max(Math.abs(a.getGreen() - b.getGreen()), Math.abs(a.getBlue() - b.getBlue())));
  }

  /** Pixels unlike between two images, within {@code area} (screen pixels) or everywhere. */
  private static int differing(WritableImage a, WritableImage b, Rect area) {
    PixelReader pa = a.getPixelReader();
    PixelReader pb = b.getPixelReader();
    int count = 0;
    for (int y = 0; y < (int) a.getHeight(); y++) {
      for (int x = 0; x < (int) a.getWidth(); x++) {
        if (area != null && !area.contains(x, y)) {
          continue;
        }
        if (pa.getArgb(x, y) != pb.getArgb(x, y)) {
          count++;
        }
      }
    }
    return count;
  }

  private static int countNear(WritableImage image, Rect area, Color colour, double tolerance) {
    PixelReader pixels = image.getPixelReader();
    int count = 0;
    for (int y = (int) area.y(); y < (int) area.maxY(); y++) {
      for (int x = (int) area.x(); x < (int) area.maxX(); x++) {
        if (distance(pixels.getColor(x, y), colour) < tolerance) {
          count++;
        }
      }
    }
    return count;
  }

  // ---- FX thread ----

  /** Paints until every tile, and the ring around the view, is in. */
  private void settle() throws Exception {
    WaitForAsyncUtils.waitForFxEvents();
    fx(
        () -> {
          view.paintIfDirty();
          for (int i = 0; i < 100 && view.framePending(); i++) {
            view.paintIfDirty();
          }
          return null;
        });
    WaitForAsyncUtils.waitForFxEvents();
  }

  private WritableImage snapshot() throws Exception {
    settle();
    return fx(() -> view.snapshot(null, null));
  }

  private static void onFx(Runnable work) throws Exception {
    WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
  }

  private static <T> T fx(Callable<T> work) throws Exception {
    return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
  }
}
