package dev.faultline.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * The launch benchmarks' stopwatch: starts one program in a fresh process, reads the {@link
 * LaunchProbe} line it prints, and summarises many such runs as medians and ratios.
 */
final class LaunchTimer {

  private LaunchTimer() {}

  /**
   * Runs {@code command} to its end and returns its marks in milliseconds from the JVM start, plus
   * {@code wall}: spawn to exit as seen from here.
   *
   * @param env added to this process's environment
   */
  static Map<String, Long> launch(String name, List<String> command, Map<String, String> env)
      throws IOException, InterruptedException {
    var builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(env);
    long start = System.nanoTime();
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    long wall = (System.nanoTime() - start) / 1_000_000;
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(name + " did not exit:\n" + output);
    }
    String line =
        output
            .lines()
            .filter(l -> l.startsWith(LaunchProbe.PREFIX))
            .findFirst()
            .orElseThrow(() -> new AssertionError(name + " printed no timing:\n" + output));
    Map<String, Long> result = new HashMap<>();
    for (String pair : line.substring(LaunchProbe.PREFIX.length()).split(" ")) {
      String[] kv = pair.split("=", 2);
      result.put(kv[0], Long.parseLong(kv[1]));
    }
    result.put("wall", wall);
    return result;
  }

  /** Per mark: median, 90th percentile and every run, in run order. */
  static Map<String, Object> stats(List<Map<String, Long>> runs) {
    var keys = new TreeSet<String>();
    runs.forEach(run -> keys.addAll(run.keySet()));
    var stats = new LinkedHashMap<String, Object>();
    for (String key : keys) {
      long[] values = runs.stream().mapToLong(run -> run.getOrDefault(key, -1L)).toArray();
      long[] sorted = values.clone();
      Arrays.sort(sorted);
      var one = new LinkedHashMap<String, Object>();
      one.put("medianMillis", sorted[sorted.length / 2]);
      one.put("p90Millis", sorted[(int) Math.ceil(0.9 * sorted.length) - 1]);
      one.put("runs", Arrays.stream(values).boxed().toList());
      stats.put(key, one);
    }
    return stats;
  }

  /** The ratio of two programs' medians of one mark, rounded to two decimals. */
  static double ratio(Map<String, Object> program, Map<String, Object> baseline, String key) {
    return ratio(program, key, baseline, key);
  }

  /** The ratio of {@code program}'s median {@code key} to {@code baseline}'s {@code baseKey}. */
  @SuppressWarnings("unchecked")
  static double ratio(
      Map<String, Object> program, String key, Map<String, Object> baseline, String baseKey) {
    long a = (long) ((Map<String, Object>) program.get(key)).get("medianMillis");
    long h = (long) ((Map<String, Object>) baseline.get(baseKey)).get("medianMillis");
    return Math.round(100.0 * a / Math.max(1, h)) / 100.0;
  }

  /** The X display the windows go to, or null for JavaFX's headless glass platform. */
  static String display() {
    String display = System.getenv("DISPLAY");
    return display == null || display.isBlank() ? null : display;
  }

  /** The JVM options that select the headless platform when there is no display. */
  static List<String> headlessOptions() {
    return display() == null ? List.of("-Dglass.platform=Headless", "-Dprism.order=sw") : List.of();
  }

  /** Surefire runs tests from a manifest-only jar; the real class path is in this property. */
  static String testClassPath() {
    String path = System.getProperty("surefire.test.class.path");
    return path != null && !path.isBlank() ? path : System.getProperty("java.class.path");
  }
}
