package dev.faultline.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.catalog.Catalog;
import dev.faultline.catalog.ParamValues;
import dev.faultline.model.Params;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IstioFaultTest {
  private static IstioFault of(Map<String, Object> with) throws AttackException {
    var descriptor = Catalog.builtIn().find(IstioFaultExecutor.ID).orElseThrow();
    return IstioFault.of(ParamValues.of(descriptor, Params.of(with)));
  }

  @Test
  void aDelayAloneDelaysEveryRequestUnlessAPercentIsGiven() throws Exception {
    IstioFault delay = of(Map.of("fixedDelay", "1500ms"));
    assertThat(delay.toJson().toString())
        .isEqualTo("{\"delay\":{\"fixedDelay\":\"1500ms\",\"percentage\":{\"value\":100.0}}}");
    assertThat(delay.describe()).isEqualTo("delay 1500ms for 100% of requests");
    assertThat(of(Map.of("fixedDelay", "2m", "delayPercent", 12.5)).describe())
        .isEqualTo("delay 120s for 12.5% of requests");
  }

  @Test
  void delayAndAbortGoTogether() throws Exception {
    IstioFault both =
        of(Map.of("fixedDelay", "2s", "delayPercent", 50, "abortPercent", 10, "abortStatus", 500));
    assertThat(both.toJson().toString())
        .isEqualTo(
            "{\"delay\":{\"fixedDelay\":\"2s\",\"percentage\":{\"value\":50.0}},"
                + "\"abort\":{\"httpStatus\":500,\"percentage\":{\"value\":10.0}}}");
    assertThat(both.describe())
        .isEqualTo("delay 2s for 50% and abort with 500 for 10% of requests");
    assertThat(of(Map.of("abortPercent", 30)).toJson().toString())
        .isEqualTo("{\"abort\":{\"httpStatus\":503,\"percentage\":{\"value\":30.0}}}");
  }

  @Test
  void aFaultNeedsADelayOrAnAbort() {
    assertThatThrownBy(() -> of(Map.of()))
        .hasMessage(
            "mesh.istio.fault needs a delay (fixedDelay, optionally delayPercent), an abort"
                + " (abortPercent, optionally abortStatus) or both");
    assertThatThrownBy(() -> of(Map.of("delayPercent", 20)))
        .hasMessage("mesh.istio.fault: delayPercent needs fixedDelay, the delay to add");
    assertThatThrownBy(() -> of(Map.of("fixedDelay", "0s")))
        .hasMessage("mesh.istio.fault: fixedDelay must be at least 1ms (Istio's limit), not 0ms");
  }
}
