package dev.faultline.bench;

import dev.faultline.cluster.snapshot.LiveSnapshot;
import dev.faultline.model.BlastRadius;
import dev.faultline.model.Extras;
import dev.faultline.model.NamespacePolicy;
import dev.faultline.model.Target;
import dev.faultline.sandbox.Sandbox;
import dev.faultline.sandbox.SandboxOptions;
import dev.faultline.sandbox.world.ControllerTimings;
import dev.faultline.target.TargetResolution;
import dev.faultline.target.TargetResolver;
import io.fabric8.kubernetes.api.model.PodList;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Target preview benchmark ({@code ./mvnw -Pbench verify -pl runner}): against the sandbox with 1k,
 * 10k and 30k pods, every figure next to its baseline from the same run. Results go to {@code
 * target/bench/preview.json}.
 *
 * <ul>
 *   <li>P1a: cold resolve (snapshot list + resolve) vs a bare fabric8 LIST of the same pods, and vs
 *       {@code kubectl get pods -l ... -o json} plus a regex filter over its output.
 *   <li>P1c: re-evaluating a changed selector over the snapshot vs a server-side selected LIST.
 *   <li>P1b: event → updated result under 100 events/s of churn, polled per 16 ms frame; p99.
 *   <li>Memory: snapshot bytes per pod vs full fabric8 {@code Pod} objects.
 * </ul>
 */
@Tag("bench")
class PreviewBenchmark {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final int RUNS = 5;

