package dev.faultline.layout;

import dev.faultline.model.Experiment;
import dev.faultline.model.Position;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A hierarchical left-to-right layout (Sugiyama style): each step one column right of the last of
 * its {@code after} steps, few crossing edges, chains straight, joins centred between their
 * branches; separate graphs stacked top to bottom. Every position lies on the canvas grid.
 *
 * <p>Cycles (which the validator refuses) are broken by reversing one edge of each, so the layout
 * always terminates. Linear in steps and edges per sweep: 2,000 steps lay out in milliseconds.
 */
public final class LayeredLayout implements AutoLayout {

  /** The canvas grid; every coordinate is a multiple of it. */
  public static final double GRID = 20;

  /** Where the first node's top-left corner goes. */
  public static final double ORIGIN = 40;

  /** The least free space between two columns. */
  public static final double HORIZONTAL_GAP = 80;

  /** The least free space between two nodes in a column, and between two components. */
  public static final double VERTICAL_GAP = 40;

  @Override
  public Map<String, Position> layout(Experiment experiment, NodeSize size) {
    LayoutGraph graph = LayoutGraph.of(experiment);
    double columnWidth = onGrid(size.width() + HORIZONTAL_GAP);
    double rowHeight = onGrid(size.height() + VERTICAL_GAP);
    int[] rank = new int[graph.size()];
    double[] y = new double[graph.size()];
    double[] componentTop = new double[graph.size()];
    double top = ORIGIN;
    for (List<Integer> component : graph.components()) {
      int[][] rows = LayerOrdering.order(graph, component, rank);
      VerticalPlacement.place(graph, rows, y, rowHeight, GRID);
      double bottom = 0;
      for (int node : component) {
        componentTop[node] = top;
        bottom = Math.max(bottom, y[node]);
      }
      top = onGrid(top + bottom + size.height() + VERTICAL_GAP);
    }
    Map<String, Position> positions = new LinkedHashMap<>();
    for (int node = 0; node < graph.size(); node++) {
      positions.put(
          graph.id(node),
          new Position(ORIGIN + graph.layer(node) * columnWidth, componentTop[node] + y[node]));
    }
    return positions;
  }

  /** Rounded up to the grid, so spacing never shrinks below what was asked. */
  private static double onGrid(double value) {
    return Math.ceil(value / GRID) * GRID;
  }
}
