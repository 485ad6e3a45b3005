package dev.faultline.installers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PackageVersionTest {

  @Test
  void dropsTheQualifierAndPadsToThreeNumbers() {
    assertThat(PackageVersion.of("0.1.0-SNAPSHOT", "linux")).isEqualTo("0.1.0");
    assertThat(PackageVersion.of("1.2", "linux")).isEqualTo("1.2.0");
    assertThat(PackageVersion.of("3-rc1", "windows")).isEqualTo("3.0.0");
    assertThat(PackageVersion.of("2.10.7.4", "linux")).isEqualTo("2.10.7");
  }

  @Test
  void macOsGetsANonZeroFirstNumberBecauseJpackageRefusesZero() {
    assertThat(PackageVersion.of("0.1.0-SNAPSHOT", "mac")).isEqualTo("1.1.0");
    assertThat(PackageVersion.of("2.0.1", "mac")).isEqualTo("2.0.1");
  }

  @Test
  void windowsRefusesWhatAnMsiCannotHold() {
    assertThat(PackageVersion.of("255.255.65535", "windows")).isEqualTo("255.255.65535");
    assertThatThrownBy(() -> PackageVersion.of("1.256.0", "windows"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("255.255.65535");
  }

  @Test
  void refusesAVersionWithoutNumbersOrAnUnknownOs() {
    assertThatThrownBy(() -> PackageVersion.of("SNAPSHOT", "linux"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PackageVersion.of("1.0", "beos"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
