package dev.faultline.designer.run.chart;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AxisTicksTest {

  @Test
  void roundsOutToNiceSteps() {
    AxisTicks ticks = AxisTicks.covering(3, 87, 5);
    assertThat(ticks.step()).isEqualTo(50);
    assertThat(ticks.low()).isEqualTo(0);
    assertThat(ticks.high()).isEqualTo(100);
    assertThat(ticks.count()).isEqualTo(3);
  }

  @Test
  void aFlatSeriesGetsARangeAroundIt() {
    AxisTicks ticks = AxisTicks.covering(200, 200, 5);
    assertThat(ticks.low()).isLessThan(200);
    assertThat(ticks.high()).isGreaterThan(200);
  }
}
