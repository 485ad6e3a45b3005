package dev.faultline.designer.canvas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.designer.canvas.StepGeometry.Point;
import dev.faultline.designer.document.StepTemplate;
import dev.faultline.model.Position;
import dev.faultline.model.Step;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The canvas's gestures and actions, without a scene graph: pointer input in screen pixels. */
class CanvasViewModelTest {

  private final CanvasFixtures fixtures = new CanvasFixtures();
  private CanvasViewModel model;

  @BeforeEach
  void threeStepsInARow() {
    // a at x 0, b at 300, c at 600, all y 0; b after a, c after b.
    fixtures.open(CanvasFixtures.chain("a", "b", "c"));
    model = fixtures.viewModel();
    model.resize(1200, 600);
  }

  @Test
  void clickSelectsCtrlClickTogglesShiftClickAdds() {
    click(center("a"), Modifiers.NONE);
    assertThat(fixtures.selection.ids()).containsExactly("a");

    click(center("b"), Modifiers.SHIFT);
    assertThat(fixtures.selection.ids()).containsExactly("a", "b");

    click(center("a"), Modifiers.SHORTCUT);
    assertThat(fixtures.selection.ids()).containsExactly("b");

    click(screen(100, 400), Modifiers.NONE);
    assertThat(fixtures.selection.ids()).isEmpty();
  }

  @Test
  void aDragIsOneMoveSnappedToTheGrid() {
    long revision = fixtures.document.revisionProperty().get();
    Point from = center("a");

    model.pointerPressed(from.x(), from.y(), MouseButton.PRIMARY, Modifiers.NONE);
    for (int i = 1; i <= 10; i++) {
      model.pointerDragged(from.x() + i * 4.3, from.y() + i * 2.9, Modifiers.NONE);
      // While dragging the card moves on screen only; the document is untouched.
      assertThat(fixtures.document.revisionProperty().get()).isEqualTo(revision);
    }
    assertThat(model.positionOf(card("a"))).isEqualTo(new Position(40, 20));
    model.pointerReleased(from.x() + 43, from.y() + 29, Modifiers.NONE);

    assertThat(fixtures.document.revisionProperty().get()).isEqualTo(revision + 1);
    assertThat(fixtures.document.undoTextProperty().get()).isEqualTo("Undo Move Step");
    assertThat(layout("a")).isEqualTo(new Position(40, 20));
    fixtures.document.undo();
    assertThat(layout("a")).isEqualTo(new Position(0, 0));
  }

  @Test
  void aDragMovesTheWholeSelectionAndAltDoesNotSnap() {
    model.selectAll();
    Point from = center("b");
    model.pointerPressed(from.x(), from.y(), MouseButton.PRIMARY, Modifiers.NONE);
    model.pointerDragged(from.x() + 13, from.y() + 7, Modifiers.ALT);
    model.pointerReleased(from.x() + 13, from.y() + 7, Modifiers.ALT);

    assertThat(fixtures.document.undoTextProperty().get()).isEqualTo("Undo Move 3 Steps");
    assertThat(layout("a")).isEqualTo(new Position(13, 7));
    assertThat(layout("c")).isEqualTo(new Position(613, 7));
  }

  @Test
  void escapeCancelsADragWithoutAnEdit() {
    Point from = center("a");
    model.pointerPressed(from.x(), from.y(), MouseButton.PRIMARY, Modifiers.NONE);
    model.pointerDragged(from.x() + 100, from.y(), Modifiers.NONE);
    assertThat(model.cancel()).isTrue();
    model.pointerReleased(from.x() + 100, from.y(), Modifiers.NONE);

    assertThat(fixtures.document.canUndoProperty().get()).isFalse();
    assertThat(model.positionOf(card("a"))).isEqualTo(new Position(0, 0));
  }

  @Test
  void draggingFromAnOutputPortToAStepConnects() {
    fixtures.document.edit(new dev.faultline.model.edit.Disconnect("b", "c"));
    drag(outputPort("a"), center("c"));

    assertThat(step("c").after()).containsExactly("a");
    assertThat(model.messageProperty().get()).isEqualTo("Connected a \u2192 c");
  }

