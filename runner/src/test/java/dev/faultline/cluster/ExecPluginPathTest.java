package dev.faultline.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Merging this process's PATH with the login shell's. */
class ExecPluginPathTest {

  private static String path(String... entries) {
    return String.join(File.pathSeparator, entries);
  }

  @Test
  void theProcessEntriesComeFirstAndTheLoginShellAddsWhatIsMissing() {
    assertThat(
            ExecPluginPath.merge(
                path("/usr/bin", "/bin"), path("/home/me/.local/bin", "/usr/bin", "/opt/aws/bin")))
        .isEqualTo(path("/usr/bin", "/bin", "/home/me/.local/bin", "/opt/aws/bin"));
  }

  @Test
  void nothingToAddLeavesTheProcessPathAsItIs() {
    String process = path("/usr/bin", "", "/bin");

    assertThat(ExecPluginPath.merge(process, path("/bin", "/usr/bin"))).isSameAs(process);
    assertThat(ExecPluginPath.merge(process, "")).isSameAs(process);
    assertThat(ExecPluginPath.merge("", path("/opt/bin"))).isEqualTo("/opt/bin");
  }

  @Test
  void asksTheLoginShellOnceAndOnlyWhenNeeded() {
    AtomicInteger asked = new AtomicInteger();
    ExecPluginPath execPath =
        new ExecPluginPath(
            "/usr/bin",
            () -> {
              asked.incrementAndGet();
              return Optional.of(path("/usr/bin", "/opt/bin"));
            });
    assertThat(asked).hasValue(0);

    assertThat(execPath.get()).isEqualTo(path("/usr/bin", "/opt/bin"));
    assertThat(execPath.extendsProcessPath()).isTrue();
    assertThat(execPath.get()).isEqualTo(path("/usr/bin", "/opt/bin"));
    assertThat(asked).hasValue(1);
    assertThat(execPath.processPath()).isEqualTo("/usr/bin");
  }

  @Test
  void withoutALoginShellThePluginsGetTheProcessPath() {
    ExecPluginPath execPath = new ExecPluginPath(null, Optional::empty);

    assertThat(execPath.get()).isEmpty();
    assertThat(execPath.extendsProcessPath()).isFalse();
  }
}
