package dev.faultline.sandbox.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** HTTPChaos-style layers act on the requests they match; clock offsets act on every answer. */
class DemoRequestMatchTest {
  @Test
  void pathsMatchWithWildcardsAndMethodsIgnoreCase() {
    var api = new RequestMatch("/api/*", "post", 0);
    assertThat(api.matches("POST", "/api/orders")).isTrue();
    assertThat(api.matches("POST", "/api/")).isTrue();
    assertThat(api.matches("GET", "/api/orders")).isFalse();
    assertThat(api.matches("POST", "/apiv2")).isFalse();
    assertThat(new RequestMatch("*.json", "", 0).matches("GET", "/a/b.json")).isTrue();
    assertThat(new RequestMatch("/a.b", "", 0).matches("GET", "/axb"))
        .as("dots are literal")
        .isFalse();
    assertThat(RequestMatch.ALL.matches("DELETE", "/anything")).isTrue();
    assertThat(new RequestMatch("", "", 418).matchesStatus(200)).isFalse();
  }

  @Test
  void onlyMatchingLayersAbortOrRewriteAndAPartialAbortLeavesTheServiceUp() {
    var layers = new FaultLayers(new SplittableRandom(1));
    layers.put(
        "httpchaos/shop/api", Faults.abort(100, 503).withMatch(new RequestMatch("/api/*", "", 0)));
    layers.put(
        "httpchaos/shop/teapot",
        Faults.NONE
            .withMatch(new RequestMatch("/tea", "", 0))
            .withRewrite(new HttpRewrite("", "", 418, null, null, null, null)));
    layers.put("timechaos/shop/skew", Faults.clockOffset(Duration.ofHours(-2)));

    assertThat(layers.decide("GET", "/api/x").abortStatus()).isEqualTo(503);
    FaultDecision other = layers.decide("GET", "/shop");
    assertThat(other.aborted()).isFalse();
    assertThat(other.rewrites()).isEmpty();
    assertThat(other.clockOffset()).isEqualTo(Duration.ofHours(-2));
    assertThat(layers.decide("GET", "/tea").rewrites()).hasSize(1);
    assertThat(layers.abortsAll()).isFalse();
    layers.put("networkchaos/shop/cut", Faults.abort(100, 503));
    assertThat(layers.abortsAll()).isTrue();
  }

  @Test
  void rewrittenRequestPathsAndMethodsAreWhatTheServiceSees() {
    var decision =
        new FaultDecision(
            Duration.ZERO,
            0,
            java.util.List.of(
                new FaultDecision.Rewrite(
                    RequestMatch.ALL,
                    new HttpRewrite("/gone", "DELETE", 0, null, null, null, null))),
            Duration.ZERO);
    assertThat(decision.path("/orders")).isEqualTo("/gone");
    assertThat(decision.method("GET")).isEqualTo("DELETE");
    assertThat(FaultDecision.NONE.path("/orders")).isEqualTo("/orders");
  }
}
