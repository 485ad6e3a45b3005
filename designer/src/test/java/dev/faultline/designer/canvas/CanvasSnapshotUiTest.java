package dev.faultline.designer.canvas;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.faultline.catalog.Catalog;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Renders the checkout example for real and looks at the pixels: cards are drawn where the steps
 * are, in the theme's colours, in light and in dark. Also leaves PNGs under {@code target/} for a
 * person to look at.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class CanvasSnapshotUiTest {

  private final CanvasFixtures fixtures = new CanvasFixtures();
  private CanvasView view;

  @Start
  void start(Stage stage) {
    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    fixtures.openCheckout();
    view =
        new CanvasView(fixtures.document, fixtures.selection, fixtures.problems, Catalog.builtIn());
    Scene scene = new Scene(new BorderPane(view), 1100, 420);
    scene.getStylesheets().add(CanvasView.stylesheet());
    stage.setScene(scene);
    stage.show();
  }

  @AfterEach
  void plainTheme() throws Exception {
    WaitForAsyncUtils.asyncFx(() -> Application.setUserAgentStylesheet(null)).get();
  }

  @Test
  void cardsArePaintedWhereTheStepsAre(FxRobot robot) throws Exception {
    fixtures.selection.select("kill");
    WritableImage image = snapshot(robot);
    save(image, "canvas-light.png");
    PixelReader pixels = image.getPixelReader();
    Color background = pixels.getColor(3, (int) image.getHeight() - 3);
    CanvasViewModel model = view.viewModel();
    Viewport viewport = model.viewport();

    for (StepCard card : model.graph().cards()) {
      Rect bounds = card.bounds();
      int x0 = (int) Math.ceil(viewport.toScreenX(bounds.x()));
      int y0 = (int) Math.ceil(viewport.toScreenY(bounds.y()));
      int x1 = (int) Math.floor(viewport.toScreenX(bounds.maxX()));
      int y1 = (int) Math.floor(viewport.toScreenY(bounds.maxY()));
      assertThat(x0).as(card.id() + " on screen").isGreaterThanOrEqualTo(0);
      assertThat(x1).as(card.id() + " on screen").isLessThan((int) image.getWidth());
      int differing = 0;
      int total = 0;
      for (int y = y0 + 2; y < y1 - 2; y++) {
        for (int x = x0 + 2; x < x1 - 2; x++) {
          total++;
          if (!close(pixels.getColor(x, y), background)) {
            differing++;
          }
        }
      }
      assertThat((double) differing / total)
          .as("share of %s's card not in the background colour", card.id())
          .isGreaterThan(0.9);
      // The kind stripe on the left edge (above the input port): red for attacks, blue for probes.
      Color stripe = pixels.getColor(x0 + 2, y0 + 14);
      if (card.kind() == StepKind.ATTACK) {
        assertThat(stripe.getRed()).as(card.id() + " stripe").isGreaterThan(stripe.getBlue() + 0.2);
      } else {
        assertThat(stripe.getBlue()).as(card.id() + " stripe").isGreaterThan(stripe.getRed() + 0.2);
      }
    }
    // Between two cards, on the wire freeze → until-unhealthy, something is drawn.
    StepCard freeze = model.graph().card("freeze").orElseThrow();
    double wireX = viewport.toScreenX(freeze.bounds().maxX() + 20);
    double wireY = viewport.toScreenY(freeze.bounds().centerY());
    assertThat(close(pixels.getColor((int) wireX, (int) wireY), background)).isFalse();
  }

  @Test
  void darkThemeRepaintsInDarkColours(FxRobot robot) throws Exception {
    Color lightCard = cardFill(snapshot(robot));
    assertThat(lightCard.getBrightness()).isGreaterThan(0.9);

    long before = view.framesPainted();
    robot.interact(
        () -> Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet()));
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> view.framesPainted() > before);
    WritableImage dark = snapshot(robot);
    assertThat(cardFill(dark).getBrightness()).isLessThan(0.3);
    save(dark, "canvas-dark.png");
  }

  @Test
  void faninFanoutProblemsAndTheOverview(FxRobot robot) throws Exception {
    robot.interact(
        () ->
            fixtures.document.open(
                CanvasFixtures.read(
                    """
                    apiVersion: faultline.dev/v1alpha1
                    kind: Experiment
                    metadata: {name: branches}
                    spec:
                      targets:
                        web: {namespaces: [shop], labelSelector: app=web, blastRadius: {mode: count, value: 2}}
                      steps:
                        - {id: baseline, probe: http.check, with: {url: "http://web.shop/health"}}
                        - {id: kill-web, after: [baseline], attack: k8s.pod.delete, target: web}
                        - {id: slow-db, after: [baseline], attack: chaosmesh.network, target: nowhere, with: {action: delay}}
                        - {id: settle, after: [kill-web, slow-db], wait: 30s}
                        - {id: approve, after: [settle], gate: "Dashboards green? Roll on?", timeout: 5m}
                    layout:
                      baseline: {x: 0, y: 100}
                      kill-web: {x: 300, y: 0}
                      slow-db: {x: 300, y: 200}
                      settle: {x: 600, y: 100}
                      approve: {x: 900, y: 100}
                    """),
                java.nio.file.Path.of("branches.yaml")));
    robot.interact(() -> fixtures.selection.select("settle"));
    WritableImage detailed = snapshot(robot);
    save(detailed, "canvas-branches.png");
    // The join "settle" shows how many wires meet at its input port: a dark disc, not a ring.
    Viewport viewport = view.viewModel().viewport();
    Rect settle = view.viewModel().graph().card("settle").orElseThrow().bounds();
    Color join =
        detailed
            .getPixelReader()
            .getColor(
                (int) viewport.toScreenX(settle.x() - 5),
                (int) viewport.toScreenY(settle.centerY()));
    assertThat(join.getBrightness()).isLessThan(0.5);
    assertThat(view.viewModel().problemsOf("slow-db")).anyMatch(p -> p.isError());

    // Zoomed far out: plain boxes, and an overview in the corner once the graph does not fit.
    robot.interact(
        () -> {
          view.zoomReset();
          view.viewModel().zoomAt(0.25 / view.zoomProperty().get(), 0, 0);
          view.viewModel().scroll(900, 0);
        });
    WritableImage far = snapshot(robot);
    save(far, "canvas-zoomed-out.png");
    assertThat(view.viewModel().minimap()).isPresent();
    Rect frame = view.viewModel().minimap().orElseThrow().frame();
    Color inFrame = far.getPixelReader().getColor((int) frame.x() + 3, (int) frame.y() + 3);
    Color background = far.getPixelReader().getColor(3, 3);
    assertThat(close(inFrame, background)).isFalse();
  }

  /** The card body's colour: right of the title, left of where badges go, of {@code freeze}. */
  private Color cardFill(WritableImage image) {
    Viewport viewport = view.viewModel().viewport();
    Rect bounds = view.viewModel().graph().card("freeze").orElseThrow().bounds();
    return image
        .getPixelReader()
        .getColor(
            (int) viewport.toScreenX(bounds.maxX() - 14),
            (int) viewport.toScreenY(bounds.y() + 40));
  }

  private WritableImage snapshot(FxRobot robot) throws Exception {
    WaitForAsyncUtils.waitForFxEvents();
    return WaitForAsyncUtils.asyncFx(() -> view.snapshot(null, null)).get(5, TimeUnit.SECONDS);
  }

  private static boolean close(Color a, Color b) {
    return Math.abs(a.getRed() - b.getRed()) < 0.02
        && Math.abs(a.getGreen() - b.getGreen()) < 0.02
        && Math.abs(a.getBlue() - b.getBlue()) < 0.02;
  }

  /** Writes the image to {@code target/} so a person can look at it. */
  static void save(WritableImage image, String name) throws IOException {
    int w = (int) image.getWidth();
    int h = (int) image.getHeight();
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
    PixelReader pixels = image.getPixelReader();
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        out.setRGB(x, y, pixels.getArgb(x, y));
      }
    }
    Path dir = Path.of("target", "snapshots");
    Files.createDirectories(dir);
    ImageIO.write(out, "png", dir.resolve(name).toFile());
  }
}
