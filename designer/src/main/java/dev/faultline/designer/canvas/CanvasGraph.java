package dev.faultline.designer.canvas;

import dev.faultline.model.Experiment;
import dev.faultline.model.Position;
import dev.faultline.model.Step;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The experiment as the canvas sees it: one {@link StepCard} per step keyed by id, the edges, and a
 * spatial index of the cards.
 *
 * <p>Built by {@link #reconcile}, which diffs the new experiment against the previous graph: cards
 * whose step, position and target are unchanged are reused as they are (their texts are not
 * recomputed) and the index is updated only where cards moved, appeared or went away. The index is
 * handed on from graph to graph, so only the latest graph may be queried.
 */
public final class CanvasGraph {

  /** An empty graph to reconcile the first experiment against. */
  public static final CanvasGraph EMPTY =
      new CanvasGraph(null, Map.of(), List.of(), Map.of(), new SpatialIndex(), null, 0);

  private final Experiment experiment;
  private final Map<String, StepCard> cards;
  private final List<Edge> edges;
  private final Map<String, Integer> dependents;
  private final SpatialIndex index;
  private final Rect bounds;
  private final int reused;

  private CanvasGraph(
      Experiment experiment,
      Map<String, StepCard> cards,
      List<Edge> edges,
      Map<String, Integer> dependents,
      SpatialIndex index,
      Rect bounds,
      int reused) {
    this.experiment = experiment;
    this.cards = cards;
    this.edges = edges;
    this.dependents = dependents;
    this.index = index;
    this.bounds = bounds;
    this.reused = reused;
  }

  /** The graph for {@code experiment}, reusing what did not change since {@code previous}. */
  public static CanvasGraph reconcile(CanvasGraph previous, Experiment experiment, StepText text) {
    if (previous.experiment == experiment) {
      return previous;
    }
    Map<String, Position> positions = AutoPlacement.positions(experiment);
    boolean sameTargets =
        previous.experiment != null
            && previous.experiment.spec().targets().equals(experiment.spec().targets())
            // A card says "in west" relative to the experiment's own context.
            && java.util.Objects.equals(
                previous.experiment.spec().context(), experiment.spec().context());
    // The empty graph's index is shared by every view: start a fresh one from it.
    SpatialIndex index = previous.experiment == null ? new SpatialIndex() : previous.index;
    Map<String, StepCard> cards = new LinkedHashMap<>();
    List<Edge> edges = new ArrayList<>();
    Map<String, Integer> dependents = new HashMap<>();
    Rect bounds = null;
    int reused = 0;
    int order = 0;
    for (Step step : experiment.spec().steps()) {
      Position at = positions.get(step.id());
      boolean auto = !experiment.layout().positions().containsKey(step.id());
      StepCard old = previous.cards.get(step.id());
      StepCard card;
      if (old != null
          && sameTargets
          && old.order() == order
          && old.placedAutomatically() == auto
          && samePlace(old.position(), at)
          && (old.step() == step || old.step().equals(step))) {
        card = old;
        reused++;
      } else {
        card =
            new StepCard(
                order,
                step,
                at,
                auto,
                StepKind.of(step),
                text.iconId(step),
                text.lines(step, experiment));
        if (old == null || !samePlace(old.position(), at)) {
          index.put(step.id(), card.bounds());
        }
      }
      cards.put(step.id(), card);
      bounds = bounds == null ? card.bounds() : bounds.union(card.bounds());
      order++;
    }
    for (String gone : previous.cards.keySet()) {
      if (!cards.containsKey(gone)) {
        index.remove(gone);
      }
    }
    for (Step step : experiment.spec().steps()) {
      for (String before : step.after()) {
        if (cards.containsKey(before)) {
          edges.add(new Edge(before, step.id()));
          dependents.merge(before, 1, Integer::sum);
        }
      }
    }
    return new CanvasGraph(
        experiment,
        Collections.unmodifiableMap(cards),
        List.copyOf(edges),
        Map.copyOf(dependents),
        index,
        bounds,
        reused);
  }

  private static boolean samePlace(Position a, Position b) {
    return a.x() == b.x() && a.y() == b.y();
  }

  public Experiment experiment() {
    return experiment;
  }

  public Optional<StepCard> card(String id) {
    return Optional.ofNullable(cards.get(id));
  }

  /** All cards in file order (later cards draw on top). */
  public Collection<StepCard> cards() {
    return cards.values();
  }

  public int size() {
    return cards.size();
  }

  public List<Edge> edges() {
    return edges;
  }

  /** How many steps run after {@code id}: more than one is a fan-out (parallel branches). */
  public int dependents(String id) {
    return dependents.getOrDefault(id, 0);
  }

  /** The cards that intersect {@code area}, in drawing order. */
  public List<StepCard> cardsIn(Rect area) {
    List<StepCard> found = new ArrayList<>();
    for (String id : index.query(area)) {
      found.add(cards.get(id));
    }
    found.sort((a, b) -> Integer.compare(a.order(), b.order()));
    return found;
  }

  /** The top-most card under a canvas point. */
  public Optional<StepCard> cardAt(double x, double y) {
    StepCard top = null;
    for (String id : index.at(x, y)) {
      StepCard card = cards.get(id);
      if (top == null || card.order() > top.order()) {
        top = card;
      }
    }
    return Optional.ofNullable(top);
  }

  /** The rectangle around all cards; empty when there are none. */
  public Optional<Rect> bounds() {
    return Optional.ofNullable(bounds);
  }

  /** How many cards were reused unchanged from the previous graph (for tests of the diff). */
  int reused() {
    return reused;
  }
}
