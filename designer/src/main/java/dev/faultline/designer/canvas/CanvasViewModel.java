package dev.faultline.designer.canvas;

import dev.faultline.catalog.Catalog;
import dev.faultline.designer.canvas.StepGeometry.Point;
import dev.faultline.designer.document.DocumentProblems;
import dev.faultline.designer.document.ExperimentDocument;
import dev.faultline.designer.document.StepFactory;
import dev.faultline.designer.document.StepSelection;
import dev.faultline.designer.document.StepTemplate;
import dev.faultline.model.Experiment;
import dev.faultline.model.Position;
import dev.faultline.model.Step;
import dev.faultline.model.edit.AddStep;
import dev.faultline.model.edit.Connect;
import dev.faultline.model.edit.Disconnect;
import dev.faultline.model.edit.Edit;
import dev.faultline.model.edit.MoveSteps;
import dev.faultline.model.edit.PasteSteps;
import dev.faultline.model.edit.RemoveSteps;
import dev.faultline.validate.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ObservableMap;
import javafx.scene.input.MouseButton;

/**
 * Everything the canvas does that needs no scene graph: the graph reconciled from the document, the
 * viewport, selection and focus, and the pointer and keyboard gestures turned into edits.
 *
 * <p>Pointer methods take coordinates in screen pixels relative to the view; the view model
 * converts them with the {@link Viewport}. Every gesture is one edit, made on release: while a drag
 * lasts only the view model's preview state changes. The view asks {@link #takeDirty()} once per
 * pulse and repaints when anything changed.
 */
public final class CanvasViewModel {

  /** Pixels a press must travel before it becomes a drag, so a shaky click stays a click. */
  static final double DRAG_THRESHOLD = 4;

  /** How close to a wire, in screen pixels, a click selects it. */
  static final double EDGE_GRAB_PIXELS = 6;

  /** Margin kept around the focused card when the view pans to show it. */
  static final double REVEAL_MARGIN = 40;

  private enum Mode {
    IDLE,
    PRESSED_STEP,
    MOVING,
    RUBBER_BAND,
    CONNECTING,
    KEY_CONNECTING,
    PANNING,
    MINIMAP
  }

  /**
   * The wire being drawn: from a card's output port to the pointer (or to the keyboard's pick).
   *
   * @param target the card under the pointer; {@code null} over empty canvas
   * @param refusal why {@code from → target} cannot be connected; {@code null} when it can
   */
  public record ConnectPreview(String from, Point end, String target, String refusal) {
    public boolean accepted() {
      return target != null && refusal == null;
    }
  }

  private final ExperimentDocument document;
  private final StepSelection selection;
  private final DocumentProblems problems;
  private final StepText text;
  private final StepFactory factory;
  private final CanvasClipboard clipboard = new CanvasClipboard();

  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
  private final ReadOnlyStringWrapper focused = new ReadOnlyStringWrapper(this, "focused");
  private final ReadOnlyStringWrapper accessibleText =
      new ReadOnlyStringWrapper(this, "accessibleText", "");
  private final ReadOnlyDoubleWrapper zoom = new ReadOnlyDoubleWrapper(this, "zoom", 1);
  private final BooleanProperty minimapEnabled =
      new SimpleBooleanProperty(this, "minimapEnabled", true);
  private final StepDecorations decorations = new StepDecorations(this::invalidate);

  private CanvasGraph graph = CanvasGraph.EMPTY;
  private boolean graphStale = true;
  private Viewport viewport = Viewport.INITIAL;
  private boolean fitPending = true;
  private boolean dirty = true;
  private Runnable repaintRequest = () -> {};

  private Edge selectedEdge;
  private Mode mode = Mode.IDLE;
  private double pressX;
  private double pressY;
  private double lastX;
  private double lastY;
  private final Map<String, Position> moveOrigins = new LinkedHashMap<>();
  private double moveDx;
  private double moveDy;
  private boolean moveSnaps = true;
  private Rect rubberBand;
  private Set<String> rubberBase = Set.of();
  private Set<String> rubberHits = Set.of();
  private ConnectPreview connect;
  private String clickedCard;
  private boolean panKeyDown;

