package dev.faultline.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.LeftBehind;
import dev.faultline.engine.ClusterRunEnvironment;
import dev.faultline.engine.Engine;
import dev.faultline.engine.RunEnvironment;
import dev.faultline.engine.RunEvent;
import dev.faultline.engine.RunOptions;
import dev.faultline.engine.RunResult;
import dev.faultline.engine.Verdict;
import dev.faultline.format.ExperimentReader;
import dev.faultline.format.Syntax;
import dev.faultline.model.Experiment;
import dev.faultline.sandbox.Sandbox;
import dev.faultline.sandbox.SandboxClients;
import dev.faultline.sandbox.SandboxOptions;
import dev.faultline.sandbox.demo.ServiceKey;
import dev.faultline.sandbox.world.ControllerTimings;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * prometheus.query against a real Prometheus (the Debian package) that scrapes the embedded
 * sandbox's demo services every second, behind basic auth. The sandbox's Service {@code
 * monitoring/prometheus} is pointed at it (demo URL annotation), so probes call it by its cluster
 * name {@code http://prometheus.monitoring:9090}, as they would on a real cluster. One sandbox and
 * one Prometheus serve every test.
 */
class PrometheusQueryIT {
  private static final String URL = "http://prometheus.monitoring:9090";
  private static final String READY = "demo_ready_pods{namespace=\"shop\",service=\"checkout\"}";
  private static final UnaryOperator<String> ENVIRONMENT =
      name -> name.equals("PROM_AUTH") ? PrometheusServer.authorization() : null;

  @TempDir static Path dir;
  private static Sandbox sandbox;
  private static KubernetesClient client;
  private static PrometheusServer prometheus;
  private static ProbeContext context;

  @BeforeAll
  static void start() throws Exception {
    sandbox =
        Sandbox.start(
            SandboxOptions.defaults()
                .withKubeconfig(dir.resolve("kc"))
                .withTimings(ControllerTimings.FAST));
    client = SandboxClients.connect(sandbox);
    Path data = Files.createDirectories(dir.resolve("prometheus"));
    prometheus = PrometheusServer.start(data, sandbox.demoUrls());
    client
        .services()
        .inNamespace("monitoring")
        .withName("prometheus")
        .edit(
            s -> {
              s.getMetadata()
                  .getAnnotations()
                  .put(ClusterHosts.DEMO_URL_ANNOTATION, prometheus.url().toString());
              return s;
            });
    context = new ProbeContext(client, "faultline-sandbox", ENVIRONMENT);
  }

  @AfterAll
  static void stop() {
    if (prometheus != null) {
      prometheus.close();
    }
    if (client != null) {
      client.close();
    }
    if (sandbox != null) {
      sandbox.close();
    }
  }

  /**
   * The probe's parameters: by cluster name, with the credentials as a secret, and {@code with}.
   */
  private static Map<String, Object> params(Map<String, ?> with) {
    var params = new HashMap<String, Object>();
    params.put("url", URL);
    params.put("headers", Map.of("Authorization", "${env:PROM_AUTH}"));
    params.put("timeout", "10s"); // the build machine is shared
    params.putAll(with);
    return params;
  }

  private static ProbeSample query(Map<String, ?> with) throws Exception {
    try (PreparedProbe probe =
        new PrometheusQueryExecutor()
            .prepare(Probes.request("prometheus.query", params(with)), context)) {
      return probe.sample();
    }
  }

  private static ProbeSample query(String promQl, String operator, double threshold)
      throws Exception {
    return query(Map.of("query", promQl, "operator", operator, "threshold", threshold));
  }

  private static ProbeSample ready(String operator, double threshold) throws Exception {
    return query(READY, operator, threshold);
  }

  /** {@code up > 0} asked of the server at {@code url}. */
  private static ProbeSample upAt(String url) throws Exception {
    return query(Map.of("url", url, "query", "up", "operator", ">", "threshold", 0));
  }

  @Test
  void readyPodsPassOrFailByTheComparator() throws Exception {
    ProbeSample atLeastThree = ready(">=", 3);
    assertThat(atLeastThree.passed()).as(atLeastThree.message()).isTrue();
    assertThat(atLeastThree.value()).isEqualTo(3);
    assertThat(atLeastThree.message()).isEqualTo("3 >= 3");

    ProbeSample moreThanThree = ready(">", 3);
    assertThat(moreThanThree.passed()).isFalse();
    assertThat(moreThanThree.value()).as("the value is plotted even when failing").isEqualTo(3);
    assertThat(moreThanThree.message()).isEqualTo("3, expected > 3");

    assertThat(ready("==", 3).passed()).isTrue();
    assertThat(ready("!=", 3).passed()).isFalse();
    assertThat(ready("<", 3).passed()).isFalse();
    assertThat(ready("<=", 3).passed()).isTrue();

    ProbeSample scalar = query("scalar(" + READY + ") * 2", "==", 6);
    assertThat(scalar.passed()).as(scalar.message()).isTrue();
  }

  @Test
  void severalSeriesAndNoDataFailNamingTheQuery() throws Exception {
    ProbeSample several = query("demo_ready_pods{namespace=\"shop\"}", ">=", 1);
    assertThat(several.passed()).isFalse();
    assertThat(several.message())
        .matches("4 series, expected one \\(aggregate them .*\\): demo_ready_pods\\{.*")
        .endsWith(" and 1 more, in query: demo_ready_pods{namespace=\"shop\"}");
    ProbeSample aggregated = query("min(demo_ready_pods{namespace=\"shop\"})", ">=", 1);
    assertThat(aggregated.passed()).as(aggregated.message()).isTrue();

    String none = "demo_ready_pods{service=\"no-such-service\"}";
    ProbeSample empty = query(none, ">=", 1);
    assertThat(empty.passed()).isFalse();
    assertThat(empty.message()).isEqualTo("no data: the query gives an empty result: " + none);
    ProbeSample allowed =
        query(Map.of("query", none, "operator", ">=", "threshold", 1, "onEmpty", "pass"));
    assertThat(allowed.passed()).isTrue();
  }

  @Test
  void aRangeQueryReducesTheWindowToOneValue() throws Exception {
    Map<String, Object> with =
        Map.of("query", READY, "operator", ">=", "threshold", 3, "range", "5s", "step", "1s");
    // Right after Prometheus's first scrape the window holds a single point; wait for a second.
    ProbeSample worst = query(with);
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (worst.message().contains("of 1 point:") && System.nanoTime() < deadline) {
      Thread.sleep(250);
      worst = query(with);
    }
    assertThat(worst.passed()).as(worst.message()).isTrue();
    assertThat(worst.message()).matches("worst of \\d points: 3 >= 3");

    var total = new HashMap<String, Object>(with);
    total.put("query", "demo_total_pods{namespace=\"shop\",service=\"checkout\"}");
    total.put("reduce", "avg");
    total.put("operator", "<");
    ProbeSample avg = query(total);
    assertThat(avg.passed()).isFalse();
    assertThat(avg.value()).isEqualTo(3);
    assertThat(avg.message()).matches("avg of \\d points: 3, expected < 3");
  }

  @Test
  void prometheusErrorsUnreachableServersAndWrongUrlsGiveClearFailedSamples() throws Exception {
    ProbeSample execution = query("demo_ready_pods + on() demo_total_pods", ">", 0);
    assertThat(execution.passed()).isFalse();
    assertThat(execution.message())
        .startsWith("Prometheus error (execution): found duplicate series for the match group {}");

    int closed;
    try (var socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    ProbeSample refused = upAt("http://127.0.0.1:" + closed);
    assertThat(refused.passed()).isFalse();
    assertThat(refused.value()).isNaN();
    assertThat(refused.message())
        .isEqualTo(
            "cannot reach Prometheus at http://127.0.0.1:"
                + closed
                + "/api/v1/query: connection refused");

    ProbeSample noService = upAt("http://nothing.monitoring:9090");
    assertThat(noService.message())
        .isEqualTo(
            "cannot reach Prometheus at http://nothing.monitoring:9090/api/v1/query: cannot resolve"
                + " nothing.monitoring: no DNS entry, and no Service nothing in namespace monitoring");

    // A Service that is not Prometheus: the sandbox's demo service for coredns answers anything.
    ProbeSample foreign = upAt("http://coredns.kube-system:9153");
    assertThat(foreign.message())
        .startsWith(
            "not a Prometheus API answer (HTTP 200) from"
                + " http://coredns.kube-system:9153/api/v1/query (via demo service"
                + " kube-system/coredns): {\"status\":\"OK\"");

    var wrongPassword = Map.of("Authorization", "Basic d3Jvbmc6d3Jvbmc=");
    ProbeSample unauthorized =
        query(Map.of("query", "up", "operator", ">", "threshold", 0, "headers", wrongPassword));
    assertThat(unauthorized.message())
        .isEqualTo(
            "HTTP 401 from "
                + URL
                + "/api/v1/query (via demo service monitoring/prometheus): Unauthorized");
  }

  @Test
  void badPromQlFailsTheStepWithPrometheusMessageNamingTheProbe() throws Exception {
    String query = "rate(demo_http_requests_total[1m]) by (code)";
    RunResult result =
        run(
            """
            steps:
              - id: bad-query
                probe: prometheus.query
                with: %s
            """
                .formatted(with(query, "<", "1")),
            new CopyOnWriteArrayList<>());
    assertThat(result.verdict()).isEqualTo(Verdict.FAILED);
    assertThat(result.reason())
        .isEqualTo(
            "step 'bad-query' failed: probe failed: PromQL parse error at line 1, column 36:"
                + " unexpected <by> in query: "
                + query);

    RunResult unbalanced =
        run(
            """
            steps:
              - id: unbalanced
                probe: prometheus.query
                with: %s
            """
                .formatted(with("sum(rate(demo_http_requests_total[1m])", "<", "1")),
            new CopyOnWriteArrayList<>());
    assertThat(unbalanced.verdict()).as(unbalanced.reason()).isEqualTo(Verdict.ERROR);
    assertThat(unbalanced.reason())
        .contains("probe 'unbalanced'")
        .contains("unclosed '(' at column 4");
  }

  /**
   * Scaling checkout to zero on the sandbox: the drop in ready pods is seen through Prometheus by
   * an until-failing step, the recovery by an until-passing step, and the error ratio of traffic
   * sent meanwhile rises in a continuous probe's samples, whose values are the numbers charts plot.
   */
  @Test
  void aScaleToZeroIsSeenThroughPrometheusByUntilStepsAndAContinuousErrorRatio() throws Exception {
    String errorRatio =
        "(sum(rate(demo_http_requests_total{service=\"checkout\",code=~\"5..\"}[3s])) or vector(0))"
            + " / sum(rate(demo_http_requests_total{service=\"checkout\"}[3s]))";
    try (var traffic = new Traffic(sandbox.demoUrls().get(new ServiceKey("shop", "checkout")))) {
      LeftBehind.await(
          Duration.ofSeconds(30),
          () -> rethrowing(() -> prometheus.query(errorRatio)),
          answer -> answer.contains("\"value\":[") && answer.contains(",\"0\"]"));
      var events = new CopyOnWriteArrayList<RunEvent>();
      RunResult result =
          run(
              """
              targets:
                checkout:
                  kind: Deployment
                  namespaces: [shop]
                  labelSelector: app=checkout
              steps:
                - id: steady
                  probe: prometheus.query
                  with: %1$s
                - id: scale-to-zero
                  after: [steady]
                  attack: k8s.deployment.scale
                  target: checkout
                  duration: 6s
                  with: {replicas: 0}
                - id: sees-no-ready-pods
                  after: [steady]
                  probe: prometheus.query
                  until: failing
                  timeout: 20s
                  interval: 500ms
                  with: %1$s
                - id: recovered
                  after: [scale-to-zero, sees-no-ready-pods]
                  probe: prometheus.query
                  until: passing
                  timeout: 30s
                  interval: 500ms
                  with: %1$s
              probes:
                - id: error-ratio
                  probe: prometheus.query
                  interval: 500ms
                  with: %2$s
              """
                  .formatted(with(READY, ">=", "3"), with(errorRatio, "<", "0.05")),
              events);

      assertThat(result.verdict()).as(result.reason()).isEqualTo(Verdict.PASSED);
      ProbeSample dropped = samples(events, "sees-no-ready-pods").getLast();
      assertThat(dropped.passed()).isFalse();
      assertThat(dropped.value()).isLessThan(3);
      assertThat(dropped.message()).matches("[0-2], expected >= 3");
      ProbeSample back = samples(events, "recovered").getLast();
      assertThat(back.passed()).isTrue();
      assertThat(back.message()).isEqualTo("3 >= 3");

      // The error ratio passes before the scale and rises during it. Now and then a sample in
      // between has no number: rate() needs two scrapes of a series within its window, so a 503
      // series that has just appeared, or a scrape that came late on a busy machine, gives 0/0
      // (NaN) or no data for a moment. Those fail too, as NaN and no data always do.
      List<ProbeSample> ratio = samples(events, "error-ratio");
      int firstRise = indexOfFirst(ratio, s -> s.value() > 0.05 && s.value() <= 1);
      assertThat(firstRise).as("the ratio rose above 5%%: %s", ratio).isPositive();
      assertThat(ratio.subList(0, firstRise))
          .as("%s", ratio)
          .anySatisfy(s -> assertThat(s.passed()).isTrue());
      assertThat(ratio.get(firstRise).passed()).isFalse();
      assertThat(ratio.get(firstRise).message()).matches("(0\\.\\d+|1), expected < 0.05");
      assertThat(ratio)
          .allSatisfy(
              s ->
                  assertThat(
                          s.passed()
                              ? s.value() < 0.05
                              : Double.isNaN(s.value()) || s.value() > 0.05)
                      .as("%s", s)
                      .isTrue());
      assertThat(traffic.errors()).as("traffic met the missing pods").isPositive();
    }
    LeftBehind.await(
        Duration.ofSeconds(30),
        () -> client.apps().deployments().inNamespace("shop").withName("checkout").get(),
        d -> d.getSpec().getReplicas() == 3);
  }

  /** A probe's {@code with:} block as a YAML flow mapping. */
  private static String with(String query, String operator, String threshold) {
    return ("{url: \"%s\", headers: {Authorization: \"${env:PROM_AUTH}\"}, timeout: 5s,"
            + " query: '%s', operator: '%s', threshold: %s}")
        .formatted(URL, query.replace("'", "''"), operator, threshold);
  }

  private static RunResult run(String spec, List<RunEvent> events) throws Exception {
    String text =
        "apiVersion: faultline.dev/v1alpha1\nkind: Experiment\nmetadata:\n  name: prometheus-it\n"
            + "spec:\n"
            + spec.indent(2);
    var read = new ExperimentReader().read(text, Syntax.YAML);
    Experiment experiment =
        read.experiment().orElseThrow(() -> new AssertionError(read.problems()));
    RunEnvironment cluster =
        ClusterRunEnvironment.create(
            client, "faultline-sandbox", dir.resolve("state"), experiment.metadata().name());
    RunEnvironment env =
        new RunEnvironment(
            cluster.catalog(),
            cluster.attacks(),
            cluster.probes(),
            cluster.client(),
            cluster.contextName(),
            cluster.snapshots(),
            cluster.journals(),
            cluster.access(),
            ENVIRONMENT);
    String runId = "prometheus-" + System.nanoTime();
    return new Engine(env)
        .start(
            experiment,
            RunOptions.defaults(runId).withRollbackDeadline(Duration.ofSeconds(20)),
            events::add)
        .await(Duration.ofSeconds(90))
        .orElseThrow(() -> new AssertionError("the run did not end within 90 s"));
  }

  private static List<ProbeSample> samples(List<RunEvent> events, String probeId) {
    return events.stream()
        .filter(e -> e instanceof RunEvent.ProbeSampled s && s.probeId().equals(probeId))
        .map(e -> ((RunEvent.ProbeSampled) e).sample())
        .toList();
  }

  private static int indexOfFirst(List<ProbeSample> samples, Predicate<ProbeSample> wanted) {
    for (int i = 0; i < samples.size(); i++) {
      if (wanted.test(samples.get(i))) {
        return i;
      }
    }
    return -1;
  }

  private interface Call<T> {
    T get() throws Exception;
  }

  private static <T> T rethrowing(Call<T> call) {
    try {
      return call.get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Requests to one demo service every 20 ms on a virtual thread, counting 5xx answers, until
   * closed or for two minutes at most.
   */
  private static final class Traffic implements AutoCloseable {
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicInteger errors = new AtomicInteger();
    private final Thread thread;

    Traffic(URI service) {
      HttpClient http = HttpClient.newHttpClient();
      HttpRequest request =
          HttpRequest.newBuilder(service.resolve("/api/orders"))
              .timeout(Duration.ofSeconds(2))
              .build();
      long end = System.nanoTime() + Duration.ofMinutes(2).toNanos();
      thread =
          Thread.ofVirtual()
              .start(
                  () -> {
                    while (!stop.get() && System.nanoTime() < end) {
                      try {
                        int status =
                            http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        if (status >= 500) {
                          errors.incrementAndGet();
                        }
                      } catch (IOException e) {
                        // no answer this time; keep going
                      } catch (InterruptedException e) {
                        return;
                      }
                      try {
                        Thread.sleep(20);
                      } catch (InterruptedException e) {
                        return;
                      }
                    }
                  });
    }

    int errors() {
      return errors.get();
    }

    @Override
    public void close() throws InterruptedException {
      stop.set(true);
      thread.interrupt();
      thread.join(Duration.ofSeconds(5));
    }
  }
}