  @Test
  void aWireToItselfIsRefusedWithTheReason() {
    Point port = outputPort("a");
    model.pointerPressed(port.x(), port.y(), MouseButton.PRIMARY, Modifiers.NONE);
    model.pointerDragged(center("a").x(), center("a").y(), Modifiers.NONE);

    assertThat(model.connectPreview()).hasValueSatisfying(w -> assertThat(w.accepted()).isFalse());
    model.pointerReleased(center("a").x(), center("a").y(), Modifiers.NONE);

    assertThat(model.messageProperty().get()).isEqualTo("A step cannot wait for itself.");
    assertThat(fixtures.document.canUndoProperty().get()).isFalse();
  }

  @Test
  void aWireThatWouldCloseACycleIsRefused() {
    drag(outputPort("c"), center("a"));

    assertThat(model.messageProperty().get()).endsWith("this edge would make a cycle.");
    assertThat(step("a").after()).isEmpty();
    assertThat(fixtures.document.canUndoProperty().get()).isFalse();
  }

  @Test
  void aRubberBandSelectsTheCardsItTouchesAndShiftAdds() {
    drag(screen(-20, -40), screen(320, 10)); // touches a and b
    assertThat(fixtures.selection.ids()).containsExactlyInAnyOrder("a", "b");

    fixtures.selection.select("c");
    model.pointerPressed(
        screen(-20, 200).x(), screen(-20, 200).y(), MouseButton.PRIMARY, Modifiers.SHIFT);
    model.pointerDragged(screen(10, 50).x(), screen(10, 50).y(), Modifiers.SHIFT);
    model.pointerReleased(screen(10, 50).x(), screen(10, 50).y(), Modifiers.SHIFT);
    assertThat(fixtures.selection.ids()).containsExactlyInAnyOrder("c", "a");
  }

  @Test
  void clickingAWireSelectsItAndDeleteDisconnects() {
    // The wire a → b runs from (212, 38) to (300, 38) at y 38.
    click(screen(256, 38), Modifiers.NONE);
    assertThat(model.selectedEdge()).contains(new Edge("a", "b"));

    model.deleteSelection();
    assertThat(step("b").after()).isEmpty();
    assertThat(fixtures.document.undoTextProperty().get()).isEqualTo("Undo Disconnect a \u2192 b");
  }

  @Test
  void deleteRemovesTheSelectedSteps() {
    fixtures.selection.set(List.of("a", "b"));
    model.deleteSelection();

    assertThat(fixtures.document.experiment().spec().steps())
        .extracting(Step::id)
        .containsExactly("c");
    assertThat(model.messageProperty().get()).isEqualTo("Deleted 2 steps");
  }

  @Test
  void arrowKeysMoveToTheNearestCardThatWay() {
    fixtures.open(
        "apiVersion: faultline.dev/v1alpha1\nkind: Experiment\nmetadata: {name: t}\nspec:\n"
            + "  steps:\n    - {id: mid, wait: 1s}\n    - {id: right, wait: 1s}\n"
            + "    - {id: far-right, wait: 1s}\n    - {id: below, wait: 1s}\n"
            + "    - {id: right-down, wait: 1s}\n"
            + "layout:\n  mid: {x: 0, y: 0}\n  right: {x: 300, y: 20}\n"
            + "  far-right: {x: 900, y: 0}\n  below: {x: 0, y: 200}\n"
            + "  right-down: {x: 260, y: 400}\n");
    model.arrow(Direction.RIGHT); // nothing focused: starts at the first visible card
    assertThat(model.focusedProperty().get()).isEqualTo("mid");

    model.arrow(Direction.RIGHT);
    assertThat(model.focusedProperty().get()).isEqualTo("right");
    assertThat(fixtures.selection.ids()).containsExactly("right");
    model.arrow(Direction.RIGHT);
    assertThat(model.focusedProperty().get()).isEqualTo("far-right");
    model.arrow(Direction.LEFT);
    model.arrow(Direction.LEFT);
    model.arrow(Direction.DOWN);
    assertThat(model.focusedProperty().get()).isEqualTo("below");
    model.arrow(Direction.UP);
    model.arrow(Direction.UP); // nothing above: stays
    assertThat(model.focusedProperty().get()).isEqualTo("mid");
  }