  public CanvasViewModel(
      ExperimentDocument document,
      StepSelection selection,
      DocumentProblems problems,
      Catalog catalog) {
    this.document = document;
    this.selection = selection;
    this.problems = problems;
    this.text = new StepText(catalog);
    this.factory = new StepFactory(catalog);
    document
        .experimentProperty()
        .addListener(
            (obs, old, now) -> {
              graphStale = true;
              if (focused.get() != null && now.spec().step(focused.get()).isEmpty()) {
                focused.set(null);
              }
              if (selectedEdge != null
                  && !now.spec()
                      .step(selectedEdge.to())
                      .map(step -> step.after().contains(selectedEdge.from()))
                      .orElse(false)) {
                selectedEdge = null;
              }
              updateAccessibleText();
              invalidate();
            });
    // Another file: show all of it once, at the next frame.
    document.fileProperty().addListener((obs, old, now) -> fitPending = true);
    selection
        .idsProperty()
        .addListener(
            (obs, old, now) -> {
              selection.primary().ifPresent(focused::set);
              invalidate();
            });
    problems
        .byStepProperty()
        .addListener(
            (obs, old, now) -> {
              updateAccessibleText();
              invalidate();
            });
    focused.addListener((obs, old, now) -> updateAccessibleText());
    minimapEnabled.addListener((obs, old, now) -> invalidate());
  }

  // ---- State the view draws ----

  /** The graph of the current experiment, reconciled at most once per change. */
  public CanvasGraph graph() {
    if (graphStale) {
      graph = CanvasGraph.reconcile(graph, document.experiment(), text);
      graphStale = false;
    }
    return graph;
  }

  public Viewport viewport() {
    return viewport;
  }

  /** Where a card is drawn now: its place in the graph, or where a drag is taking it. */
  public Position positionOf(StepCard card) {
    Position origin = moveOrigins.get(card.id());
    if (mode != Mode.MOVING || origin == null) {
      return card.position();
    }
    return movedPosition(origin);
  }

  /** The ids of the cards a drag is moving right now; empty when none is. */
  public Set<String> moving() {
    return mode == Mode.MOVING ? moveOrigins.keySet() : Set.of();
  }

  public boolean isSelected(String id) {
    return mode == Mode.RUBBER_BAND ? rubberHits.contains(id) : selection.isSelected(id);
  }

  /**
   * The ids drawn as selected, as one immutable set: during a rubber band, those it touches. A new
   * set whenever that changes, so the renderer can tell cheaply whether to look again.
   */
  Set<String> selectionLook() {
    return mode == Mode.RUBBER_BAND ? rubberHits : selection.ids();
  }

  /** The problems by step as one immutable map (a new one whenever validation ran). */
  Map<String, List<Problem>> problemsByStep() {
    return problems.byStepProperty().get();
  }

  public Optional<Edge> selectedEdge() {
    return Optional.ofNullable(selectedEdge);
  }

  /** The rubber band being dragged, in canvas units. */
  public Optional<Rect> rubberBand() {
    return mode == Mode.RUBBER_BAND ? Optional.ofNullable(rubberBand) : Optional.empty();
  }

  public Optional<ConnectPreview> connectPreview() {
    return mode == Mode.CONNECTING || mode == Mode.KEY_CONNECTING
        ? Optional.ofNullable(connect)
        : Optional.empty();
  }

  public List<Problem> problemsOf(String id) {
    return problems.byStepProperty().get().getOrDefault(id, List.of());
  }

  /**
   * A short text per step id ({@code "3/7"}: selected of matched pods in the live preview), shown
   * as a pill in the card's top-right corner. Change it on the FX thread only; any number of
   * changes in one pulse repaint once.
   */
  public ObservableMap<String, String> stepBadges() {
    return decorations.badges();
  }

