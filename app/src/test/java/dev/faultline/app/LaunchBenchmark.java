package dev.faultline.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.format.JsonText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    report.put(
        "display",
        LaunchTimer.display() == null
            ? "headless glass, prism sw"
            : "DISPLAY=" + LaunchTimer.display());
    report.put("runs", RUNS);
    report.put("target", "firstFrameFromJvmStart: faultline <= 1.3 x helloWorld (median)");
    report.put(
        "note",
        "firstFrame: WINDOW_SHOWN plus one completed pulse (the app shows its frame first and"
            + " builds the designer into it after that frame); windowBuilt: the pulse after every"
            + " view is built and shown; fileShown: the pulse after the file name reached the"
            + " title; wall: spawn to exit, seen by the harness");
    var helloStats = LaunchTimer.stats(hello);
    var appStats = LaunchTimer.stats(app);
    report.put("helloWorld", helloStats);
    report.put("faultline", appStats);
    var themedStats = LaunchTimer.stats(themed);
    report.put("helloWorldWithAtlantaFxTheme", themedStats);
    var ratios = new LinkedHashMap<String, Object>();
    ratios.put(
        "faultlineToHelloWorld", LaunchTimer.ratio(appStats, helloStats, "firstFrameFromJvmStart"));
    ratios.put(
        "helloWorldWithThemeToHelloWorld",
        LaunchTimer.ratio(themedStats, helloStats, "firstFrameFromJvmStart"));
    ratios.put(
        "faultlineToHelloWorldWithTheme",
        LaunchTimer.ratio(appStats, themedStats, "firstFrameFromJvmStart"));
    ratios.put("wallFaultlineToHelloWorld", LaunchTimer.ratio(appStats, helloStats, "wall"));
    ratios.put(
        "windowBuiltToHelloWorldFirstFrame",
        LaunchTimer.ratio(
            appStats, "windowBuiltFromJvmStart", helloStats, "firstFrameFromJvmStart"));
    report.put("medianRatioFirstFrame", ratios);
    Path out = Path.of("target", "bench");
    Files.createDirectories(out);
    Files.writeString(out.resolve("launch.json"), JsonText.write(report));
    System.err.print(JsonText.write(report));

    assertThat(app).allSatisfy(run -> assertThat(run).containsKey("fileShownFromJvmStart"));
  }

  /** One child JVM: its {@code LAUNCH} marks, plus the wall time seen from here. */
  private Map<String, Long> launch(Class<?> main, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse(javaBinary()));
    command.addAll(LaunchTimer.headlessOptions());
    // Keep the app away from this user's state, config and journals.
    command.add("-Dfaultline.state.dir=" + scratch.resolve("state"));
    command.addAll(List.of("-cp", LaunchTimer.testClassPath(), main.getName()));
    command.addAll(List.of(args));
    return LaunchTimer.launch(
        main.getSimpleName(),
        command,
        Map.of(
            "FAULTLINE_DATA_DIR", scratch.resolve("data").toString(),
            "FAULTLINE_CONFIG_DIR", scratch.resolve("config").toString()));
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
