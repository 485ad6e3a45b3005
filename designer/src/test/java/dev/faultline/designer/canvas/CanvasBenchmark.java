package dev.faultline.designer.canvas;

import atlantafx.base.theme.PrimerLight;
import dev.faultline.catalog.Catalog;
import dev.faultline.designer.document.DocumentProblems;
import dev.faultline.designer.document.ExperimentDocument;
import dev.faultline.designer.document.StepSelection;
import dev.faultline.designer.fx.FxTaskExecutor;
import dev.faultline.model.AttackStep;
import dev.faultline.model.Experiment;
import dev.faultline.model.Layout;
import dev.faultline.model.Metadata;
import dev.faultline.model.Params;
import dev.faultline.model.Position;
import dev.faultline.model.ProbeStep;
import dev.faultline.model.Spec;
import dev.faultline.model.Step;
import dev.faultline.model.Target;
import dev.faultline.model.TimeSpan;
import dev.faultline.model.Until;
import dev.faultline.model.WaitStep;
import dev.faultline.validate.Validator;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.CubicCurve;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import javafx.scene.transform.Affine;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Open time and frame time of the canvas while panning and zooming, at 10 to 2,000 steps with 1.5
 * edges per step, against a naive scene graph of one node per shape (a Group of Rectangle, Text,
 * CubicCurve) showing the same graph. Run with {@code ./mvnw -o -Pbench verify -pl
 * icons,runner,designer -Dtest='CanvasBenchmark' -Dsurefire.failIfNoSpecifiedTests=false}; results
 * in {@code designer/target/bench/canvas.json}.
 *
 * <p>A frame is measured on the FX thread from the viewport change to a rendered image: the canvas
 * repaints its command buffer and the software pipeline rasterises the view into a snapshot; the
 * naive version changes its transform and is rasterised the same way. The headless platform renders
 * in software, so absolute numbers are pessimistic; the ratios are the point.
 */
@Tag("bench")
@ExtendWith(ApplicationExtension.class)
class CanvasBenchmark {

  private static final int[] SIZES = {10, 100, 1_000, 2_000};
  private static final int WIDTH = 1200;
  private static final int HEIGHT = 800;
  private static final int WARMUP = 15;
  private static final int FRAMES = 60;

  private StackPane root;

  @Start
  void start(Stage stage) {
    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    root = new StackPane();
    Scene scene = new Scene(root, WIDTH, HEIGHT);
    scene.getStylesheets().add(CanvasView.stylesheet());
    stage.setScene(scene);
    stage.show();
  }

  @Test
  void panAndZoom() throws Exception {
    Path out = Path.of("target", "bench");
    Files.createDirectories(out);
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("viewport", WIDTH + "x" + HEIGHT);
    report.put("framesPerScenario", FRAMES);
    report.put("edgesPerStep", 1.5);
    report.put("loadAverageAtStart", load());
    List<Map<String, Object>> runs = new ArrayList<>();
    // One untimed round first: class loading, fonts and the pipeline's first textures.
    Experiment warmup = graph(50);
    onFx(() -> measureCanvas(warmup));
    onFx(() -> measureNaive(warmup));
    for (int n : SIZES) {
      Experiment experiment = graph(n);
      Map<String, Object> run = new LinkedHashMap<>();
      run.put("steps", n);
      run.put("edges", experiment.spec().steps().stream().mapToInt(s -> s.after().size()).sum());
      run.put("canvas", onFx(() -> measureCanvas(experiment)));
      run.put("naive", onFx(() -> measureNaive(experiment)));
      runs.add(run);
      System.err.println(run);
    }
    report.put("runs", runs);
    report.put("loadAverageAtEnd", load());
    report.put(
        "criterion",
        "canvas pan frame p50 at 2,000 steps <= 1.5x at 10 steps (zoom 100 %); naive >= 10x canvas"
            + " at 2,000 steps");
    Files.writeString(
        out.resolve("canvas.json"),
        JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(report));
    System.err.println(Files.readString(out.resolve("canvas.json")));
  }

  // ---- The canvas ----