  /**
   * The state of each step in the run shown; steps without an entry are drawn as designed. Change
   * it on the FX thread only; any number of changes in one pulse repaint once.
   */
  public ObservableMap<String, StepRunState> stepRunStates() {
    return decorations.states();
  }

  /** Badges and run states as of the last frame, one immutable map (new when they changed). */
  Map<String, StepDecoration> decorationLook() {
    return decorations.look();
  }

  /** A card's badge and run state as of the last frame; {@code null} for a plain card. */
  StepDecoration decorationOf(String id) {
    return decorations.of(id);
  }

  /** The steps running or waiting as of the last frame: their cards animate. */
  Set<String> animatedSteps() {
    return decorations.animated();
  }

  /** The overview to draw, or empty when it is switched off or everything is visible. */
  public Optional<Minimap> minimap() {
    if (!minimapEnabled.get()) {
      return Optional.empty();
    }
    return graph().bounds().map(bounds -> Minimap.of(viewport, bounds));
  }

  public BooleanProperty minimapEnabledProperty() {
    return minimapEnabled;
  }

  /** The latest feedback for the status bar: refusals, "Pasted 3 steps". */
  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  /** The keyboard-focused step, which arrow keys move from; {@code null} when none. */
  public ReadOnlyStringProperty focusedProperty() {
    return focused.getReadOnlyProperty();
  }

  /** What assistive technology reads for the canvas: the focused step, or an overview. */
  public ReadOnlyStringProperty accessibleTextProperty() {
    return accessibleText.getReadOnlyProperty();
  }

  public ReadOnlyDoubleProperty zoomProperty() {
    return zoom.getReadOnlyProperty();
  }

  /** Called with nothing when the view must repaint; the view coalesces calls to one per pulse. */
  public void setRepaintRequest(Runnable request) {
    this.repaintRequest = request;
  }

  /** Whether anything changed since the last call; clears the flag. */
  public boolean takeDirty() {
    boolean was = dirty;
    dirty = false;
    return was;
  }

  private void invalidate() {
    dirty = true;
    repaintRequest.run();
  }

  // ---- Viewport ----

  /** The view's size in pixels; the first non-empty size of a new document fits it in. */
  public void resize(double width, double height) {
    if (width == viewport.width() && height == viewport.height()) {
      return;
    }
    setViewport(viewport.withSize(width, height));
    if (fitPending && width > 0 && height > 0) {
      fitPending = false;
      zoomToFit();
    }
  }

  /**
   * Called by the view before it paints a frame: applies a pending fit of a newly opened file and
   * takes this pulse's badges and run states.
   */
  public void prepareFrame() {
    if (decorations.flush()) {
      updateAccessibleText();
    }
    if (fitPending && viewport.width() > 0 && viewport.height() > 0) {
      fitPending = false;
      zoomToFit();
    }
  }

  /** Shows exactly {@code next}: for tests that put two views on the same spot. */
  void setViewport(Viewport next) {
    if (!next.equals(viewport)) {
      viewport = next;
      zoom.set(next.zoom());
      invalidate();
    }
  }

  public void zoomIn() {
    setViewport(viewport.zoomedAtCenter(viewport.zoom() * Viewport.ZOOM_STEP));
  }

  public void zoomOut() {
    setViewport(viewport.zoomedAtCenter(viewport.zoom() / Viewport.ZOOM_STEP));
  }

  public void zoomReset() {
    setViewport(viewport.zoomedAtCenter(1));
  }

  /** Zooms by {@code factor} around a screen point: Ctrl+wheel and pinch. */
  public void zoomAt(double factor, double x, double y) {
    setViewport(viewport.zoomedAt(viewport.zoom() * factor, x, y));
  }

  /** Pans by a screen distance: wheel and trackpad scrolling. */
  public void scroll(double dx, double dy) {
    setViewport(viewport.pannedBy(dx, dy));
  }

  public void zoomToFit() {
    graph().bounds().ifPresent(bounds -> setViewport(viewport.fitting(bounds, 40)));
    if (graph().size() == 0) {
      setViewport(new Viewport(1, 0, 0, viewport.width(), viewport.height()));
    }
  }

