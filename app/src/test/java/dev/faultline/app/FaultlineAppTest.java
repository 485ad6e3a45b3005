package dev.faultline.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FaultlineAppTest {

  @Test
  void theFirstNonBlankArgumentIsTheFile() {
    assertThat(FaultlineApp.fileArgument(List.of())).isEmpty();
    assertThat(FaultlineApp.fileArgument(List.of("", "a.yaml", "b.yaml"))).contains("a.yaml");
  }

  @Test
  void versionFallsBackToDevOutsideAJar() {
    // Tests run from target/classes, which has no manifest.
    assertThat(AppVersion.current()).isEqualTo("dev");
  }
}
