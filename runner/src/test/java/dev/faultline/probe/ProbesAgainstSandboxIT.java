package dev.faultline.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.model.Extras;
import dev.faultline.model.NamespacePolicy;
import dev.faultline.model.Target;
import dev.faultline.model.TargetKind;
import dev.faultline.sandbox.Sandbox;
import dev.faultline.sandbox.SandboxOptions;
import dev.faultline.sandbox.world.ControllerTimings;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** http.check, tcp.connect and k8s.state against the embedded sandbox with its demo services. */
class ProbesAgainstSandboxIT {
  @TempDir static Path dir;
  private static Sandbox sandbox;
  private static KubernetesClient client;
  private static ProbeContext context;

  @BeforeAll
  static void start() throws Exception {
    sandbox =
        Sandbox.start(
            SandboxOptions.defaults()
                .withKubeconfig(dir.resolve("kc"))
                .withTimings(ControllerTimings.FAST));
    Config config = Config.fromKubeconfig(null, Files.readString(sandbox.kubeconfig()), null);
    client = new KubernetesClientBuilder().withConfig(config).build();
    context = new ProbeContext(client, "faultline-sandbox", null);
  }

  @AfterAll
  static void stop() {
    client.close();
    sandbox.close();
  }

  private static ProbeSample once(ProbeExecutor executor, ProbeRequest request) throws Exception {
    try (PreparedProbe probe = executor.prepare(request, context)) {
      return probe.sample();
    }
  }

  private static ProbeSample http(Map<String, ?> with) throws Exception {
    return once(new HttpCheckExecutor(), Probes.request("http.check", with));
  }

  private static ProbeSample state(Target target, Map<String, ?> with) throws Exception {
    return once(new K8sStateExecutor(), Probes.request("k8s.state", with, target));
  }

