package dev.faultline.bench;

import dev.faultline.sandbox.Sandbox;
import dev.faultline.sandbox.SandboxOptions;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sandbox scale benchmark (run with {@code ./mvnw -Pbench verify -pl runner}): starts the sandbox
 * with 10,000 and 30,000 pods and measures start time, heap, and {@code kubectl get pods -A}
 * against a baseline in the same run: the same list fetched as plain JSON over HTTP, which is what
 * any client pays before printing. Results go to {@code target/bench/sandbox.json}.
 */
@Tag("bench")
class SandboxBenchmark {
  private static final int RUNS = 3;

  @Test
  void sandboxAtScale() throws Exception {
    Path out = Path.of("target", "bench");
    Files.createDirectories(out);
    Path kubectl = locateKubectl();
    List<Map<String, Object>> results = new ArrayList<>();
    measure(2_000, kubectl, out); // warm-up: JIT and class loading, not reported
    for (int pods : new int[] {10_000, 30_000}) {
      results.add(measure(pods, kubectl, out));
    }
    var report = new LinkedHashMap<String, Object>();
    report.put("benchmark", "sandbox-scale");
    report.put(
        "machine", Runtime.getRuntime().availableProcessors() + " cpus, java " + Runtime.version());
    report.put("results", results);
    Files.writeString(
        out.resolve("sandbox.json"),
        JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(report));
    System.err.println(Files.readString(out.resolve("sandbox.json")));
  }

  private Map<String, Object> measure(int pods, Path kubectl, Path out) throws Exception {
    long heapBefore = usedHeapAfterGc();
    long start = System.nanoTime();
    try (Sandbox sandbox =
        Sandbox.start(
            SandboxOptions.defaults()
                .withPods(pods)
                .withDemoServices(false)
                .withKubeconfig(out.resolve("kubeconfig-" + pods)))) {
      long startMillis = (System.nanoTime() - start) / 1_000_000;
      long heap = usedHeapAfterGc() - heapBefore;
      long[] kubectlMillis = new long[RUNS];
      long[] rawMillis = new long[RUNS];
      int listed = 0;
      var http = HttpClient.newHttpClient();
      for (int i = 0; i < RUNS; i++) {
        long t = System.nanoTime();
        String table =
            run(
                kubectl,
                "--kubeconfig",
                sandbox.kubeconfig().toString(),
                "get",
                "pods",
                "-A",
                "--no-headers");
        kubectlMillis[i] = (System.nanoTime() - t) / 1_000_000;
        listed = (int) table.lines().count();
        t = System.nanoTime();
        HttpResponse<byte[]> raw =
            http.send(
                HttpRequest.newBuilder(URI.create(sandbox.url() + "/api/v1/pods")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        rawMillis[i] = (System.nanoTime() - t) / 1_000_000;
        if (raw.statusCode() != 200) throw new AssertionError("list failed: " + raw.statusCode());
      }
      if (listed < pods) {
        throw new AssertionError("kubectl listed " + listed + " pods, expected at least " + pods);
      }
      var result = new LinkedHashMap<String, Object>();
      result.put("pods", pods);
      result.put("objects", sandbox.seededObjects());
      result.put("startMillis", startMillis);
      result.put("heapMiB", heap / (1024 * 1024));
      result.put("kubectlGetPodsAllNamespacesMillis", median(kubectlMillis));
      result.put("baselineRawJsonListMillis", median(rawMillis));
      result.put(
          "kubectlToRawRatio",
          Math.round(100.0 * median(kubectlMillis) / Math.max(1, median(rawMillis))) / 100.0);
      result.put("kubectlRuns", Arrays.toString(kubectlMillis));
      return result;
    }
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static long usedHeapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    return heap.getUsed();
  }

  private static String run(Path binary, String... args) throws IOException, InterruptedException {
    var command = new ArrayList<String>();
    command.add(binary.toString());
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new AssertionError("kubectl failed: " + text.lines().limit(5).toList());
    }
    return text;
  }

  private static Path locateKubectl() throws IOException, InterruptedException {
    String configured = System.getenv("FAULTLINE_KUBECTL");
    if (configured != null) return Path.of(configured);
    Path dir = Path.of("").toAbsolutePath();
    while (!Files.exists(dir.resolve(".ci/install-kubectl"))) dir = dir.getParent();
    Process p =
        new ProcessBuilder(dir.resolve(".ci/install-kubectl").toString())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    String path = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    p.waitFor();
    return Path.of(path.lines().reduce((a, b) -> b).orElseThrow());
  }
}