  @Test
  void previewAtScale() throws Exception {
    Path out = Path.of("target", "bench");
    Files.createDirectories(out);
    Path kubectl = dev.faultline.sandbox.Kubectl.locate();
    var results = new ArrayList<Map<String, Object>>();
    measure(1_000, kubectl, out, false); // warm-up
    for (int pods : new int[] {1_000, 10_000, 30_000}) {
      results.add(measure(pods, kubectl, out, true));
    }
    var report = new LinkedHashMap<String, Object>();
    report.put("benchmark", "target-preview");
    report.put(
        "machine", Runtime.getRuntime().availableProcessors() + " cpus, java " + Runtime.version());
    report.put("results", results);
    Files.writeString(
        out.resolve("preview.json"),
        JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report));
    System.err.println(Files.readString(out.resolve("preview.json")));
  }

  /** Pods labelled tier=web whose names match the regex; the same question for every contender. */
  private static Target target(String regex) {
    return new Target(
        null,
        List.of(),
        ".*",
        "tier=web",
        null,
        null,
        List.of(),
        null,
        null,
        regex,
        List.of(),
        BlastRadius.percent(50),
        Extras.NONE);
  }

  private Map<String, Object> measure(int pods, Path kubectl, Path out, boolean report)
      throws Exception {
    var result = new LinkedHashMap<String, Object>();
    try (Sandbox sandbox =
            Sandbox.start(
                SandboxOptions.defaults()
                    .withPods(pods)
                    .withDemoServices(false)
                    .withTimings(ControllerTimings.FAST)
                    .withKubeconfig(out.resolve("kubeconfig-preview-" + pods)));
        KubernetesClient client =
            new KubernetesClientBuilder()
                .withConfig(
                    Config.fromKubeconfig(null, Files.readString(sandbox.kubeconfig()), null))
                .build()) {
      NamespacePolicy policy = NamespacePolicy.DEFAULT;
      Target target = target("(web|storefront|checkout|cart)-.*");
      Pattern regex = Pattern.compile("(web|storefront|checkout|cart)-.*");

      // P1a: cold resolve vs bare LIST vs kubectl + regex filter
      long[] cold = new long[RUNS];
      long[] list = new long[RUNS];
      long[] kubectlFilter = new long[RUNS];
      int selected = 0;
      for (int i = 0; i < RUNS; i++) {
        long t = System.nanoTime();
        PodList all = client.pods().inAnyNamespace().list();
        list[i] = elapsed(t);
        if (all.getItems().size() < pods)
          throw new AssertionError("listed " + all.getItems().size());

        t = System.nanoTime();
        try (var snapshot = LiveSnapshot.start(client, Set.of(), Clock.systemUTC())) {
          if (!snapshot.awaitSynced(Duration.ofMinutes(2))) throw new AssertionError("no sync");
          TargetResolution r = TargetResolver.resolve(target, snapshot, policy, 7);
          cold[i] = elapsed(t);
          selected = r.selected().size();
        }

        t = System.nanoTime();
        Process p =
            new ProcessBuilder(
                    kubectl.toString(),
                    "--kubeconfig",
                    sandbox.kubeconfig().toString(),
                    "get",
                    "pods",
                    "-A",
                    "-l",
                    "tier=web",
                    "-o",
                    "json")
                .start();
        byte[] json = p.getInputStream().readAllBytes();
        p.waitFor(300, TimeUnit.SECONDS);
        int kept = 0;
        for (JsonNode item :
            JSON.readTree(new String(json, StandardCharsets.UTF_8)).path("items")) {
          if (regex.matcher(item.path("metadata").path("name").asString()).matches()) kept++;
        }
        kubectlFilter[i] = elapsed(t);
        if (kept == 0) throw new AssertionError("kubectl filter found nothing");
      }
      result.put("pods", pods);
      result.put("selected", selected);
      result.put("P1a_coldResolveMillis", median(cold));
      result.put("P1a_bareFabric8ListMillis", median(list));
      result.put("P1a_kubectlJsonRegexMillis", median(kubectlFilter));
      result.put("P1a_ratioToList", ratio(median(cold), median(list)));
      result.put("P1a_ratioToKubectl", ratio(median(cold), median(kubectlFilter)));

      try (var snapshot = LiveSnapshot.start(client, Set.of(), Clock.systemUTC())) {
        snapshot.awaitSynced(Duration.ofMinutes(2));
        // P1c: selector change re-evaluated over the snapshot vs a server-side selected LIST
        long[] warm = new long[RUNS * 4];
        long[] serverSide = new long[RUNS];
        for (int i = 0; i < warm.length; i++) {
          Target changed = target(i % 2 == 0 ? "(checkout|cart)-.*" : "(web|storefront)-.*");
          long t = System.nanoTime();
          TargetResolver.resolve(changed, snapshot, policy, i);
          warm[i] = System.nanoTime() - t;
        }
        for (int i = 0; i < RUNS; i++) {
          long t = System.nanoTime();
          client.pods().inAnyNamespace().withLabel("tier", "web").list();
          serverSide[i] = System.nanoTime() - t;
        }
        result.put("P1c_reevaluateMicros", median(warm) / 1000);
        result.put("P1c_serverSideSelectedListMicros", median(serverSide) / 1000);
        result.put("P1c_speedup", ratio(median(serverSide), median(warm)));

        // Memory: snapshot vs full Pod objects, bytes per pod
        long base = usedHeap();
        PodList full = client.pods().inAnyNamespace().list();
        long fullBytes = usedHeap() - base;
        int fullCount = full.getItems().size();
        full = null;
        base = usedHeap();
        LiveSnapshot second = LiveSnapshot.start(client, Set.of(), Clock.systemUTC());
        second.awaitSynced(Duration.ofMinutes(2));
        long snapshotBytes = usedHeap() - base;
        int snapshotCount = second.pods().size();
        second.close();
        result.put("memory_fullPodBytesPerPod", fullBytes / Math.max(1, fullCount));
        result.put("memory_snapshotBytesPerPod", snapshotBytes / Math.max(1, snapshotCount));
        result.put(
            "memory_ratio",
            ratio(snapshotBytes / Math.max(1, snapshotCount), fullBytes / Math.max(1, fullCount)));

        // P1b: event → updated result under 100 events/s of churn, 16 ms frames
        var churn =
            new dev.faultline.sandbox.world.Churn(
                new dev.faultline.sandbox.world.ClusterView(sandbox.store()),
                new java.util.SplittableRandom(1));
        churn.start(100);
        List<Long> latencies = new ArrayList<>();
        long seen = snapshot.version();
        long end = System.nanoTime() + Duration.ofSeconds(report ? 10 : 2).toNanos();
        while (System.nanoTime() < end) {
          Thread.sleep(16); // one UI frame
          if (snapshot.version() != seen) {
            seen = snapshot.version();
            long arrived = snapshot.lastChangeNanos();
            TargetResolver.resolve(target, snapshot, policy, 7);
            latencies.add((System.nanoTime() - arrived) / 1000);
          }
        }
        churn.close();
        long[] lat = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        result.put("P1b_updates", lat.length);
        result.put("P1b_p50Micros", lat.length == 0 ? -1 : lat[lat.length / 2]);
        result.put(
            "P1b_p99Micros",
            lat.length == 0
                ? -1
                : lat[(int) Math.min(lat.length - 1, Math.ceil(lat.length * 0.99) - 1)]);
        result.put("P1b_frameMicros", 16_667);
        result.put(
            "P1b_p99InFrames",
            lat.length == 0
                ? -1
                : Math.round(
                        100.0
                            * lat[(int) Math.min(lat.length - 1, Math.ceil(lat.length * 0.99) - 1)]
                            / 16_667)
                    / 100.0);
      }
    }
    return result;
  }

  private static long elapsed(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static double ratio(long a, long b) {
    return Math.round(100.0 * a / Math.max(1, b)) / 100.0;
  }

  private static long usedHeap() {
    for (int i = 0; i < 4; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