  @Test
  void shiftArrowMovesTheSelectionOneGridStep() {
    fixtures.selection.set(List.of("a", "b"));
    model.nudge(Direction.DOWN);

    assertThat(layout("a")).isEqualTo(new Position(0, StepGeometry.GRID));
    assertThat(layout("b")).isEqualTo(new Position(300, StepGeometry.GRID));
    assertThat(fixtures.document.undoTextProperty().get()).isEqualTo("Undo Move 2 Steps");
  }

  @Test
  void keyboardConnectPicksATargetWithArrowsAndConnectsOnEnter() {
    fixtures.document.edit(new dev.faultline.model.edit.Disconnect("b", "c"));
    fixtures.selection.select("a");

    model.startConnectFromSelection();
    // The nearest step to the right is b, which already runs after a: refused, shown in red.
    assertThat(model.connectPreview())
        .hasValueSatisfying(w -> assertThat(w.target()).isEqualTo("b"));
    assertThat(model.connectPreview().orElseThrow().accepted()).isFalse();
    model.arrow(Direction.RIGHT);
    assertThat(model.connectPreview().orElseThrow().target()).isEqualTo("c");
    assertThat(model.connectPreview().orElseThrow().accepted()).isTrue();
    assertThat(model.confirm()).isTrue();

    assertThat(step("c").after()).containsExactly("a");
    assertThat(model.connectPreview()).isEmpty();
  }

  @Test
  void pastedCopiesGetFreeIdsAndLandFurtherOffEachTime() {
    fixtures.selection.set(List.of("a", "b"));
    model.copy();
    model.paste();

    assertThat(fixtures.selection.ids()).containsExactly("a-2", "b-2");
    assertThat(layout("a-2")).isEqualTo(new Position(40, 40));
    assertThat(step("b-2").after()).containsExactly("a-2");
    assertThat(model.messageProperty().get()).isEqualTo("Pasted 2 steps");

    model.paste();
    assertThat(fixtures.selection.ids()).containsExactly("a-3", "b-3");
    assertThat(layout("a-3")).isEqualTo(new Position(80, 80));
  }

  @Test
  void duplicateIsOneEditAndCutRemoves() {
    fixtures.selection.select("c");
    model.duplicate();
    assertThat(fixtures.document.undoTextProperty().get()).isEqualTo("Undo Duplicate Step");
    assertThat(fixtures.selection.ids()).containsExactly("c-2");
    assertThat(step("c-2").after()).isEmpty(); // b was not copied along

    model.cut();
    assertThat(fixtures.document.experiment().spec().step("c-2")).isEmpty();
    model.paste();
    assertThat(fixtures.selection.ids()).containsExactly("c-2");
  }

  @Test
  void aDroppedTemplateBecomesAStepCentredOnTheDropPoint() {
    Point at = screen(1000, 300);
    model.drop(StepTemplate.WAIT, at.x(), at.y());

    assertThat(fixtures.selection.ids()).containsExactly("wait");
    Position position = layout("wait");
    assertThat(StepGeometry.bounds(position).contains(1000, 300)).isTrue();
    assertThat(position.x() % StepGeometry.GRID).isZero();
    assertThat(position.y() % StepGeometry.GRID).isZero();
    assertThat(fixtures.document.undoTextProperty().get()).isEqualTo("Undo Add Wait");
  }

  @Test
  void addAtFreeSpotCoversNoOtherCard() {
    for (int i = 0; i < 5; i++) {
      model.addAtFreeSpot(StepTemplate.GATE);
    }
    var cards = List.copyOf(model.graph().cards());
    assertThat(cards).hasSize(8);
    for (StepCard one : cards) {
      for (StepCard other : cards) {
        if (one != other) {
          assertThat(one.bounds().intersects(other.bounds()))
              .as(one.id() + " overlaps " + other.id())
              .isFalse();
        }
      }
    }
    assertThat(fixtures.selection.ids()).containsExactly("gate-5");
  }

