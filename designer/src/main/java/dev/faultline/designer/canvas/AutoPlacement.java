package dev.faultline.designer.canvas;

import dev.faultline.model.Experiment;
import dev.faultline.model.Position;
import dev.faultline.model.Step;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Places steps the file gives no position: one column per depth in the graph (a step sits right of
 * everything it runs after), each step in the first free slot of its column from the top.
 *
 * <p>The result is only for drawing: it is never written into the document, so opening a file does
 * not make it dirty. A step the user moves gets a real layout entry.
 */
public final class AutoPlacement {

  static final double ORIGIN = 40;
  static final double COLUMN = StepGeometry.WIDTH + 80;
  static final double ROW = StepGeometry.HEIGHT + 40;

  private AutoPlacement() {}

  /** Positions of every step: the file's where it has one, computed ones for the rest. */
  public static Map<String, Position> positions(Experiment experiment) {
    Map<String, Position> result = new LinkedHashMap<>();
    List<Step> unplaced = new ArrayList<>();
    SpatialIndex taken = new SpatialIndex();
    for (Step step : experiment.spec().steps()) {
      Position at = experiment.layout().positions().get(step.id());
      if (at == null) {
        unplaced.add(step);
      } else {
        result.put(step.id(), at);
        taken.put(step.id(), StepGeometry.bounds(at));
      }
    }
    if (unplaced.isEmpty()) {
      return result;
    }
    Map<String, Integer> depths = depths(experiment);
    List<Step> byDepth = new ArrayList<>(unplaced);
    byDepth.sort(Comparator.comparingInt(step -> depths.get(step.id()))); // stable: file order
    for (Step step : byDepth) {
      double x = ORIGIN + depths.get(step.id()) * COLUMN;
      double y = ORIGIN;
      while (!taken.query(StepGeometry.bounds(new Position(x, y)).expanded(10)).isEmpty()) {
        y += ROW;
      }
      Position at = new Position(x, y);
      result.put(step.id(), at);
      taken.put(step.id(), StepGeometry.bounds(at));
    }
    // Back into file order, so callers can iterate in the order steps are drawn.
    Map<String, Position> ordered = new LinkedHashMap<>();
    experiment.spec().steps().forEach(step -> ordered.put(step.id(), result.get(step.id())));
    return ordered;
  }

  /**
   * Longest chain of {@code after} edges leading to each step: 0 for steps that start at once.
   * Edges to unknown steps are ignored and a cycle (an invalid file) is cut where it is found.
   */
  static Map<String, Integer> depths(Experiment experiment) {
    Map<String, Step> byId = new HashMap<>();
    experiment.spec().steps().forEach(step -> byId.put(step.id(), step));
    Map<String, Integer> depths = new HashMap<>();
    for (Step step : experiment.spec().steps()) {
      depth(step.id(), byId, depths, new HashMap<>());
    }
    return depths;
  }

  private static int depth(
      String id, Map<String, Step> byId, Map<String, Integer> depths, Map<String, Boolean> onPath) {
    Integer known = depths.get(id);
    if (known != null) {
      return known;
    }
    // Iterative deepening would be safer for very long chains; recursion depth is the chain
    // length, which stays far below the stack limit for any graph a person draws.
    onPath.put(id, true);
    int depth = 0;
    for (String before : byId.get(id).after()) {
      if (byId.containsKey(before) && !onPath.containsKey(before)) {
        depth = Math.max(depth, depth(before, byId, depths, onPath) + 1);
      }
    }
    onPath.remove(id);
    depths.put(id, depth);
    return depth;
  }
}
