package dev.faultline.designer.layout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.format.JsonText;
import dev.faultline.layout.LayeredLayout;
import dev.faultline.layout.NodeSize;
import dev.faultline.model.Experiment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Auto-layout time ({@code ./mvnw -o -Pbench verify -pl icons,runner,designer}): random graphs up
 * to 2,000 steps and 3,000 edges, the target being well under a second for the largest. Results in
 * {@code target/bench/layout.json}.
 */
@Tag("bench")
class LayoutBenchmark {
  private static final int RUNS = 11;

  @Test
  void layoutTime() throws Exception {
    var results = new ArrayList<Map<String, Object>>();
    for (int[] shape : new int[][] {{50, 70}, {500, 750}, {2_000, 3_000}}) {
      results.add(measure(shape[0], shape[1]));
    }
    var report = new LinkedHashMap<String, Object>();
    report.put("benchmark", "auto-layout");
    report.put(
        "machine", Runtime.getRuntime().availableProcessors() + " cpus, java " + Runtime.version());
    report.put("results", results);
    Path out = Path.of("target", "bench");
    Files.createDirectories(out);
    Files.writeString(out.resolve("layout.json"), JsonText.write(report));
    System.err.print(JsonText.write(report));
    long largestMedian = (long) results.getLast().get("medianMillis");
    assertThat(largestMedian).isLessThan(1_000);
  }

  private static Map<String, Object> measure(int steps, int edges) {
    Experiment graph = Graphs.randomDag(steps, edges, 30, 42);
    var layout = new LayeredLayout();
    for (int i = 0; i < 5; i++) {
      layout.layout(graph, NodeSize.STANDARD); // warm-up: JIT
    }
    long[] millis = new long[RUNS];
    for (int i = 0; i < RUNS; i++) {
      long start = System.nanoTime();
      layout.layout(graph, NodeSize.STANDARD);
      millis[i] = (System.nanoTime() - start) / 1_000_000;
    }
    long[] sorted = millis.clone();
    Arrays.sort(sorted);
    var result = new LinkedHashMap<String, Object>();
    result.put("steps", steps);
    result.put("edges", edges);
    result.put("medianMillis", sorted[RUNS / 2]);
    result.put("maxMillis", sorted[RUNS - 1]);
    result.put("runs", List.of(Arrays.stream(millis).boxed().toArray()));
    return result;
  }
}
