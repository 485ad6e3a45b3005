package dev.faultline.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class StepIdTest {

  @Test
  void uniqueCountsUpFromTheStemOfTheBase() {
    assertThat(StepId.unique("kill", Set.of())).isEqualTo("kill");
    assertThat(StepId.unique("kill", Set.of("kill"))).isEqualTo("kill-2");
    assertThat(StepId.unique("kill", Set.of("kill", "kill-2"))).isEqualTo("kill-3");
    assertThat(StepId.unique("kill-2", Set.of("kill", "kill-2"))).isEqualTo("kill-3");
  }

  @Test
  void validIdsFollowTheFileRules() {
    assertThat(StepId.isValid("until-recovered")).isTrue();
    assertThat(StepId.isValid("a.b_c")).isTrue();
    assertThat(StepId.isValid("-a")).isFalse();
    assertThat(StepId.isValid("a-")).isFalse();
    assertThat(StepId.isValid("a".repeat(64))).isFalse();
    assertThat(StepId.isValid(null)).isFalse();
  }
}
