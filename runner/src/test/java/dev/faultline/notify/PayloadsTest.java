package dev.faultline.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.model.Notification;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class PayloadsTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void genericJsonCarriesTheDocumentedFieldsInOrder() {
    JsonNode node =
        JSON.readTree(Payloads.generic(Messages.finish("passed", "all 2 steps succeeded")));

    assertThat(node.propertyNames())
        .containsExactly(
            "schema", "event", "runId", "experiment", "context", "at", "summary", "details");
    assertThat(node.get("schema").asString()).isEqualTo("faultline.dev/notification/v1");
    assertThat(node.get("event").asString()).isEqualTo("finish");
    assertThat(node.get("runId").asString()).isEqualTo("checkout-1");
    assertThat(node.get("experiment").asString()).isEqualTo("checkout-freeze");
    assertThat(node.get("context").asString()).isEqualTo("kind-shop");
    assertThat(node.get("at").asString()).isEqualTo("2026-12-03T12:00:00Z");
    assertThat(node.get("summary").asString())
        .isEqualTo("Run of checkout-freeze passed after 12.3s: all 2 steps succeeded");
    assertThat(node.get("details").get("verdict").asString()).isEqualTo("passed");
    assertThat(node.get("details").get("durationSeconds").asDouble()).isEqualTo(12.345);
    assertThat(node.get("details").get("faultsLeftOpen").asInt()).isZero();
  }

  @Test
  void slackJsonHasAPreviewTextASectionAndAContextLineNamingTheRun() {
    JsonNode node =
        JSON.readTree(Payloads.slack(Messages.finish("failed", "step 'p' failed: <500> & down")));

    assertThat(node.get("text").asString())
        .isEqualTo(":x: Run of checkout-freeze failed after 12.3s: step 'p' failed: <500> & down");
    JsonNode blocks = node.get("blocks");
    assertThat(blocks).hasSize(2);
    assertThat(blocks.get(0).get("type").asString()).isEqualTo("section");
    assertThat(blocks.get(0).get("text").get("type").asString()).isEqualTo("mrkdwn");
    // Slack reads <...> as links and & as an entity: escaped in mrkdwn.
    assertThat(blocks.get(0).get("text").get("text").asString()).contains("&lt;500&gt; &amp; down");
    assertThat(blocks.get(1).get("type").asString()).isEqualTo("context");
    assertThat(blocks.get(1).get("elements").get(0).get("text").asString())
        .isEqualTo(
            "experiment `checkout-freeze` · context `kind-shop` · run `checkout-1` · event `finish`");
  }

  @Test
  void slackStartListsTheStepsAndFinishWarnsAboutOpenFaults() {
    String start = Payloads.slack(Messages.start());
    assertThat(JSON.readTree(start).get("blocks").get(0).get("text").get("text").asString())
        .startsWith(":arrow_forward: *Run of checkout-freeze started on kind-shop*")
        .endsWith("steps: freeze, kill");

    var open =
        new NotifyMessage(
            Notification.Event.FINISH,
            "r",
            "x",
            "c",
            Messages.AT,
            Map.of("verdict", "error", "reason", "r", "durationSeconds", 1, "faultsLeftOpen", 2));
    assertThat(Payloads.slack(open)).contains("2 fault(s) left open: run `faultline cleanup`");
  }

  @Test
  void gateAndHaltSummariesSayWhatHappened() {
    var gate =
        new NotifyMessage(
            Notification.Event.GATE,
            "r",
            "x",
            "c",
            Messages.AT,
            Map.of("step", "review", "question", "Kill the primary?"));
    var halt =
        new NotifyMessage(
            Notification.Event.HALT, "r", "x", "c", Messages.AT, Map.of("reason", "cancelled"));

    assertThat(Payloads.summary(gate))
        .isEqualTo("Run of x waits at gate 'review': Kill the primary?");
    assertThat(Payloads.summary(halt)).isEqualTo("Run of x halted: cancelled");
  }

  @Test
  void aTextLineIsOneLineWithQuotedValuesWhereNeeded() {
    String line = Payloads.text(Messages.finish("passed", "all 2 steps\nsucceeded"));

    assertThat(line)
        .doesNotContain("\n")
        .isEqualTo(
            "2026-12-03T12:00:00Z finish run=checkout-1 experiment=checkout-freeze"
                + " context=kind-shop verdict=passed reason=\"all 2 steps\\nsucceeded\""
                + " durationSeconds=12.345 faultsLeftOpen=0");
  }
}