  /** Selects {@code stepId} and puts it in the middle of the view (problems list, search). */
  public void centerOn(String stepId) {
    graph()
        .card(stepId)
        .ifPresent(
            card -> {
              selection.select(stepId);
              focused.set(stepId);
              Rect b = card.bounds();
              setViewport(viewport.centeredOn(b.centerX(), b.centerY()));
            });
  }

  // ---- Pointer gestures ----

  /** Space held: the primary button pans instead of selecting. */
  public void setPanKeyDown(boolean down) {
    panKeyDown = down;
  }

  public void pointerPressed(double x, double y, MouseButton button, Modifiers modifiers) {
    pressX = lastX = x;
    pressY = lastY = y;
    clickedCard = null;
    if (button == MouseButton.MIDDLE || (button == MouseButton.PRIMARY && panKeyDown)) {
      mode = Mode.PANNING;
      return;
    }
    if (button != MouseButton.PRIMARY) {
      return;
    }
    if (mode == Mode.KEY_CONNECTING) {
      mode = Mode.IDLE;
      connect = null;
    }
    Optional<Minimap> minimap = minimap();
    if (minimap.isPresent() && minimap.get().frame().contains(x, y)) {
      mode = Mode.MINIMAP;
      panMinimapTo(minimap.get(), x, y);
      return;
    }
    Point at = canvasPoint(x, y);
    Optional<StepCard> port = outputPortAt(at);
    if (port.isPresent()) {
      mode = Mode.CONNECTING;
      connect = preview(port.get().id(), at, null);
      invalidate();
      return;
    }
    Optional<StepCard> hit = graph().cardAt(at.x(), at.y());
    if (hit.isPresent()) {
      pressCard(hit.get().id(), modifiers);
      return;
    }
    Optional<Edge> edge = edgeAt(at);
    if (edge.isPresent()) {
      selectedEdge = edge.get();
      selection.clear();
      message.set(edge.get().to() + " runs after " + edge.get().from());
      mode = Mode.IDLE;
      invalidate();
      return;
    }
    mode = Mode.RUBBER_BAND;
    selectedEdge = null;
    rubberBase = modifiers.shift() ? selection.ids() : Set.of();
    rubberHits = rubberBase;
    rubberBand = new Rect(at.x(), at.y(), 0, 0);
    invalidate();
  }

  private void pressCard(String id, Modifiers modifiers) {
    selectedEdge = null;
    if (modifiers.shortcut()) {
      selection.toggle(id);
      if (!selection.isSelected(id)) {
        mode = Mode.IDLE;
        focused.set(id);
        return;
      }
    } else if (modifiers.shift()) {
      selection.add(List.of(id));
    } else if (!selection.isSelected(id)) {
      selection.select(id);
    } else {
      // A press on a selected card keeps the group so it can be dragged; a click selects it alone.
      clickedCard = id;
    }
    focused.set(id);
    mode = Mode.PRESSED_STEP;
    invalidate();
  }

  public void pointerDragged(double x, double y, Modifiers modifiers) {
    double dx = x - lastX;
    double dy = y - lastY;
    lastX = x;
    lastY = y;
    Point at = canvasPoint(x, y);
    switch (mode) {
      case PANNING -> setViewport(viewport.pannedBy(dx, dy));
      case MINIMAP -> minimap().ifPresent(m -> panMinimapTo(m, x, y));
      case PRESSED_STEP -> {
        if (Math.hypot(x - pressX, y - pressY) >= DRAG_THRESHOLD) {
          startMove();
          dragMove(x, y, modifiers);
        }
      }
      case MOVING -> dragMove(x, y, modifiers);
      case RUBBER_BAND -> {
        rubberBand =
            Rect.spanning(viewport.toCanvasX(pressX), viewport.toCanvasY(pressY), at.x(), at.y());
        Set<String> hits = new LinkedHashSet<>(rubberBase);
        graph().cardsIn(rubberBand).forEach(card -> hits.add(card.id()));
        if (!hits.equals(rubberHits)) {
          rubberHits = java.util.Collections.unmodifiableSet(hits);
        }
        invalidate();
      }
      case CONNECTING -> {
        String target = graph().cardAt(at.x(), at.y()).map(StepCard::id).orElse(null);
        connect = preview(connect.from(), at, target);
        invalidate();
      }
      default -> {}
    }
  }

