package dev.faultline.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.safety.FaultAnnotations;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FaultJsonTest {
  private final Fault fault =
      new Fault(
          "freeze#1",
          "run-7",
          "freeze",
          "process.signal",
          "prod",
          ObjectRef.container("shop", "checkout-1", "app"),
          "SIGSTOP processes matching /java/ in Pod shop/checkout-1 [app]",
          true,
          Map.of("signal", "SIGSTOP", "process", "java"));

  @Test
  void aFaultSurvivesTheRoundTrip() {
    assertThat(FaultJson.read(FaultJson.write(fault))).isEqualTo(fault);
    assertThat(FaultJson.readAll(FaultJson.writeAll(List.of(fault, fault)))).hasSize(2);
    assertThat(FaultJson.readAll(FaultJson.write(fault))).containsExactly(fault);
  }

  @Test
  void marksAreReadFromTheAnnotationsAndGarbageReadsAsNone() {
    assertThat(FaultMarks.read(Map.of(FaultAnnotations.FAULT, FaultJson.writeAll(List.of(fault)))))
        .containsExactly(fault);
    assertThat(FaultMarks.read(Map.of(FaultAnnotations.FAULT, "{not json"))).isEmpty();
    assertThat(FaultMarks.read(null)).isEmpty();
    assertThatThrownBy(() -> FaultJson.read("[1]"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("not a Faultline fault");
  }
}
