package dev.faultline.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.format.JsonText;
import java.io.IOException;
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
 * Launch to first window of the <em>packaged</em> app against a hello-world JavaFX window in the
 * same packaged runtime (issue target: at most 1.3×), with and without the app's AOT cache.
 *
 * <p>Build the image first, then run this one test:
 *
 * <pre>
 * ./mvnw -Ppackage -pl installers -am package -DskipTests
 * ./mvnw -o -Pbench verify -pl icons,runner,designer,app -Dtest=PackagedLaunchBenchmark \
 *     -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * <p>Four programs take turns, so a noisy neighbour hurts them alike: the hello world ({@link
 * HelloWorldLaunch}) run by the image's own {@code lib/runtime/bin/java} (JavaFX linked into that
 * runtime, its default CDS archive), the same with Faultline's theme, the packaged launcher {@code
 * bin/Faultline} opening the checkout example as users start it (its AOT cache on), and the same
 * launcher with the AOT cache switched off ({@code -XX:AOTMode=off}): the before and after of the
 * cache. The cluster is a kubeconfig pointing at a closed loopback port, so no sandbox starts.
 *
 * <p>Cold is each program's first launch in this run, after the kernel's page cache was dropped
 * when this process may do so (root); warm is the median of the launches after it. Results in
 * {@code target/bench/packaged-launch.json}.
 */
@Tag("bench")
class PackagedLaunchBenchmark {

  private static final int RUNS = Integer.getInteger("bench.launch.runs", 7);

  /** The app image: {@code -Dbench.launch.image}, else where the installers build writes it. */
  private static final Path IMAGE =
      Path.of(System.getProperty("bench.launch.image", "../installers/target/app-image/Faultline"))
          .toAbsolutePath()
          .normalize();

  private static final Path EXAMPLE =
      Path.of("..", "docs", "examples", "checkout-freeze-and-recover.yaml")
          .toAbsolutePath()
          .normalize();

  @TempDir Path scratch;

  @Test
  void packagedLaunchToFirstWindow() throws Exception {
    assertThat(IMAGE.resolve("bin/Faultline"))
        .as("the app image (./mvnw -Ppackage -pl installers -am package -DskipTests)")
        .isExecutable();
    Path kubeconfig = unreachableCluster();
    Map<String, Program> programs = new LinkedHashMap<>();
    programs.put("helloWorld", hello(false));
    programs.put("helloWorldWithAtlantaFxTheme", hello(true));
    programs.put("faultline", faultline(kubeconfig, true));
    programs.put("faultlineWithoutAotCache", faultline(kubeconfig, false));

    boolean dropped = dropPageCache();
    Map<String, Map<String, Long>> cold = new LinkedHashMap<>();
    for (var program : programs.entrySet()) {
      if (dropped) {
        dropPageCache();
      }
      cold.put(program.getKey(), program.getValue().launch());
    }
    Map<String, List<Map<String, Long>>> warm = new LinkedHashMap<>();
    for (int i = 0; i < RUNS; i++) {
      for (var program : programs.entrySet()) {
        warm.computeIfAbsent(program.getKey(), k -> new ArrayList<>())
            .add(program.getValue().launch());
      }
    }

    var report = new LinkedHashMap<String, Object>();
    report.put("benchmark", "packaged-launch-to-first-window");
    report.put(
        "machine",
        Runtime.getRuntime().availableProcessors()
            + " cpus, load "
            + Files.readString(Path.of("/proc/loadavg")).trim());
    report.put("image", IMAGE.toString());
    report.put(
        "display",
        LaunchTimer.display() == null
            ? "headless glass, prism sw"
            : "DISPLAY=" + LaunchTimer.display());
    report.put("runs", RUNS);
    report.put("target", "firstFrameFromJvmStart: faultline <= 1.3 x helloWorld (warm median)");
    report.put(
        "cold",
        dropped
            ? "first launch of each program, after dropping the page cache"
            : "first launch of each program in this run (page cache could not be dropped: not"
                + " root)");
    report.put("coldMillis", cold);
    var stats = new LinkedHashMap<String, Map<String, Object>>();
    warm.forEach((name, runs) -> stats.put(name, LaunchTimer.stats(runs)));
    report.put("warm", stats);
    var hello = stats.get("helloWorld");
    var ratios = new LinkedHashMap<String, Object>();
    String first = "firstFrameFromJvmStart";
    String built = "windowBuiltFromJvmStart";
    ratios.put("faultlineToHelloWorld", LaunchTimer.ratio(stats.get("faultline"), hello, first));
    ratios.put(
        "faultlineWithoutAotCacheToHelloWorld",
        LaunchTimer.ratio(stats.get("faultlineWithoutAotCache"), hello, first));
    ratios.put(
        "faultlineWindowBuiltToHelloWorld",
        LaunchTimer.ratio(stats.get("faultline"), built, hello, first));
    ratios.put(
        "faultlineWithoutAotCacheWindowBuiltToHelloWorld",
        LaunchTimer.ratio(stats.get("faultlineWithoutAotCache"), built, hello, first));
    ratios.put(
        "aotCacheSpeedUpWindowBuilt",
        LaunchTimer.ratio(stats.get("faultlineWithoutAotCache"), stats.get("faultline"), built));
    report.put("medianRatios", ratios);
    Path out = Path.of("target", "bench");
    Files.createDirectories(out);
    Files.writeString(out.resolve("packaged-launch.json"), JsonText.write(report));
    System.err.print(JsonText.write(report));

    assertThat(warm.get("faultline"))
        .allSatisfy(run -> assertThat(run).containsKey("fileShownFromJvmStart"));
  }

