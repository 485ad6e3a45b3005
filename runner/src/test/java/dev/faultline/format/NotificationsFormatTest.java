package dev.faultline.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.model.Experiment;
import dev.faultline.model.Notification;
import dev.faultline.model.Target;
import dev.faultline.model.edit.PutTarget;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code spec.notifications} in files: read, written back unchanged, mistakes placed. */
class NotificationsFormatTest {
  private static final String CANONICAL =
      """
      apiVersion: faultline.dev/v1alpha1
      kind: Experiment
      metadata:
        name: notified
      spec:
        steps:
          - id: w
            wait: 1s
        notifications:
          - webhook:
              url: https://hooks.slack.com/services/${env:SLACK_PATH}
              format: slack
              headers:
                Authorization: Bearer ${env:CHAOS_TOKEN}
              events: [start, gate, halt, finish]
          - logFile:
              path: logs/chaos.jsonl
              format: text
              events: [finish]
          - webhook:
              url: https://example.com/hook
      """;

  @Test
  void notificationsAreReadAndWrittenBackAsTheyWere() {
    ReadResult read = new ExperimentReader().read(CANONICAL, Syntax.YAML);
    assertThat(read.problems()).isEmpty();
    Experiment experiment = read.experiment().orElseThrow();

    List<Notification> notifications = experiment.spec().notifications();
    assertThat(notifications).hasSize(3);
    var slack = (Notification.Webhook) notifications.get(0);
    assertThat(slack.effectiveFormat()).isEqualTo(Notification.WebhookFormat.SLACK);
    assertThat(slack.headers()).isEqualTo(Map.of("Authorization", "Bearer ${env:CHAOS_TOKEN}"));
    assertThat(slack.wants(Notification.Event.GATE)).isTrue();
    var log = (Notification.LogFile) notifications.get(1);
    assertThat(log.effectiveFormat()).isEqualTo(Notification.LogFormat.TEXT);
    assertThat(log.wants(Notification.Event.START)).isFalse();
    var plain = (Notification.Webhook) notifications.get(2);
    assertThat(plain.effectiveFormat()).isEqualTo(Notification.WebhookFormat.GENERIC);
    assertThat(plain.wants(Notification.Event.HALT)).as("no events: all").isTrue();

    assertThat(ExperimentFormat.write(experiment, Syntax.YAML)).isEqualTo(CANONICAL);
  }

  @Test
  void editsOfOtherPartsKeepTheNotifications() {
    Experiment experiment =
        new ExperimentReader().read(CANONICAL, Syntax.YAML).experiment().orElseThrow();

    Experiment edited =
        new PutTarget("web", Target.pods("shop", "app=web"), "Add target web", null)
            .apply(experiment);

    assertThat(edited.spec().notifications()).isEqualTo(experiment.spec().notifications());
  }

  @Test
  void anUnknownEventOrAnItemWithoutASinkIsAnErrorAtItsPosition() {
    String text =
        """
        apiVersion: faultline.dev/v1alpha1
        kind: Experiment
        metadata:
          name: notified
        spec:
          steps: []
          notifications:
            - webhook: {url: "https://example.com", events: [start, finsh]}
            - email: {to: ops}
        """;

    ReadResult read = new ExperimentReader().read(text, Syntax.YAML);

    assertThat(read.problems())
        .extracting(p -> p.path() + " " + p.line() + ":" + p.column() + " " + p.message())
        .containsExactly(
            "spec.notifications[0].webhook.events[1] 8:61 'finsh' is not a valid event; use one of"
                + " start, gate, halt, finish; did you mean 'finish'?",
            "spec.notifications[1].email 9:14 a notification is one mapping with either"
                + " 'webhook' or 'logFile'");
  }
}
