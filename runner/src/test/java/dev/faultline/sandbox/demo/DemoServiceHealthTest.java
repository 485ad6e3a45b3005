package dev.faultline.sandbox.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class DemoServiceHealthTest {
  private final AtomicReference<BackendState> pods = new AtomicReference<>(new BackendState(3, 3));
  private final Loopback http = new Loopback();
  private DemoService service;

  @BeforeEach
  void start() {
    service =
        DemoService.start(
            new ServiceKey("shop", "checkout"), pods::get, new SplittableRandom(1), 0);
  }

  @AfterEach
  void stop() {
    service.close();
    http.close();
  }

  @Test
  void upWithReadyPodsInTheDocumentedShape() {
    HttpResponse<String> response = http.get(service.url(), "/health");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(response.body())
        .matches(
            "\\{\"status\":\"UP\",\"ready\":3,\"total\":3,\"service\":\"checkout\","
                + "\"namespace\":\"shop\",\"time\":\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\"}");
  }

  @Test
  void jqFriendlyTypes() {
    JsonNode health = Loopback.json(http.get(service.url(), "/health"));

    assertThat(health.propertyNames())
        .containsExactly("status", "ready", "total", "service", "namespace", "time");
    assertThat(health.get("status").isString()).isTrue();
    assertThat(health.get("ready").isInt()).isTrue();
    assertThat(health.get("total").isInt()).isTrue();
  }

  @Test
  void followsTheBackendsOnEveryRequest() {
    pods.set(new BackendState(0, 3));
    HttpResponse<String> down = http.get(service.url(), "/health");
    assertThat(down.statusCode()).isEqualTo(503);
    JsonNode downBody = Loopback.json(down);
    assertThat(downBody.get("status").asString()).isEqualTo("DOWN");
    assertThat(downBody.get("ready").asInt()).isZero();
    assertThat(downBody.get("total").asInt()).isEqualTo(3);

    pods.set(new BackendState(1, 3));
    HttpResponse<String> partial = http.get(service.url(), "/health");
    assertThat(partial.statusCode()).isEqualTo(200);
    assertThat(Loopback.json(partial).get("status").asString()).isEqualTo("UP");
    assertThat(Loopback.json(partial).get("ready").asInt()).isEqualTo(1);

    pods.set(new BackendState(0, 0));
    assertThat(http.get(service.url(), "/health").statusCode()).isEqualTo(503);
  }

  @Test
  void downWhenEveryRequestIsAbortedUpWhenOnlySomeAre() {
    service.putFault("virtualservice", Faults.abort(100, 500));
    HttpResponse<String> allAborted = http.get(service.url(), "/health");
    assertThat(allAborted.statusCode()).isEqualTo(503);
    assertThat(Loopback.json(allAborted).get("status").asString()).isEqualTo("DOWN");
    assertThat(Loopback.json(allAborted).get("ready").asInt()).isEqualTo(3);

    // A flaky service is still up; /health is not randomly aborted, so this holds every time.
    service.putFault("virtualservice", Faults.abort(50, 500));
    for (int i = 0; i < 20; i++) {
      assertThat(http.get(service.url(), "/health").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void headHasNoBodyAndWritesAreRefused() {
    HttpResponse<String> head =
        http.send(Loopback.request(service.url(), "/health").HEAD().build());
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();

    HttpResponse<String> post =
        http.send(
            Loopback.request(service.url(), "/health")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build());
    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(Loopback.json(post).get("error").asString()).isEqualTo("method not allowed");
  }
}
