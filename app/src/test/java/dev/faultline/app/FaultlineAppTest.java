package dev.faultline.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FaultlineAppTest {

  @Test
  void versionFallsBackToDevOutsideAJar() {
    // Tests run from target/classes, which has no manifest.
    assertThat(AppVersion.current()).isEqualTo("dev");
  }
}
