package dev.faultline.designer.canvas;

import dev.faultline.catalog.Catalog;
import dev.faultline.designer.document.DocumentProblems;
import dev.faultline.designer.document.ExperimentDocument;
import dev.faultline.designer.document.StepDrag;
import dev.faultline.designer.document.StepSelection;
import dev.faultline.designer.document.StepTemplate;
import dev.faultline.format.ExperimentFormat;
import dev.faultline.format.Syntax;
import dev.faultline.model.Experiment;
import dev.faultline.model.Spec;
import dev.faultline.model.Step;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.animation.AnimationTimer;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.collections.ObservableMap;
import javafx.scene.AccessibleRole;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.input.ZoomEvent;
import javafx.scene.layout.Region;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * The experiment canvas: step cards and their wires, drawn on one {@link Canvas} the size of the
 * view. Put it in the centre of the window; it fills whatever room it gets.
 *
 * <p>Its children: the tiles as image nodes ({@link TileLayer}), the canvas for what is drawn over
 * them (or for everything, while a zoom stretches the tiles), a small canvas for the overview.
 *
 * <p>The view is thin: it turns mouse, key, scroll, zoom and drag-and-drop events into calls on its
 * {@link CanvasViewModel} and repaints at most once per pulse, only when the view model or the
 * theme changed. Frames are blitted from a cache of rendered tiles, so panning and zooming cost the
 * same on ten steps as on thousands (see {@link CanvasRenderer}). Add {@link #stylesheet()} to the
 * scene so it picks up the AtlantaFX theme's colours; it also works without, in Primer Light's
 * colours.
 *
 * <p>The live preview and a run decorate the cards through two maps keyed by step id: {@link
 * #stepBadges()} (a pill such as {@code 3/7} in the top-right corner) and {@link #stepRunStates()}
 * (border, halo and a state chip; running steps and waiting gates pulse). Many changes in one pulse
 * repaint once, and only the tiles of the cards that look different.
 *
 * <p>Keys while it has focus: arrows move the focus between cards, Shift+arrows move the selected
 * cards, Delete/Backspace deletes, Ctrl+A/C/X/V/D select all, copy, cut, paste, duplicate, Ctrl+= /
 * Ctrl+- / Ctrl+0 zoom, Shift+1 fits all, C starts a wire from the focused card (arrows pick the
 * target, Enter connects), Esc cancels any gesture, Space+drag pans.
 */
public final class CanvasView extends Region {

  /**
   * How long the zoom must rest before tiles are rendered crisp at it; until then the ones at hand
   * are drawn stretched, so a wheel or pinch zoom stays fluid on any graph.
   */
  static final Duration ZOOM_REST = Duration.millis(150);

  private final CanvasViewModel model;
  private final Canvas canvas = new Canvas();
  private final TileLayer tileLayer = new TileLayer();
  private final Canvas overview = new Canvas();
  private final RunIndicators runIndicators = new RunIndicators();
  private final CanvasRenderer renderer;
  private final PauseTransition zoomRest = new PauseTransition(ZOOM_REST);
  private final CanvasTheme.Swatches swatches = new CanvasTheme.Swatches();
  private final Runnable pulse = this::paintIfDirty;
  private CanvasTheme theme = CanvasTheme.fallback();
  private boolean themeDirty = true;
  private boolean frameDue;

  /**
   * Runs only while a card is running or waiting: its only job is to keep pulses coming, and each
   * pulse redraws the few animated cards ({@link RunIndicators}), never a tile.
   */
  private final AnimationTimer runClock =
      new AnimationTimer() {
        @Override
        public void handle(long now) {}
      };

  private boolean runClockOn;

  public CanvasView(
      ExperimentDocument document,
      StepSelection selection,
      DocumentProblems problems,
      Catalog catalog) {
    this(new CanvasViewModel(document, selection, problems, catalog));
  }

  CanvasView(CanvasViewModel model) {
    this(model, true);
  }

  /**
   * A view drawing from its tile cache, or ({@code tiled = false}) everything directly each frame:
   * the uncached reference the tile cache's tests compare with.
   */
  CanvasView(CanvasViewModel model, boolean tiled) {
    this.model = Objects.requireNonNull(model, "model");
    this.renderer = new CanvasRenderer(tiled, tileLayer, overview);
    getStyleClass().add("experiment-canvas");
    setId("experiment-canvas");
    setFocusTraversable(true);
    setAccessibleRole(AccessibleRole.NODE);
    setAccessibleRoleDescription("experiment canvas");
    accessibleTextProperty().bind(model.accessibleTextProperty());
    setAccessibleHelp(
        "Arrow keys move between steps, Shift+arrows move them, C connects, Delete deletes.");
    canvas.setManaged(false);
    overview.setManaged(false);
    overview.setVisible(false);
    getChildren().addAll(tileLayer, canvas, runIndicators, overview, swatches);

    model.setRepaintRequest(Platform::requestNextPulse);
    swatches.onChange(
        () -> {
          themeDirty = true;
          Platform.requestNextPulse();
        });
    sceneProperty()
        .addListener(
            (obs, old, now) -> {
              if (old != null) {
                old.removePostLayoutPulseListener(pulse);
                stopRunClock();
              }
              if (now != null) {
                now.addPostLayoutPulseListener(pulse);
              }
            });
    focusedProperty().addListener((obs, old, now) -> themeDirty = true);
    model.zoomProperty().addListener((obs, old, now) -> zoomRest.playFromStart());
    zoomRest.setOnFinished(e -> settleZoom());

    installPointerHandlers();
    installKeyHandlers();
    installDropHandlers();
  }

  /** The stylesheet with the canvas's theme swatches; add it to the scene. */
  public static String stylesheet() {
    return Objects.requireNonNull(CanvasView.class.getResource("canvas.css")).toExternalForm();
  }

  // ---- Painting ----

  @Override
  protected void layoutChildren() {
    double width = snapSizeX(getWidth());
    double height = snapSizeY(getHeight());
    if (canvas.getWidth() != width || canvas.getHeight() != height) {
      canvas.setWidth(width);
      canvas.setHeight(height);
      themeDirty = true;
    }
    model.resize(width, height);
    paintIfDirty();
  }

  /**
   * Paints when the model, the theme or the size changed since the last frame; then the animated
   * cards of a run, if any.
   */
  void paintIfDirty() {
    model.prepareFrame();
    boolean modelDirty = model.takeDirty();
    if (modelDirty || themeDirty || frameDue) {
      paintFrame();
    }
    paintRunIndicators();
  }

  private void paintFrame() {
    frameDue = false;
    if (themeDirty) {
      CanvasTheme read = swatches.read();
      if (!read.equals(theme)) {
        theme = read;
      }
      themeDirty = false;
    }
    if (canvas.getWidth() > 0 && canvas.getHeight() > 0) {
      boolean drawn =
          renderer.paint(canvas.getGraphicsContext2D(), model, theme, isFocused(), outputScale());
      canvas.setVisible(drawn);
      if (renderer.wantsFrame()) {
        // Tiles still to come in (a few per frame): keep pulses coming until they are all there.
        frameDue = true;
        Platform.requestNextPulse();
      }
    }
  }

  /** Animates the running and waiting cards, and stops the clock when there are none. */
  private void paintRunIndicators() {
    if (model.animatedSteps().isEmpty() || getScene() == null) {
      stopRunClock();
      return;
    }
    if (!runClockOn) {
      runClockOn = true;
      runClock.start();
    }
    runIndicators.paint(model, theme, System.nanoTime());
  }

  private void stopRunClock() {
    if (runClockOn) {
      runClockOn = false;
      runClock.stop();
      runIndicators.clear();
    }
  }

  /**
   * The zoom has rested: the next frame renders crisp tiles at it. Called by a timer {@link
   * #ZOOM_REST} after the last zoom change; tests and the benchmark call it directly.
   */
  /**
   * How long a zoom must rest before crisp tiles come in; tests that settle by hand lengthen it.
   */
  void zoomRestDelay(Duration delay) {
    zoomRest.setDuration(delay);
  }

  void settleZoom() {
    renderer.settleZoom();
    frameDue = true;
    Platform.requestNextPulse();
  }

  /** The window's pixels per point (2 on a Retina display), so cached cards stay sharp. */
  private double outputScale() {
    Scene scene = getScene();
    Window window = scene == null ? null : scene.getWindow();
    return window == null ? 1 : Math.max(window.getOutputScaleX(), window.getOutputScaleY());
  }

  @Override
  protected double computePrefWidth(double height) {
    return 800;
  }

  @Override
  protected double computePrefHeight(double width) {
    return 600;
  }

  @Override
  protected double computeMinWidth(double height) {
    return 0;
  }

  @Override
  protected double computeMinHeight(double width) {
    return 0;
  }

  // ---- Input ----

  private void installPointerHandlers() {
    addEventHandler(
        MouseEvent.MOUSE_PRESSED,
        e -> {
          requestFocus();
          model.pointerPressed(e.getX(), e.getY(), e.getButton(), modifiers(e));
          e.consume();
        });
    addEventHandler(
        MouseEvent.MOUSE_DRAGGED,
        e -> {
          model.pointerDragged(e.getX(), e.getY(), modifiers(e));
          e.consume();
        });
    addEventHandler(
        MouseEvent.MOUSE_RELEASED,
        e -> {
          model.pointerReleased(e.getX(), e.getY(), modifiers(e));
          e.consume();
        });
    addEventHandler(
        ScrollEvent.SCROLL,
        e -> {
          if (e.isShortcutDown() || e.isControlDown()) {
            model.zoomAt(Math.exp(e.getDeltaY() * 0.004), e.getX(), e.getY());
          } else {
            model.scroll(e.getDeltaX(), e.getDeltaY());
          }
          e.consume();
        });
    addEventHandler(
        ZoomEvent.ZOOM,
        e -> {
          model.zoomAt(e.getZoomFactor(), e.getX(), e.getY());
          e.consume();
        });
  }

  private static Modifiers modifiers(MouseEvent e) {
    return new Modifiers(e.isShiftDown(), e.isShortcutDown(), e.isAltDown());
  }

  private void installKeyHandlers() {
    addEventHandler(
        KeyEvent.KEY_PRESSED,
        e -> {
          if (handleKey(e)) {
            e.consume();
          }
        });
    addEventHandler(
        KeyEvent.KEY_RELEASED,
        e -> {
          if (e.getCode() == KeyCode.SPACE) {
            model.setPanKeyDown(false);
            e.consume();
          }
        });
  }

  private boolean handleKey(KeyEvent e) {
    KeyCode code = e.getCode();
    if (e.isShortcutDown()) {
      switch (code) {
        case A -> model.selectAll();
        case C -> copy();
        case X -> cut();
        case V -> model.paste();
        case D -> model.duplicate();
        case EQUALS, PLUS, ADD -> model.zoomIn();
        case MINUS, SUBTRACT -> model.zoomOut();
        case DIGIT0, NUMPAD0 -> model.zoomReset();
        default -> {
          return false;
        }
      }
      return true;
    }
    Optional<Direction> direction = direction(code);
    if (direction.isPresent()) {
      if (e.isShiftDown() && !model.isConnecting()) {
        model.nudge(direction.get());
      } else {
        model.arrow(direction.get());
      }
      return true;
    }
    switch (code) {
      case SPACE -> model.setPanKeyDown(true);
      case ESCAPE -> {
        return model.cancel();
      }
      case ENTER -> {
        return model.confirm();
      }
      case DELETE, BACK_SPACE -> model.deleteSelection();
      case C -> model.startConnectFromSelection();
      case DIGIT1 -> {
        if (!e.isShiftDown()) {
          return false;
        }
        model.zoomToFit();
      }
      default -> {
        return false;
      }
    }
    return true;
  }

  private static Optional<Direction> direction(KeyCode code) {
    return switch (code) {
      case LEFT, KP_LEFT -> Optional.of(Direction.LEFT);
      case RIGHT, KP_RIGHT -> Optional.of(Direction.RIGHT);
      case UP, KP_UP -> Optional.of(Direction.UP);
      case DOWN, KP_DOWN -> Optional.of(Direction.DOWN);
      default -> Optional.empty();
    };
  }

  private void installDropHandlers() {
    addEventHandler(
        DragEvent.DRAG_OVER,
        e -> {
          if (e.getDragboard().hasContent(StepDrag.FORMAT)) {
            e.acceptTransferModes(TransferMode.COPY);
            e.consume();
          }
        });
    addEventHandler(
        DragEvent.DRAG_DROPPED,
        e -> {
          e.setDropCompleted(dropped(e.getDragboard(), e.getX(), e.getY()));
          e.consume();
        });
  }

  /** Creates the step a dropped palette entry stands for; false for anything else. */
  private boolean dropped(Dragboard dragboard, double x, double y) {
    if (!(dragboard.getContent(StepDrag.FORMAT) instanceof String token)) {
      return false;
    }
    Optional<StepTemplate> template = StepTemplate.parse(token);
    template.ifPresent(
        t -> {
          model.drop(t, x, y);
          requestFocus();
        });
    return template.isPresent();
  }

  // ---- Actions for the application's menus ----

  public void deleteSelection() {
    model.deleteSelection();
  }

  public void cut() {
    model.cut();
    putOnSystemClipboard();
  }

  public void copy() {
    model.copy();
    putOnSystemClipboard();
  }

  /** The copied steps as YAML too, so they can be pasted into an editor or a chat. */
  private void putOnSystemClipboard() {
    List<Step> steps = model.clipboardSteps();
    if (steps.isEmpty()) {
      return;
    }
    Experiment clip =
        ExperimentDocument.blank().withSpec(new Spec(null, null, null, steps, null, null));
    ClipboardContent content = new ClipboardContent();
    content.putString(ExperimentFormat.write(clip, Syntax.YAML));
    Clipboard.getSystemClipboard().setContent(content);
  }

  public void paste() {
    model.paste();
  }

  public void duplicate() {
    model.duplicate();
  }

  public void selectAll() {
    model.selectAll();
  }

  public void zoomIn() {
    model.zoomIn();
  }

  public void zoomOut() {
    model.zoomOut();
  }

  public void zoomReset() {
    model.zoomReset();
  }

  public void zoomToFit() {
    model.zoomToFit();
  }

  /** Selects a step and scrolls it to the middle (a click in the problems list). */
  public void centerOn(String stepId) {
    model.centerOn(stepId);
  }

  /** Adds a step near the middle of the view without covering another (palette Enter). */
  public void addAtFreeSpot(StepTemplate template) {
    model.addAtFreeSpot(template);
    requestFocus();
  }

  /** Keyboard wiring: arrows pick the step to connect to, Enter connects, Esc cancels. */
  public void startConnectFromSelection() {
    model.startConnectFromSelection();
    requestFocus();
  }

  /** Feedback for the status bar: refusals ("… would make a cycle"), "Pasted 3 steps". */
  public ReadOnlyStringProperty messageProperty() {
    return model.messageProperty();
  }

  /** Screen pixels per canvas unit: 1 is 100 %. */
  public ReadOnlyDoubleProperty zoomProperty() {
    return model.zoomProperty();
  }

  /**
   * A short text per step id, drawn as a pill in the card's top-right corner: {@code "3/7"} for 3
   * of 7 matched pods selected by the live preview (a warning colour when it starts with {@code
   * "0/"}: nothing would be hit). No entry, no badge. Change it on the FX thread; many changes in
   * one pulse repaint once, and only the cards whose badge changed.
   */
  public ObservableMap<String, String> stepBadges() {
    return model.stepBadges();
  }

  /**
   * The state of each step in the run shown: the card gets the state's border, halo and a chip with
   * its glyph and word; running steps and waiting gates pulse while they are on screen. Steps
   * without an entry look as designed; clear the map when no run is shown. Selection and navigation
   * keep working. Change it on the FX thread; many changes in one pulse repaint once.
   */
  public ObservableMap<String, StepRunState> stepRunStates() {
    return model.stepRunStates();
  }

  /** Whether the overview shows in the corner when the graph does not fit. */
  public BooleanProperty minimapEnabledProperty() {
    return model.minimapEnabledProperty();
  }

  /** The view model, for tests and for the lead's wiring of less common actions. */
  public CanvasViewModel viewModel() {
    return model;
  }

  /** Frames painted so far: lets tests and benchmarks see that a change was drawn. */
  public long framesPainted() {
    return renderer.frames();
  }

  /** Frames of the run animation drawn so far; still when no card runs or waits. */
  long runIndicatorFrames() {
    return runIndicators.frames();
  }

  /** Whether the run animation's clock is on (some card running or waiting, in a scene). */
  boolean runAnimating() {
    return runClockOn;
  }

  /** The theme the view paints with now. */
  CanvasTheme theme() {
    return theme;
  }

  /** Cards drawn in the last frame, into new tiles or over them (dragged). */
  int cardsDrawnLastFrame() {
    return renderer.lastCardsDrawn();
  }

  /** Tiles blitted in the last frame: about a dozen, whatever the size of the graph. */
  int tilesDrawnLastFrame() {
    return renderer.lastTilesDrawn();
  }

  /** Tiles rendered in the last frame because they were new or had changed. */
  int tilesRenderedLastFrame() {
    return renderer.lastTilesRendered();
  }

  /** Whether the last frame showed every visible tile as it is now, without stand-ins. */
  boolean lastFrameComplete() {
    return renderer.lastFrameComplete();
  }

  /** Whether the view will paint again by itself to bring in more tiles. */
  boolean framePending() {
    return renderer.wantsFrame();
  }

  /** Whether the last frame stretched tiles made at another zoom (a zoom that has not rested). */
  boolean lastFrameStretched() {
    return renderer.lastFrameScaled();
  }
}
