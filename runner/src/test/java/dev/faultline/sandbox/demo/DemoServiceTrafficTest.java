package dev.faultline.sandbox.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

class DemoServiceTrafficTest {
  private final AtomicReference<BackendState> pods = new AtomicReference<>(new BackendState(2, 2));
  private final Loopback http = new Loopback();
  private DemoService service;

  @BeforeEach
  void start() {
    service =
        DemoService.start(
            new ServiceKey("bookinfo", "productpage"), pods::get, new SplittableRandom(1), 0);
  }

  @AfterEach
  void stop() {
    service.close();
    http.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/", "/api/orders/17", "/v1/quote", "/productpage"})
  void anyPathIsServedWithSmallJson(String path) {
    HttpResponse<String> response = http.get(service.url(), path + "?user=alice");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    JsonNode body = Loopback.json(response);
    assertThat(body.get("status").asString()).isEqualTo("OK");
    assertThat(body.get("service").asString()).isEqualTo("productpage");
    assertThat(body.get("namespace").asString()).isEqualTo("bookinfo");
    assertThat(body.get("path").asString()).isEqualTo(path);
  }

  @Test
  void writesAreServedToo() {
    HttpResponse<String> response =
        http.send(
            Loopback.request(service.url(), "/api/orders")
                .POST(HttpRequest.BodyPublishers.ofString("{\"item\":42}"))
                .build());

    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void noReadyBackendMeans503UntilOneIsReadyAgain() {
    pods.set(new BackendState(0, 2));
    HttpResponse<String> none = http.get(service.url(), "/productpage");
    assertThat(none.statusCode()).isEqualTo(503);
    JsonNode error = Loopback.json(none);
    assertThat(error.get("error").asString()).isEqualTo("no healthy upstream");
    assertThat(error.get("status").asInt()).isEqualTo(503);
    assertThat(error.get("service").asString()).isEqualTo("productpage");

    pods.set(new BackendState(1, 2));
    assertThat(http.get(service.url(), "/productpage").statusCode()).isEqualTo(200);
  }

  @Test
  void aBrokenBackendsSupplierAnswers500InsteadOfHanging() {
    DemoService broken =
        DemoService.start(
            new ServiceKey("shop", "broken"),
            () -> {
              throw new IllegalStateException("pod cache not synced");
            },
            new SplittableRandom(1),
            0);
    try {
      HttpResponse<String> response = http.get(broken.url(), "/");
      assertThat(response.statusCode()).isEqualTo(500);
      assertThat(Loopback.json(response).get("error").asString()).contains("pod cache not synced");
    } finally {
      broken.close();
    }
  }
}
