package dev.faultline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LaunchOptionsTest {

  @Test
  void theFirstNonBlankArgumentIsTheFile() {
    assertThat(LaunchOptions.parse(List.of())).isEqualTo(LaunchOptions.NONE);
    assertThat(LaunchOptions.parse(List.of("", "a.yaml", "b.yaml")).file()).contains("a.yaml");
  }

  @Test
  void sandboxIsAFlagBeforeOrAfterTheFile() {
    assertThat(LaunchOptions.parse(List.of("--sandbox", "x.yaml")))
        .isEqualTo(new LaunchOptions(true, Optional.of("x.yaml"), false));
    assertThat(LaunchOptions.parse(List.of("x.yaml", "--sandbox")))
        .isEqualTo(new LaunchOptions(true, Optional.of("x.yaml"), false));
    assertThat(LaunchOptions.parse(List.of("--sandbox")))
        .isEqualTo(new LaunchOptions(true, Optional.empty(), false));
  }

  @Test
  void doubleDashEndsTheOptions() {
    assertThat(LaunchOptions.parse(List.of("--", "--sandbox")))
        .isEqualTo(new LaunchOptions(false, Optional.of("--sandbox"), false));
    assertThat(LaunchOptions.parse(List.of("-")).file()).contains("-");
  }

  @Test
  void kubeconfigNamesTheFileToReadInstead() {
    assertThat(LaunchOptions.parse(List.of("--kubeconfig", "/tmp/eks.yaml", "x.yaml")))
        .isEqualTo(
            new LaunchOptions(false, Optional.of("x.yaml"), false, Optional.of("/tmp/eks.yaml")));
    assertThat(LaunchOptions.parse(List.of("--kubeconfig=/tmp/eks.yaml")).kubeconfig())
        .contains("/tmp/eks.yaml");
    assertThat(LaunchOptions.parse(List.of("--", "--kubeconfig")).file()).contains("--kubeconfig");
    assertThatThrownBy(() -> LaunchOptions.parse(List.of("--kubeconfig")))
        .hasMessage("--kubeconfig needs a PATH");
    assertThatThrownBy(() -> LaunchOptions.parse(List.of("--kubeconfig=")))
        .hasMessage("--kubeconfig needs a PATH");
  }

  @Test
  void unknownOptionsAreRejected() {
    assertThatThrownBy(() -> LaunchOptions.parse(List.of("--sandbx")))
        .hasMessage("unknown option --sandbx");
  }

  @Test
  void theLauncherPrintsUsageOrRejectsWithoutStartingJavaFx() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
    PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);

    assertThat(Launcher.check(List.of("--help"), outStream, errStream)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .startsWith("Usage: faultline-designer [--sandbox] [--kubeconfig PATH] [FILE]");
    assertThat(Launcher.check(List.of("--nope"), outStream, errStream)).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith("faultline-designer: unknown option --nope\nUsage:");
    assertThat(Launcher.check(List.of("--sandbox", "x.yaml"), outStream, errStream)).isEqualTo(-1);
  }
}