  public void pointerReleased(double x, double y, Modifiers modifiers) {
    Mode ended = mode;
    mode = Mode.IDLE;
    switch (ended) {
      case PRESSED_STEP -> {
        if (clickedCard != null) {
          selection.select(clickedCard);
        }
      }
      case MOVING -> commitMove();
      case RUBBER_BAND -> {
        boolean click = Math.hypot(x - pressX, y - pressY) < DRAG_THRESHOLD;
        if (click && rubberBase.isEmpty()) {
          selection.clear();
        } else {
          selection.set(rubberHits);
        }
        rubberBand = null;
      }
      case CONNECTING -> {
        if (connect.target() != null) {
          finishConnect(connect);
        }
        connect = null;
      }
      default -> {}
    }
    moveOrigins.clear();
    invalidate();
  }

  /** Esc: ends the gesture in progress without an edit. Returns whether there was one. */
  public boolean cancel() {
    Mode cancelled = mode;
    mode = Mode.IDLE;
    moveOrigins.clear();
    rubberBand = null;
    connect = null;
    invalidate();
    if (cancelled == Mode.KEY_CONNECTING) {
      message.set("Connect cancelled.");
    }
    if (cancelled == Mode.IDLE && selectedEdge != null) {
      selectedEdge = null;
      return true;
    }
    return cancelled != Mode.IDLE;
  }

  private void startMove() {
    mode = Mode.MOVING;
    moveOrigins.clear();
    moveDx = 0;
    moveDy = 0;
    for (String id : selection.ids()) {
      graph().card(id).ifPresent(card -> moveOrigins.put(id, card.position()));
    }
  }

  private void dragMove(double x, double y, Modifiers modifiers) {
    moveDx = (x - pressX) / viewport.zoom();
    moveDy = (y - pressY) / viewport.zoom();
    moveSnaps = !modifiers.alt();
    invalidate();
  }

  private Position movedPosition(Position origin) {
    double nx = origin.x() + moveDx;
    double ny = origin.y() + moveDy;
    return moveSnaps
        ? new Position(StepGeometry.snap(nx), StepGeometry.snap(ny))
        : new Position(nx, ny);
  }

  private void commitMove() {
    Map<String, Position> moved = new LinkedHashMap<>();
    moveOrigins.forEach(
        (id, origin) -> {
          Position to = movedPosition(origin);
          if (to.x() != origin.x() || to.y() != origin.y()) {
            moved.put(id, to);
          }
        });
    if (!moved.isEmpty()) {
      apply(new MoveSteps(moved));
    }
  }

  private void finishConnect(ConnectPreview wire) {
    if (wire.refusal() != null) {
      message.set(wire.refusal());
      return;
    }
    if (apply(new Connect(wire.from(), wire.target()))) {
      message.set("Connected " + wire.from() + " \u2192 " + wire.target());
    }
  }

  private ConnectPreview preview(String from, Point end, String target) {
    String refusal =
        target == null ? null : Connect.refusal(graph().experiment(), from, target).orElse(null);
    if (connect != null
        && target != null
        && target.equals(connect.target())
        && from.equals(connect.from())) {
      refusal = connect.refusal(); // same target: skip the cycle search on every mouse move
    }
    return new ConnectPreview(from, end, target, refusal);
  }

  private void panMinimapTo(Minimap minimap, double x, double y) {
    setViewport(viewport.centeredOn(minimap.toCanvasX(x), minimap.toCanvasY(y)));
  }

  private Point canvasPoint(double x, double y) {
    return new Point(viewport.toCanvasX(x), viewport.toCanvasY(y));
  }

