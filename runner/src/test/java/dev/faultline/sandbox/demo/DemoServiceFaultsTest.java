package dev.faultline.sandbox.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Faults as a client sees them, over real loopback HTTP. */
class DemoServiceFaultsTest {
  private static final ServiceKey CHECKOUT = new ServiceKey("shop", "checkout");

  private final Loopback http = new Loopback();
  private final List<DemoService> services = new ArrayList<>();
  private DemoService service;

  @BeforeEach
  void start() {
    service = start(42);
  }

  private DemoService start(long seed) {
    DemoService started =
        DemoService.start(CHECKOUT, Backends.fixed(3, 3), new SplittableRandom(seed), 0);
    services.add(started);
    return started;
  }

  @AfterEach
  void stop() {
    services.forEach(DemoService::close);
    http.close();
  }

  @Test
  void latencyDelaysTheAnswer() {
    service.setFaults(Faults.delay(Duration.ofMillis(300)));

    assertThat(http.timeGet(service.url(), "/v1/quote")).isGreaterThanOrEqualTo(300);
    assertThat(http.timeGet(service.url(), "/health")).isGreaterThanOrEqualTo(300);
  }

  @Test
  void delayPercentZeroDelaysNothing() {
    service.setFaults(Faults.delay(Duration.ofSeconds(2)).withDelayPercent(0));

    // Far below the injected 2 s, generous for a busy machine.
    assertThat(http.timeGet(service.url(), "/")).isLessThan(1500);
  }

  @Test
  void abortAllAnswersTheConfiguredStatus() {
    service.setFaults(Faults.abort(100, 500));

    for (int i = 0; i < 50; i++) {
      HttpResponse<String> response = http.get(service.url(), "/api/cart");
      assertThat(response.statusCode()).isEqualTo(500);
      assertThat(Loopback.json(response).get("error").asString()).isEqualTo("fault filter abort");
    }
  }

  @Test
  void abortHalfWithAFixedSeedRepeatsExactly() {
    service.setFaults(Faults.abort(50, 503));
    DemoService twin = start(42);
    twin.setFaults(Faults.abort(50, 503));

    List<Integer> first = statuses(service.url(), 1000);
    List<Integer> second = statuses(twin.url(), 1000);

    assertThat(first).containsOnly(200, 503);
    assertThat(second).isEqualTo(first);
    long aborted = first.stream().filter(s -> s == 503).count();
    assertThat(aborted).isBetween(450L, 550L);
  }

  private List<Integer> statuses(URI url, int n) {
    List<Integer> statuses = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      statuses.add(http.get(url, "/").statusCode());
    }
    return statuses;
  }

  @Test
  void layersFromDifferentSourcesActTogetherAndComeOffSeparately() {
    service.putFault("networkchaos/shop/slow", Faults.delay(Duration.ofMillis(300)));
    service.putFault("virtualservice/shop/checkout", Faults.abort(100, 503));

    long start = System.nanoTime();
    HttpResponse<String> both = http.get(service.url(), "/");
    assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(300);
    assertThat(both.statusCode()).isEqualTo(503);

    service.removeFault("virtualservice/shop/checkout");
    start = System.nanoTime();
    HttpResponse<String> slowOnly = http.get(service.url(), "/");
    assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(300);
    assertThat(slowOnly.statusCode()).isEqualTo(200);

    service.removeFault("networkchaos/shop/slow");
    assertThat(service.faults()).isEmpty();
    assertThat(http.timeGet(service.url(), "/")).isLessThan(300);
  }

  @Test
  void latenciesOfLayersAdd() {
    service.putFault("a", Faults.delay(Duration.ofMillis(200)));
    service.putFault("b", Faults.delay(Duration.ofMillis(200)));

    assertThat(http.timeGet(service.url(), "/")).isGreaterThanOrEqualTo(400);
  }

  @Test
  void setFaultsReplacesEveryLayerAndClearFaultsRemovesThem() {
    service.putFault("networkchaos/shop/slow", Faults.delay(Duration.ofSeconds(5)));
    service.setFaults(Faults.abort(100, 502));

    assertThat(service.faults()).containsOnlyKeys(DemoService.DEFAULT_SOURCE);
    assertThat(http.get(service.url(), "/").statusCode()).isEqualTo(502);

    service.clearFaults();
    assertThat(service.faults()).isEmpty();
    assertThat(http.get(service.url(), "/").statusCode()).isEqualTo(200);
  }

  @Test
  void concurrentDelayedRequestsDoNotQueueBehindEachOther() {
    service.setFaults(Faults.delay(Duration.ofMillis(300)));
    int n = 20;

    long start = System.nanoTime();
    List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      inFlight.add(http.getAsync(service.url(), "/api/" + i));
    }
    CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
    long elapsedMs = (System.nanoTime() - start) / 1_000_000;

    assertThat(inFlight).allSatisfy(f -> assertThat(f.join().statusCode()).isEqualTo(200));
    assertThat(elapsedMs).isGreaterThanOrEqualTo(300);
    // Served one after another they would take n x 300 ms = 6 s.
    assertThat(elapsedMs).isLessThan(n * 300 / 3);
  }

  @Test
  void stoppingDropsRequestsStillWaitingOutADelay() {
    service.setFaults(Faults.delay(Duration.ofSeconds(30)));
    CompletableFuture<HttpResponse<String>> waiting = http.getAsync(service.url(), "/");
    sleepMs(300); // let the request arrive and start its delay

    long start = System.nanoTime();
    service.close();

    assertThat(waiting).failsWithin(Duration.ofSeconds(5));
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5000);
  }

  private static void sleepMs(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
