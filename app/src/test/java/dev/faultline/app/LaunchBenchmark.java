package dev.faultline.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.format.JsonText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Launch to first window ({@code ./mvnw -o -Pbench verify -pl icons,runner,designer,app}): the
 * target is at most 1.3× a hello-world JavaFX window on the same JVM.
 *
 * <p>Each launch is a fresh child JVM, the same java binary and the test class path as this one:
 * {@link HelloWorldLaunch} against {@link FaultlineLaunch} with the checkout example open and a
 * fake cluster (no sandbox). They alternate, so a noisy neighbour hurts both alike, after one
 * unreported warm-up each (disk cache, class data sharing archive). With {@code DISPLAY} set the
 * windows go to that display (an Xvfb, say); without it, to JavaFX's headless glass platform with
 * software rendering. A third program, the hello world with Faultline's AtlantaFX theme, tells how
 * much of the difference is the theme. Results in {@code target/bench/launch.json}.
 */
@Tag("bench")
class LaunchBenchmark {

  /** Launches per program, after one warm-up each: {@code -Dbench.launch.runs} (app/pom.xml). */
  private static final int RUNS = Integer.getInteger("bench.launch.runs", 7);

  private static final Path EXAMPLE =
      Path.of("..", "docs", "examples", "checkout-freeze-and-recover.yaml").toAbsolutePath();

  @TempDir Path scratch;

  @Test
  void launchToFirstWindow() throws Exception {
    launch(HelloWorldLaunch.class);
    launch(FaultlineLaunch.class, EXAMPLE.toString());
    launch(HelloWorldLaunch.class, "--atlantafx");
    List<Map<String, Long>> hello = new ArrayList<>();
    List<Map<String, Long>> app = new ArrayList<>();
    List<Map<String, Long>> themed = new ArrayList<>();
    for (int i = 0; i < RUNS; i++) {
      hello.add(launch(HelloWorldLaunch.class));
      app.add(launch(FaultlineLaunch.class, EXAMPLE.toString()));
      themed.add(launch(HelloWorldLaunch.class, "--atlantafx"));
    }

    var report = new LinkedHashMap<String, Object>();
    report.put("benchmark", "launch-to-first-window");
    report.put(
        "machine", Runtime.getRuntime().availableProcessors() + " cpus, java " + Runtime.version());
    report.put("display", display() == null ? "headless glass, prism sw" : "DISPLAY=" + display());
    report.put("runs", RUNS);
    report.put("target", "firstFrameFromJvmStart: faultline <= 1.3 x helloWorld (median)");
    report.put(
        "note",
        "firstFrame: WINDOW_SHOWN plus one completed pulse (the app shows its frame first and"
            + " builds the designer into it after that frame); windowBuilt: the pulse after every"
            + " view is built and shown; fileShown: the pulse after the file name reached the"
            + " title; wall: spawn to exit, seen by the harness");
    var helloStats = stats(hello);
    var appStats = stats(app);
    report.put("helloWorld", helloStats);
    report.put("faultline", appStats);
    var themedStats = stats(themed);
    report.put("helloWorldWithAtlantaFxTheme", themedStats);
    var ratios = new LinkedHashMap<String, Object>();
    ratios.put("faultlineToHelloWorld", ratio(appStats, helloStats, "firstFrameFromJvmStart"));
    ratios.put(
        "helloWorldWithThemeToHelloWorld",
        ratio(themedStats, helloStats, "firstFrameFromJvmStart"));
    ratios.put(
        "faultlineToHelloWorldWithTheme", ratio(appStats, themedStats, "firstFrameFromJvmStart"));
    ratios.put("wallFaultlineToHelloWorld", ratio(appStats, helloStats, "wall"));
    ratios.put(
        "windowBuiltToHelloWorldFirstFrame",
        ratio(appStats, "windowBuiltFromJvmStart", helloStats, "firstFrameFromJvmStart"));
    report.put("medianRatioFirstFrame", ratios);
    Path out = Path.of("target", "bench");
    Files.createDirectories(out);
    Files.writeString(out.resolve("launch.json"), JsonText.write(report));
    System.err.print(JsonText.write(report));

    assertThat(app).allSatisfy(run -> assertThat(run).containsKey("fileShownFromJvmStart"));
  }

  /** One child JVM: its {@code LAUNCH} line as numbers, plus the wall time seen from here. */
  private Map<String, Long> launch(Class<?> main, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse(javaBinary()));
    if (display() == null) {
      command.addAll(List.of("-Dglass.platform=Headless", "-Dprism.order=sw"));
    }
    // Keep the app away from this user's state, config and journals.
    command.add("-Dfaultline.state.dir=" + scratch.resolve("state"));
    command.addAll(List.of("-cp", testClassPath(), main.getName()));
    command.addAll(List.of(args));
    var builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("FAULTLINE_DATA_DIR", scratch.resolve("data").toString());
    builder.environment().put("FAULTLINE_CONFIG_DIR", scratch.resolve("config").toString());
    long start = System.nanoTime();
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    long wall = (System.nanoTime() - start) / 1_000_000;
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(main.getSimpleName() + " did not exit:\n" + output);
    }
    String line =
        output
            .lines()
            .filter(l -> l.startsWith(LaunchProbe.PREFIX))
            .findFirst()
            .orElseThrow(
                () -> new AssertionError(main.getSimpleName() + " printed no timing:\n" + output));
    Map<String, Long> result = new HashMap<>();
    for (String pair : line.substring(LaunchProbe.PREFIX.length()).split(" ")) {
      String[] kv = pair.split("=", 2);
      result.put(kv[0], Long.parseLong(kv[1]));
    }
    result.put("wall", wall);
    return result;
  }

  private static Map<String, Object> stats(List<Map<String, Long>> runs) {
    var keys = new java.util.TreeSet<String>();
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

  @SuppressWarnings("unchecked")
  private static double ratio(Map<String, Object> app, Map<String, Object> hello, String key) {
    return ratio(app, key, hello, key);
  }

  @SuppressWarnings("unchecked")
  private static double ratio(
      Map<String, Object> app, String appKey, Map<String, Object> hello, String helloKey) {
    long a = (long) ((Map<String, Object>) app.get(appKey)).get("medianMillis");
    long h = (long) ((Map<String, Object>) hello.get(helloKey)).get("medianMillis");
    return Math.round(100.0 * a / Math.max(1, h)) / 100.0;
  }

  private static String display() {
    String display = System.getenv("DISPLAY");
    return display == null || display.isBlank() ? null : display;
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** Surefire runs tests from a manifest-only jar; the real class path is in this property. */
  private static String testClassPath() throws IOException {
    String path = System.getProperty("surefire.test.class.path");
    return path != null && !path.isBlank() ? path : System.getProperty("java.class.path");
  }
}
