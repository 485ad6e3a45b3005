package dev.faultline.sandbox.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DemoServicesTest {
  private static final ServiceKey CHECKOUT = new ServiceKey("shop", "checkout");
  private static final ServiceKey CART = new ServiceKey("shop", "cart");

  private final Set<ServiceKey> askedFor = ConcurrentHashMap.newKeySet();
  private final DemoServices services =
      new DemoServices(
          key -> {
            askedFor.add(key);
            return Backends.fixed(2, 2);
          },
          99);
  private final Loopback http = new Loopback();

  @AfterEach
  void stop() {
    services.close();
    http.close();
  }

  @Test
  void startsOnAFreeLoopbackPortPerService() {
    DemoService checkout = services.start(CHECKOUT);
    DemoService cart = services.start(CART);

    assertThat(checkout.port()).isNotEqualTo(cart.port()).isPositive();
    assertThat(services.url(CHECKOUT)).isEqualTo(URI.create("http://127.0.0.1:" + checkout.port()));
    assertThat(Loopback.json(http.get(services.url(CHECKOUT), "/health")).get("service").asString())
        .isEqualTo("checkout");
    assertThat(Loopback.json(http.get(services.url(CART), "/health")).get("service").asString())
        .isEqualTo("cart");
    assertThat(askedFor).containsExactlyInAnyOrder(CHECKOUT, CART);
    assertThat(services.keys()).containsExactlyInAnyOrder(CHECKOUT, CART);
  }

  @Test
  void startingARunningServiceReturnsIt() {
    DemoService first = services.start(CHECKOUT);

    assertThat(services.start(CHECKOUT)).isSameAs(first);
    assertThat(services.start(CHECKOUT, first.port())).isSameAs(first);
    assertThatThrownBy(() -> services.start(CHECKOUT, first.port() == 65535 ? 1 : first.port() + 1))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void stopReleasesThePort() throws IOException {
    int port = services.start(CHECKOUT).port();
    URI url = services.url(CHECKOUT);
    assertThat(http.get(url, "/health").statusCode()).isEqualTo(200); // leave a live connection

    assertThat(services.stop(CHECKOUT)).isTrue();
    assertThat(services.stop(CHECKOUT)).isFalse();
    assertThat(services.find(CHECKOUT)).isEmpty();
    assertThatThrownBy(() -> services.url(CHECKOUT)).isInstanceOf(NoSuchElementException.class);
    assertThatThrownBy(() -> http.get(url, "/health")).isInstanceOf(UncheckedIOException.class);

    try (ServerSocket other = new ServerSocket(port, 0, InetAddress.getByName("127.0.0.1"))) {
      assertThat(other.getLocalPort()).isEqualTo(port);
    }
    assertThat(services.start(CHECKOUT, port).port()).isEqualTo(port);
    assertThat(http.get(url, "/health").statusCode()).isEqualTo(200);
  }

  @Test
  void startsOnARequestedPortAndRefusesATakenOne() throws IOException {
    int free;
    try (ServerSocket probe = new ServerSocket(0, 0, InetAddress.getByName("127.0.0.1"))) {
      free = probe.getLocalPort();
    }
    assertThat(services.start(CHECKOUT, free).port()).isEqualTo(free);

    assertThatThrownBy(() -> services.start(CART, free)).isInstanceOf(UncheckedIOException.class);
    assertThat(services.find(CART)).isEmpty();
  }

  @Test
  void stopAllStopsEveryService() {
    URI checkout = services.start(CHECKOUT).url();
    services.start(CART);

    services.stopAll();

    assertThat(services.keys()).isEmpty();
    assertThatThrownBy(() -> http.get(checkout, "/")).isInstanceOf(UncheckedIOException.class);
  }

  @Test
  void concurrentStartsOfOneServiceShareOneServer() throws Exception {
    int threads = 8;
    CountDownLatch go = new CountDownLatch(1);
    List<Future<DemoService>> results = new ArrayList<>();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < threads; i++) {
        results.add(
            pool.submit(
                () -> {
                  go.await();
                  return services.start(CHECKOUT);
                }));
      }
      go.countDown();
      DemoService first = results.getFirst().get();
      for (Future<DemoService> result : results) {
        assertThat(result.get()).isSameAs(first);
      }
    }
    assertThat(services.keys()).containsExactly(CHECKOUT);
  }

  @Test
  void theSameSeedGivesEachServiceTheSameDiceAcrossRuns() {
    List<Integer> first = abortPattern(services);
    try (DemoServices again = new DemoServices(key -> Backends.fixed(2, 2), 99)) {
      assertThat(abortPattern(again)).isEqualTo(first);
    }
  }

  private List<Integer> abortPattern(DemoServices in) {
    DemoService service = in.start(CART);
    service.setFaults(Faults.abort(50, 503));
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      statuses.add(http.get(service.url(), "/").statusCode());
    }
    in.stop(CART);
    return statuses;
  }
}
