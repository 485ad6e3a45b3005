package dev.faultline.installers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ModuleListTest {

  @Test
  void takesJdepsListFromItsLastLineAfterWarningsAndAddsExtrasSorted() {
    String jdeps =
        """
        Warning: split package: tools.jackson.databind.util file:///x.jar x.jar
        java.base,java.desktop,javafx.controls,jdk.unsupported

        """;

    assertThat(ModuleList.merge(jdeps, "jdk.crypto.ec, jdk.unsupported,jdk.charsets"))
        .containsExactly(
            "java.base",
            "java.desktop",
            "javafx.controls",
            "jdk.charsets",
            "jdk.crypto.ec",
            "jdk.unsupported");
  }

  @Test
  void refusesOutputWithoutAModuleListSoAJdepsErrorFailsTheBuild() {
    assertThatThrownBy(() -> ModuleList.merge("Error: missing dependencies\n", "jdk.zipfs"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no module list");
    assertThatThrownBy(() -> ModuleList.merge("", "jdk.zipfs"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesAnExtraThatIsNoModuleName() {
    assertThatThrownBy(() -> ModuleList.merge("java.base", "jdk.zipfs,jdk/crypto"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("jdk/crypto");
  }
}
