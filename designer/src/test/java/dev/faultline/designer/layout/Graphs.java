package dev.faultline.designer.layout;

import dev.faultline.model.Experiment;
import dev.faultline.model.Metadata;
import dev.faultline.model.Spec;
import dev.faultline.model.Step;
import dev.faultline.model.TimeSpan;
import dev.faultline.model.WaitStep;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** Experiments with a given graph shape, for layout tests and the layout benchmark. */
final class Graphs {
  private Graphs() {}

  /**
   * An experiment from {@code "id<-after,after"} specs, e.g. {@code "b<-a"}; a bare id has no
   * {@code after}.
   */
  static Experiment of(String... specs) {
    List<Step> steps = new ArrayList<>();
    for (String spec : specs) {
      String[] parts = spec.split("<-", 2);
      List<String> after = parts.length == 1 ? List.of() : List.of(parts[1].split(","));
      steps.add(step(parts[0], after));
    }
    return experiment(steps);
  }

  static Experiment experiment(List<Step> steps) {
    return new Experiment(
        new Metadata("layout-test", null, null, null),
        new Spec(null, null, null, steps, null, null),
        null,
        null);
  }

  static Step step(String id, List<String> after) {
    return new WaitStep(id, after, TimeSpan.of("1s"), null);
  }

  /**
   * A random acyclic graph of {@code steps} steps and about {@code edges} edges, each edge from an
   * earlier step to a later one at most {@code reach} steps before it, like a long experiment built
   * up step by step.
   */
  static Experiment randomDag(int steps, int edges, int reach, long seed) {
    Random random = new Random(seed);
    List<Set<String>> after = new ArrayList<>();
    for (int i = 0; i < steps; i++) {
      after.add(new LinkedHashSet<>());
    }
    int made = 0;
    while (made < edges) {
      int to = 1 + random.nextInt(steps - 1);
      int from = Math.max(0, to - 1 - random.nextInt(reach));
      if (after.get(to).add("s" + from)) {
        made++;
      }
    }
    List<Step> list = new ArrayList<>();
    for (int i = 0; i < steps; i++) {
      list.add(step("s" + i, List.copyOf(after.get(i))));
    }
    return experiment(list);
  }
}