  private Optional<StepCard> outputPortAt(Point at) {
    double grab = StepGeometry.PORT_GRAB_PIXELS / viewport.zoom();
    Rect near = new Rect(at.x() - grab, at.y() - grab, 2 * grab, 2 * grab);
    StepCard best = null;
    double bestDistance = grab;
    for (StepCard card : graph().cardsIn(near.expanded(StepGeometry.WIDTH))) {
      double d = StepGeometry.outputPort(card.position()).distanceTo(at);
      if (d <= bestDistance) {
        bestDistance = d;
        best = card;
      }
    }
    return Optional.ofNullable(best);
  }

  /** The wire nearest to a canvas point, within a few pixels. */
  Optional<Edge> edgeAt(Point at) {
    double grab = EDGE_GRAB_PIXELS / viewport.zoom();
    boolean straight = !viewport.detailed();
    Edge best = null;
    double bestDistance = grab;
    for (Edge edge : graph().edges()) {
      Point from = StepGeometry.outputPort(graph().card(edge.from()).orElseThrow().position());
      Point to = StepGeometry.inputPort(graph().card(edge.to()).orElseThrow().position());
      if (!EdgeGeometry.bounds(from, to).expanded(grab).contains(at.x(), at.y())) {
        continue;
      }
      double d = EdgeGeometry.distance(from, to, at, straight);
      if (d <= bestDistance) {
        bestDistance = d;
        best = edge;
      }
    }
    return Optional.ofNullable(best);
  }

  // ---- Palette drops and menu actions ----

  /** A palette entry dropped at a screen point: a new step centred there, snapped, selected. */
  public void drop(StepTemplate template, double x, double y) {
    Point at = canvasPoint(x, y);
    Position position =
        new Position(
            StepGeometry.snap(at.x() - StepGeometry.WIDTH / 2),
            StepGeometry.snap(at.y() - StepGeometry.HEIGHT / 2));
    addStep(template, position);
  }

  /** A new step near the middle of the view where it covers no other card, selected. */
  public void addAtFreeSpot(StepTemplate template) {
    Rect visible = viewport.width() > 0 ? viewport.visible() : new Rect(0, 0, 800, 600);
    double x0 = StepGeometry.snap(visible.centerX() - StepGeometry.WIDTH / 2);
    double y0 = StepGeometry.snap(visible.centerY() - StepGeometry.HEIGHT / 2);
    Position free = freeSpotNear(x0, y0);
    addStep(template, free);
    graph().card(focused.get()).ifPresent(card -> reveal(card.bounds()));
  }

  /** The first grid spot on rings around (x0, y0) whose card would overlap no other card. */
  Position freeSpotNear(double x0, double y0) {
    double stepX = StepGeometry.WIDTH + 2 * StepGeometry.GRID;
    double stepY = StepGeometry.HEIGHT + 2 * StepGeometry.GRID;
    for (int ring = 0; ring < 50; ring++) {
      for (int i = -ring; i <= ring; i++) {
        for (int j = -ring; j <= ring; j++) {
          if (Math.max(Math.abs(i), Math.abs(j)) != ring) {
            continue;
          }
          Position at = new Position(x0 + i * stepX, y0 + j * stepY);
          if (graph().cardsIn(StepGeometry.bounds(at).expanded(StepGeometry.GRID / 2)).isEmpty()) {
            return at;
          }
        }
      }
    }
    return new Position(x0, y0);
  }

  private void addStep(StepTemplate template, Position position) {
    Step step;
    try {
      step = factory.create(document.experiment(), template);
    } catch (IllegalArgumentException unknown) {
      message.set("Cannot add " + template.token() + ": " + unknown.getMessage());
      return;
    }
    if (apply(new AddStep(step, position))) {
      selection.select(step.id());
      focused.set(step.id());
      message.set("Added " + step.id());
    }
  }