  /** Samples every 50 ms until one satisfies the condition; fails after 20 s. */
  private static ProbeSample until(PreparedProbe probe, Predicate<ProbeSample> wanted, String what)
      throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    ProbeSample last = null;
    while (System.nanoTime() < deadline) {
      last = probe.sample();
      if (wanted.test(last)) {
        return last;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("not reached: " + what + "; last sample: " + last);
  }

  private static Target of(TargetKind kind, List<String> namespaces, String labels, String name) {
    return new Target(
        kind,
        namespaces,
        null,
        labels,
        null,
        null,
        List.of(),
        null,
        null,
        name,
        List.of(),
        null,
        Extras.NONE);
  }

  @Test
  void httpCheckReachesAServiceNameThroughItsDemoUrl() throws Exception {
    ProbeSample sample =
        http(
            Map.of(
                "url", "http://checkout.shop/health", "jq", ".status == \"UP\"", "timeout", "10s"));
    assertThat(sample.passed()).as(sample.message()).isTrue();
    assertThat(sample.message()).matches("200 in \\d+ ms, jq: true");

    ProbeSample longName =
        http(
            Map.of(
                "url", "http://checkout.shop.svc.cluster.local/health",
                "jq", ".ready == .total",
                "timeout", "10s"));
    assertThat(longName.passed()).as(longName.message()).isTrue();

    ProbeSample missing = http(Map.of("url", "http://no-such-service.shop/health"));
    assertThat(missing.passed()).isFalse();
    assertThat(missing.message())
        .isEqualTo(
            "cannot resolve no-such-service.shop: no DNS entry, and no Service no-such-service in"
                + " namespace shop");
  }

  @Test
  void aServiceWithoutDemoUrlIsPortForwardedToAReadyPod() throws Exception {
    Map<String, Map<String, String>> services =
        Map.of("pf-checkout", Map.of("app", "checkout"), "pf-nobody", Map.of("app", "nobody"));
    services.forEach(
        (name, selector) ->
            client
                .services()
                .inNamespace("shop")
                .resource(
                    new ServiceBuilder()
                        .withNewMetadata()
                        .withName(name)
                        .endMetadata()
                        .withNewSpec()
                        .withSelector(selector)
                        .addNewPort()
                        .withPort(80)
                        .withTargetPort(new IntOrString(8080))
                        .endPort()
                        .endSpec()
                        .build())
                .create());
    try {
      ProbeSample nobody = http(Map.of("url", "http://pf-nobody.shop/health", "timeout", "10s"));
      assertThat(nobody.passed()).isFalse();
      assertThat(nobody.message())
          .isEqualTo("cannot port-forward to Service shop/pf-nobody: no ready pod behind it");

      // The sandbox does not simulate port-forwarding: the forward is set up, the call fails.
      ProbeSample forwarded =
          http(Map.of("url", "http://pf-checkout.shop/health", "timeout", "10s"));
      assertThat(forwarded.message())
          .contains("(via port-forward to shop/checkout-")
          .contains(":8080)");
    } finally {
      services.keySet().forEach(n -> client.services().inNamespace("shop").withName(n).delete());
    }
  }

  @Test
  void tcpConnectReachesAServiceNameThroughItsDemoUrl() throws Exception {
    ProbeSample sample =
        once(
            new TcpConnectExecutor(),
            Probes.request(
                "tcp.connect", Map.of("host", "cart.shop", "port", 8080L, "timeout", "10s")));
    assertThat(sample.passed()).as(sample.message()).isTrue();
    assertThat(sample.message())
        .startsWith("connected to cart.shop:8080 in ")
        .endsWith("(via demo service shop/cart)");
  }

  @Test
  void podReadinessFollowsScalingOfTheDeployment() throws Exception {
    Target pods = Target.pods("shop", "app=checkout");
    ProbeSample before = state(pods, Map.of());
    assertThat(before.passed()).as(before.message()).isTrue();
    assertThat(before.value()).isEqualTo(3);
    assertThat(before.message()).isEqualTo("3 of 3 Pods ready");

    Target deployment = of(TargetKind.DEPLOYMENT, List.of("shop"), null, "checkout");
    try (PreparedProbe podsReady =
            new K8sStateExecutor().prepare(Probes.request("k8s.state", Map.of(), pods), context);
        PreparedProbe deploymentReady =
            new K8sStateExecutor()
                .prepare(Probes.request("k8s.state", Map.of(), deployment), context)) {
      assertThat(deploymentReady.sample().passed()).isTrue();
      client.apps().deployments().inNamespace("shop").withName("checkout").scale(5);
      ProbeSample scaling = until(podsReady, s -> !s.passed(), "pods not all ready while scaling");
      assertThat(scaling.message())
          .matches("\\d of [45] Pods ready(; not ready: .*)?|\\d of 5 Pods ready.*");
      until(deploymentReady, s -> !s.passed() || s.value() == 1, "deployment status seen");
      ProbeSample scaled = until(podsReady, s -> s.passed() && s.value() == 5, "five ready pods");
      assertThat(scaled.message()).isEqualTo("5 of 5 Pods ready");
      ProbeSample deployed = until(deploymentReady, ProbeSample::passed, "deployment ready");
      assertThat(deployed.message()).isEqualTo("1 of 1 Deployments ready");
    } finally {
      client.apps().deployments().inNamespace("shop").withName("checkout").scale(3);
    }
  }

  @Test
  void minReadyPercentAnyReadyExistsAndAbsent() throws Exception {
    Target cart = Target.pods("shop", "app=cart");
    ProbeSample percent =
        state(cart, Map.of("condition", "minReadyPercent", "minReadyPercent", 60L));
    assertThat(percent.passed()).as(percent.message()).isTrue();
    assertThat(percent.value()).isEqualTo(100);
    assertThat(state(cart, Map.of("condition", "anyReady")).passed()).isTrue();
    assertThat(state(cart, Map.of("condition", "exists")).value()).isEqualTo(3);

    Target nothing = Target.pods("shop", "app=no-such-app");
    ProbeSample absent = state(nothing, Map.of("condition", "absent"));
    assertThat(absent.passed()).isTrue();
    assertThat(absent.message()).isEqualTo("no Pods match");
    ProbeSample exists = state(nothing, Map.of("condition", "exists"));
    assertThat(exists.passed()).isFalse();
    ProbeSample allReady = state(nothing, Map.of());
    assertThat(allReady.passed()).as("nothing to be ready is not ready").isFalse();
    assertThat(allReady.message()).isEqualTo("no Pods match");

    ProbeSample stillThere = state(cart, Map.of("condition", "absent"));
    assertThat(stillThere.passed()).isFalse();
    assertThat(stillThere.message()).startsWith("3 Pods still match: shop/cart-");
  }

  @Test
  void jqOverTheSelectedObjects() throws Exception {
    Target checkout = Target.pods("shop", "app=checkout");
    ProbeSample running =
        state(checkout, Map.of("jq", "length == 3 and all(.[]; .status.phase == \"Running\")"));
    assertThat(running.passed()).as(running.message()).isTrue();
    assertThat(running.message()).isEqualTo("3 of 3 Pods ready, jq: true");
    ProbeSample wrong = state(checkout, Map.of("jq", "length > 3"));
    assertThat(wrong.passed()).isFalse();
    assertThat(wrong.message()).isEqualTo("3 of 3 Pods ready, jq: false");
  }

  @Test
  void nodesAndStatefulSets() throws Exception {
    Target nodes = of(TargetKind.NODE, List.of(), null, null);
    ProbeSample sample = state(nodes, Map.of("jq", "length >= 3"));
    assertThat(sample.passed()).as(sample.message()).isTrue();
    // 6 to 8 nodes over three zones, by the seed (Sandbox.start).
    assertThat(sample.value()).isBetween(6.0, 8.0);

    Target ledger = of(TargetKind.STATEFUL_SET, List.of("payments", "shop"), null, "ledger");
    ProbeSample statefulSet = state(ledger, Map.of());
    assertThat(statefulSet.passed()).as(statefulSet.message()).isTrue();
    assertThat(statefulSet.message()).isEqualTo("1 of 1 StatefulSets ready");
  }

  @Test
  void deniedNamespacesAreNotRead() throws Exception {
    Target system = Target.pods("kube-system", null);
    ProbeRequest request =
        new ProbeRequest(
            "p",
            Probes.request("k8s.state", Map.of("condition", "exists")).params(),
            "system",
            system,
            NamespacePolicy.DEFAULT);
    ProbeSample sample = once(new K8sStateExecutor(), request);
    assertThat(sample.passed()).isFalse();
    assertThat(sample.message()).isEqualTo("no Pods match");
  }

  @Test
  void k8sStateNeedsAClusterAndATarget() {
    assertThatThrownBy(
            () ->
                new K8sStateExecutor()
                    .prepare(
                        Probes.request("k8s.state", Map.of(), Target.pods("shop", "app=x")),
                        new ProbeContext(null, "", null)))
        .isInstanceOf(ProbeException.class)
        .hasMessage("k8s.state needs a cluster, and this run has none");
    assertThatThrownBy(
            () -> new K8sStateExecutor().prepare(Probes.request("k8s.state", Map.of()), context))
        .hasMessageContaining("needs a target");
    assertThatThrownBy(
            () ->
                new K8sStateExecutor()
                    .prepare(
                        Probes.request("k8s.state", Map.of(), Target.pods("shop", "app in (")),
                        context))
        .hasMessageContaining("target target: ");
  }
}
