package dev.faultline.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NamespacePolicyTest {
  @Test
  void systemNamespacesAreDeniedUnlessTheFileSaysOtherwise() {
    assertThat(NamespacePolicy.DEFAULT.permits("kube-system")).isFalse();
    assertThat(NamespacePolicy.DEFAULT.permits("shop")).isTrue();
    var optOut = new NamespacePolicy(List.of(), List.of(), null);
    assertThat(optOut.permits("kube-system")).isTrue();
  }

  @Test
  void denyWinsOverAllow() {
    var policy = new NamespacePolicy(List.of("shop", "db"), List.of("db"), null);
    assertThat(policy.permits("shop")).isTrue();
    assertThat(policy.permits("db")).isFalse();
    assertThat(policy.permits("other")).isFalse();
  }
}
