package dev.faultline.layout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Orders the nodes within each layer of one component so that few edges cross: a depth-first order
 * to start with (a branch's steps stay together), then barycenter sweeps down and up the layers.
 *
 * <p>Long edges get no dummy nodes; a node's barycenter uses its neighbours' ranks in their own
 * layers wherever those are. For the sizes experiments have, that is close enough, and it keeps the
 * cost linear in the edges per sweep.
 */
final class LayerOrdering {

  private static final int SWEEPS = 4;

  private LayerOrdering() {}

  /**
   * The layers of {@code component}, each an array of nodes top to bottom.
   *
   * @param rank scratch space of the graph's size; holds each node's index in its layer afterwards
   */
  static int[][] order(LayoutGraph graph, List<Integer> component, int[] rank) {
    int[] discovery = depthFirstOrder(graph, component);
    int layerCount = 0;
    for (int node : component) {
      layerCount = Math.max(layerCount, graph.layer(node) + 1);
    }
    List<List<Integer>> byLayer = new ArrayList<>(layerCount);
    for (int l = 0; l < layerCount; l++) {
      byLayer.add(new ArrayList<>());
    }
    for (int node : component) {
      byLayer.get(graph.layer(node)).add(node);
    }
    int[][] rows = new int[layerCount][];
    for (int l = 0; l < layerCount; l++) {
      Integer[] row = byLayer.get(l).toArray(Integer[]::new);
      Arrays.sort(row, Comparator.comparingInt(node -> discovery[node]));
      rows[l] = Arrays.stream(row).mapToInt(Integer::intValue).toArray();
      rerank(rows[l], rank);
    }
    double[] barycenter = new double[rank.length];
    for (int sweep = 0; sweep < SWEEPS; sweep++) {
      for (int l = 1; l < layerCount; l++) {
        reorder(rows[l], rank, barycenter, graph, true);
      }
      for (int l = layerCount - 2; l >= 0; l--) {
        reorder(rows[l], rank, barycenter, graph, false);
      }
    }
    return rows;
  }

  /** Sorts {@code row} by the mean rank of each node's neighbours above or below; stable. */
  private static void reorder(
      int[] row, int[] rank, double[] barycenter, LayoutGraph graph, boolean byPredecessors) {
    for (int node : row) {
      int[] neighbours = byPredecessors ? graph.predecessors(node) : graph.successors(node);
      if (neighbours.length == 0) {
        // No pull either way: it keeps its place.
        barycenter[node] = rank[node];
        continue;
      }
      double sum = 0;
      for (int other : neighbours) {
        sum += rank[other];
      }
      barycenter[node] = sum / neighbours.length;
    }
    Integer[] sorted = Arrays.stream(row).boxed().toArray(Integer[]::new);
    Arrays.sort(
        sorted,
        Comparator.<Integer>comparingDouble(node -> barycenter[node])
            .thenComparingInt(node -> rank[node]));
    for (int i = 0; i < row.length; i++) {
      row[i] = sorted[i];
    }
    rerank(row, rank);
  }

  private static void rerank(int[] row, int[] rank) {
    for (int i = 0; i < row.length; i++) {
      rank[row[i]] = i;
    }
  }

  /** Preorder number of each node in a depth-first walk from the sources, in file order. */
  private static int[] depthFirstOrder(LayoutGraph graph, List<Integer> component) {
    int[] discovery = new int[graph.size()];
    Arrays.fill(discovery, -1);
    int counter = 0;
    int[] stack = new int[Math.max(1, graph.size())];
    for (int root : component) {
      if (graph.predecessors(root).length > 0 || discovery[root] >= 0) {
        continue;
      }
      int depth = 0;
      stack[depth++] = root;
      while (depth > 0) {
        int node = stack[--depth];
        if (discovery[node] >= 0) {
          continue;
        }
        discovery[node] = counter++;
        int[] next = graph.successors(node);
        // Pushed in reverse so the first successor in the file is visited first.
        for (int i = next.length - 1; i >= 0; i--) {
          if (discovery[next[i]] < 0) {
            if (depth == stack.length) {
              stack = Arrays.copyOf(stack, stack.length * 2);
            }
            stack[depth++] = next[i];
          }
        }
      }
    }
    return discovery;
  }
}
