package dev.faultline.target;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.cluster.snapshot.LiveSnapshot;
import dev.faultline.cluster.snapshot.SelectedSnapshot;
import dev.faultline.model.BlastRadius;
import dev.faultline.model.Extras;
import dev.faultline.model.NamespacePolicy;
import dev.faultline.model.PodPhase;
import dev.faultline.model.Target;
import dev.faultline.sandbox.Sandbox;
import dev.faultline.sandbox.SandboxOptions;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Preview results on a real (sandbox) cluster agree with an independent filter over the full pod
 * list fetched with the fabric8 client, for many random selectors and seeds.
 */
class PreviewAgainstSandboxIT {
  @TempDir Path dir;

  @Test
  void resolverAgreesWithAnIndependentFilterOverTheFullPodList() throws Exception {
    try (Sandbox sandbox =
            Sandbox.start(
                SandboxOptions.defaults()
                    .withPods(1500)
                    .withSeed(11)
                    .withDemoServices(false)
                    .withKubeconfig(dir.resolve("kc")));
        KubernetesClient client =
            new KubernetesClientBuilder()
                .withConfig(
                    Config.fromKubeconfig(null, Files.readString(sandbox.kubeconfig()), null))
                .build();
        LiveSnapshot snapshot = LiveSnapshot.start(client, Set.of(), Clock.systemUTC())) {
      assertThat(snapshot.awaitSynced(Duration.ofSeconds(60))).isTrue();
      List<Pod> pods = client.pods().inAnyNamespace().list().getItems();
      assertThat(snapshot.pods()).hasSameSizeAs(pods);
      List<String> namespaces =
          pods.stream().map(p -> p.getMetadata().getNamespace()).distinct().sorted().toList();
      List<String> apps =
          pods.stream()
              .map(p -> p.getMetadata().getLabels().get("app"))
              .distinct()
              .sorted()
              .toList();
      List<String> tiers =
          pods.stream()
              .map(p -> p.getMetadata().getLabels().get("tier"))
              .distinct()
              .sorted()
              .toList();
      var random = new SplittableRandom(2026);
      NamespacePolicy policy = NamespacePolicy.DEFAULT;
      for (int i = 0; i < 300; i++) {
        List<String> ns =
            random.nextInt(3) == 0
                ? List.of()
                : List.of(namespaces.get(random.nextInt(namespaces.size())));
        String pattern = ns.isEmpty() ? (random.nextBoolean() ? "team-0[0-9]*" : ".*") : null;
        String selector =
            switch (random.nextInt(4)) {
              case 0 -> "app=" + apps.get(random.nextInt(apps.size()));
              case 1 ->
                  "tier in ("
                      + tiers.get(random.nextInt(tiers.size()))
                      + ","
                      + tiers.get(random.nextInt(tiers.size()))
                      + ")";
              case 2 -> "app!=" + apps.get(random.nextInt(apps.size())) + ",version";
              default -> null;
            };
        String podName =
            random.nextBoolean() ? null : "[a-z]+-.*" + "bcdfg".charAt(random.nextInt(5)) + ".*";
        List<String> containers = random.nextBoolean() ? List.of() : List.of("app");
        int percent = 1 + random.nextInt(100);
        var target =
            new Target(
                null,
                ns,
                pattern,
                selector,
                null,
                null,
                List.of(PodPhase.RUNNING),
                null,
                null,
                podName,
                containers,
                BlastRadius.percent(percent),
                Extras.NONE);
        long seed = random.nextLong();

        TargetResolution resolution = TargetResolver.resolve(target, snapshot, policy, seed);

        var expected = new TreeSet<String>();
        for (Pod pod : pods) {
          if (matches(pod, ns, pattern, selector, podName, policy)) {
            expected.add(pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName());
          }
        }
        var actual = new TreeSet<String>();
        resolution.matched().forEach(p -> actual.add(p.key()));
        assertThat(actual)
            .as(
                "target %d: ns=%s pattern=%s selector=%s podName=%s",
                i, ns, pattern, selector, podName)
            .isEqualTo(expected);
        int wanted = expected.isEmpty() ? 0 : (int) Math.ceil(expected.size() * percent / 100.0);
        assertThat(resolution.selected()).hasSize(wanted);
        assertThat(resolution.selectedPods()).allMatch(p -> expected.contains(p.key()));
        assertThat(TargetResolver.resolve(target, snapshot, policy, seed).selectedPods())
            .as("deterministic")
            .isEqualTo(resolution.selectedPods());
        if (selector != null && i % 5 == 0) {
          // The first answer (server-side label-selected list) picks the same pods.
          TargetResolution first =
              TargetResolver.resolve(
                  target,
                  SelectedSnapshot.fetch(client, Set.copyOf(ns), selector, Clock.systemUTC()),
                  policy,
                  seed);
          assertThat(first.matched())
              .as("first answer, target %d", i)
              .isEqualTo(resolution.matched());
          assertThat(first.selected())
              .as("first answer, target %d", i)
              .isEqualTo(resolution.selected());
        }
      }
    }
  }

