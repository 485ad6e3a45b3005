package dev.faultline.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.model.Notification;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class WebhookSinkTest {
  private static final WebhookSink.Timing FAST =
      new WebhookSink.Timing(
          Duration.ofSeconds(2), Duration.ofSeconds(5), 2, Duration.ofMillis(10));
  private static final UnaryOperator<String> ENV =
      Map.of("CHAOS_TOKEN", "s3cr3t-value", "HOOK_PATH", "T000/B000/XXXX")::get;

  private static Notification.Webhook hook(String url, Notification.WebhookFormat format) {
    return new Notification.Webhook(
        url, format, Map.of("Authorization", "Bearer ${env:CHAOS_TOKEN}"), null, null);
  }

  @Test
  void aServerErrorIsRetriedAndTheSecondAttemptDeliversWithTheHeaderFromTheEnvironment()
      throws Exception {
    try (var server = new Loopback(n -> n == 0 ? 500 : 200)) {
      var sink = new WebhookSink(hook(server.url("/hook"), null), ENV, FAST);

      sink.send(Messages.finish("passed", "ok"));

      List<Loopback.Request> requests = server.requests();
      assertThat(requests).hasSize(2);
      assertThat(requests.get(1).header("Authorization")).isEqualTo("Bearer s3cr3t-value");
      assertThat(requests.get(1).header("Content-Type")).isEqualTo("application/json");
      assertThat(requests.get(1).body()).contains("\"schema\":\"faultline.dev/notification/v1\"");
    }
  }

  @Test
  void aSlackHookReceivesSlackJsonAndThePathPlaceholderIsFilledButNeverShown() throws Exception {
    try (var server = Loopback.answering(200)) {
      var sink =
          new WebhookSink(
              hook(server.url("/services/${env:HOOK_PATH}"), Notification.WebhookFormat.SLACK),
              ENV,
              FAST);

      sink.send(Messages.start());

      assertThat(server.requests().getFirst().path()).isEqualTo("/services/T000/B000/XXXX");
      assertThat(server.requests().getFirst().body())
          .startsWith("{\"text\":")
          .contains("\"blocks\"");
      assertThat(sink.label()).isEqualTo("127.0.0.1");
    }
  }

  @Test
  void persistentServerErrorsGiveUpAfterTwoRetriesAndClientErrorsAtOnce() {
    try (var failing = Loopback.answering(503);
        var refusing = Loopback.answering(404)) {
      assertThatThrownBy(
              () -> new WebhookSink(hook(failing.url("/"), null), ENV, FAST).send(Messages.start()))
          .isInstanceOf(IOException.class)
          .hasMessage("HTTP 503 (after 3 attempts)");
      assertThat(failing.requests()).hasSize(3);

      assertThatThrownBy(
              () ->
                  new WebhookSink(hook(refusing.url("/"), null), ENV, FAST).send(Messages.start()))
          .hasMessage("HTTP 404");
      assertThat(refusing.requests()).hasSize(1);
    }
  }

  @Test
  void aMissingVariableNamesTheVariableAndSendsNothing() {
    try (var server = Loopback.answering(200)) {
      var sink = new WebhookSink(hook(server.url("/"), null), name -> null, FAST);

      assertThatThrownBy(() -> sink.send(Messages.start()))
          .hasMessage("environment variable CHAOS_TOKEN is not set");
      assertThat(server.requests()).isEmpty();
    }
  }

  @Test
  void aDeadUrlFailsWithoutLeakingTheSecretInItsPath() throws Exception {
    int port = Loopback.deadPort();
    var sink =
        new WebhookSink(
            hook("http://127.0.0.1:" + port + "/${env:CHAOS_TOKEN}", null),
            ENV,
            new WebhookSink.Timing(
                Duration.ofSeconds(2), Duration.ofSeconds(5), 1, Duration.ofMillis(10)));

    assertThatThrownBy(() -> sink.send(Messages.start()))
        .hasMessage("cannot connect (after 2 attempts)")
        .hasMessageNotContaining("s3cr3t");
  }

  @Test
  void aHangingServerIsGivenUpAfterTheRequestTimeout() {
    try (var server = Loopback.answering(0)) {
      var sink =
          new WebhookSink(
              hook(server.url("/"), null),
              ENV,
              new WebhookSink.Timing(
                  Duration.ofSeconds(2), Duration.ofMillis(300), 0, Duration.ofMillis(10)));
      long start = System.nanoTime();

      assertThatThrownBy(() -> sink.send(Messages.start())).hasMessage("no answer within 0.3 s");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }
  }

  @Test
  void theLabelIsTheHostOnlyOrWebhookWhenTheHostIsASecret() {
    assertThat(WebhookSink.hostOf("https://hooks.slack.com/services/T/B/secret"))
        .isEqualTo("hooks.slack.com");
    assertThat(WebhookSink.hostOf("https://${env:HOST}/x")).isEqualTo("webhook");
    assertThat(WebhookSink.hostOf("not a url")).isEqualTo("webhook");
  }
}
