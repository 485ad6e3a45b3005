package dev.faultline.export.chaosmesh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.export.chaosmesh.StepOrder.Branches;
import dev.faultline.export.chaosmesh.StepOrder.Leaf;
import dev.faultline.export.chaosmesh.StepOrder.Plan;
import dev.faultline.export.chaosmesh.StepOrder.Sequence;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StepOrderTest {
  private static Map<String, List<String>> graph(String... edges) {
    var after = new LinkedHashMap<String, List<String>>();
    for (String edge : edges) {
      String[] parts = edge.split(":", -1);
      after.put(parts[0], parts[1].isEmpty() ? List.of() : List.of(parts[1].split(",")));
    }
    return after;
  }

  private static String text(Plan plan) {
    return switch (plan) {
      case Leaf(String id) -> id;
      case Sequence(List<Plan> parts) -> "S" + parts.stream().map(StepOrderTest::text).toList();
      case Branches(List<Plan> parts) -> "P" + parts.stream().map(StepOrderTest::text).toList();
    };
  }

  @Test
  void aChainIsOneSequence() {
    var order = new StepOrder(graph("a:", "b:a", "c:b"));
    assertThat(text(order.plan())).isEqualTo("S[a, b, c]");
    assertThat(order.tightened()).isEmpty();
  }

  @Test
  void aFanOutAndJoinIsASequenceAroundBranches() {
    var order = new StepOrder(graph("a:", "b:a", "c:a", "d:b,c"));
    assertThat(text(order.plan())).isEqualTo("S[a, P[b, c], d]");
    assertThat(order.tightened()).isEmpty();
  }

  @Test
  void nestedSeriesParallelGraphsAndUnconnectedPartsDecomposeExactly() {
    var order = new StepOrder(graph("a:", "b:a", "c:b", "d:a", "e:c,d", "x:", "y:x"));
    assertThat(text(order.plan())).isEqualTo("P[S[a, P[S[b, c], d], e], S[x, y]]");
    assertThat(order.tightened()).isEmpty();
  }

  @Test
  void theNGraphRunsLevelByLevelAndNamesTheStepThatWaitsLonger() {
    // c after a and b, d after b only: not series-parallel
    var order = new StepOrder(graph("a:", "b:", "c:a,b", "d:b"));
    assertThat(text(order.plan())).isEqualTo("S[P[a, b], P[c, d]]");
    assertThat(order.tightened()).containsExactly("d");
  }

  @Test
  void randomGraphsNeverStartAStepBeforeItsPredecessorsAndWarnOnlyWhenTheyWaitLonger() {
    var random = new Random(42);
    for (int round = 0; round < 300; round++) {
      int n = 1 + random.nextInt(9);
      var after = new LinkedHashMap<String, List<String>>();
      for (int i = 0; i < n; i++) {
        var preds = new ArrayList<String>();
        for (int j = 0; j < i; j++) {
          if (random.nextInt(3) == 0) {
            preds.add("s" + j);
          }
        }
        after.put("s" + i, preds);
      }
      var order = new StepOrder(after);
      Map<String, Set<String>> waits = new HashMap<>();
      waitsFor(order.plan(), Set.of(), waits);
      assertThat(waits.keySet()).isEqualTo(after.keySet());
      for (var entry : after.entrySet()) {
        Set<String> ancestors = ancestors(entry.getKey(), after);
        Set<String> waited = waits.get(entry.getKey());
        assertThat(waited).as("%s in %s", entry.getKey(), after).containsAll(ancestors);
        assertThat(!waited.equals(ancestors))
            .as("tightened %s in %s", entry.getKey(), after)
            .isEqualTo(order.tightened().contains(entry.getKey()));
      }
    }
  }

  /** For each step, every step the tree makes it wait for. */
  private static Set<String> waitsFor(
      Plan plan, Set<String> before, Map<String, Set<String>> waits) {
    return switch (plan) {
      case Leaf(String id) -> {
        waits.put(id, before);
        var done = new HashSet<>(before);
        done.add(id);
        yield done;
      }
      case Sequence(List<Plan> parts) -> {
        Set<String> done = before;
        for (Plan part : parts) {
          done = waitsFor(part, done, waits);
        }
        yield done;
      }
      case Branches(List<Plan> parts) -> {
        var done = new HashSet<>(before);
        for (Plan part : parts) {
          done.addAll(waitsFor(part, before, waits));
        }
        yield done;
      }
    };
  }

  private static Set<String> ancestors(String id, Map<String, List<String>> after) {
    var all = new HashSet<String>();
    for (String p : after.get(id)) {
      all.add(p);
      all.addAll(ancestors(p, after));
    }
    return all;
  }
}
