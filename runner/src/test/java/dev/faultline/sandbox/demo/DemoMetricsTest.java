package dev.faultline.sandbox.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /metrics} parsed with a strict exposition-format parser after real traffic. */
class DemoMetricsTest {
  private static final String REQUESTS = "demo_http_requests_total";
  private static final String DURATION = "demo_http_request_duration_seconds";
  private static final Map<String, String> SERIES =
      Map.of("service", "checkout", "namespace", "shop");

  private final AtomicReference<BackendState> pods = new AtomicReference<>(new BackendState(3, 3));
  private final Loopback http = new Loopback();
  private DemoService service;

  @BeforeEach
  void start() {
    service =
        DemoService.start(
            new ServiceKey("shop", "checkout"), pods::get, new SplittableRandom(3), 0);
  }

  @AfterEach
  void stop() {
    service.close();
    http.close();
  }

  private Map<String, PromText.Family> scrape() {
    HttpResponse<String> response = http.get(service.url(), "/metrics");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValue("text/plain; version=0.0.4; charset=utf-8");
    return PromText.parse(response.body());
  }

  private static Map<String, String> code(int code) {
    return Map.of("service", "checkout", "namespace", "shop", "code", Integer.toString(code));
  }

  @Test
  void everyFamilyIsDeclaredEvenBeforeTraffic() {
    Map<String, PromText.Family> families = scrape();

    assertThat(families).containsOnlyKeys(REQUESTS, DURATION, "demo_ready_pods", "demo_total_pods");
    assertThat(families.get(REQUESTS).type).isEqualTo("counter");
    assertThat(families.get(DURATION).type).isEqualTo("histogram");
    assertThat(families.get("demo_ready_pods").type).isEqualTo("gauge");
    assertThat(families.get("demo_total_pods").type).isEqualTo("gauge");
    assertThat(PromText.value(families, DURATION + "_count", SERIES)).isZero();
  }

  @Test
  void countersCountTrafficByStatusCode() {
    for (int i = 0; i < 3; i++) {
      http.get(service.url(), "/v1/quote");
    }
    http.get(service.url(), "/health");
    service.setFaults(Faults.abort(100, 503));
    http.get(service.url(), "/v1/quote");

    Map<String, PromText.Family> families = scrape();
    assertThat(PromText.value(families, REQUESTS, code(200))).isEqualTo(4);
    assertThat(PromText.value(families, REQUESTS, code(503))).isEqualTo(1);
    assertThat(PromText.value(families, DURATION + "_count", SERIES)).isEqualTo(5);

    http.get(service.url(), "/");
    service.clearFaults();
    http.get(service.url(), "/");
    families = scrape();
    assertThat(PromText.value(families, REQUESTS, code(200))).isEqualTo(5);
    assertThat(PromText.value(families, REQUESTS, code(503))).isEqualTo(2);
  }

  @Test
  void scrapesAreNeitherCountedNorFaulted() {
    http.get(service.url(), "/");
    service.setFaults(Faults.abort(100, 500).withDelay(Duration.ofSeconds(5), Duration.ZERO, 100));

    long start = System.nanoTime();
    scrape();
    Map<String, PromText.Family> families = scrape();
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2000);

    assertThat(PromText.value(families, REQUESTS, code(200))).isEqualTo(1);
    assertThat(families.get(REQUESTS).samples).hasSize(1);
    assertThat(PromText.value(families, DURATION + "_count", SERIES)).isEqualTo(1);
  }

  @Test
  void histogramPlacesADelayedRequestAboveItsLatency() {
    http.get(service.url(), "/");
    // Far above the bucket bound below, which the first (undelayed) request stays under even on a
    // loaded machine, where its class loading alone has taken up to a second.
    service.setFaults(Faults.delay(Duration.ofMillis(2_600)));
    http.get(service.url(), "/");

    Map<String, PromText.Family> families = scrape();
    Map<String, String> at25 = Map.of("service", "checkout", "le", "2.5");
    Map<String, String> at10 = Map.of("service", "checkout", "le", "10.0");
    assertThat(PromText.value(families, DURATION + "_bucket", at25)).isEqualTo(1);
    assertThat(PromText.value(families, DURATION + "_bucket", at10)).isEqualTo(2);
    assertThat(PromText.value(families, DURATION + "_sum", SERIES)).isGreaterThanOrEqualTo(2.6);
  }

  @Test
  void bucketsSpanFiveMillisecondsToTenSeconds() {
    var les =
        scrape().get(DURATION).samples.stream()
            .filter(s -> s.name().endsWith("_bucket"))
            .map(s -> s.labels().get("le"))
            .toList();

    assertThat(les)
        .containsExactly(
            "0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1.0", "2.5", "5.0", "10.0",
            "+Inf");
  }

  @Test
  void podGaugesFollowTheBackends() {
    Map<String, PromText.Family> families = scrape();
    assertThat(PromText.value(families, "demo_ready_pods", SERIES)).isEqualTo(3);
    assertThat(PromText.value(families, "demo_total_pods", SERIES)).isEqualTo(3);

    pods.set(new BackendState(1, 4));
    families = scrape();
    assertThat(PromText.value(families, "demo_ready_pods", SERIES)).isEqualTo(1);
    assertThat(PromText.value(families, "demo_total_pods", SERIES)).isEqualTo(4);
  }

  @Test
  void labelValuesAreEscaped() {
    assertThat(DemoMetrics.escape("a\"b\\c\nd")).isEqualTo("a\\\"b\\\\c\\nd");
  }
}