  @Test
  void stepsWithoutPositionsArePlacedButNotWrittenIntoTheDocument() {
    fixtures.open(
        "apiVersion: faultline.dev/v1alpha1\nkind: Experiment\nmetadata: {name: t}\nspec:\n"
            + "  steps:\n    - {id: start, wait: 1s}\n    - {id: left, wait: 1s, after: [start]}\n"
            + "    - {id: right, wait: 1s, after: [start]}\n"
            + "    - {id: join, wait: 1s, after: [left, right]}\n");

    CanvasGraph graph = model.graph();
    Rect start = graph.card("start").orElseThrow().bounds();
    Rect left = graph.card("left").orElseThrow().bounds();
    Rect right = graph.card("right").orElseThrow().bounds();
    Rect join = graph.card("join").orElseThrow().bounds();
    assertThat(left.x()).isGreaterThan(start.maxX());
    assertThat(right.x()).isEqualTo(left.x());
    assertThat(left.intersects(right)).isFalse();
    assertThat(join.x()).isGreaterThan(left.maxX());
    assertThat(graph.card("join").orElseThrow().placedAutomatically()).isTrue();
    assertThat(graph.dependents("start")).isEqualTo(2);
    assertThat(fixtures.document.experiment().layout().positions()).isEmpty();
    assertThat(fixtures.document.isDirty()).isFalse();
  }

  @Test
  void reconcilingReusesTheCardsThatDidNotChange() {
    CanvasGraph before = model.graph();
    fixtures.selection.select("c");
    model.nudge(Direction.RIGHT);
    CanvasGraph after = model.graph();

    assertThat(after.reused()).isEqualTo(2);
    assertThat(after.card("a")).containsSame(before.card("a").orElseThrow());
    assertThat(after.cardAt(620 + StepGeometry.WIDTH - 5, 10)).map(StepCard::id).contains("c");
    assertThat(after.cardAt(605, 10)).isEmpty();
  }

  @Test
  void theAccessibleTextDescribesTheFocusedStep() {
    fixtures.openCheckout();
    assertThat(model.accessibleTextProperty().get())
        .isEqualTo("Experiment canvas, 4 steps, 3 connections");

    fixtures.selection.select("freeze");
    assertThat(model.accessibleTextProperty().get())
        .isEqualTo(
            "Attack freeze: Signal a process (SIGSTOP, java) on target checkout, runs after none,"
                + " no problems");

    fixtures.selection.select("until-unhealthy");
    assertThat(model.accessibleTextProperty().get())
        .isEqualTo(
            "Probe until-unhealthy: HTTP check (until failing \u2264 10s), runs after freeze,"
                + " no problems");
  }

  @Test
  void theAccessibleTextCountsProblems() {
    fixtures.open(
        "apiVersion: faultline.dev/v1alpha1\nkind: Experiment\nmetadata: {name: t}\nspec:\n"
            + "  steps:\n    - {id: kill, attack: process.signal, target: nowhere}\n");
    fixtures.selection.select("kill");

    String text = model.accessibleTextProperty().get();
    assertThat(text)
        .startsWith(
            "Attack kill: Signal a process (no parameters) on target nowhere, runs after none, ");
    assertThat(text).containsPattern(", \\d+ errors?");
    assertThat(model.problemsOf("kill")).isNotEmpty();
  }

  @Test
  void zoomActionsChangeTheZoomProperty() {
    model.zoomReset();
    model.zoomIn();
    assertThat(model.zoomProperty().get()).isEqualTo(Viewport.ZOOM_STEP);
    model.zoomOut();
    model.zoomOut();
    assertThat(model.zoomProperty().get()).isLessThan(1);
    model.zoomToFit();
    assertThat(model.viewport().visible().containsRect(model.graph().bounds().orElseThrow()))
        .isTrue();
  }

  // ---- helpers ----

