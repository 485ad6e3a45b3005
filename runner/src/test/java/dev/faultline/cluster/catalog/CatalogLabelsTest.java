package dev.faultline.cluster.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Keys and ConfigMap names stay within Kubernetes' limits for any experiment name. */
class CatalogLabelsTest {

  @Test
  void aShortNameIsItsOwnKey() {
    assertThat(CatalogLabels.key("checkout-freeze")).isEqualTo("checkout-freeze");
    assertThat(CatalogLabels.configMapName("checkout-freeze", 12))
        .isEqualTo("faultline-exp-checkout-freeze-v12");
  }

  @Test
  void aLongNameIsCutAndHashedIntoAValidLabelValue() {
    String base = "a".repeat(50) + "-.b";
    String first = base + "x".repeat(40);
    String second = base + "y".repeat(40);

    String key = CatalogLabels.key(first);

    assertThat(key).hasSizeLessThanOrEqualTo(63);
    assertThat(CatalogLabels.isLabelValue(key)).isTrue();
    // The cut falls on "-." at characters 51-52; they are dropped so the key ends alphanumeric.
    assertThat(key).startsWith("a".repeat(50) + "-").doesNotContain("-.");
    assertThat(CatalogLabels.key(second)).isNotEqualTo(key);
    assertThat(CatalogLabels.configMapName(first, 999_999_999)).hasSizeLessThanOrEqualTo(253);
  }

  @Test
  void aNameOfExactlySixtyThreeCharactersIsKept() {
    String name = "n".repeat(63);
    assertThat(CatalogLabels.key(name)).isEqualTo(name);
    assertThat(CatalogLabels.key(name + "n")).isNotEqualTo(name + "n").hasSize(52 + 11);
  }
}