  @Test
  void livePreviewPatchedUnderChurnEqualsResolvingFromScratch() throws Exception {
    try (Sandbox sandbox =
            Sandbox.start(
                SandboxOptions.defaults()
                    .withPods(1500)
                    .withSeed(12)
                    .withChurn(60)
                    .withDemoServices(false)
                    .withKubeconfig(dir.resolve("kc-churn")));
        KubernetesClient client =
            new KubernetesClientBuilder()
                .withConfig(
                    Config.fromKubeconfig(null, Files.readString(sandbox.kubeconfig()), null))
                .build();
        LiveSnapshot snapshot = LiveSnapshot.start(client, Set.of(), Clock.systemUTC())) {
      assertThat(snapshot.awaitSynced(Duration.ofSeconds(60))).isTrue();
      var policy = new NamespacePolicy(List.of(), List.of("team-002"), Extras.NONE);
      var targets =
          List.of(
              new Target(
                  null,
                  List.of(),
                  ".*",
                  "tier=web",
                  null,
                  null,
                  List.of(),
                  null,
                  null,
                  "(web|storefront|checkout|cart)-.*",
                  List.of(),
                  BlastRadius.percent(50),
                  Extras.NONE),
              new Target(
                  null,
                  List.of(),
                  "team-00[0-9]",
                  null,
                  null,
                  null,
                  List.of(PodPhase.RUNNING),
                  null,
                  null,
                  null,
                  List.of("app"),
                  BlastRadius.of(BlastRadius.Mode.COUNT, 7),
                  Extras.NONE),
              new Target(
                  null,
                  List.of(),
                  ".*",
                  "app",
                  null,
                  null,
                  List.of(),
                  null,
                  null,
                  null,
                  List.of(),
                  BlastRadius.ALL,
                  Extras.NONE));
      var previews = targets.stream().map(t -> new LivePreview(t, policy, 99)).toList();
      int patched = 0;
      long end = System.nanoTime() + Duration.ofSeconds(6).toNanos();
      while (System.nanoTime() < end) {
        Thread.sleep(25);
        for (int i = 0; i < targets.size(); i++) {
          Target target = targets.get(i);
          LivePreview preview = previews.get(i);
          var both =
              snapshot.read(
                  s -> List.of(preview.resolve(s), TargetResolver.resolve(target, s, policy, 99)));
          assertThat(both.get(0)).isEqualTo(both.get(1));
          patched += preview.lastWasIncremental() ? 1 : 0;
        }
      }
      assertThat(patched).as("patched updates under churn").isGreaterThan(20);
    }
  }

  /**
   * The straightforward filter: plain loops over fabric8 Pods, written separately from the
   * resolver.
   */
  private static boolean matches(
      Pod pod,
      List<String> ns,
      String pattern,
      String selector,
      String podName,
      NamespacePolicy policy) {
    String namespace = pod.getMetadata().getNamespace();
    if (!policy.permits(namespace)) return false;
    if (!ns.isEmpty() && !ns.contains(namespace)) return false;
    if (pattern != null && !Pattern.compile(pattern).matcher(namespace).matches()) return false;
    if (!"Running".equals(pod.getStatus().getPhase())) return false;
    if (pod.getMetadata().getDeletionTimestamp() != null) return false;
    if (podName != null && !Pattern.compile(podName).matcher(pod.getMetadata().getName()).matches())
      return false;
    Map<String, String> labels = pod.getMetadata().getLabels();
    if (selector != null) {
      for (String requirement : splitRequirements(selector)) {
        if (!requirementHolds(requirement.strip(), labels)) return false;
      }
    }
    return true;
  }

  private static List<String> splitRequirements(String selector) {
    var parts = new ArrayList<String>();
    int depth = 0;
    var current = new StringBuilder();
    for (char c : selector.toCharArray()) {
      if (c == '(') depth++;
      if (c == ')') depth--;
      if (c == ',' && depth == 0) {
        parts.add(current.toString());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    parts.add(current.toString());
    return parts;
  }

  private static boolean requirementHolds(String r, Map<String, String> labels) {
    if (r.contains(" in (")) {
      String key = r.substring(0, r.indexOf(" in ("));
      Set<String> values =
          new java.util.HashSet<>(
              List.of(r.substring(r.indexOf("(") + 1, r.indexOf(")")).split(",")));
      return labels.containsKey(key) && values.contains(labels.get(key));
    }
    if (r.contains("!=")) {
      String[] kv = r.split("!=");
      return !kv[1].equals(labels.get(kv[0]));
    }
    if (r.contains("=")) {
      String[] kv = r.split("=");
      return kv[1].equals(labels.get(kv[0]));
    }
    return labels.containsKey(r);
  }
}