  private Map<String, Object> measureCanvas(Experiment experiment) {
    ExperimentDocument document = new ExperimentDocument();
    StepSelection selection = new StepSelection(document);
    // Validation runs in the background as in the app, so open time is the canvas's own.
    DocumentProblems problems =
        new DocumentProblems(document, new FxTaskExecutor(), Validator.standard());
    CanvasView view = new CanvasView(document, selection, problems, Catalog.builtIn());
    view.setMinSize(WIDTH, HEIGHT);
    root.getChildren().setAll(view);
    root.applyCss();
    root.layout();
    WritableImage image = new WritableImage(WIDTH, HEIGHT);

    long start = System.nanoTime();
    document.open(experiment, Path.of("bench.yaml"));
    view.paintIfDirty();
    view.snapshot(params(), image);
    double openMs = (System.nanoTime() - start) / 1e6;

    CanvasViewModel model = view.viewModel();
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("openMs", round(openMs));
    model.zoomReset();
    result.put(
        "pan100",
        frames(
            i -> {
              model.scroll(i % 40 < 20 ? 7 : -7, i % 40 < 20 ? 5 : -5);
              view.paintIfDirty();
              view.snapshot(params(), image);
            }));
    result.put("cardsDrawnAt100", view.cardsDrawnLastFrame());
    result.put(
        "zoomAround100",
        frames(
            i -> {
              model.zoomAt(i % 20 < 10 ? 1.02 : 1 / 1.02, WIDTH / 2.0, HEIGHT / 2.0);
              view.paintIfDirty();
              view.snapshot(params(), image);
            }));
    model.zoomToFit();
    result.put("fitZoom", round(model.viewport().zoom()));
    result.put(
        "panFit",
        frames(
            i -> {
              model.scroll(i % 40 < 20 ? 7 : -7, i % 40 < 20 ? 5 : -5);
              view.paintIfDirty();
              view.snapshot(params(), image);
            }));
    root.getChildren().clear();
    return result;
  }

  // ---- The naive baseline: one node per shape ----

  private Map<String, Object> measureNaive(Experiment experiment) {
    WritableImage image = new WritableImage(WIDTH, HEIGHT);
    long start = System.nanoTime();
    Group content = naiveGraph(experiment);
    Pane viewport = new Pane(content);
    viewport.setClip(new Rectangle(WIDTH, HEIGHT));
    viewport.setMinSize(WIDTH, HEIGHT);
    root.getChildren().setAll(viewport);
    Affine transform = new Affine();
    content.getTransforms().setAll(transform);
    viewport.snapshot(params(), image);
    double openMs = (System.nanoTime() - start) / 1e6;

    Map<String, Object> result = new LinkedHashMap<>();
    result.put("openMs", round(openMs));
    result.put("nodes", content.getChildren().size());
    result.put(
        "pan100",
        frames(
            i -> {
              transform.prependTranslation(i % 40 < 20 ? 7 : -7, i % 40 < 20 ? 5 : -5);
              viewport.snapshot(params(), image);
            }));
    result.put(
        "zoomAround100",
        frames(
            i -> {
              double f = i % 20 < 10 ? 1.02 : 1 / 1.02;
              transform.prependScale(f, f, WIDTH / 2.0, HEIGHT / 2.0);
              viewport.snapshot(params(), image);
            }));
    root.getChildren().clear();
    return result;
  }

