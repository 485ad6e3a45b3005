package dev.faultline.attack.chaosmesh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.attack.FaultStatus;
import dev.faultline.attack.FaultStatus.State;
import org.junit.jupiter.api.Test;

/** What a Chaos Mesh resource's status says about the fault. */
class ChaosStatusTest {
  private static FaultStatus of(String json) {
    return ChaosStatus.of(ChaosResources.JSON.readTree(json));
  }

  private static String conditions(String selected, String injected, String recovered) {
    return "\"conditions\":[{\"type\":\"Selected\",\"status\":\""
        + selected
        + "\"},{\"type\":\"AllInjected\",\"status\":\""
        + injected
        + "\"},{\"type\":\"AllRecovered\",\"status\":\""
        + recovered
        + "\"},{\"type\":\"Paused\",\"status\":\"False\"}]";
  }

  private static String record(String id, String phase) {
    return "{\"id\":\""
        + id
        + "\",\"phase\":\""
        + phase
        + "\",\"selectorKey\":\".\",\"injectedCount\":1,\"recoveredCount\":0}";
  }

  @Test
  void noStatusYetIsUnknown() {
    assertThat(of("{\"metadata\":{}}").state()).isEqualTo(State.UNKNOWN);
    assertThat(of("{\"metadata\":{}}").message()).contains("not reported");
  }

  @Test
  void injectedPodsAreCounted() {
    FaultStatus status =
        of(
            "{\"status\":{"
                + conditions("True", "False", "False")
                + ",\"experiment\":{\"desiredPhase\":\"Run\",\"containerRecords\":["
                + record("shop/a", "Injected")
                + ","
                + record("shop/b", "Not Injected")
                + "]}}}");
    assertThat(status.state()).isEqualTo(State.ACTIVE);
    assertThat(status.message()).isEqualTo("injected into 1 of 2 pods; not injected: shop/b");
  }

  @Test
  void failedInjectionsSayWhy() {
    FaultStatus status =
        of(
            "{\"status\":{"
                + conditions("True", "False", "False")
                + ",\"experiment\":{\"containerRecords\":[{\"id\":\"shop/a\",\"phase\":\"Not Injected\",\"events\":[{\"type\":\"Failed\",\"operation\":\"Apply\",\"timestamp\":\"2026-01-01T00:00:00Z\",\"message\":\"container not found\"}]}]}}}");
    assertThat(status.state()).isEqualTo(State.UNKNOWN);
    assertThat(status.message())
        .isEqualTo("Chaos Mesh has not injected it yet into shop/a (container not found)");
  }

  @Test
  void nothingSelectedMeansThePodsAreGone() {
    FaultStatus status =
        of(
            "{\"status\":{"
                + conditions("False", "False", "True")
                + ",\"experiment\":{\"containerRecords\":[]}}}");
    assertThat(status.state()).isEqualTo(State.GONE);
  }

  @Test
  void stoppedAndRecoveredMeansChaosMeshEndedIt() {
    FaultStatus status =
        of(
            "{\"status\":{"
                + conditions("True", "True", "True")
                + ",\"experiment\":{\"desiredPhase\":\"Stop\",\"containerRecords\":["
                + record("shop/a", "Recovered")
                + "]}}}");
    assertThat(status.state()).isEqualTo(State.RECOVERED);
    assertThat(status.message()).contains("duration is over");
  }

  @Test
  void pausedAndDeletingAreReported() {
    assertThat(
            of("{\"status\":{\"conditions\":[{\"type\":\"Paused\",\"status\":\"True\"}]}}").state())
        .isEqualTo(State.RECOVERED);
    assertThat(of("{\"metadata\":{\"deletionTimestamp\":\"2026-01-01T00:00:00Z\"}}").message())
        .contains("being deleted");
  }
}
