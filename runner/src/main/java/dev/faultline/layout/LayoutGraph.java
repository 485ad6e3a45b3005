package dev.faultline.layout;

import dev.faultline.model.Experiment;
import dev.faultline.model.Step;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The step graph reduced to what a layered layout needs: nodes numbered in file order and acyclic
 * edges from each step's {@code after} ids to the step, with a layer per node.
 *
 * <p>Files the validator refuses still get a layout, so this is lenient: unknown {@code after} ids,
 * self loops, duplicate edges and repeated step ids are ignored, and every edge that closes a cycle
 * is reversed (found by a depth-first search in file order, so the choice is deterministic).
 */
final class LayoutGraph {

  private final List<String> ids;
  private final int[][] predecessors;
  private final int[][] successors;
  private final int[] layers;

  private LayoutGraph(List<String> ids, List<int[]> edges) {
    this.ids = List.copyOf(ids);
    int n = ids.size();
    this.predecessors = adjacency(n, edges, 1, 0);
    this.successors = adjacency(n, edges, 0, 1);
    this.layers = longestPathLayers();
  }

  static LayoutGraph of(Experiment experiment) {
    Map<String, Integer> index = new LinkedHashMap<>();
    List<Step> steps = new ArrayList<>();
    for (Step step : experiment.spec().steps()) {
      if (index.putIfAbsent(step.id(), index.size()) == null) {
        steps.add(step);
      }
    }
    int n = index.size();
    List<List<Integer>> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(new ArrayList<>());
    }
    Set<Long> seen = new HashSet<>();
    for (int to = 0; to < n; to++) {
      for (String after : steps.get(to).after()) {
        Integer from = index.get(after);
        if (from != null && from != to && seen.add(key(from, to))) {
          out.get(from).add(to);
        }
      }
    }
    return new LayoutGraph(new ArrayList<>(index.keySet()), acyclic(out));
  }

  /** The edges of {@code out} with each back edge of a depth-first search reversed. */
  private static List<int[]> acyclic(List<List<Integer>> out) {
    int n = out.size();
    int[] state = new int[n]; // 0 unvisited, 1 on the DFS path, 2 done
    int[] nextEdge = new int[n];
    int[] stack = new int[n];
    List<int[]> edges = new ArrayList<>();
    Set<Long> kept = new HashSet<>();
    for (int root = 0; root < n; root++) {
      if (state[root] != 0) {
        continue;
      }
      // Iterative: a chain of thousands of steps must not overflow the thread's stack.
      int depth = 0;
      stack[depth++] = root;
      state[root] = 1;
      while (depth > 0) {
        int node = stack[depth - 1];
        List<Integer> targets = out.get(node);
        if (nextEdge[node] == targets.size()) {
          state[node] = 2;
          depth--;
          continue;
        }
        int target = targets.get(nextEdge[node]++);
        boolean backEdge = state[target] == 1;
        int from = backEdge ? target : node;
        int to = backEdge ? node : target;
        if (kept.add(key(from, to))) {
          edges.add(new int[] {from, to});
        }
        if (state[target] == 0) {
          state[target] = 1;
          stack[depth++] = target;
        }
      }
    }
    return edges;
  }

  private static long key(int from, int to) {
    return ((long) from << 32) | (to & 0xffffffffL);
  }

  private static int[][] adjacency(int n, List<int[]> edges, int ownEnd, int otherEnd) {
    int[] counts = new int[n];
    for (int[] edge : edges) {
      counts[edge[ownEnd]]++;
    }
    int[][] result = new int[n][];
    for (int i = 0; i < n; i++) {
      result[i] = new int[counts[i]];
    }
    Arrays.fill(counts, 0);
    for (int[] edge : edges) {
      int own = edge[ownEnd];
      result[own][counts[own]++] = edge[otherEnd];
    }
    return result;
  }

  /** A step's layer is one more than the highest layer of its predecessors; sources are 0. */
  private int[] longestPathLayers() {
    int n = ids.size();
    int[] layer = new int[n];
    int[] waiting = new int[n];
    int[] queue = new int[n];
    int head = 0;
    int tail = 0;
    for (int i = 0; i < n; i++) {
      waiting[i] = predecessors[i].length;
      if (waiting[i] == 0) {
        queue[tail++] = i;
      }
    }
    while (head < tail) {
      int node = queue[head++];
      for (int next : successors[node]) {
        layer[next] = Math.max(layer[next], layer[node] + 1);
        if (--waiting[next] == 0) {
          queue[tail++] = next;
        }
      }
    }
    return layer;
  }

  int size() {
    return ids.size();
  }

  String id(int node) {
    return ids.get(node);
  }

  int[] predecessors(int node) {
    return predecessors[node];
  }

  int[] successors(int node) {
    return successors[node];
  }

  int layer(int node) {
    return layers[node];
  }

  /**
   * The weakly connected components, each a list of nodes in file order; components are ordered by
   * their first step in the file.
   */
  List<List<Integer>> components() {
    int n = size();
    int[] component = new int[n];
    Arrays.fill(component, -1);
    List<List<Integer>> result = new ArrayList<>();
    int[] stack = new int[n];
    for (int root = 0; root < n; root++) {
      if (component[root] >= 0) {
        continue;
      }
      int id = result.size();
      int depth = 0;
      stack[depth++] = root;
      component[root] = id;
      while (depth > 0) {
        int node = stack[--depth];
        for (int[] neighbours : List.of(predecessors[node], successors[node])) {
          for (int other : neighbours) {
            if (component[other] < 0) {
              component[other] = id;
              stack[depth++] = other;
            }
          }
        }
      }
      result.add(new ArrayList<>());
    }
    for (int node = 0; node < n; node++) {
      result.get(component[node]).add(node);
    }
    return result;
  }
}