  /** Delete/Backspace: the selected wire, else the selected steps. */
  public void deleteSelection() {
    if (selectedEdge != null) {
      Edge edge = selectedEdge;
      if (apply(new Disconnect(edge.from(), edge.to()))) {
        selectedEdge = null;
        message.set("Disconnected " + edge.from() + " \u2192 " + edge.to());
      }
      return;
    }
    Set<String> ids = existingSelection();
    if (!ids.isEmpty() && apply(new RemoveSteps(ids))) {
      message.set("Deleted " + count(ids.size()));
    }
  }

  public void copy() {
    List<Step> steps = selectedSteps();
    if (steps.isEmpty()) {
      message.set("Select steps to copy.");
      return;
    }
    clipboard.copy(steps, positionsOf(steps));
    message.set("Copied " + count(steps.size()));
  }

  public void cut() {
    List<Step> steps = selectedSteps();
    if (steps.isEmpty()) {
      message.set("Select steps to cut.");
      return;
    }
    clipboard.copy(steps, positionsOf(steps));
    if (apply(new RemoveSteps(existingSelection()))) {
      message.set("Cut " + count(steps.size()));
    }
  }

  public void paste() {
    if (clipboard.isEmpty()) {
      message.set("Nothing to paste: copy steps first.");
      return;
    }
    PasteSteps paste = clipboard.nextPaste(document.experiment());
    if (apply(paste)) {
      selection.set(paste.ids());
      message.set("Pasted " + count(paste.ids().size()));
    }
  }

  public void duplicate() {
    List<Step> steps = selectedSteps();
    if (steps.isEmpty()) {
      message.set("Select steps to duplicate.");
      return;
    }
    PasteSteps copies = CanvasClipboard.duplicate(document.experiment(), steps, positionsOf(steps));
    if (apply(copies)) {
      selection.set(copies.ids());
      message.set("Duplicated " + count(steps.size()));
    }
  }

  public void selectAll() {
    List<String> all = new ArrayList<>();
    graph().cards().forEach(card -> all.add(card.id()));
    selectedEdge = null;
    selection.set(all);
  }

  /** The copied steps, for putting a text form on the system clipboard. */
  public List<Step> clipboardSteps() {
    return clipboard.steps();
  }

  private List<Step> selectedSteps() {
    List<Step> steps = new ArrayList<>();
    for (Step step : document.experiment().spec().steps()) {
      if (selection.isSelected(step.id())) {
        steps.add(step);
      }
    }
    return steps;
  }

  private Set<String> existingSelection() {
    Set<String> ids = new LinkedHashSet<>();
    selectedSteps().forEach(step -> ids.add(step.id()));
    return ids;
  }

  /** Where the steps are drawn, including automatic places, so copies land next to them. */
  private Map<String, Position> positionsOf(List<Step> steps) {
    Map<String, Position> at = new LinkedHashMap<>();
    steps.forEach(step -> graph().card(step.id()).ifPresent(c -> at.put(step.id(), c.position())));
    return at;
  }

  // ---- Keyboard ----

  /** Arrow key: focus and select the nearest card that way (or pick the wire's target). */
  public void arrow(Direction direction) {
    if (mode == Mode.KEY_CONNECTING) {
      String from = connect.target() != null ? connect.target() : connect.from();
      graph()
          .card(from)
          .flatMap(card -> Neighbours.next(graph(), card, direction))
          .ifPresent(next -> aimKeyboardWire(next));
      return;
    }
    Optional<StepCard> current = graph().card(focused.get());
    Optional<StepCard> next =
        current.isPresent()
            ? Neighbours.next(graph(), current.get(), direction)
            : firstVisibleCard();
    next.ifPresent(
        card -> {
          selectedEdge = null;
          selection.select(card.id());
          focused.set(card.id());
          reveal(card.bounds());
        });
  }

  /** Shift+arrow: moves the selected steps one grid step, one undoable move per press. */
  public void nudge(Direction direction) {
    Map<String, Position> moved = new LinkedHashMap<>();
    for (String id : existingSelection()) {
      Position at = graph().card(id).orElseThrow().position();
      moved.put(
          id,
          new Position(
              at.x() + direction.dx() * StepGeometry.GRID,
              at.y() + direction.dy() * StepGeometry.GRID));
    }
    if (!moved.isEmpty() && apply(new MoveSteps(moved))) {
      graph().card(focused.get()).ifPresent(card -> reveal(card.bounds()));
    }
  }

