package dev.faultline.designer.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SameThreadTaskExecutorTest {

  private final SameThreadTaskExecutor executor = new SameThreadTaskExecutor();
  private final List<String> log = new ArrayList<>();

  @Test
  void deliversTheResultBeforeReturning() {
    executor.execute(() -> Thread.currentThread().getName(), log::add, failure -> log.add("error"));

    assertThat(log).containsExactly(Thread.currentThread().getName());
  }

  @Test
  void deliversTheFailureBeforeReturning() {
    executor.<String>execute(
        () -> {
          throw new IllegalStateException("nope");
        },
        log::add,
        failure -> log.add("error: " + failure.getMessage()));

    assertThat(log).containsExactly("error: nope");
  }
}
