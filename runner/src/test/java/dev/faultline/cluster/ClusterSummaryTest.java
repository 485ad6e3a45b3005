package dev.faultline.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ClusterSummaryTest {

  private static String describe(OptionalInt namespaces, OptionalInt pods) {
    return new ClusterSummary.Reachable("https://x", "v1.35.0", namespaces, pods).describe();
  }

  @Test
  void describesSizeInWords() {
    assertThat(describe(OptionalInt.of(5), OptionalInt.of(19)))
        .isEqualTo("v1.35.0 \u00b7 19 pods in 5 namespaces");
    assertThat(describe(OptionalInt.of(1), OptionalInt.of(1)))
        .isEqualTo("v1.35.0 \u00b7 1 pod in 1 namespace");
    assertThat(describe(OptionalInt.empty(), OptionalInt.of(0))).isEqualTo("v1.35.0 \u00b7 0 pods");
    assertThat(describe(OptionalInt.empty(), OptionalInt.empty()))
        .isEqualTo("v1.35.0 \u00b7 no permission to list pods or namespaces");
  }

  @Test
  void buildMetadataIsLeftOut() {
    assertThat(
            new ClusterSummary.Reachable(
                    "https://x", "v1.30.4+k3s1", OptionalInt.of(2), OptionalInt.of(3))
                .describe())
        .isEqualTo("v1.30.4 \u00b7 3 pods in 2 namespaces");
  }

  @Test
  void unavailableIsItsMessage() {
    assertThat(
            new ClusterSummary.Unavailable("https://x", "cannot reach https://x: boom").describe())
        .isEqualTo("cannot reach https://x: boom");
  }
}
