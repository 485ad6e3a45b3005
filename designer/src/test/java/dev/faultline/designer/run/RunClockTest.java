package dev.faultline.designer.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RunClockTest {
  @Test
  void nowRunsOnFromTheNewestEventAndStopsAtTheFinish() {
    AtomicLong system = new AtomicLong(1_000);
    RunClock clock = new RunClock(system::get);
    assertThat(clock.now()).isZero();
    assertThat(clock.running()).isFalse();

    clock.observe(SyntheticRun.until(SyntheticRun.s(2)));
    assertThat(clock.now()).isEqualTo(SyntheticRun.s(2));
    system.addAndGet(SyntheticRun.s(1.5));
    assertThat(clock.now()).isEqualTo(SyntheticRun.s(3.5));

    clock.observe(SyntheticRun.events());
    system.addAndGet(SyntheticRun.s(60));
    assertThat(clock.finished()).isTrue();
    assertThat(clock.now()).isEqualTo(SyntheticRun.s(41));
  }

  @Test
  void aLateBatchWithOlderTimesNeverMovesNowBackwards() {
    AtomicLong system = new AtomicLong();
    RunClock clock = new RunClock(system::get);
    clock.observe(SyntheticRun.until(SyntheticRun.s(10)));
    system.addAndGet(SyntheticRun.s(5));
    long before = clock.now();
    clock.observe(List.of(SyntheticRun.events().get(1)));
    assertThat(clock.now()).isGreaterThanOrEqualTo(before);
  }
}
