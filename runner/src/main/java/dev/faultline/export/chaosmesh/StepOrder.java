package dev.faultline.export.chaosmesh;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a step graph (steps plus {@code after} edges, a DAG with joins) into a tree of sequences
 * and branches, as Chaos Mesh's {@code Serial} and {@code Parallel} templates want it.
 *
 * <p>Series-parallel graphs decompose exactly: unconnected parts become branches, and a part that
 * splits into a front and a back where every back step comes after every front step becomes a
 * sequence. Such a front is a prefix of every topological order, so checking the prefixes of one
 * order finds it. A part that does neither is not series-parallel; it falls back to its topological
 * levels (longest path from its first steps) run one after another, which never starts a step
 * before its predecessors but makes some steps wait for steps they did not wait for: {@link
 * #tightened()} names them.
 */
final class StepOrder {
  /** A node of the tree. */
  sealed interface Plan {}

  /** One step. */
  record Leaf(String id) implements Plan {}

  /** Parts that run one after another. */
  record Sequence(List<Plan> parts) implements Plan {}

  /** Parts that run side by side; the next part starts when all of them have finished. */
  record Branches(List<Plan> parts) implements Plan {}

  private final List<String> ids;
  private final List<Set<Integer>> predecessors = new ArrayList<>();
  private final List<Set<Integer>> successors = new ArrayList<>();
  private final BitSet[] ancestors;
  private final Set<String> tightened = new LinkedHashSet<>();
  private final Plan plan;

  /**
   * @param afterById every step id in file order with its {@code after} ids (all in the map; a
   *     validated experiment has no cycle)
   */
  StepOrder(Map<String, List<String>> afterById) {
    ids = List.copyOf(afterById.keySet());
    var index = new HashMap<String, Integer>();
    for (int i = 0; i < ids.size(); i++) {
      index.put(ids.get(i), i);
      predecessors.add(new LinkedHashSet<>());
      successors.add(new LinkedHashSet<>());
    }
    for (int i = 0; i < ids.size(); i++) {
      for (String before : afterById.get(ids.get(i))) {
        int p = index.get(before);
        predecessors.get(i).add(p);
        successors.get(p).add(i);
      }
    }
    ancestors = new BitSet[ids.size()];
    for (int node : topological(all())) {
      BitSet mine = new BitSet();
      for (int p : predecessors.get(node)) {
        mine.set(p);
        mine.or(ancestors[p]);
      }
      ancestors[node] = mine;
    }
    plan = ids.isEmpty() ? new Sequence(List.of()) : build(all());
  }

  /** The tree; an empty sequence for no steps. */
  Plan plan() {
    return plan;
  }

  /** Steps made to wait for more than their {@code after} said, in file order. */
  List<String> tightened() {
    return tightened.stream()
        .sorted((a, b) -> Integer.compare(ids.indexOf(a), ids.indexOf(b)))
        .toList();
  }

  private List<Integer> all() {
    var nodes = new ArrayList<Integer>();
    for (int i = 0; i < ids.size(); i++) {
      nodes.add(i);
    }
    return nodes;
  }

  private Plan build(List<Integer> nodes) {
    if (nodes.size() == 1) {
      return new Leaf(ids.get(nodes.getFirst()));
    }
    List<List<Integer>> parts = components(nodes);
    if (parts.size() > 1) {
      return new Branches(parts.stream().map(this::build).toList());
    }
    List<Integer> order = topological(nodes);
    BitSet front = new BitSet();
    for (int k = 1; k < order.size(); k++) {
      front.set(order.get(k - 1));
      if (allAfter(front, order.subList(k, order.size()))) {
        var sequence = new ArrayList<Plan>();
        addFlat(sequence, build(sorted(order.subList(0, k))));
        addFlat(sequence, build(sorted(order.subList(k, order.size()))));
        return new Sequence(sequence);
      }
    }
    return byLevels(nodes, order);
  }

  private boolean allAfter(BitSet front, List<Integer> back) {
    for (int node : back) {
      BitSet missing = (BitSet) front.clone();
      missing.andNot(ancestors[node]);
      if (!missing.isEmpty()) {
        return false;
      }
    }
    return true;
  }

  /** The fallback for a part that is not series-parallel: its levels one after another. */
  private Plan byLevels(List<Integer> nodes, List<Integer> order) {
    Set<Integer> inPart = Set.copyOf(nodes);
    var level = new HashMap<Integer, Integer>();
    var levels = new ArrayList<List<Integer>>();
    for (int node : order) {
      int mine = 0;
      for (int p : predecessors.get(node)) {
        if (inPart.contains(p)) {
          mine = Math.max(mine, level.get(p) + 1);
        }
      }
      level.put(node, mine);
      while (levels.size() <= mine) {
        levels.add(new ArrayList<>());
      }
      levels.get(mine).add(node);
    }
    BitSet earlier = new BitSet();
    var sequence = new ArrayList<Plan>();
    for (List<Integer> nodesOfLevel : levels) {
      List<Integer> sortedLevel = sorted(nodesOfLevel);
      for (int node : sortedLevel) {
        BitSet missing = (BitSet) earlier.clone();
        missing.andNot(ancestors[node]);
        if (!missing.isEmpty()) {
          tightened.add(ids.get(node));
        }
      }
      sequence.add(
          sortedLevel.size() == 1
              ? new Leaf(ids.get(sortedLevel.getFirst()))
              : new Branches(sortedLevel.stream().map(n -> (Plan) new Leaf(ids.get(n))).toList()));
      sortedLevel.forEach(earlier::set);
    }
    return new Sequence(sequence);
  }

  private static void addFlat(List<Plan> sequence, Plan part) {
    if (part instanceof Sequence(List<Plan> parts)) {
      sequence.addAll(parts);
    } else {
      sequence.add(part);
    }
  }

  /** Weakly connected parts of {@code nodes}, each in file order, ordered by first step. */
  private List<List<Integer>> components(List<Integer> nodes) {
    Set<Integer> inPart = Set.copyOf(nodes);
    var seen = new BitSet();
    var parts = new ArrayList<List<Integer>>();
    for (int start : nodes) {
      if (seen.get(start)) {
        continue;
      }
      var part = new ArrayList<Integer>();
      var queue = new ArrayDeque<Integer>();
      queue.add(start);
      seen.set(start);
      while (!queue.isEmpty()) {
        int node = queue.poll();
        part.add(node);
        for (Set<Integer> neighbours : List.of(predecessors.get(node), successors.get(node))) {
          for (int next : neighbours) {
            if (inPart.contains(next) && !seen.get(next)) {
              seen.set(next);
              queue.add(next);
            }
          }
        }
      }
      parts.add(sorted(part));
    }
    return parts;
  }

  /** Kahn's order over the edges inside {@code nodes}, ties broken by file order. */
  private List<Integer> topological(List<Integer> nodes) {
    Set<Integer> inPart = Set.copyOf(nodes);
    var waiting = new HashMap<Integer, Integer>();
    var ready = new java.util.PriorityQueue<Integer>();
    for (int node : nodes) {
      int count = (int) predecessors.get(node).stream().filter(inPart::contains).count();
      waiting.put(node, count);
      if (count == 0) {
        ready.add(node);
      }
    }
    var order = new ArrayList<Integer>();
    while (!ready.isEmpty()) {
      int node = ready.poll();
      order.add(node);
      for (int next : successors.get(node)) {
        if (inPart.contains(next) && waiting.merge(next, -1, Integer::sum) == 0) {
          ready.add(next);
        }
      }
    }
    return order;
  }

  private static List<Integer> sorted(List<Integer> nodes) {
    return nodes.stream().sorted().toList();
  }
}