  /** A program to launch: its command line and the environment it adds. */
  private record Program(String name, List<String> command, Map<String, String> env) {
    Map<String, Long> launch() throws IOException, InterruptedException {
      return LaunchTimer.launch(name, command, env);
    }
  }

  private Program hello(boolean themed) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(IMAGE.resolve("lib/runtime/bin/java").toString());
    command.addAll(LaunchTimer.headlessOptions());
    command.addAll(List.of("-cp", helloClassPath(), HelloWorldLaunch.class.getName()));
    if (themed) {
      command.add("--atlantafx");
    }
    return new Program("hello world", command, Map.of());
  }

  /**
   * The packaged app. With its AOT cache: the launcher as users start it. Without: the launcher's
   * own command (runtime, class path, options from {@code lib/app/Faultline.cfg}) run by the
   * image's java minus the AOT cache option, so the runtime's default CDS archive still applies, as
   * it would in a package built without the cache.
   */
  private Program faultline(Path kubeconfig, boolean aotCache) throws IOException {
    List<String> options = new ArrayList<>(LaunchTimer.headlessOptions());
    options.add("-Dfaultline.state.dir=" + scratch.resolve("state"));
    Map<String, String> env = new LinkedHashMap<>();
    env.put(LaunchProbe.ENV, "1");
    env.put("FAULTLINE_DATA_DIR", scratch.resolve("data").toString());
    env.put("FAULTLINE_CONFIG_DIR", scratch.resolve("config").toString());
    List<String> command = new ArrayList<>();
    if (aotCache) {
      command.add(IMAGE.resolve("bin/Faultline").toString());
      // The packaged launcher takes JVM options only from its configuration and this variable.
      env.put("JAVA_TOOL_OPTIONS", String.join(" ", options));
    } else {
      LauncherConfig config = LauncherConfig.read(IMAGE.resolve("lib/app/Faultline.cfg"));
      command.add(IMAGE.resolve("lib/runtime/bin/java").toString());
      command.addAll(options);
      config.javaOptions().stream()
          .filter(o -> !o.startsWith("-XX:AOTCache="))
          .forEach(command::add);
      command.addAll(List.of("-cp", config.classPath(), config.mainClass()));
    }
    command.addAll(List.of("--kubeconfig", kubeconfig.toString(), EXAMPLE.toString()));
    return new Program(aotCache ? "faultline" : "faultline without AOT cache", command, env);
  }

  /** What jpackage's launcher reads from its {@code .cfg}, with {@code $APPDIR} resolved. */
  private record LauncherConfig(String mainClass, String classPath, List<String> javaOptions) {
    static LauncherConfig read(Path cfg) throws IOException {
      String appDir = cfg.getParent().toString();
      String mainClass = null;
      List<String> classPath = new ArrayList<>();
      List<String> javaOptions = new ArrayList<>();
      for (String line : Files.readAllLines(cfg)) {
        int eq = line.indexOf('=');
        if (eq < 0) {
          continue;
        }
        String key = line.substring(0, eq);
        String value = line.substring(eq + 1).replace("$APPDIR", appDir);
        switch (key) {
          case "app.mainclass" -> mainClass = value;
          case "app.classpath" -> classPath.add(value);
          case "java-options" -> javaOptions.add(value);
          default -> {}
        }
      }
      assertThat(mainClass).as("app.mainclass in " + cfg).isNotNull();
      return new LauncherConfig(
          mainClass, String.join(java.io.File.pathSeparator, classPath), javaOptions);
    }
  }

  /**
   * The hello world's own class first, then the packaged class path: the theme and the probe live
   * in the app jar, and the JVM only opens the jars it loads from.
   */
  private String helloClassPath() throws IOException {
    String testClasses = Path.of("target", "test-classes").toAbsolutePath().toString();
    LauncherConfig config = LauncherConfig.read(IMAGE.resolve("lib/app/Faultline.cfg"));
    return testClasses + java.io.File.pathSeparator + config.classPath();
  }

  /** A kubeconfig whose cluster is a closed port: the app connects in the background and fails. */
  private Path unreachableCluster() throws IOException {
    return Files.writeString(
        scratch.resolve("kubeconfig"),
        """
        apiVersion: v1
        kind: Config
        clusters: [{name: closed, cluster: {server: "https://127.0.0.1:9"}}]
        users: [{name: nobody, user: {token: none}}]
        contexts: [{name: closed, context: {cluster: closed, user: nobody}}]
        current-context: closed
        """);
  }

  /** Drops the kernel's page cache for a cold start; false when not allowed (not root). */
  private static boolean dropPageCache() {
    try {
      new ProcessBuilder("sync").start().waitFor();
      Files.writeString(Path.of("/proc/sys/vm/drop_caches"), "3");
      return true;
    } catch (IOException | InterruptedException | SecurityException e) {
      return false;
    }
  }
}
