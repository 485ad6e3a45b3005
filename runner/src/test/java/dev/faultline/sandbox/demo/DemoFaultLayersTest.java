package dev.faultline.sandbox.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The fault arithmetic, checked over many dice rolls without the HTTP round trips. */
class DemoFaultLayersTest {
  private final FaultLayers layers = new FaultLayers(new SplittableRandom(7));

  @Test
  void abortChancesCombineAsIndependentEvents() {
    layers.put("chaos", Faults.abort(50, 503));
    layers.put("istio", Faults.abort(50, 500));

    assertThat(layers.abortPercent()).isCloseTo(75, within(1e-9));
    long aborted = IntStream.range(0, 10_000).filter(i -> layers.decide().aborted()).count();
    assertThat(aborted).isBetween(7300L, 7700L);
  }

  @Test
  void whenSeveralLayersAbortTheFirstSourceIdGivesTheStatus() {
    layers.put("b-istio", Faults.abort(100, 500));
    layers.put("a-chaos", Faults.abort(100, 503));

    assertThat(layers.decide().abortStatus()).isEqualTo(503);
    assertThat(layers.abortsAll()).isTrue();
  }

  @Test
  void delayPercentDelaysThatShareOfRequests() {
    layers.put("istio", Faults.delay(Duration.ofMillis(100)).withDelayPercent(25));

    long delayed =
        IntStream.range(0, 10_000).filter(i -> layers.decide().delay().isPositive()).count();
    assertThat(delayed).isBetween(2300L, 2700L);
  }

  @Test
  void jitterSpreadsAroundTheLatencyAndNeverGoesNegative() {
    layers.put("chaos", Faults.delay(Duration.ofMillis(200)).withJitter(Duration.ofMillis(100)));
    layers.put("wide", Faults.delay(Duration.ofMillis(10)).withJitter(Duration.ofMillis(50)));

    var delays = IntStream.range(0, 2000).mapToObj(i -> layers.decide().delay()).toList();

    assertThat(delays)
        .allSatisfy(d -> assertThat(d).isBetween(Duration.ofMillis(100), Duration.ofMillis(360)));
    assertThat(delays.stream().distinct().count()).isGreaterThan(1000);
  }

  @Test
  void sameSeedSameOutcomes() {
    FaultLayers twin = new FaultLayers(new SplittableRandom(7));
    Faults flaky =
        Faults.abort(30, 503).withDelay(Duration.ofMillis(50), Duration.ofMillis(20), 60);
    layers.put("x", flaky);
    twin.put("x", flaky);

    var first = IntStream.range(0, 500).mapToObj(i -> layers.decide()).toList();
    var second = IntStream.range(0, 500).mapToObj(i -> twin.decide()).toList();

    assertThat(second).isEqualTo(first);
  }

  @Test
  void noLayersNoFaults() {
    assertThat(layers.decide()).isEqualTo(FaultDecision.NONE);
    assertThat(layers.abortPercent()).isZero();
    assertThat(layers.abortsAll()).isFalse();
  }

  @Test
  void faultsRejectNonsense() {
    assertThatThrownBy(() -> Faults.abort(101, 503)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Faults.abort(Double.NaN, 503))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Faults.abort(10, 200)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Faults.delay(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Faults.NONE.withDelayPercent(-5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Faults.NONE.delays()).isFalse();
    assertThat(Faults.NONE.aborts()).isFalse();
  }
}