  @Test
  void badgesAndRunStatesAreTakenOncePerFrameAndAskForOneRepaint() {
    int[] requests = {0};
    model.setRepaintRequest(() -> requests[0]++);
    model.prepareFrame();
    model.takeDirty();

    for (int i = 0; i < 50; i++) {
      model.stepBadges().put("a", i + "/50");
      model.stepRunStates().put("b", i % 2 == 0 ? StepRunState.RUNNING : StepRunState.FAILED);
    }
    assertThat(requests[0]).as("repaints asked for 100 changes").isEqualTo(1);
    assertThat(model.decorationOf("a")).as("not drawn before the frame").isNull();

    model.prepareFrame();
    assertThat(model.takeDirty()).isTrue();
    assertThat(model.decorationOf("a")).isEqualTo(new StepDecoration("49/50", null));
    assertThat(model.decorationOf("b")).isEqualTo(new StepDecoration(null, StepRunState.FAILED));
    assertThat(model.animatedSteps()).isEmpty();

    var look = model.decorationLook();
    model.stepRunStates().put("c", StepRunState.WAITING);
    assertThat(requests[0]).isEqualTo(2);
    model.prepareFrame();
    assertThat(model.animatedSteps()).containsExactly("c");
    assertThat(model.decorationLook()).isNotSameAs(look);

    // Put back what was there: the picture is the same object, the tiles stay.
    look = model.decorationLook();
    model.stepBadges().put("a", "1/2");
    model.stepBadges().put("a", "49/50");
    model.prepareFrame();
    assertThat(model.decorationLook()).isSameAs(look);
  }

  @Test
  void theFocusedStepSaysItsBadgeAndRunStateAndStaysSelectable() {
    click(center("b"), Modifiers.NONE);
    model.stepBadges().put("b", "3/7");
    model.stepRunStates().put("b", StepRunState.WAITING);
    model.prepareFrame();
    assertThat(model.accessibleTextProperty().get())
        .startsWith("Wait b")
        .endsWith(", 3 of 7 pods selected, waiting for Continue");

    model.stepBadges().put("b", "0/0");
    model.stepRunStates().put("b", StepRunState.FAILED);
    model.prepareFrame();
    assertThat(model.accessibleTextProperty().get()).endsWith(", 0 of 0 pods selected, failed");

    model.stepRunStates().put("a", StepRunState.RUNNING);
    model.prepareFrame();
    click(center("a"), Modifiers.NONE);
    assertThat(fixtures.selection.ids()).as("selection during a run").containsExactly("a");
    assertThat(model.accessibleTextProperty().get()).endsWith(", running");

    model.stepRunStates().clear();
    model.stepBadges().clear();
    model.prepareFrame();
    assertThat(model.accessibleTextProperty().get()).doesNotContain("running");
  }

  private StepCard card(String id) {
    return model.graph().card(id).orElseThrow();
  }

  private Step step(String id) {
    return fixtures.document.experiment().spec().step(id).orElseThrow();
  }

  private Position layout(String id) {
    Map<String, Position> positions = fixtures.document.experiment().layout().positions();
    Position p = positions.get(id);
    assertThat(p).as("layout of " + id).isNotNull();
    return new Position(p.x(), p.y());
  }

  private Point screen(double canvasX, double canvasY) {
    Viewport v = model.viewport();
    return new Point(v.toScreenX(canvasX), v.toScreenY(canvasY));
  }

  private Point center(String id) {
    Rect b = card(id).bounds();
    return screen(b.centerX(), b.centerY());
  }

  private Point outputPort(String id) {
    Point p = StepGeometry.outputPort(card(id).position());
    return screen(p.x(), p.y());
  }

  private void click(Point at, Modifiers modifiers) {
    model.pointerPressed(at.x(), at.y(), MouseButton.PRIMARY, modifiers);
    model.pointerReleased(at.x(), at.y(), modifiers);
  }

  private void drag(Point from, Point to) {
    model.pointerPressed(from.x(), from.y(), MouseButton.PRIMARY, Modifiers.NONE);
    for (int i = 1; i <= 5; i++) {
      model.pointerDragged(
          from.x() + (to.x() - from.x()) * i / 5,
          from.y() + (to.y() - from.y()) * i / 5,
          Modifiers.NONE);
    }
    model.pointerReleased(to.x(), to.y(), Modifiers.NONE);
  }

  @SuppressWarnings("unused")
  private static Set<String> ids(String... ids) {
    return Set.of(ids);
  }
}