  /**
   * Starts drawing a wire from the focused (or primary selected) step with the keyboard: arrows
   * pick the target, Enter connects, Esc cancels.
   */
  public void startConnectFromSelection() {
    String from = focused.get() != null ? focused.get() : selection.primary().orElse(null);
    Optional<StepCard> card = graph().card(from);
    if (card.isEmpty()) {
      message.set("Select the step to connect from first.");
      return;
    }
    mode = Mode.KEY_CONNECTING;
    connect = new ConnectPreview(from, StepGeometry.outputPort(card.get().position()), null, null);
    Neighbours.next(graph(), card.get(), Direction.RIGHT).ifPresent(this::aimKeyboardWire);
    if (connect.target() == null) {
      message.set("Connect from " + from + ": pick a step with the arrow keys, Enter to connect");
    }
    invalidate();
  }

  private void aimKeyboardWire(StepCard target) {
    Point end = StepGeometry.inputPort(target.position());
    connect = preview(connect.from(), end, target.id());
    message.set(
        connect.refusal() != null
            ? connect.refusal()
            : "Connect " + connect.from() + " \u2192 " + target.id() + "? Enter to connect");
    reveal(target.bounds());
    invalidate();
  }

  /** Enter: finishes a keyboard wire. Returns whether there was one. */
  public boolean confirm() {
    if (mode != Mode.KEY_CONNECTING) {
      return false;
    }
    ConnectPreview wire = connect;
    mode = Mode.IDLE;
    connect = null;
    if (wire.target() != null) {
      finishConnect(wire);
    }
    invalidate();
    return true;
  }

  public boolean isConnecting() {
    return mode == Mode.CONNECTING || mode == Mode.KEY_CONNECTING;
  }

  private Optional<StepCard> firstVisibleCard() {
    List<StepCard> visible = graph().cardsIn(viewport.visible());
    return visible.isEmpty() ? graph().cards().stream().findFirst() : Optional.of(visible.get(0));
  }

  private void reveal(Rect bounds) {
    if (viewport.width() > 0) {
      setViewport(viewport.revealing(bounds, REVEAL_MARGIN));
    }
  }

  // ---- Edits and words ----

  private boolean apply(Edit edit) {
    Optional<String> refusal = document.edit(edit);
    refusal.ifPresent(message::set);
    return refusal.isEmpty();
  }

  private static String count(int n) {
    return n == 1 ? "1 step" : n + " steps";
  }

  /**
   * The accessible description of the focused step, or an overview of the canvas. Read from the
   * experiment itself, not the graph, so it stays current without reconciling on every change.
   */
  public String describeFocused() {
    Experiment experiment = document.experiment();
    String id = focused.get();
    Optional<Step> step = id == null ? Optional.empty() : experiment.spec().step(id);
    if (step.isEmpty()) {
      int steps = experiment.spec().steps().size();
      int edges = 0;
      for (Step s : experiment.spec().steps()) {
        edges += s.after().size();
      }
      return "Experiment canvas, "
          + (steps == 1 ? "1 step" : steps + " steps")
          + ", "
          + (edges == 1 ? "1 connection" : edges + " connections");
    }
    Step s = step.get();
    String description =
        text.accessibleDescription(s, text.lines(s, experiment), problemsOf(s.id()));
    StepDecoration decoration = decorations.of(s.id());
    if (decoration == null) {
      return description;
    }
    var words = new StringBuilder(description);
    if (decoration.badge() != null && !decoration.badge().isBlank()) {
      words.append(", ").append(StepDecoration.badgeWords(decoration.badge()));
    }
    if (decoration.state() != null) {
      words.append(", ").append(StepDecoration.stateWords(decoration.state()));
    }
    return words.toString();
  }

  private void updateAccessibleText() {
    accessibleText.set(describeFocused());
  }
}
