package dev.faultline.designer.canvas;

import dev.faultline.designer.canvas.StepGeometry.Point;
import dev.faultline.validate.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the cached tiles show: every card with everything its picture depends on, and every wire
 * with its ends. Cards being dragged and their wires are left out; they are drawn over the tiles
 * while they move.
 *
 * <p>Built only when its {@link Stamp} changes (an edit, a selection, new problems, focus, a badge
 * or run state), never for a pan or a zoom, and compared with the previous look to find the areas
 * whose tiles are stale.
 */
final class WorldLook {

  /**
   * Margin around a card or a wire that its drawing may cover: focus ring, join disc, ports,
   * arrowheads, and the selection outline drawn in screen pixels when zoomed far out.
   */
  static double margin(double zoom) {
    return CardImageCache.MARGIN + 2 + 6 / zoom;
  }

  /** Identities of everything a look is made from: equal stamps, same look. */
  record Stamp(
      CanvasGraph graph,
      Set<String> selection,
      Map<String, List<Problem>> problems,
      String focused,
      Edge selectedEdge,
      Set<String> moving,
      Map<String, StepDecoration> decorations) {

    static Stamp of(CanvasViewModel model, boolean viewFocused) {
      return new Stamp(
          model.graph(),
          model.selectionLook(),
          model.problemsByStep(),
          viewFocused ? model.focusedProperty().get() : null,
          model.selectedEdge().orElse(null),
          Set.copyOf(model.moving()),
          model.decorationLook());
    }

    /**
     * Cheap: graph, selection, problems and decorations are immutable and compared by identity
     * first.
     */
    boolean sameAs(Stamp other) {
      return other != null
          && graph == other.graph
          && selection.equals(other.selection)
          && problems.equals(other.problems)
          && Objects.equals(focused, other.focused)
          && Objects.equals(selectedEdge, other.selectedEdge)
          && moving.equals(other.moving)
          && decorations.equals(other.decorations);
    }
  }

  /** A card's picture depends on exactly these; the step card is compared by identity. */
  record CardLook(
      StepCard card,
      boolean selected,
      boolean focused,
      List<Problem> problems,
      int joins,
      boolean fansOut,
      StepDecoration decoration) {

    /** How {@code card} looks now; what is focused and decorated is the caller's to say. */
    static CardLook of(
        CanvasViewModel model,
        CanvasGraph graph,
        StepCard card,
        boolean focused,
        StepDecoration decoration) {
      return new CardLook(
          card,
          model.isSelected(card.id()),
          focused,
          model.problemsOf(card.id()),
          WorldPainter.joins(graph, card),
          graph.dependents(card.id()) > 1,
          decoration);
    }

    boolean sameAs(CardLook other) {
      return card == other.card
          && selected == other.selected
          && focused == other.focused
          && problems == other.problems
          && joins == other.joins
          && fansOut == other.fansOut
          && Objects.equals(decoration, other.decoration);
    }
  }

  /** A wire as drawn: its ends, and whether it is the selected one (highlighted). */
  record WireLook(Edge edge, Point from, Point to, boolean selected) {
    Rect bounds() {
      return EdgeGeometry.bounds(from, to);
    }
  }

  private final Stamp stamp;
  private final Map<String, CardLook> cards;
  private final Map<String, WireLook> wires;
  private final SpatialIndex wireIndex = new SpatialIndex();

  private WorldLook(Stamp stamp, Map<String, CardLook> cards, Map<String, WireLook> wires) {
    this.stamp = stamp;
    this.cards = cards;
    this.wires = wires;
    wires.forEach((key, wire) -> wireIndex.put(key, wire.bounds()));
  }

  static WorldLook of(CanvasViewModel model, Stamp stamp) {
    CanvasGraph graph = stamp.graph();
    Map<String, CardLook> cards = new HashMap<>();
    for (StepCard card : graph.cards()) {
      if (stamp.moving().contains(card.id())) {
        continue;
      }
      cards.put(
          card.id(),
          CardLook.of(
              model,
              graph,
              card,
              card.id().equals(stamp.focused()),
              stamp.decorations().get(card.id())));
    }
    Map<String, WireLook> wires = new LinkedHashMap<>();
    for (Edge edge : graph.edges()) {
      if (stamp.moving().contains(edge.from()) || stamp.moving().contains(edge.to())) {
        continue;
      }
      Point from = StepGeometry.outputPort(graph.card(edge.from()).orElseThrow().position());
      Point to = StepGeometry.inputPort(graph.card(edge.to()).orElseThrow().position());
      wires.put(key(edge), new WireLook(edge, from, to, edge.equals(stamp.selectedEdge())));
    }
    return new WorldLook(stamp, cards, wires);
  }

  private static String key(Edge edge) {
    return edge.from() + '\u0000' + edge.to();
  }

  Stamp stamp() {
    return stamp;
  }

  /** The cards to draw in {@code area} (canvas units), in drawing order, dragged ones left out. */
  List<StepCard> cardsIn(Rect area) {
    List<StepCard> found = new ArrayList<>();
    for (StepCard card : stamp.graph().cardsIn(area)) {
      if (cards.containsKey(card.id())) {
        found.add(card);
      }
    }
    return found;
  }

  /** The wires whose curves may cross {@code area}, in no particular order. */
  List<WireLook> wiresIn(Rect area) {
    List<WireLook> found = new ArrayList<>();
    for (String key : wireIndex.query(area)) {
      found.add(wires.get(key));
    }
    return found;
  }

  /**
   * The areas (canvas units, margins not yet added) whose pictures differ between {@code previous}
   * and this look: old and new places of every card or wire that changed, appeared or went away.
   */
  List<Rect> changesSince(WorldLook previous) {
    List<Rect> changed = new ArrayList<>();
    for (Map.Entry<String, CardLook> entry : cards.entrySet()) {
      CardLook before = previous.cards.get(entry.getKey());
      CardLook now = entry.getValue();
      if (before == null || !before.sameAs(now)) {
        changed.add(now.card().bounds());
        if (before != null && before.card() != now.card()) {
          changed.add(before.card().bounds());
        }
      }
    }
    for (Map.Entry<String, CardLook> entry : previous.cards.entrySet()) {
      if (!cards.containsKey(entry.getKey())) {
        changed.add(entry.getValue().card().bounds());
      }
    }
    for (Map.Entry<String, WireLook> entry : wires.entrySet()) {
      WireLook before = previous.wires.get(entry.getKey());
      if (!entry.getValue().equals(before)) {
        changed.add(entry.getValue().bounds());
        if (before != null) {
          changed.add(before.bounds());
        }
      }
    }
    for (Map.Entry<String, WireLook> entry : previous.wires.entrySet()) {
      if (!wires.containsKey(entry.getKey())) {
        changed.add(entry.getValue().bounds());
      }
    }
    return changed;
  }
}
