package dev.faultline.sandbox.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.sandbox.demo.Faults;
import dev.faultline.sandbox.demo.ServiceKey;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** How the simulated Istio reads a VirtualService's fault and hosts. */
class IstioControllerTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static Faults faultOf(String http) {
    JsonNode routes = JSON.readTree(http);
    return IstioController.faultOf(routes);
  }

  @Test
  void delayAndAbortWithPercentagesApplyTogether() {
    Faults faults =
        faultOf(
            """
            [{"route": [{"destination": {"host": "ratings"}}]},
             {"fault": {"delay": {"fixedDelay": "1.5s", "percentage": {"value": 25.5}},
                        "abort": {"httpStatus": 500, "percentage": {"value": 10}}},
              "route": [{"destination": {"host": "ratings"}}]}]
            """);

    assertThat(faults.latency()).isEqualTo(Duration.ofMillis(1500));
    assertThat(faults.delayPercent()).isEqualTo(25.5);
    assertThat(faults.abortPercent()).isEqualTo(10);
    assertThat(faults.abortStatus()).isEqualTo(500);
  }

  @Test
  void theDeprecatedIntegerPercentAndAMissingPercentageAreRead() {
    Faults old = faultOf("[{\"fault\": {\"abort\": {\"httpStatus\": 503, \"percent\": 40}}}]");
    assertThat(old.abortPercent()).isEqualTo(40);
    assertThat(old.delays()).isFalse();

    Faults all = faultOf("[{\"fault\": {\"delay\": {\"fixedDelay\": \"200ms\"}}}]");
    assertThat(all.delayPercent()).isEqualTo(100);
    assertThat(all.aborts()).isFalse();
  }

  @Test
  void anAbortStatusTheDemoServicesCannotAnswerLeavesTheDelay() {
    Faults faults =
        faultOf(
            """
            [{"fault": {"delay": {"fixedDelay": "100ms", "percentage": {"value": 100}},
                        "abort": {"httpStatus": 204, "percentage": {"value": 100}}}}]
            """);
    assertThat(faults.aborts()).isFalse();
    assertThat(faults.latency()).isEqualTo(Duration.ofMillis(100));
  }

  @Test
  void noFaultMeansNone() {
    assertThat(faultOf("[{\"route\": [{\"destination\": {\"host\": \"ratings\"}}]}]"))
        .isEqualTo(Faults.NONE);
    assertThat(faultOf("[]")).isEqualTo(Faults.NONE);
  }

  @Test
  void hostsNameTheServiceInEveryForm() {
    ServiceKey ratings = new ServiceKey("bookinfo", "ratings");
    assertThat(IstioController.service("ratings", "bookinfo")).isEqualTo(ratings);
    assertThat(IstioController.service("ratings.bookinfo", "other")).isEqualTo(ratings);
    assertThat(IstioController.service("ratings.bookinfo.svc.cluster.local", "other"))
        .isEqualTo(ratings);
  }
}
