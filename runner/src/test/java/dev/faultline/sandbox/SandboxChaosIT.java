package dev.faultline.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.sandbox.demo.ServiceKey;
import dev.faultline.sandbox.world.ControllerTimings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Chaos Mesh and Istio objects applied with kubectl have their effect on the demo world: pods die
 * or fail, and the demo services answer slower or with errors, until the fault is recovered.
 */
class SandboxChaosIT {
  private static final Duration SETTLE = Duration.ofSeconds(20);
  @TempDir static Path dir;
  private static Sandbox sandbox;
  private static Kubectl kubectl;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    sandbox =
        Sandbox.start(
            SandboxOptions.defaults()
                .withKubeconfig(dir.resolve("kubeconfig"))
                .withTimings(ControllerTimings.FAST));
    kubectl = new Kubectl(sandbox.kubeconfig());
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  private static URI demo(String namespace, String name, String path) {
    return sandbox.demoUrls().get(new ServiceKey(namespace, name)).resolve(path);
  }

  private static HttpResponse<String> get(URI uri) {
    try {
      return HTTP.send(
          HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static long millis(URI uri) {
    long start = System.nanoTime();
    get(uri);
    return (System.nanoTime() - start) / 1_000_000;
  }

  private static void apply(String yaml) {
    kubectl.runWithInput(yaml, "apply", "-f", "-").ok();
  }

  @Test
  void demoServicesAreAnnotatedAndHealthy() {
    assertThat(
            kubectl
                .run(
                    "get",
                    "svc",
                    "checkout",
                    "-n",
                    "shop",
                    "-o",
                    "jsonpath={.metadata.annotations.faultline\\.dev/demo-url}")
                .ok()
                .out())
        .isEqualTo(demo("shop", "checkout", "/").toString().replaceAll("/$", ""));
    HttpResponse<String> health = get(demo("shop", "checkout", "/health"));
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"status\":\"UP\"", "\"ready\":3", "\"total\":3");
  }

  @Test
  void networkDelaySlowsTheServiceUntilItsDurationEnds() {
    URI orders = demo("shop", "checkout", "/orders");
    assertThat(millis(orders)).isLessThan(250);
    apply(
        """
        apiVersion: chaos-mesh.org/v1alpha1
        kind: NetworkChaos
        metadata: {name: slow-checkout, namespace: shop}
        spec:
          action: delay
          mode: all
          selector: {namespaces: [shop], labelSelectors: {app: checkout}}
          delay: {latency: 400ms}
          duration: 3s
        """);
    Eventually.await(SETTLE, () -> millis(orders), ms -> ms >= 400);
    assertThat(
            kubectl
                .run(
                    "get",
                    "networkchaos",
                    "slow-checkout",
                    "-n",
                    "shop",
                    "-o",
                    "jsonpath={.status.conditions[?(@.type==\"AllInjected\")].status}")
                .ok()
                .out())
        .isEqualTo("True");
    Eventually.await(SETTLE, () -> millis(orders), ms -> ms < 250);
    Eventually.await(
        SETTLE,
        () ->
            kubectl
                .run(
                    "get",
                    "networkchaos",
                    "slow-checkout",
                    "-n",
                    "shop",
                    "-o",
                    "jsonpath={.status.conditions[?(@.type==\"AllRecovered\")].status}")
                .out(),
        "True"::equals);
  }

  @Test
  void podKillDeletesOnePodAndItIsReplaced() {
    List<String> before =
        List.of(
            kubectl
                .run(
                    "get",
                    "pods",
                    "-n",
                    "shop",
                    "-l",
                    "app=cart",
                    "-o",
                    "jsonpath={.items[*].metadata.name}")
                .ok()
                .out()
                .split(" "));
    apply(
        """
        apiVersion: chaos-mesh.org/v1alpha1
        kind: PodChaos
        metadata: {name: kill-cart, namespace: shop}
        spec:
          action: pod-kill
          mode: one
          selector: {namespaces: [shop], labelSelectors: {app: cart}}
        """);
    Eventually.await(
        SETTLE,
        () ->
            List.of(
                kubectl
                    .run(
                        "get",
                        "pods",
                        "-n",
                        "shop",
                        "-l",
                        "app=cart",
                        "-o",
                        "jsonpath={.items[*].metadata.name}")
                    .out()
                    .split(" ")),
        now -> now.size() == 3 && now.stream().filter(before::contains).count() == 2);
  }

  @Test
  void podFailureTakesTheServiceDownUntilTheChaosIsDeleted() {
    URI health = demo("shop", "catalog", "/health");
    apply(
        """
        apiVersion: chaos-mesh.org/v1alpha1
        kind: PodChaos
        metadata: {name: fail-catalog, namespace: shop}
        spec:
          action: pod-failure
          mode: all
          selector: {namespaces: [shop], labelSelectors: {app: catalog}}
          duration: 5m
        """);
    Eventually.await(SETTLE, () -> get(health).statusCode(), code -> code == 503);
    assertThat(get(health).body()).contains("\"status\":\"DOWN\"", "\"ready\":0");
    kubectl.run("delete", "podchaos", "fail-catalog", "-n", "shop").ok();
    Eventually.await(SETTLE, () -> get(health).statusCode(), code -> code == 200);
  }

  @Test
  void httpAbortAndIstioFaultsReturnErrors() {
    URI storefront = demo("shop", "storefront", "/");
    apply(
        """
        apiVersion: chaos-mesh.org/v1alpha1
        kind: HTTPChaos
        metadata: {name: abort-storefront, namespace: shop}
        spec:
          mode: all
          selector: {labelSelectors: {app: storefront}}
          target: Request
          port: 8080
          abort: true
          duration: 1m
        """);
    Eventually.await(SETTLE, () -> get(storefront).statusCode(), code -> code == 503);
    kubectl.run("delete", "httpchaos", "abort-storefront", "-n", "shop").ok();
    Eventually.await(SETTLE, () -> get(storefront).statusCode(), code -> code == 200);

    URI payments = demo("payments", "payments-api", "/v1/quote");
    apply(
        """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: payments-fault, namespace: payments}
        spec:
          hosts: [payments-api.payments.svc.cluster.local]
          http:
            - fault: {abort: {httpStatus: 500, percentage: {value: 100}}}
              route: [{destination: {host: payments-api}}]
        """);
    Eventually.await(SETTLE, () -> get(payments).statusCode(), code -> code == 500);
    kubectl.run("delete", "virtualservice", "payments-fault", "-n", "payments").ok();
    Eventually.await(SETTLE, () -> get(payments).statusCode(), code -> code == 200);
  }

  @Test
  void workflowRunsItsStepsAndIsAccomplished() {
    apply(
        """
        apiVersion: chaos-mesh.org/v1alpha1
        kind: Workflow
        metadata: {name: wf, namespace: monitoring}
        spec:
          entry: entry
          templates:
            - {name: entry, templateType: Serial, children: [delay, pause]}
            - name: delay
              templateType: NetworkChaos
              deadline: 5s
              networkChaos:
                action: delay
                mode: all
                selector: {labelSelectors: {app: prometheus}}
                delay: {latency: 50ms}
            - {name: pause, templateType: Suspend, deadline: 500ms}
        """);
    Eventually.await(
        SETTLE,
        () ->
            kubectl
                .run(
                    "get",
                    "networkchaos",
                    "-n",
                    "monitoring",
                    "-l",
                    "chaos-mesh.org/workflow=wf",
                    "-o",
                    "name")
                .out(),
        out -> out.contains("networkchaos.chaos-mesh.org/delay-"));
    Eventually.await(
        SETTLE,
        () ->
            kubectl
                .run(
                    "get",
                    "workflow",
                    "wf",
                    "-n",
                    "monitoring",
                    "-o",
                    "jsonpath={.status.conditions[?(@.type==\"Accomplished\")].status}")
                .out(),
        "True"::equals);
    assertThat(
            kubectl
                .run(
                    "get",
                    "workflownode",
                    "-n",
                    "monitoring",
                    "-l",
                    "chaos-mesh.org/workflow=wf",
                    "-o",
                    "jsonpath={.items[*].spec.templateName}")
                .ok()
                .out())
        .contains("delay", "pause", "entry");
    // kubectl's table of both kinds, by their short names, as a user would ask.
    assertThat(kubectl.run("get", "wf,wfn", "-n", "monitoring").ok().out())
        .contains("workflow.chaos-mesh.org/wf", "workflownode.chaos-mesh.org/delay-");
    // The NetworkChaos ended with its node's deadline; deleting the workflow deletes its nodes.
    assertThat(
            kubectl
                .run("get", "networkchaos", "-n", "monitoring", "-l", "chaos-mesh.org/workflow=wf")
                .ok()
                .out())
        .doesNotContain("delay-");
    kubectl.run("delete", "workflow", "wf", "-n", "monitoring").ok();
    Eventually.await(
        SETTLE,
        () -> kubectl.run("get", "wfn", "-n", "monitoring", "-o", "name").out(),
        String::isBlank);
  }
}