  private static Group naiveGraph(Experiment experiment) {
    Group group = new Group();
    Map<String, Position> at = experiment.layout().positions();
    for (Step step : experiment.spec().steps()) {
      Position from = at.get(step.id());
      for (String before : step.after()) {
        Position p = at.get(before);
        double x1 = p.x() + StepGeometry.WIDTH;
        double y1 = p.y() + StepGeometry.HEIGHT / 2;
        double x2 = from.x();
        double y2 = from.y() + StepGeometry.HEIGHT / 2;
        double reach = Math.max(40, Math.abs(x2 - x1) / 2);
        CubicCurve curve = new CubicCurve(x1, y1, x1 + reach, y1, x2 - reach, y2, x2, y2);
        curve.setFill(null);
        curve.setStroke(Color.GRAY);
        curve.setStrokeWidth(1.5);
        Polygon head = new Polygon(x2, y2, x2 - 9, y2 - 5, x2 - 9, y2 + 5);
        head.setFill(Color.GRAY);
        group.getChildren().addAll(curve, head);
      }
    }
    for (Step step : experiment.spec().steps()) {
      Position p = at.get(step.id());
      Rectangle card = new Rectangle(p.x(), p.y(), StepGeometry.WIDTH, StepGeometry.HEIGHT);
      card.setArcWidth(10);
      card.setArcHeight(10);
      card.setFill(Color.WHITE);
      card.setStroke(Color.LIGHTGRAY);
      Rectangle stripe = new Rectangle(p.x(), p.y(), 5, StepGeometry.HEIGHT);
      stripe.setFill(Color.CRIMSON);
      Text title = new Text(p.x() + 48, p.y() + 21, step.id());
      Text subtitle = new Text(p.x() + 48, p.y() + 35, step.kindWord());
      Text detail = new Text(p.x() + 12, p.y() + 54, "SIGSTOP \u00b7 java");
      Text context = new Text(p.x() + 12, p.y() + 68, "checkout \u00b7 app=checkout \u00b7 50%");
      group.getChildren().addAll(card, stripe, title, subtitle, detail, context);
    }
    return group;
  }

  // ---- Measuring ----

  private interface Frame {
    void run(int index);
  }

  private static Map<String, Object> frames(Frame frame) {
    for (int i = 0; i < WARMUP; i++) {
      frame.run(i);
    }
    double[] ms = new double[FRAMES];
    for (int i = 0; i < FRAMES; i++) {
      long start = System.nanoTime();
      frame.run(i);
      ms[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(ms);
    Map<String, Object> stats = new LinkedHashMap<>();
    stats.put("p50Ms", round(ms[FRAMES / 2]));
    stats.put("p95Ms", round(ms[(int) (FRAMES * 0.95)]));
    stats.put("maxMs", round(ms[FRAMES - 1]));
    return stats;
  }

  private static SnapshotParameters params() {
    SnapshotParameters params = new SnapshotParameters();
    params.setViewport(new Rectangle2D(0, 0, WIDTH, HEIGHT));
    return params;
  }

  private static <T> T onFx(Callable<T> work) throws Exception {
    return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.MINUTES);
  }

  /**
   * {@code n} steps in columns of 20 (attacks, probes, waits in turn), each after the step before
   * and every second one also after a random earlier step nearby: 1.5 edges per step, no cycles.
   */
  static Experiment graph(int n) {
    Random random = new Random(42);
    List<Step> steps = new ArrayList<>();
    Map<String, Position> positions = new LinkedHashMap<>();
    int rows = 20;
    for (int i = 0; i < n; i++) {
      String id = "s" + i;
      List<String> after = new ArrayList<>();
      if (i > 0) {
        after.add("s" + (i - 1));
      }
      if (i >= 2 && i % 2 == 0) {
        after.add("s" + Math.max(0, i - 2 - random.nextInt(Math.min(i - 1, 40))));
      }
      after = after.stream().distinct().toList();
      steps.add(
          switch (i % 3) {
            case 0 ->
                new AttackStep(
                    id,
                    after,
                    "process.signal",
                    "checkout",
                    Params.of(Map.of("signal", "SIGSTOP", "process", "java")),
                    null,
                    null);
            case 1 ->
                new ProbeStep(
                    id,
                    after,
                    "http.check",
                    null,
                    Params.of(Map.of("url", "http://checkout.shop/health")),
                    Until.FAILING,
                    TimeSpan.of("10s"),
                    null,
                    null,
                    null,
                    null);
            default -> new WaitStep(id, after, TimeSpan.of("10s"), null);
          });
      positions.put(id, new Position((i / rows) * 300.0, (i % rows) * 120.0));
    }
    return new Experiment(
        new Metadata("bench", null, null, null),
        new Spec(
            null, null, Map.of("checkout", Target.pods("shop", "app=checkout")), steps, null, null),
        new Layout(positions),
        null);
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }

  private static double load() {
    return round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }
}
